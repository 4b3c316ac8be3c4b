using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Notifications;

/// <summary>The bell (S2): mentions in notes (and the narrow access they grant), following a ticket, assignment and the
/// customer's replies become items for the right agents, once, never for whoever caused them; switches hold.</summary>
public sealed class WorkspaceNotificationsTests
{
    private static async Task<IReadOnlyList<JsonElement>> BellAsync(HttpClient agent, int atLeast)
    {
        IReadOnlyList<JsonElement> items = [];
        await JobHelpers.UntilAsync(async () => (items = (await agent.GetJsonAsync("/api/v1/notifications")).Items()).Count >= atLeast, 30);
        return items;
    }

    private static async Task<int> UnreadAsync(HttpClient agent) =>
        (await agent.GetJsonAsync("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();

    [Theory]
    [BothDatabases]
    public async Task A_mentioned_agent_outside_the_group_is_told_and_may_open_that_ticket_only(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var first = await admin.CreateGroupAsync();
        var second = await admin.CreateGroupAsync();
        var (writerId, writer) = await app.CreateAgentAsync(admin, groupIds: [first]);
        var (colleagueId, colleague) = await app.CreateAgentAsync(admin, groupIds: [second]);
        var ticket = await admin.CreateTicketAsync("VPN drops every hour", extra: new { groupId = first });
        var other = await admin.CreateTicketAsync("Printer jams", extra: new { groupId = first });
        await colleague.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}", HttpStatusCode.NotFound);

        // A mention belongs to a note: on a public reply it is refused, and nothing is written.
        var refused = await (await writer.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages",
            new { body = "@Colleague look", @internal = false, mentions = new[] { colleagueId } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("ticket.mention_outside_note", refused.GetProperty("errorCodes").GetProperty("mentions")[0].Str("code"));
        var unknown = await (await writer.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages",
            new { body = "@Nobody look", @internal = true, mentions = new[] { 999_999L } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("agent.not_active", unknown.GetProperty("errorCodes").GetProperty("mentions")[0].Str("code"));
        Assert.Single((await writer.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items());

        await writer.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages",
            new { body = "@Agent agent could you check the VPN logs?", @internal = true, mentions = new[] { colleagueId, colleagueId } });

        var item = Assert.Single(await BellAsync(colleague, 1));
        Assert.Equal(("mentioned", ticket.Id(), ticket.GetProperty("number").GetInt64()), (item.Str("kind"), item.GetProperty("ticketId").GetInt64(),
            item.GetProperty("ticketNumber").GetInt64()));
        Assert.Equal("VPN drops every hour", item.Str("ticketSubject"));
        Assert.StartsWith("@Agent agent could you", item.Str("excerpt"), StringComparison.Ordinal);
        Assert.False(item.GetProperty("read").GetBoolean());
        Assert.Equal(1, await UnreadAsync(colleague));
        // The writer is not told of their own note.
        Assert.Empty((await writer.GetJsonAsync("/api/v1/notifications")).Items());

        // The grant: this ticket opens (and its messages read), the group's other ticket still does not.
        await colleague.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(2, (await colleague.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items().Count);
        await colleague.GetJsonAsync($"/api/v1/tickets/{other.Id()}", HttpStatusCode.NotFound);

        // Another agent's item is not found; one's own is marked read.
        Assert.Equal(HttpStatusCode.NotFound, (await writer.PostAsync($"/api/v1/notifications/{item.Id()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await colleague.PostAsync($"/api/v1/notifications/{item.Id()}/read", null)).StatusCode);
        Assert.Equal(0, await UnreadAsync(colleague));
        Assert.Single((await colleague.GetJsonAsync("/api/v1/notifications")).Items());
        Assert.Empty((await colleague.GetJsonAsync("/api/v1/notifications?unread=true")).Items());
        _ = writerId;
    }

    [Theory]
    [BothDatabases]
    public async Task Followers_hear_of_colleagues_replies_and_the_customer_and_the_assignee_of_the_assignment_unless_switched_off(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (_, writer) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (followerId, follower) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (assigneeId, assignee) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var ticket = await admin.CreateTicketAsync("Mail does not sync", extra: new { groupId = group });
        var hidden = await admin.CreateTicketAsync("Not for this group", extra: new { groupId = await admin.CreateGroupAsync() });

        Assert.True((await (await follower.PutAsync($"/api/v1/tickets/{ticket.Id()}/follow", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("following").GetBoolean());
        // Twice is the same as once; a ticket the agent cannot see cannot be followed.
        await (await follower.PutAsync($"/api/v1/tickets/{ticket.Id()}/follow", null)).JsonAsync(HttpStatusCode.OK);
        await (await follower.PutAsync($"/api/v1/tickets/{hidden.Id()}/follow", null)).JsonAsync(HttpStatusCode.NotFound);

        await writer.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "We are looking into it." });
        await writer.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Checked the server logs.", @internal = true });
        // The follower's own reply tells nobody (nobody else follows).
        await follower.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Restart the client, please." });
        await writer.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId });
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReceiveCustomerMessage>().ExecuteAsync(ticket.Id(),
                new CustomerMessage(new Okno.Platform.Text.MessageBody("Still broken after the restart", "<p>Still broken after the restart</p>"), []), Actor.System, TicketAccessRule.All, CancellationToken.None);

        var kinds = (await BellAsync(follower, 3)).Select(i => i.Str("kind")).ToList();
        Assert.Equal(["customer_replied", "colleague_noted", "colleague_replied"], kinds);
        var assigned = await BellAsync(assignee, 2);
        Assert.Equal(["customer_replied", "ticket_assigned"], assigned.Select(i => i.Str("kind")));
        Assert.Equal("Agent agent", assigned[1].Str("actorName"));
        Assert.Empty((await writer.GetJsonAsync("/api/v1/notifications")).Items());

        // Switched off: no item for a second assignment; unfollowed: no item for the next reply.
        await assignee.PutAsJsonAsync("/api/v1/me/notifications", new { workspace = new { ticketAssigned = false } });
        Assert.False((await assignee.GetJsonAsync("/api/v1/me/notifications")).GetProperty("workspace").GetProperty("ticketAssigned").GetBoolean());
        await (await follower.DeleteAsync($"/api/v1/tickets/{ticket.Id()}/follow")).JsonAsync(HttpStatusCode.OK);
        await writer.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId = (long?)null });
        await writer.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId });
        await writer.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Any news?" , @internal = true });
        // A marker the follower still gets (assigned to them), so the wait ends after everything before it was handled.
        await writer.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId = followerId });
        var after = await BellAsync(follower, 4);
        Assert.Equal(["ticket_assigned", "customer_replied", "colleague_noted", "colleague_replied"], after.Select(i => i.Str("kind")));
        Assert.Equal(2, (await assignee.GetJsonAsync("/api/v1/notifications")).Items().Count);
        Assert.Equal(4, await UnreadAsync(follower));
        Assert.Equal(4, (await (await follower.PostAsync("/api/v1/notifications/read-all", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(follower));
    }

    [Theory]
    [BothDatabases]
    public async Task Someone_who_follows_after_a_reply_does_not_hear_of_it_even_when_the_handler_runs_late(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (earlyId, early) = await app.CreateAgentAsync(admin);
        var (lateId, late) = await app.CreateAgentAsync(admin);
        var ticket = await admin.CreateTicketAsync("Scanner offline");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReceiveCustomerMessage>().ExecuteAsync(ticket.Id(),
                new CustomerMessage(new Okno.Platform.Text.MessageBody("Still offline", "<p>Still offline</p>"), []), Actor.System, TicketAccessRule.All, CancellationToken.None);

        // The handler meets the reply again later (a backlog or a retry), and by then both agents follow the ticket:
        // one since before the reply, one since after it.
        var reply = await app.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
            .Select(Okno.Tickets.Events.TicketEventOutbox.Read).OfType<Okno.Tickets.Events.MessageReceived>().Last());
        await app.WithDbAsync(async db =>
        {
            db.TicketFollowers.Add(new TicketFollower { TicketId = ticket.Id(), AgentId = earlyId, Since = reply.At.AddSeconds(-1) });
            db.TicketFollowers.Add(new TicketFollower { TicketId = ticket.Id(), AgentId = lateId, Since = reply.At.AddSeconds(1) });
            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handler = ActivatorUtilities.CreateInstance<Okno.Notifications.Workspace.NotifyInWorkspace>(scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<Okno.Platform.Data.OknoDb>().WriteAsync(async ct =>
            {
                await handler.HandleAsync(reply, ct);
                return 0;
            }, CancellationToken.None);
        }

        Assert.Equal(["customer_replied"], (await early.GetJsonAsync("/api/v1/notifications")).Items().Select(i => i.Str("kind")));
        Assert.Empty((await late.GetJsonAsync("/api/v1/notifications")).Items());
    }

    [Theory]
    [BothDatabases]
    public async Task A_follower_who_can_no_longer_see_the_ticket_hears_nothing_more_of_it(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var first = await admin.CreateGroupAsync();
        var second = await admin.CreateGroupAsync();
        var (_, follower) = await app.CreateAgentAsync(admin, groupIds: [first]);
        var (_, supervisor) = await app.CreateAgentAsync(admin, role: "supervisor");
        var ticket = await admin.CreateTicketAsync("Badge reader broken", extra: new { groupId = first });
        await (await follower.PutAsync($"/api/v1/tickets/{ticket.Id()}/follow", null)).JsonAsync(HttpStatusCode.OK);
        await (await supervisor.PutAsync($"/api/v1/tickets/{ticket.Id()}/follow", null)).JsonAsync(HttpStatusCode.OK);

        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Looking at it.", @internal = true });
        await BellAsync(follower, 1);
        // Moved to a group the follower is not in: the next note reaches the supervisor (who sees every ticket) only.
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { groupId = second });
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Facilities will replace it.", @internal = true });
        Assert.Equal(2, (await BellAsync(supervisor, 2)).Count);
        Assert.Single((await follower.GetJsonAsync("/api/v1/notifications")).Items());
    }
}
