using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>The save hook that queues replies: it runs before every save, so a public reply saved by any
/// use case (ReplyToTicket today, automations later) gets its delivery row in the same transaction, and nobody can
/// forget it. A reply goes back through the account of the conversation it answers: that of the customer's latest
/// message that came through a channel. None (a ticket an agent opened through the API): nothing to send, no row.
/// Notes, incoming messages and messages already written in a channel never get one.</summary>
internal sealed class DeliveryQueue : ISaveHook
{
    public async ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken)
    {
        List<Message>? replies = null;
        foreach (var entry in db.ChangeTracker.Entries<Message>())
            if (entry.State == EntityState.Added && entry.Entity.IsDeliverable) (replies ??= []).Add(entry.Entity);
        if (replies is null) return null;

        foreach (var reply in replies)
        {
            if (await AccountOfConversationAsync(db, reply, cancellationToken) is not { } accountId) continue;
            reply.QueueDelivery(accountId);
            db.Add(new ChannelDelivery
            {
                Kind = DeliveryKind.Reply, Message = reply, Ticket = reply.Ticket, AccountId = accountId, Status = DeliveryStatus.Pending, NextAttemptAt = reply.CreatedAt, CreatedAt = reply.CreatedAt,
            });
        }
        return null;
    }

    /// <summary>The account of the conversation the reply answers: one being saved now, else the stored one
    /// (<see cref="ConversationAccountAsync"/>).</summary>
    private static async Task<long?> AccountOfConversationAsync(OknoDb db, Message reply, CancellationToken cancellationToken)
    {
        var ticket = reply.Ticket;
        var unsaved = ticket.Messages.LastOrDefault(m => m.Direction == MessageDirection.In && m.ChannelAccountId is not null && m.Id == 0);
        if (unsaved is not null) return unsaved.ChannelAccountId;
        if (ticket.Id == 0) return null;
        return await ConversationAccountAsync(db, ticket.Id, ticket.ContactId, cancellationToken);
    }

    /// <summary>The account the ticket's conversation with its customer runs through: that of the customer's latest
    /// message that came through a channel, else of the latest incoming one (a participant's). Not simply the latest
    /// incoming: the answer of someone a ticket was forwarded to comes back through the mailbox the forward went out
    /// from, and the customer's replies must not follow it there. The (ticket, id) index serves both reads.</summary>
    internal static async Task<long?> ConversationAccountAsync(OknoDb db, long ticketId, long contactId, CancellationToken cancellationToken)
    {
        var incoming = db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In && m.ChannelAccountId != null)
            .OrderByDescending(m => m.Id);
        return await incoming.Where(m => m.AuthorKind == ActorKind.Contact && m.AuthorId == contactId).Select(m => m.ChannelAccountId).FirstOrDefaultAsync(cancellationToken)
            ?? await incoming.Select(m => m.ChannelAccountId).FirstOrDefaultAsync(cancellationToken);
    }
}
