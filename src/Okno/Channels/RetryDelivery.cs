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

public sealed record InboundItemView(
    long Id, long AccountId, string ExternalId, InboundStatus Status, int Attempts, string? LastError, DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt, long? TicketId, string Payload);

/// <summary>What admins see of the inbound store: above all the quarantined items, with their errors, and a way to
/// send one through the pipeline again.</summary>
public sealed class InboundItems(OknoDb db, TimeProvider clock, ChannelWakeUp wakeUp, Admin.Audit audit)
{
    public const int PayloadPreviewLength = 4000;

    /// <summary>Items of one status (default: quarantined), newest first, keyset-paged.</summary>
    public async Task<Page<InboundItemView>> ListAsync(InboundStatus? status, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var wanted = status ?? InboundStatus.Quarantined;
        var query = db.Set<InboundItem>().Where(i => i.Status == wanted);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(i => i.Id < lastId);
        var rows = await query.OrderByDescending(i => i.Id).Take(take + 1)
            .Select(i => new InboundItemView(i.Id, i.AccountId, i.ExternalId, i.Status, i.Attempts, i.LastError, i.ReceivedAt, i.ProcessedAt, i.TicketId,
                i.Payload.Substring(0, PayloadPreviewLength)))
            .ToListAsync(ct);
        return Paging.ToPage(rows, take, i => Paging.Encode(i.Id));
    }

    /// <summary>Sends a quarantined item through the pipeline again (after the cause was fixed).</summary>
    public async Task RetryAsync(long id, CurrentAgent actor, CancellationToken ct)
    {
        await Admin.AgentRules.EnsureAdminAsync(db, actor, ct);
        var item = await db.Set<InboundItem>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new OknoException(new NotFound(ChannelErrorCodes.InboundItemNotFound, "Inbound item", id));
        if (item.Status != InboundStatus.Quarantined)
            throw new OknoException(new StateConflict(ChannelErrorCodes.InboundItemNotQuarantined, "Only a quarantined item can be retried; this one is " + item.Status.ToSnakeCase() + ".", ("status", item.Status.ToSnakeCase())));
        item.Status = InboundStatus.Pending;
        item.Attempts = 0;
        item.NextAttemptAt = clock.GetUtcNow();
        audit.Add(actor.Id, "channel.inbound_retried", $"inbound:{id}");
        await db.SaveChangesAsync(ct);
        wakeUp.Inbound();
    }
}
