using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Admin;

public sealed class AdminEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Agent_role_gets_403_on_admin_actions_but_may_list_colleagues_and_groups()
    {
        var (_, agent) = await okno.App.CreateAgentAsync(okno.Admin);
        var create = await agent.PostAsJsonAsync("/api/v1/agents", new { email = "x@test.okno", name = "X", password = "long-enough-1" });
        var problem = await create.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/groups", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/v1/agents/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/audit")).StatusCode);
        Assert.NotEmpty((await agent.GetJsonAsync("/api/v1/agents")).Items());
        await agent.GetJsonAsync("/api/v1/groups");
    }

    [Fact]
    public async Task Admin_manages_agents_and_every_action_is_audited()
    {
        var group = await okno.Admin.CreateGroupAsync("L1 " + Guid.NewGuid().ToString("N")[..6]);
        var email = $"new-{Guid.NewGuid():N}@Test.Okno";
        var agent = await okno.Admin.PostJsonAsync("/api/v1/agents",
            new { email, name = "Ольга", role = "agent", password = "first-password", groupIds = new[] { group } });
        Assert.Equal(email.ToLowerInvariant(), agent.Str("email"));
        Assert.Equal([group], agent.GetProperty("groupIds").EnumerateArray().Select(g => g.GetInt64()));

        var duplicate = await okno.Admin.PostAsJsonAsync("/api/v1/agents", new { email, name = "Again", password = "first-password" });
        await duplicate.JsonAsync(HttpStatusCode.Conflict);

        var changed = await okno.Admin.PatchAsync($"/api/v1/agents/{agent.Id()}", new { role = "supervisor", groupIds = Array.Empty<long>() });
        Assert.Equal("supervisor", changed.Str("role"));
        Assert.Empty(changed.GetProperty("groupIds").EnumerateArray());

        var session = await okno.App.ClientAsync(email, "first-password");
        Assert.Equal(HttpStatusCode.NoContent, (await okno.Admin.DeleteAsync($"/api/v1/agents/{agent.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        Assert.False((await okno.Admin.GetJsonAsync($"/api/v1/agents/{agent.Id()}")).GetProperty("isActive").GetBoolean());

        var actions = (await okno.Admin.GetJsonAsync("/api/v1/audit?limit=100")).Items().Select(e => e.Str("action")).ToList();
        Assert.Contains("agent.created", actions);
        Assert.Contains("agent.changed", actions);
        Assert.Contains("agent.deactivated", actions);
        Assert.Contains("group.created", actions);
    }

    [Fact]
    public async Task Bad_agent_input_names_each_field()
    {
        var problem = await (await okno.Admin.PostAsJsonAsync("/api/v1/agents",
            new { email = "nope", name = "", password = "short", groupIds = new[] { 999_999L }, language = "de" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "groupIds", "language", "name", "password"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_deactivate_themselves()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        await admin.PatchAsync("/api/v1/agents/1", new { role = "agent" }, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.DeleteAsync("/api/v1/agents/1")).StatusCode);
        Assert.Equal("admin", (await admin.GetJsonAsync("/api/v1/me")).Str("role"));
    }

    [Fact]
    public async Task Group_names_are_unique_and_a_group_with_tickets_cannot_be_deleted()
    {
        var name = "L2 " + Guid.NewGuid().ToString("N")[..6];
        var group = await okno.Admin.CreateGroupAsync(name);
        await (await okno.Admin.PostAsJsonAsync("/api/v1/groups", new { name })).JsonAsync(HttpStatusCode.Conflict);
        await okno.Admin.CreateTicketAsync("Routed", extra: new { groupId = group });
        await (await okno.Admin.DeleteAsync($"/api/v1/groups/{group}")).JsonAsync(HttpStatusCode.Conflict);

        var empty = await okno.Admin.CreateGroupAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await okno.Admin.DeleteAsync($"/api/v1/groups/{empty}")).StatusCode);
        await okno.Admin.GetJsonAsync($"/api/v1/groups/{empty}", HttpStatusCode.NotFound);
    }
}
