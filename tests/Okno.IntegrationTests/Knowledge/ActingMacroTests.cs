using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Knowledge;

/// <summary>Macros that act (S2): status, priority, group, assignee and tags applied in one step through the ticket write
/// path, one history entry per change marked with the macro; the text filled for the reply; bad actions refused.</summary>
public sealed class ActingMacroTests
{
    [Theory]
    [BothDatabases]
    public async Task Applying_a_macro_changes_the_ticket_in_one_step_and_marks_each_history_entry_with_it(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Second line");
        var (agentId, agent) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var ticket = await admin.CreateTicketAsync("VPN drops", extra: new { groupId = group, tags = new[] { "vpn" } });
        var macro = await agent.PostJsonAsync("/api/v1/macros", new
        {
            name = "Escalate: waiting for the vendor",
            body = "Hello {{customer.name}}, ticket {{ticket.number}} is with our vendor now.",
            actions = new { status = "on_hold", priority = "high", assignToMe = true, addTags = new[] { "Vendor", "vpn" } },
        });
        Assert.Equal("on_hold", macro.GetProperty("actions").Str("status"));

        var applied = await agent.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/{macro.Id()}/apply", new { }, HttpStatusCode.OK);
        var changed = applied.GetProperty("ticket");
        Assert.Equal(("on_hold", "high", agentId), (changed.Str("status"), changed.Str("priority"), changed.GetProperty("assigneeId").GetInt64()));
        Assert.Equal(["vendor", "vpn"], changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.Equal($"Hello Test Customer, ticket {ticket.GetProperty("number").GetInt64()} is with our vendor now.",
            applied.GetProperty("text").Str("text"));

        var history = (await agent.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=100")).Items();
        var byMacro = history.Where(e => e.TryGetProperty("macro", out var m) && m.ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.Equal(["assignee", "priority", "status", "tags"], byMacro.Select(e => e.Str("field")).Order());
        Assert.All(byMacro, e =>
        {
            Assert.Equal("Escalate: waiting for the vendor", e.GetProperty("macro").Str("name"));
            Assert.Equal(agentId, e.GetProperty("actor").GetProperty("id").GetInt64());
        });
        // One change per field: the macro's step is one version per change, nothing else in between.
        Assert.Equal(4, byMacro.Select(e => e.GetProperty("version").GetInt64()).Distinct().Count());
    }

    [Theory]
    [BothDatabases]
    public async Task A_macro_with_bad_actions_is_refused_and_one_that_only_acts_needs_no_text(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var refused = await (await admin.PostAsJsonAsync("/api/v1/macros", new
        {
            name = "Broken", body = "x", actions = new { groupId = 987_654, assigneeId = 876_543, status = "new", addTags = new[] { "a,b" } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["actions.addTags", "actions.assigneeId", "actions.groupId", "actions.status"],
            refused.GetProperty("errorCodes").EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty((await admin.GetJsonAsync("/api/v1/macros?name=Broken")).Items());
        await (await admin.PostAsJsonAsync("/api/v1/macros", new { name = "Nothing", body = "" })).JsonAsync(HttpStatusCode.BadRequest);

        var spam = await admin.PostJsonAsync("/api/v1/macros", new { name = "Spam", actions = new { status = "closed", addTags = new[] { "spam" } } });
        var ticket = await admin.CreateTicketAsync("Cheap watches");
        var applied = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/{spam.Id()}/apply", new { }, HttpStatusCode.OK);
        Assert.Equal("closed", applied.GetProperty("ticket").Str("status"));
        Assert.Equal("", applied.GetProperty("text").Str("text"));

        // A ticket the agent cannot see is not found, and nothing changes.
        var hidden = await admin.CreateTicketAsync("Elsewhere", extra: new { groupId = await admin.CreateGroupAsync() });
        var (_, outsider) = await app.CreateAgentAsync(admin, groupIds: [await admin.CreateGroupAsync()]);
        await (await outsider.PostAsJsonAsync($"/api/v1/tickets/{hidden.Id()}/macros/{spam.Id()}/apply", new { })).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("new", (await admin.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}")).Str("status"));
    }
}
