using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Platform.Web;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Issue 14: changing many tickets at once (POST /api/v1/tickets/bulk). Each ticket changes through the
/// single write path of one ticket; a ticket that cannot change is reported, not a failure of the batch.</summary>
public sealed class BulkChangeTicketsTests
{
    private const string Url = "/api/v1/tickets/bulk";

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient client, long ticketId) =>
        (await client.GetJsonAsync($"/api/v1/tickets/{ticketId}/history?limit=100")).Items().ToList();

    private static List<long> Ids(JsonElement result, string property) =>
        result.GetProperty(property).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetInt64() : e.Id()).ToList();

    [Theory]
    [BothDatabases]
    public async Task A_mixed_batch_changes_the_open_tickets_once_per_field_and_counts_the_closed_one_as_refused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var me = (await admin.GetJsonAsync("/api/v1/me")).Id();
        var group = await admin.CreateGroupAsync();
        var first = (await admin.CreateTicketAsync("Printer", extra: new { tags = new[] { "hardware" } })).Id();
        var second = (await admin.CreateTicketAsync("Scanner")).Id();
        var closed = (await admin.CreateTicketAsync("Old one")).Id();
        await admin.PatchAsync($"/api/v1/tickets/{closed}", new { status = "closed" });
        var closedHistory = (await HistoryAsync(admin, closed)).Count;
        var before = new Dictionary<long, int> { [first] = (await HistoryAsync(admin, first)).Count, [second] = (await HistoryAsync(admin, second)).Count };

        var result = await admin.PostJsonAsync(Url, new
        {
            ids = new[] { first, second, closed, first },   // a repeated id counts once
            change = new { status = "pending", priority = "high", assigneeId = me, groupId = group, addTags = new[] { "VIP" } },
        }, HttpStatusCode.OK);

        Assert.Equal([first, second], Ids(result, "changed"));
        var refused = Assert.Single(result.GetProperty("refused").EnumerateArray());
        Assert.Equal((closed, TicketErrorCodes.Closed), (refused.Id(), refused.Str("code")));
        Assert.False(string.IsNullOrWhiteSpace(refused.Str("message")));

        foreach (var (id, tagsAfter) in new[] { (first, "hardware, vip"), (second, "vip") })
        {
            var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{id}");
            Assert.Equal(("pending", "high", me, group), (ticket.Str("status"), ticket.Str("priority"),
                ticket.GetProperty("assigneeId").GetInt64(), ticket.GetProperty("groupId").GetInt64()));
            var added = (await HistoryAsync(admin, id)).Skip(before[id]).ToList();
            // Exactly one entry per changed field, nothing else.
            Assert.Equal(["assignee", "group", "priority", "status", "tags"], added.Select(e => e.Str("field")).Order(StringComparer.Ordinal));
            var tags = added.Single(e => e.Str("field") == "tags");
            Assert.Equal(tagsAfter, tags.Str("newValue"));
        }
        var untouched = await admin.GetJsonAsync($"/api/v1/tickets/{closed}");
        Assert.Equal(("closed", "normal"), (untouched.Str("status"), untouched.Str("priority")));
        Assert.Equal(closedHistory, (await HistoryAsync(admin, closed)).Count);

        // Removing a tag from many tickets edits each one's own set.
        var removed = await admin.PostJsonAsync(Url, new { ids = new[] { first, second }, change = new { removeTags = new[] { "vip" } } }, HttpStatusCode.OK);
        Assert.Equal([first, second], Ids(removed, "changed"));
        Assert.Equal(["hardware"], (await admin.GetJsonAsync($"/api/v1/tickets/{first}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/tickets/{second}")).GetProperty("tags").EnumerateArray());
    }

    [Theory]
    [BothDatabases]
    public async Task A_ticket_the_agent_cannot_see_is_refused_as_not_found_and_the_others_still_change(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var visible = (await admin.CreateTicketAsync("Visible")).Id();
        var hidden = (await admin.CreateTicketAsync("Other group's", extra: new { groupId = group })).Id();
        var (_, agent) = await app.CreateAgentAsync(admin);

        var result = await agent.PostJsonAsync(Url, new { ids = new[] { hidden, visible }, change = new { priority = "urgent" } }, HttpStatusCode.OK);

        Assert.Equal([visible], Ids(result, "changed"));
        var refused = Assert.Single(result.GetProperty("refused").EnumerateArray());
        Assert.Equal((hidden, TicketErrorCodes.NotFound), (refused.Id(), refused.Str("code")));
        Assert.Equal("normal", (await admin.GetJsonAsync($"/api/v1/tickets/{hidden}")).Str("priority"));
        Assert.Equal("urgent", (await admin.GetJsonAsync($"/api/v1/tickets/{visible}")).Str("priority"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_request_wrong_for_every_ticket_is_refused_whole_before_any_ticket_changes(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = (await admin.CreateTicketAsync("Stays")).Id();

        async Task<JsonElement> BadAsync(object body) => await (await admin.PostAsJsonAsync(Url, body)).JsonAsync(HttpStatusCode.BadRequest);

        var unknownGroup = await BadAsync(new { ids = new[] { ticket }, change = new { priority = "high", groupId = 999_999 } });
        Assert.Equal(["change.groupId"], unknownGroup.ErrorFields());
        var tooMany = await BadAsync(new { ids = Enumerable.Range(1, BulkChangeTickets.MaxIds + 1).ToArray(), change = new { priority = "high" } });
        Assert.Equal(["ids"], tooMany.ErrorFields());
        Assert.Equal(["change"], (await BadAsync(new { ids = new[] { ticket }, change = new { } })).ErrorFields());
        Assert.Equal(["change"], (await BadAsync(new { ids = new[] { ticket } })).ErrorFields());
        Assert.Equal(["ids"], (await BadAsync(new { ids = Array.Empty<long>(), change = new { priority = "high" } })).ErrorFields());
        Assert.Equal(["change.tags"], (await BadAsync(new { ids = new[] { ticket }, change = new { tags = new[] { "a" }, addTags = new[] { "b" } } })).ErrorFields());
        Assert.Equal(["mergeIntoId"], (await BadAsync(new { ids = new[] { ticket }, mergeIntoId = ticket + 1 })).ErrorFields());

        var unchanged = await admin.GetJsonAsync($"/api/v1/tickets/{ticket}");
        Assert.Equal(("normal", JsonValueKind.Null), (unchanged.Str("priority"), unchanged.GetProperty("groupId").ValueKind));
    }

    [Theory]
    [BothDatabases]
    public async Task Merging_a_selection_merges_the_others_into_the_chosen_one(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var survivor = (await admin.CreateTicketAsync("Login fails")).Id();
        var duplicate = (await admin.CreateTicketAsync("Login fails again")).Id();
        var closed = (await admin.CreateTicketAsync("Login, closed")).Id();
        await admin.PatchAsync($"/api/v1/tickets/{closed}", new { status = "closed" });

        var result = await admin.PostJsonAsync(Url, new { ids = new[] { survivor, duplicate, closed }, mergeIntoId = survivor }, HttpStatusCode.OK);

        Assert.Equal([duplicate], Ids(result, "changed"));
        Assert.Equal((closed, TicketErrorCodes.Closed), (result.GetProperty("refused")[0].Id(), result.GetProperty("refused")[0].Str("code")));
        var related = await admin.GetJsonAsync($"/api/v1/tickets/{duplicate}/related");
        Assert.Equal(survivor, related.GetProperty("mergedInto").Id());
        Assert.Equal("closed", (await admin.GetJsonAsync($"/api/v1/tickets/{duplicate}")).Str("status"));
        Assert.NotEqual("closed", (await admin.GetJsonAsync($"/api/v1/tickets/{survivor}")).Str("status"));
    }
}
