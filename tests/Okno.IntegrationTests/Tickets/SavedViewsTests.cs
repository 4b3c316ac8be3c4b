using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Saved views (S2): own and shared views with any filter, whose counters are maintained by a ticket-event
/// handler and a first count, and agree with the list each agent sees.</summary>
public sealed class SavedViewsTests
{
    private static async Task<JsonElement> ViewAsync(HttpClient agent, long id) => await agent.GetJsonAsync($"/api/v1/saved-views/{id}");

    /// <summary>Waits until the agent's counter of the view is <paramref name="expected"/>, and returns it.</summary>
    private static async Task<long?> CountAsync(HttpClient agent, long id, long expected)
    {
        long? count = null;
        await JobHelpers.UntilAsync(async () =>
        {
            var view = await ViewAsync(agent, id);
            count = view.GetProperty("count").ValueKind == JsonValueKind.Null ? null : view.GetProperty("count").GetInt64();
            return count == expected;
        }, seconds: 30);
        return count;
    }

    /// <summary>How many tickets the agent's list of that filter holds (the truth the counter must match).</summary>
    private static async Task<int> ListedAsync(HttpClient agent, string query)
    {
        var total = 0;
        string? cursor = null;
        do
        {
            var page = await agent.GetJsonAsync($"/api/v1/tickets?{query}&limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            total += page.Items().Count;
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        } while (cursor is not null);
        return total;
    }

    [Theory]
    [BothDatabases]
    public async Task A_shared_view_counts_what_each_agent_may_see_and_follows_changes_tags_and_edits(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var mine = await admin.CreateGroupAsync();
        var other = await admin.CreateGroupAsync();
        var (agentId, agent) = await app.CreateAgentAsync(admin, groupIds: [mine]);
        var (_, colleague) = await app.CreateAgentAsync(admin, groupIds: [mine]);

        // Before the view exists: 2 urgent in my group, 1 urgent in the other, 1 high in mine.
        var a = await admin.CreateTicketAsync("Server down", extra: new { groupId = mine, priority = "urgent" });
        await admin.CreateTicketAsync("Mail down", extra: new { groupId = mine, priority = "urgent" });
        var c = await admin.CreateTicketAsync("Other team's fire", extra: new { groupId = other, priority = "urgent" });
        var d = await admin.CreateTicketAsync("Slow laptop", extra: new { groupId = mine, priority = "high" });

        var created = await agent.PostJsonAsync("/api/v1/saved-views",
            new { name = "Urgent open", shared = true, filter = new { view = "all_open", priority = "urgent", sort = "priority" } });
        var id = created.Id();
        Assert.True(created.GetProperty("mine").GetBoolean());
        Assert.Equal("priority", created.GetProperty("filter").Str("sort"));

        // The first count: the agent sees their group's two, the admin all three.
        Assert.Equal(2, await CountAsync(agent, id, 2));
        Assert.Equal(3, await CountAsync(admin, id, 3));
        Assert.Equal(2, await ListedAsync(agent, "view=all_open&priority=urgent"));

        // Changes after it: one becomes urgent, one moves to the other group, one is resolved, one new ticket.
        await admin.PatchAsync($"/api/v1/tickets/{d.Id()}", new { priority = "urgent" });
        await admin.PatchAsync($"/api/v1/tickets/{a.Id()}", new { groupId = other });
        await admin.PatchAsync($"/api/v1/tickets/{c.Id()}", new { status = "resolved" });
        await admin.CreateTicketAsync("Printer on fire", extra: new { groupId = mine, priority = "urgent" });
        Assert.Equal(3, await CountAsync(agent, id, 3));
        Assert.Equal(4, await CountAsync(admin, id, 4));
        Assert.Equal(3, await ListedAsync(agent, "view=all_open&priority=urgent"));
        Assert.Equal(4, await ListedAsync(admin, "view=all_open&priority=urgent"));

        // A shared view is listed for a colleague, who may not change it.
        var seen = (await colleague.GetJsonAsync("/api/v1/saved-views")).Items().Single(v => v.Id() == id);
        Assert.False(seen.GetProperty("mine").GetBoolean());
        Assert.False(seen.GetProperty("canEdit").GetBoolean());
        var refused = await (await colleague.PutAsJsonAsync($"/api/v1/saved-views/{id}", new { name = "Mine now", shared = true })).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("saved_view.not_owner", refused.Str("code"));

        // Edited to a tag filter: counted afresh; tagging and untagging move it.
        await (await agent.PutAsJsonAsync($"/api/v1/saved-views/{id}",
            new { name = "VIP", shared = false, filter = new { tag = " VIP " } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, await CountAsync(agent, id, 0));
        await admin.PatchAsync($"/api/v1/tickets/{d.Id()}", new { addTags = new[] { "vip" } });
        await admin.PatchAsync($"/api/v1/tickets/{c.Id()}", new { addTags = new[] { "vip" } });
        Assert.Equal(1, await CountAsync(agent, id, 1));
        Assert.Equal("vip", (await ViewAsync(agent, id)).GetProperty("filter").Str("tag"));
        await admin.PatchAsync($"/api/v1/tickets/{d.Id()}", new { removeTags = new[] { "vip" } });
        Assert.Equal(0, await CountAsync(agent, id, 0));

        // No longer shared: the colleague no longer finds it.
        Assert.DoesNotContain((await colleague.GetJsonAsync("/api/v1/saved-views")).Items(), v => v.Id() == id);
        await colleague.GetJsonAsync($"/api/v1/saved-views/{id}", HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync($"/api/v1/saved-views/{id}")).StatusCode);
        await agent.GetJsonAsync($"/api/v1/saved-views/{id}", HttpStatusCode.NotFound);
        _ = agentId;
    }

    [Theory]
    [BothDatabases]
    public async Task A_bad_view_is_refused_with_a_code_per_field_and_nothing_is_saved(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/v1/saved-views", new
        {
            name = " ", shared = false,
            filter = new { channel = "Not A Channel!", groupId = 999_999, assigneeId = 999_999, tag = new string('x', 80) },
        })).JsonAsync(HttpStatusCode.BadRequest);
        var codes = problem.GetProperty("errorCodes");
        Assert.Equal("field.required", codes.GetProperty("name")[0].Str("code"));
        Assert.Equal("channel.invalid_kind", codes.GetProperty("filter.channel")[0].Str("code"));
        Assert.Equal("group.not_found", codes.GetProperty("filter.groupId")[0].Str("code"));
        Assert.Equal("agent.not_found", codes.GetProperty("filter.assigneeId")[0].Str("code"));
        Assert.Equal("field.too_long", codes.GetProperty("filter.tag")[0].Str("code"));
        var script = await admin.PostJsonAsync("/api/v1/saved-views", new { name = "<script>alert(1)</script>", shared = false, filter = new { } });
        Assert.Equal("<script>alert(1)</script>", script.Str("name"));   // kept as text; every screen encodes it
        Assert.Single((await admin.GetJsonAsync("/api/v1/saved-views")).Items());
    }

