using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Testing;
using Okno.Platform.Security;

namespace Okno.IntegrationTests.Admin;

/// <summary>The reads behind the admin pages (role filter, group members, active agents per role) on both providers.</summary>
public sealed class AdminQueriesStorageTests
{
    [Theory]
    [BothDatabases]
    public async Task Role_filter_members_and_role_counts_read_alike(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("L1 — Первая линия");
        var (supervisor, _) = await app.CreateAgentAsync(admin, role: "supervisor", groupIds: [group]);
        var (agent, _) = await app.CreateAgentAsync(admin, role: "agent", groupIds: [group]);
        await admin.DeleteAsync($"/api/v1/agents/{agent}");

        await using var scope = app.Services.CreateAsyncScope();
        var agents = scope.ServiceProvider.GetRequiredService<AgentQueries>();
        var groups = scope.ServiceProvider.GetRequiredService<GroupQueries>();

        Assert.Equal([supervisor], (await agents.ListAsync(10, null, AgentRole.Supervisor, default)).Items.Select(a => a.Id));
        var members = await groups.MembersAsync(group, 1, null, default);
        Assert.Equal([supervisor], members.Items.Select(m => m.Id));
        var rest = await groups.MembersAsync(group, 1, members.NextCursor, default);
        Assert.Equal([(agent, false)], rest.Items.Select(m => (m.Id, m.IsActive)));
        var counts = await agents.ActiveByRoleAsync(default);
        Assert.Equal([(AgentRole.Admin, 1), (AgentRole.Supervisor, 1), (AgentRole.Agent, 0)], counts.Select(c => (c.Role, c.ActiveAgents)));
    }
}
