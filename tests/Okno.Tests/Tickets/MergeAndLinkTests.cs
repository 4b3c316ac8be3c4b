using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Tickets;

public sealed class MergeAndLinkTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task Merging_closes_the_duplicate_points_it_to_the_survivor_and_records_both_histories()
    {
        var survivor = await Admin.CreateTicketAsync("Printer broken");
        var duplicate = await Admin.CreateTicketAsync("Printer still broken");

        var answer = await Admin.PostJsonAsync($"/api/v1/tickets/{duplicate.Id()}/merge", new { intoTicketId = survivor.Id() }, HttpStatusCode.OK);
        Assert.Equal(survivor.Id(), answer.Id());
        Assert.NotEqual("closed", answer.Str("status"));

        var merged = await Admin.GetJsonAsync($"/api/v1/tickets/{duplicate.Id()}");
        Assert.Equal("closed", merged.Str("status"));
        var related = await Admin.GetJsonAsync($"/api/v1/tickets/{duplicate.Id()}/related");
        Assert.Equal(survivor.Id(), related.GetProperty("mergedInto").Id());
        var survivorRelated = await Admin.GetJsonAsync($"/api/v1/tickets/{survivor.Id()}/related");
        Assert.Equal([duplicate.Id()], survivorRelated.GetProperty("mergedFrom").EnumerateArray().Select(t => t.Id()));

        var duplicateHistory = (await Admin.GetJsonAsync($"/api/v1/tickets/{duplicate.Id()}/history")).Items();
        Assert.Contains(duplicateHistory, e => e.Str("kind") == "merged" && e.Str("field") == "merged_into"
            && e.Str("newValue") == survivor.GetProperty("number").GetInt64().ToString());
        Assert.Contains(duplicateHistory, e => e.Str("kind") == "changed" && e.Str("field") == "status" && e.Str("newValue") == "closed");
        var survivorHistory = (await Admin.GetJsonAsync($"/api/v1/tickets/{survivor.Id()}/history")).Items();
        Assert.Contains(survivorHistory, e => e.Str("field") == "merged_from" && e.Str("newValue") == duplicate.GetProperty("number").GetInt64().ToString());
    }

    [Fact]
    public async Task Merge_refuses_itself_a_closed_ticket_an_unknown_target_and_a_missing_target()
    {
        var a = await Admin.CreateTicketAsync("A");
        var closed = await Admin.CreateTicketAsync("Closed");
        await Admin.PatchAsync($"/api/v1/tickets/{closed.Id()}", new { status = "closed" });

        Assert.Contains("intoTicketId", (await Admin.PostJsonAsync($"/api/v1/tickets/{a.Id()}/merge", new { intoTicketId = a.Id() },
            HttpStatusCode.BadRequest)).ErrorFields());
        await Admin.PostJsonAsync($"/api/v1/tickets/{a.Id()}/merge", new { intoTicketId = closed.Id() }, HttpStatusCode.Conflict);
        await Admin.PostJsonAsync($"/api/v1/tickets/{closed.Id()}/merge", new { intoTicketId = a.Id() }, HttpStatusCode.Conflict);
        Assert.Contains("intoTicketId", (await Admin.PostJsonAsync($"/api/v1/tickets/{a.Id()}/merge", new { intoTicketId = 99999999 },
            HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("intoTicketId", (await Admin.PostJsonAsync($"/api/v1/tickets/{a.Id()}/merge", new { },
            HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("new", (await Admin.GetJsonAsync($"/api/v1/tickets/{a.Id()}")).Str("status"));
    }

    [Fact]
    public async Task An_agent_cannot_merge_into_a_ticket_they_cannot_see()
    {
        var hidden = await Admin.CreateTicketAsync("Hidden", extra: new { groupId = await Admin.CreateGroupAsync() });
        var (_, agent) = await okno.App.CreateAgentAsync(Admin);
        var own = await Admin.CreateTicketAsync("Unrouted");
        await agent.PostJsonAsync($"/api/v1/tickets/{own.Id()}/merge", new { intoTicketId = hidden.Id() }, HttpStatusCode.BadRequest);
        await agent.PostJsonAsync($"/api/v1/tickets/{hidden.Id()}/merge", new { intoTicketId = own.Id() }, HttpStatusCode.NotFound);
        Assert.Equal("new", (await Admin.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}")).Str("status"));
    }

    [Fact]
    public async Task Links_are_seen_from_both_sides_recorded_once_and_removable()
    {
        var a = await Admin.CreateTicketAsync("Outage in office 1");
        var b = await Admin.CreateTicketAsync("Outage in office 2");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/tickets/{a.Id()}/links", new { ticketId = b.Id() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/tickets/{b.Id()}/links", new { ticketId = a.Id() })).StatusCode);

        Assert.Equal([b.Id()], (await Admin.GetJsonAsync($"/api/v1/tickets/{a.Id()}/related")).GetProperty("links").EnumerateArray().Select(t => t.Id()));
        Assert.Equal([a.Id()], (await Admin.GetJsonAsync($"/api/v1/tickets/{b.Id()}/related")).GetProperty("links").EnumerateArray().Select(t => t.Id()));
        var linkEvents = (await Admin.GetJsonAsync($"/api/v1/tickets/{a.Id()}/history")).Items().Where(e => e.Str("kind") == "linked").ToList();
        Assert.Single(linkEvents);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/tickets/{b.Id()}/links/{a.Id()}")).StatusCode);
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/tickets/{a.Id()}/related")).GetProperty("links").EnumerateArray());
        Assert.Contains((await Admin.GetJsonAsync($"/api/v1/tickets/{a.Id()}/history")).Items(), e => e.Str("kind") == "unlinked");
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/v1/tickets/{b.Id()}/links/{a.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/v1/tickets/{a.Id()}/links", new { ticketId = a.Id() })).StatusCode);
    }
}

public sealed class SearchByCustomerTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Search_finds_a_customers_tickets_by_their_email_in_any_case()
    {
        var email = $"Finder-{Guid.NewGuid():N}@Example.com";
        var older = await okno.Admin.CreateTicketAsync("Older", email);
        var newer = await okno.Admin.CreateTicketAsync("Newer", email);
        await okno.Admin.CreateTicketAsync("Someone else", $"other-{Guid.NewGuid():N}@example.com");

        var hits = (await okno.Admin.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(" " + email.ToUpperInvariant() + " ")}"))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([newer.Id(), older.Id()], hits.Select(h => h.GetProperty("ticket").Id()));
        Assert.All(hits, h => Assert.Equal("customer", h.Str("matchedIn")));
        Assert.Empty((await okno.Admin.GetJsonAsync("/api/v1/search?q=nobody%40nowhere.example")).GetProperty("items").EnumerateArray());
    }
}
