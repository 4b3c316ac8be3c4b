using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Automation;

/// <summary>The triggers API refuses a bad rule whole, naming every bad field with a code; only admins write rules;
/// order, enable and delete work on what exists.</summary>
public sealed class TriggersApiTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task A_bad_trigger_is_refused_whole_with_each_bad_field_named()
    {
        var problem = await okno.Admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "", events = new[] { "ticket_created", "ticket_exploded" }, match = "some",
            conditions = new object?[]
            {
                new { field = "mood", @operator = "equals", values = new[] { "x" } },
                new { field = "priority", @operator = "contains", values = new[] { "high" } },
                new { field = "priority", @operator = "equals", values = new[] { "blazing" } },
                new { field = "group", @operator = "in", values = new[] { "999999" } },
                new { field = "status", @operator = "changed", values = new[] { "open" } },
                null,
            },
            actions = new object[]
            {
                new { type = "explode" },
                new { type = "set_status", value = "gone" },
                new { type = "add_note", body = "Hi {ticket.secret}" },
                new { type = "email_agents", value = "everyone", subject = "s", body = "b" },
                new { type = "add_tags", values = Array.Empty<string>() },
            },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["actions[0].type", "actions[1].value", "actions[2].body", "actions[3].value", "actions[4].values", "conditions[0].field",
                "conditions[1].operator", "conditions[2].values[0]", "conditions[3].values[0]", "conditions[4].values", "conditions[5]",
                "events[1]", "match", "name"],
            problem.ErrorFields().Order(StringComparer.Ordinal));
        var codes = problem.GetProperty("errorCodes");
        Assert.Equal("trigger.unknown_field", codes.GetProperty("conditions[0].field")[0].Str("code"));
        Assert.Equal("trigger.unknown_reference", codes.GetProperty("conditions[3].values[0]")[0].Str("code"));
        Assert.Equal("notification.unknown_placeholder", codes.GetProperty("actions[2].body")[0].Str("code"));
        Assert.Empty((await okno.Admin.GetJsonAsync("/api/v1/triggers")).Items());
    }

    [Fact]
    public async Task Agents_read_triggers_but_only_admins_write_and_order_delete_and_switch_work()
    {
        var (_, agent) = await okno.App.CreateAgentAsync(okno.Admin);
        var rule = new
        {
            name = "Tag VIP", events = new[] { "ticket_created" },
            conditions = new[] { new { field = "contact_email", @operator = "contains", values = new[] { "@vip.example" } } },
            actions = new[] { new { type = "add_tags", values = new[] { "vip" } } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/triggers", rule)).StatusCode);
        var first = await okno.Admin.PostJsonAsync("/api/v1/triggers", rule);
        var second = await okno.Admin.PostJsonAsync("/api/v1/triggers", rule with { name = "Second" });
        Assert.Equal(["Tag VIP", "Second"], (await agent.GetJsonAsync("/api/v1/triggers")).Items().Select(t => t.Str("name")));

        await okno.Admin.PutAsJsonAsync("/api/v1/triggers/order", new { ids = new[] { second.Id(), first.Id() } });
        Assert.Equal(["Second", "Tag VIP"], (await agent.GetJsonAsync("/api/v1/triggers")).Items().Select(t => t.Str("name")));
        var incomplete = await (await okno.Admin.PutAsJsonAsync("/api/v1/triggers/order", new { ids = new[] { second.Id() } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["ids"], incomplete.ErrorFields());

        var off = await (await okno.Admin.PutAsJsonAsync($"/api/v1/triggers/{first.Id()}/enabled", new { enabled = false })).JsonAsync(HttpStatusCode.OK);
        Assert.False(off.GetProperty("enabled").GetBoolean());
        // A stale version is refused.
        var stale = await (await okno.Admin.PutAsJsonAsync($"/api/v1/triggers/{first.Id()}", rule with { name = "Renamed" } is var r
            ? new { r.name, r.events, r.conditions, r.actions, version = 1 } : null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("edit.conflict", stale.Str("code"));

        Assert.Equal(HttpStatusCode.NoContent, (await okno.Admin.DeleteAsync($"/api/v1/triggers/{first.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await okno.Admin.GetAsync($"/api/v1/triggers/{first.Id()}")).StatusCode);
        await okno.Admin.DeleteAsync($"/api/v1/triggers/{second.Id()}");
    }
}