    [Theory]
    [BothDatabases]
    public async Task Counters_agree_with_the_lists_after_a_burst_of_concurrent_changes(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (me, agent) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var views = new Dictionary<long, string>();
        foreach (var (name, filter, query) in new (string, object, string)[]
                 {
                     ("Mine", new { view = "mine" }, "view=mine"),
                     ("Unassigned high", new { view = "unassigned", priority = "high" }, "view=unassigned&priority=high"),
                     ("Waiting", new { view = "waiting" }, "view=waiting"),
                     ("Tagged", new { tag = "hot" }, "tag=hot"),
                 })
            views[(await agent.PostJsonAsync("/api/v1/saved-views", new { name, shared = false, filter })).Id()] = query;

        var priorities = new[] { "low", "normal", "high", "urgent" };
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var t = await admin.CreateTicketAsync($"Burst {i}", extra: new { groupId = i % 3 == 0 ? (long?)null : group, priority = priorities[i % 4] });
            if (i % 2 == 0) await admin.PatchAsync($"/api/v1/tickets/{t.Id()}", new { status = "pending" });
            if (i % 3 == 1) await agent.PatchAsync($"/api/v1/tickets/{t.Id()}", new { assigneeId = me });
            if (i % 4 == 2) await admin.PatchAsync($"/api/v1/tickets/{t.Id()}", new { addTags = new[] { "hot" } });
            if (i % 5 == 3) await admin.PatchAsync($"/api/v1/tickets/{t.Id()}", new { priority = "high", assigneeId = (long?)null });
        }));

        foreach (var (id, query) in views)
        {
            var listed = await ListedAsync(agent, query);
            Assert.Equal(listed, await CountAsync(agent, id, listed));
        }
    }
}
