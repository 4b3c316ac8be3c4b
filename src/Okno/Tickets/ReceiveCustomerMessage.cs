using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>A customer's message for a ticket, checked and ready to write (its body built by <see cref="MessageInput"/>
/// or a channel's parser, its files stored by <see cref="AttachmentIntake"/>).</summary>
public sealed record CustomerMessage(MessageBody Body, IReadOnlyList<AttachmentIntake.Stored> Attachments)
{
    /// <summary>The contact who wrote; null is the ticket's customer.</summary>
    public long? ContactId { get; init; }

    /// <summary>A closed ticket is reopened by the message instead of getting a linked follow-up (a mailbox set so).</summary>
    public bool ReopenClosed { get; init; }

    /// <summary>The caller's own rows in the message's transaction (a channel's inbound item marked done): run after the
    /// message is saved, with the ticket it went to (a follow-up, if the ticket was closed), then saved with it; if it
    /// throws, nothing is written. Write only through the given context and keep no state: it runs again whenever the
    /// transaction is retried.</summary>
    public Func<OknoDb, Ticket, CancellationToken, Task>? AlsoWrite { get; init; }
}

/// <summary>Where a customer's message went: <see cref="TicketId"/> is the ticket asked for, or — when that one is
/// closed — the follow-up opened for the message, and then <see cref="FollowUpOf"/> is the closed one.</summary>
public sealed record ReceivedMessage(long TicketId, long MessageId, long? FollowUpOf);

/// <summary>A customer's message arrives on a ticket (a reply by email or in a chat, a portal or widget post). It is
/// added as theirs (inbound, authored by the contact); a pending or resolved ticket reopens (<see cref="Ticket.AddMessage"/>).
/// A merged ticket passes the message to the ticket it was merged into. A closed ticket is final and is not written
/// to: a follow-up is opened through the one creation path (<see cref="TicketCreations"/>) — same customer, subject,
/// channel, type, priority and group — linked to the closed one with a note in both histories, in the follow-up's
/// transaction, and the message is its first. The actor is who delivers the message (the system for channel intake,
/// the contact for the portal or widget); its access rule limits which tickets it may write to.</summary>
public sealed class ReceiveCustomerMessage(OknoDb db, TicketCreations creations, TimeProvider clock)
{
    /// <summary>How many merges a message follows to the surviving ticket (a merge chain is short; this bounds a loop).</summary>
    private const int MaxMergeHops = 8;

    public async Task<ReceivedMessage> ExecuteAsync(long ticketId, CustomerMessage message, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var outcome = await db.WriteAsync(async ct =>
        {
            var ticket = await LoadAsync(ticketId, access, ct) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            for (var hop = 0; ticket is { MergedIntoId: { } survivorId } && hop < MaxMergeHops; hop++)
            {
                var survivor = await LoadAsync(survivorId, access, ct);
                if (survivor is null) break;
                ticket = survivor;
            }
            var now = clock.GetUtcNow();
            if (ticket is { Status: TicketStatus.Closed, MergedIntoId: null } && message.ReopenClosed)
                ticket.ReopenForCustomer(Actor.System, now);   // the mailbox's setting reopens it, not the customer
            if (ticket.Status == TicketStatus.Closed) return (Written: (ReceivedMessage?)null, Closed: ticket);

            var written = new Message(MessageDirection.In, false, Actor.Contact(message.ContactId ?? ticket.ContactId), message.Body.Text,
                message.Body.Html, now);
            written.Attachments.AddRange(message.Attachments.Select(a => a.ToAttachment()));
            ticket.AddMessage(written, now);
            await db.SaveChangesAsync(ct);
            if (message.AlsoWrite is { } alsoWrite)
            {
                await alsoWrite(db, ticket, ct);
                await db.SaveChangesAsync(ct);
            }
            return (Written: new ReceivedMessage(ticket.Id, written.Id, null), Closed: ticket);
        }, cancellationToken);
        if (outcome.Written is { } received) return received;
        db.ChangeTracker.Clear();
        return await FollowUpAsync(outcome.Closed, message, actor, cancellationToken);
    }

    private async Task<Ticket?> LoadAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        await db.LockTicketAsync(ticketId, ct);
        return await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, ct);
    }

    private async Task<ReceivedMessage> FollowUpAsync(Ticket closed, CustomerMessage message, Actor actor, CancellationToken cancellationToken)
    {
        var closedId = closed.Id;
        var followUp = await creations.CreateAsync(new NewTicket(
            closed.Subject, message.Body, message.Attachments, CustomerIdentity.Known(message.ContactId ?? closed.ContactId), closed.Channel,
            closed.Priority, closed.Type, [], closed.GroupId, null, actor)
        {
            AlsoWrite = async (creationDb, opened, ct) =>
            {
                // Linking is a note about the closed ticket, not a change of it, so a closed ticket takes it
                // (Ticket.NoteLink); its version guards against a concurrent link, and a clash retries the creation.
                var previous = await creationDb.Tickets.SingleAsync(t => t.Id == closedId, ct);
                creationDb.TicketLinks.Add(new TicketLink(previous.Id, opened.Id, actor.AgentId(), opened.CreatedAt));
                previous.NoteLink(opened, linked: true, actor, opened.CreatedAt);
                opened.NoteLink(previous, linked: true, actor, opened.CreatedAt);
                if (message.AlsoWrite is { } alsoWrite) await alsoWrite(creationDb, opened, ct);
            },
        }, cancellationToken);
        return new ReceivedMessage(followUp.Id, followUp.Messages[0].Id, closedId);
    }
}
