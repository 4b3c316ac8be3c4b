using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>The pipeline's last step: the item becomes the customer's message through the one ticket write path — on
/// the ticket the filters found (<see cref="ReceiveCustomerMessage"/>: it reopens a pending or resolved ticket and opens
/// a linked follow-up of a closed one) or on a new one (<see cref="TicketCreations"/>, with its group commit). The
/// message records the account and its id there, and the item is marked done, in the write path's own transaction
/// (its <c>AlsoWrite</c>), with the node's claim on the item as the check: a node that lost its claim writes nothing.</summary>
public sealed class InboundTicketWriter(MessageBodies bodies, TicketCreations creations, ReceiveCustomerMessage receive)
{
    public async Task<ReceivedMessage> WriteAsync(InboundContext context, string leaseToken, CancellationToken cancellationToken)
    {
        var customer = context.Customer ?? throw new InvalidOperationException("The pipeline identified no customer.");
        var text = context.Message.Text.Length <= Message.BodyMaxLength ? context.Message.Text : context.Message.Text[..Message.BodyMaxLength];
        var body = bodies.FromText(text);
        var (itemId, accountId, externalId) = (context.Item.Id, context.Account.Id, context.Item.ExternalId);

        async Task MarkDoneAsync(OknoDb db, Ticket ticket, CancellationToken ct)
        {
            var message = ticket.Messages.Last(m => m.Direction == MessageDirection.In);
            message.ReceivedThrough(accountId, externalId);
            var item = await db.Set<InboundItem>().SingleAsync(i => i.Id == itemId, ct);
            if (item.LeaseToken != leaseToken || item.Status != InboundStatus.Pending) throw new InboundClaimLost(itemId);
            item.Status = InboundStatus.Done;
            context.Describe(item);
            item.LastError = null;
            item.TicketId = ticket.Id;
            item.MessageId = message.Id;
            item.ProcessedAt = message.CreatedAt;
            item.LeaseToken = null;
            item.LeaseUntil = null;
        }

        if (context.TicketId is { } ticketId)
            return await receive.ExecuteAsync(ticketId, new CustomerMessage(body, []) { ContactId = context.ContactId, AlsoWrite = MarkDoneAsync },
                Actor.System, TicketAccessRule.All, cancellationToken);

        var created = await creations.CreateAsync(new NewTicket(SubjectOf(context.Message), body, [], customer, context.Account.Kind,
            TicketPriority.Normal, TicketType.Question, [], context.Account.GroupId, null, Actor: null) { AlsoWrite = MarkDoneAsync }, cancellationToken);
        return new ReceivedMessage(created.Id, created.Messages[0].Id, null);
    }

    /// <summary>The item's subject, or the start of its first line (chats have no subjects).</summary>
    private static string SubjectOf(InboundMessage message)
    {
        var subject = string.IsNullOrWhiteSpace(message.Subject)
            ? message.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ""
            : message.Subject.Trim();
        if (subject.Length == 0) subject = "(no subject)";
        return subject.Length <= 80 ? subject : subject[..77].TrimEnd() + "…";
    }
}

/// <summary>Another node took the item over while this one was writing it: this node's write is abandoned whole.</summary>
public sealed class InboundClaimLost(long itemId) : Exception($"Inbound item {itemId} was taken over by another node.");
