using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Platform.Security;
using Okno.Testing;

namespace Okno.Tests.Platform;

public sealed class CircuitRevalidationTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task A_live_circuit_loses_its_identity_when_the_agent_is_deactivated_or_their_rights_change()
    {
        var group = await okno.Admin.CreateGroupAsync();
        var (id, _) = await okno.App.CreateAgentAsync(okno.Admin, groupIds: [group]);
        await using var scope = okno.App.Services.CreateAsyncScope();
        var provider = Assert.IsType<CircuitRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var agent = (await okno.Admin.GetJsonAsync($"/api/v1/agents/{id}"));
        var session = await okno.App.WithDbAsync(db => scope.ServiceProvider.GetRequiredService<AgentSessions>().StartAsync(db, id, "test", null, CancellationToken.None));
        ClaimsPrincipal As(AgentRole role, params long[] groups) =>
            SecurityModule.PrincipalOf(new CurrentAgent(id, agent.Str("email"), agent.Str("name"), role, groups), DateTimeOffset.UtcNow, session);

        Assert.True(await provider.StillValidAsync(As(AgentRole.Agent, group), CancellationToken.None));
        Assert.True(await provider.StillValidAsync(new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None));
        Assert.False(await provider.StillValidAsync(As(AgentRole.Supervisor, group), CancellationToken.None));
        Assert.False(await provider.StillValidAsync(As(AgentRole.Agent), CancellationToken.None));

        await okno.Admin.DeleteAsync($"/api/v1/agents/{id}");
        Assert.False(await provider.StillValidAsync(As(AgentRole.Agent, group), CancellationToken.None));
    }

    [Fact]
    public async Task A_live_circuit_is_signed_out_at_once_when_its_session_is_revoked_not_at_the_next_periodic_check()
    {
        var (id, _) = await okno.App.CreateAgentAsync(okno.Admin);
        var agent = await okno.Admin.GetJsonAsync($"/api/v1/agents/{id}");
        await using var scope = okno.App.Services.CreateAsyncScope();
        var provider = Assert.IsType<CircuitRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var sessions = scope.ServiceProvider.GetRequiredService<AgentSessions>();
        var session = await okno.App.WithDbAsync(db => sessions.StartAsync(db, id, "test", null, CancellationToken.None));
        var user = SecurityModule.PrincipalOf(new CurrentAgent(id, agent.Str("email"), agent.Str("name"), AgentRole.Agent, []), DateTimeOffset.UtcNow, session);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        var signedOut = new TaskCompletionSource();
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true) signedOut.TrySetResult();
        };

        // A password change ends every session of the agent; the circuit hears of it at once (the interval is 30 s).
        await okno.Admin.PatchAsync($"/api/v1/agents/{id}", new { password = "another-password-2" });
        await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
