using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Customers;
using Okno.Knowledge.HelpCenter;
using Okno.Platform.Text;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>A customer's message arriving on a ticket (<see cref="ReceiveCustomerMessage"/>) on both databases: it
/// reopens a waiting ticket, and a closed one gets a linked follow-up instead — each with the caller's own rows in the
/// same transaction.</summary>
public sealed class ReceiveCustomerMessageTests
{
    private static readonly MessageBody Reply = new("Всё ещё не работает", "<p>Всё ещё не работает</p>");

    [Theory]
    [BothDatabases]
    public async Task A_message_on_a_resolved_ticket_is_the_customers_reopens_it_as_the_systems_with_the_callers_rows(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var ticket = await OpenAsync(app, "Не печатает принтер");
        await ChangeStatusAsync(app, ticket.Id, TicketStatus.Resolved);

        var received = await ReceiveAsync(app, ticket.Id, "visit-reopen");

        Assert.Equal(ticket.Id, received.TicketId);
        Assert.Null(received.FollowUpOf);
        var (status, message, history, visit) = await app.WithDbAsync(async db => (
            await db.Tickets.Where(t => t.Id == ticket.Id).Select(t => new { t.Status, t.MessageCount }).SingleAsync(),
            await db.Messages.SingleAsync(m => m.Id == received.MessageId),
            await db.TicketEvents.Where(e => e.TicketId == ticket.Id).OrderBy(e => e.TicketVersion)
                .Select(e => new { e.Kind, e.Field, e.NewValue, e.ActorKind, e.ActorId }).ToListAsync(),
            await db.Set<HelpVisitEvent>().SingleAsync(e => e.VisitId == "visit-reopen")));
        Assert.Equal(TicketStatus.Open, status.Status);
        Assert.Equal(2, status.MessageCount);
        Assert.Equal((MessageDirection.In, false, ActorKind.Contact, ticket.ContactId), (message.Direction, message.IsInternal, message.AuthorKind, message.AuthorId));
        Assert.Equal(Reply.Text, message.BodyText);
        var reopened = history[^1];
        // The customer wrote (the message is theirs); the desk reopened it.
        Assert.Equal(("status", "open", ActorKind.System), (reopened.Field, reopened.NewValue, reopened.ActorKind));
        Assert.Equal(ticket.Id, visit.TicketId);
    }

    [Theory]
    [BothDatabases]
    public async Task A_message_on_a_closed_ticket_opens_a_linked_follow_up_and_leaves_the_closed_one_as_it_was(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var closed = await OpenAsync(app, "Не приходят письма");
        await ChangeStatusAsync(app, closed.Id, TicketStatus.Closed);

        var received = await ReceiveAsync(app, closed.Id, "visit-follow-up");

        Assert.Equal(closed.Id, received.FollowUpOf);
        Assert.NotEqual(closed.Id, received.TicketId);
        var (old, followUp, link, message, visit) = await app.WithDbAsync(async db => (
            await db.Tickets.Include(t => t.History).SingleAsync(t => t.Id == closed.Id),
            await db.Tickets.Include(t => t.History).SingleAsync(t => t.Id == received.TicketId),
            await db.TicketLinks.SingleAsync(),
            await db.Messages.SingleAsync(m => m.Id == received.MessageId),
            await db.Set<HelpVisitEvent>().SingleAsync(e => e.VisitId == "visit-follow-up")));
        Assert.Equal((TicketStatus.Closed, 1), (old.Status, old.MessageCount));
        Assert.Equal((closed.Subject, closed.ContactId, closed.Channel, TicketStatus.New, 1),
            (followUp.Subject, followUp.ContactId, followUp.Channel, followUp.Status, followUp.MessageCount));
        Assert.Equal((Math.Min(closed.Id, followUp.Id), Math.Max(closed.Id, followUp.Id)), (link.TicketId, link.OtherTicketId));
        Assert.Equal(followUp.Id, message.TicketId);
        Assert.Equal((MessageDirection.In, ActorKind.Contact, closed.ContactId), (message.Direction, message.AuthorKind, message.AuthorId));
        // Both histories note the link, by the actor that delivered the message.
        var oldNote = old.History.OrderBy(e => e.TicketVersion).Last();
        Assert.Equal((TicketEventKind.Linked, followUp.Number.ToString(), ActorKind.System), (oldNote.Kind, oldNote.NewValue, oldNote.ActorKind));
        Assert.Contains(followUp.History, e => e.Kind == TicketEventKind.Linked && e.NewValue == closed.Number.ToString());
        Assert.Equal(followUp.Id, visit.TicketId);
    }

    private static async Task<Ticket> OpenAsync(OknoFactory app, string subject) =>
        await app.Services.GetRequiredService<TicketCreations>().CreateAsync(new NewTicket(
            subject, new MessageBody("Помогите", "<p>Помогите</p>"), [], CustomerIdentity.ByEmail("anna@example.com"), ChannelKind.Email,
            TicketPriority.Normal, TicketType.Question, [], null, null, Actor: null), CancellationToken.None);

    private static async Task ChangeStatusAsync(OknoFactory app, long ticketId, TicketStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChangeTicket>().ExecuteAsync(ticketId,
            new ChangeTicketRequest((TicketStatus?)status, default, default, default, default, default, default, null), Actor.System, TicketAccessRule.All,
            CancellationToken.None);
    }

    /// <summary>As a channel's intake would: the system delivers it, and marks its own row done in the same transaction
    /// (a help-center visit event stands in for the inbound item here).</summary>
    private static async Task<ReceivedMessage> ReceiveAsync(OknoFactory app, long ticketId, string visitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiveCustomerMessage>().ExecuteAsync(ticketId, new CustomerMessage(Reply, [])
        {
            AlsoWrite = (db, ticket, _) =>
            {
                db.Add(new HelpVisitEvent { VisitId = visitId, Kind = HelpVisitEventKind.TicketCreated, TicketId = ticket.Id, At = ticket.UpdatedAt });
                return Task.CompletedTask;
            },
        }, Actor.System, TicketAccessRule.All, CancellationToken.None);
    }
}
