using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Live;

namespace Okno.Channels;

/// <summary>An agent asks to send a failed reply again: the delivery starts over (attempts from zero, due now).</summary>
public sealed class RetryDelivery(OknoDb db, TimeProvider clock, ChannelWakeUp wakeUp, TicketFeed feed) : IDeliveryRetry
{
    public async Task RetryAsync(long messageId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var delivery = await db.Set<ChannelDelivery>().Include(d => d.Message).SingleOrDefaultAsync(d => d.MessageId == messageId, cancellationToken);
        var message = delivery?.Message;
        // A message of a ticket the agent may not see is as absent as one without a delivery.
        if (delivery is null || message is null || !await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == message.TicketId, cancellationToken))
            throw new OknoException(new NotFound(ChannelErrorCodes.DeliveryNotFound, "Delivery of message", messageId));
        if (delivery.Status != DeliveryStatus.Failed)
            throw new OknoException(new StateConflict(ChannelErrorCodes.DeliveryNotFailed, "Only a failed delivery can be retried; this one is " + delivery.Status.ToSnakeCase() + ".", ("status", delivery.Status.ToSnakeCase())));
        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow();
        delivery.LastError = null;
        message.DeliveryRequeued();
        await db.SaveChangesAsync(cancellationToken);
        var ticket = await db.Tickets.Where(t => t.Id == message.TicketId).Select(t => new { t.GroupId, t.AssigneeId }).SingleAsync(cancellationToken);
        feed.Publish(new TicketChange(message.TicketId, TicketChangeKind.Changed, ticket.GroupId, ticket.AssigneeId, agent.Id));
        wakeUp.Deliveries();
    }
}
