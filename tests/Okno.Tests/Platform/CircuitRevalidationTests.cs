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
        ClaimsPrincipal As(AgentRole role, params long[] groups) =>
            new(new CurrentAgent(id, agent.Str("email"), agent.Str("name"), role, groups).ToIdentity("test"));

        Assert.True(await provider.StillValidAsync(As(AgentRole.Agent, group), CancellationToken.None));
        Assert.True(await provider.StillValidAsync(new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None));
        Assert.False(await provider.StillValidAsync(As(AgentRole.Supervisor, group), CancellationToken.None));
        Assert.False(await provider.StillValidAsync(As(AgentRole.Agent), CancellationToken.None));

        await okno.Admin.DeleteAsync($"/api/v1/agents/{id}");
        Assert.False(await provider.StillValidAsync(As(AgentRole.Agent, group), CancellationToken.None));
    }
}
