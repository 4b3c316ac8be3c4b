using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets.Checklists;

/// <summary>Checklists (issue 20): a template per ticket type copied onto new tickets (and onto a ticket whose type
/// changes while it has none), ticks with who and when in the ticket's history, and no resolving — alone or in a bulk
/// change — while required items are open.</summary>
public sealed class ChecklistsTests
{
    [Theory]
    [BothDatabases]
    public async Task A_ticket_gets_its_types_checklist_and_is_not_resolved_with_required_items_open(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (agentId, agent) = await app.CreateAgentAsync(admin);
        var template = await (await admin.PutAsJsonAsync("/api/v1/checklist-templates/incident", new
        {
            items = new object[] { new { text = "Check the cable", required = true }, new { text = "Photo of the device" } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, template.GetProperty("items").GetArrayLength());
        var badTemplate = await (await admin.PutAsJsonAsync("/api/v1/checklist-templates/incident", new { items = new[] { new { text = "" } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["items[0].text"], badTemplate.ErrorFields());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/checklist-templates/saga", new { items = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/checklist-templates/question", new { items = Array.Empty<object>() })).StatusCode);

        var ticket = await admin.CreateTicketAsync("Printer broken", extra: new { type = "incident" });
        var items = await agent.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/checklist");
        Assert.Equal(["Check the cable", "Photo of the device"], items.EnumerateArray().Select(i => i.Str("text")));
        Assert.All(items.EnumerateArray(), i => Assert.False(i.GetProperty("done").GetBoolean()));
        var required = items[0].Id();

        // Resolving is refused while the required item is open, alone and in a bulk change; nothing changes.
        var refused = await (await agent.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("checklist.required_items_open", refused.Str("code"));
        Assert.Contains("Check the cable", refused.Str("detail"));
        var bulk = await admin.PostJsonAsync("/api/v1/tickets/bulk", new { ids = new[] { ticket.Id() }, change = new { status = "closed" } }, HttpStatusCode.OK);
        Assert.Equal("checklist.required_items_open", bulk.GetProperty("refused")[0].Str("code"));
        Assert.Equal("new", (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Str("status"));

        // An ad-hoc item, not required, does not hold the ticket back; ticking the required one lets it be resolved.
        var added = await (await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/checklist", new { text = "Call back" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, added.GetProperty("position").GetInt32());
        var ticked = await agent.PatchAsync($"/api/v1/tickets/{ticket.Id()}/checklist/{required}", new { done = true });
        Assert.True(ticked.GetProperty("done").GetBoolean());
        Assert.Equal(agentId, ticked.GetProperty("doneById").GetInt64());
        Assert.NotNull(ticked.GetProperty("doneAt").GetString());
        // Ticking a ticked item again changes nothing (no second history row).
        await agent.PatchAsync($"/api/v1/tickets/{ticket.Id()}/checklist/{required}", new { done = true });
        var rows = await app.WithDbAsync(db => db.TicketEvents.Where(e => e.TicketId == ticket.Id() && e.Field == Ticket.ChecklistField)
            .Select(e => new { e.ActorId, e.NewValue, e.Comment }).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((agentId, "done", "Check the cable"), (row.ActorId!.Value, row.NewValue!, row.Comment!));
        await agent.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });

        // Unticking is recorded too; an unknown item is not found.
        await agent.PatchAsync($"/api/v1/tickets/{ticket.Id()}/checklist/{required}", new { done = false });
        Assert.Equal(2, await app.WithDbAsync(db => db.TicketEvents.CountAsync(e => e.TicketId == ticket.Id() && e.Field == Ticket.ChecklistField)));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/checklist/999999", new { done = true })).StatusCode);

        // Another type has no template: no checklist; changed to incident, the ticket gets incident's.
        var question = await admin.CreateTicketAsync("A question");
        Assert.Equal(0, (await agent.GetJsonAsync($"/api/v1/tickets/{question.Id()}/checklist")).GetArrayLength());
        await admin.PatchAsync($"/api/v1/tickets/{question.Id()}", new { type = "incident" });
        Assert.Equal(2, (await agent.GetJsonAsync($"/api/v1/tickets/{question.Id()}/checklist")).GetArrayLength());
        // No items: no template any more.
        var removed = await (await admin.PutAsJsonAsync("/api/v1/checklist-templates/incident", new { items = Array.Empty<object>() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, removed.GetProperty("items").GetArrayLength());
        var plain = await admin.CreateTicketAsync("Another incident", extra: new { type = "incident" });
        Assert.Equal(0, (await agent.GetJsonAsync($"/api/v1/tickets/{plain.Id()}/checklist")).GetArrayLength());
    }
}
