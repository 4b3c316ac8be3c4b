using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Tickets;

/// <summary>Knowing an id is never enough: an agent reaches only tickets of their groups, assigned to them or not yet
/// routed, on every route (ticket, list, messages, history, attachments, search, contact's tickets).</summary>
public sealed class TicketAccessTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Agent_cannot_reach_a_ticket_of_another_group_by_any_route()
    {
        var mine = await okno.Admin.CreateGroupAsync();
        var other = await okno.Admin.CreateGroupAsync();
        var (_, agent) = await okno.App.CreateAgentAsync(okno.Admin, groupIds: [mine]);
        var word = Guid.NewGuid().ToString("N")[..10];
        var email = $"secret-{word}@example.com";
        var hidden = await okno.Admin.CreateTicketAsync($"Hidden {word}", email, new { groupId = other });
        var file = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{hidden.Id()}/messages", new
        {
            body = "file", attachments = new[] { new { fileName = "a.txt", contentBase64 = "aGVsbG8=" } },
        });
        var attachmentUrl = file.GetProperty("attachments")[0].Str("url");

        await agent.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}", HttpStatusCode.NotFound);
        await agent.PatchAsync($"/api/v1/tickets/{hidden.Id()}", new { status = "closed" }, HttpStatusCode.NotFound);
        await agent.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}/messages", HttpStatusCode.NotFound);
        await agent.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}/messages/{file.Id()}", HttpStatusCode.NotFound);
        await agent.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}/history", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync($"/api/v1/tickets/{hidden.Id()}/messages", new { body = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(attachmentUrl)).StatusCode);
        Assert.Empty((await agent.GetJsonAsync($"/api/v1/search?q={word}")).Items());
        Assert.DoesNotContain(hidden.Id(), (await agent.GetJsonAsync($"/api/v1/tickets?groupId={other}")).Items().Select(t => t.Id()));
        var customer = hidden.GetProperty("customer").Id();
        Assert.Empty((await agent.GetJsonAsync($"/api/v1/contacts/{customer}/tickets")).Items());

        // The refused PATCH changed nothing (the admin's reply had opened the ticket).
        Assert.Equal("open", (await okno.Admin.GetJsonAsync($"/api/v1/tickets/{hidden.Id()}")).Str("status"));
    }

    [Fact]
    public async Task Agent_sees_own_group_unrouted_and_assigned_tickets_and_a_supervisor_sees_all()
    {
        var mine = await okno.Admin.CreateGroupAsync();
        var other = await okno.Admin.CreateGroupAsync();
        var (agentId, agent) = await okno.App.CreateAgentAsync(okno.Admin, groupIds: [mine]);
        var (_, supervisor) = await okno.App.CreateAgentAsync(okno.Admin, role: "supervisor");
        var inMyGroup = await okno.Admin.CreateTicketAsync("In my group", extra: new { groupId = mine });
        var unrouted = await okno.Admin.CreateTicketAsync("Not routed yet");
        var assigned = await okno.Admin.CreateTicketAsync("Assigned to me elsewhere", extra: new { groupId = other, assigneeId = agentId });
        var elsewhere = await okno.Admin.CreateTicketAsync("Elsewhere", extra: new { groupId = other });

        foreach (var visible in new[] { inMyGroup, unrouted, assigned })
            await agent.GetJsonAsync($"/api/v1/tickets/{visible.Id()}");
        await agent.GetJsonAsync($"/api/v1/tickets/{elsewhere.Id()}", HttpStatusCode.NotFound);
        await supervisor.GetJsonAsync($"/api/v1/tickets/{elsewhere.Id()}");

        // Moving a ticket out of the agent's reach takes it away at once.
        await okno.Admin.PatchAsync($"/api/v1/tickets/{inMyGroup.Id()}", new { groupId = other });
        await agent.GetJsonAsync($"/api/v1/tickets/{inMyGroup.Id()}", HttpStatusCode.NotFound);
    }
}
