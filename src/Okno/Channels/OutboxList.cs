using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Channels;

/// <summary>An outgoing mail's state as the outbox list shows it.</summary>
public enum OutboxState { Queued, Sent, Failed }

/// <summary>One outgoing item: a reply or a notification, where it goes, how its sending went.</summary>
public sealed record OutboxItemView(
    long Id, DeliveryKind Kind, long AccountId, string AccountName, string? Recipient, string? Subject, OutboxState State, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, long? TicketId, long? TicketNumber, long? MessageId);

/// <summary>The list of every outgoing mail (replies and notifications, the one delivery queue), newest first,
/// keyset-paged by id, filtered by recipient, ticket and state. Admins and supervisors read it.</summary>
public sealed class OutboxList(OknoDb db)
{
    public async Task<Page<OutboxItemView>> ListAsync(string? to, long? ticketId, string? state, int? limit, string? cursor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var recipient = to?.Trim();
        if (recipient is { Length: 0 }) recipient = null;
        if (recipient is not null)
        {
            if (recipient.Length > ChannelDelivery.RecipientMaxLength) errors.TooLong("to", ChannelDelivery.RecipientMaxLength);
            else if (FieldErrors.HasControlCharacters(recipient)) errors.ControlCharacters("to");
        }
        if (ticketId is < 1) errors.Add("ticketId", ErrorCodes.OutOfRange, "A ticket id is 1 or more.", ("min", 1), ("max", long.MaxValue));
        errors.ThrowIfAny();
        var wanted = QueryValues.Enum<OutboxState>(state, "state");
        var take = Paging.Limit(limit);
        var after = Paging.Decode(cursor, 1);

        var query = db.Set<ChannelDelivery>().AsQueryable();
        if (recipient is not null)
        {
            var normal = ChannelDelivery.NormalRecipient(recipient);
            query = query.Where(d => d.Recipient == normal);
        }
        if (ticketId is { } t) query = query.Where(d => d.TicketId == t);
        if (wanted is { } w)
        {
            var status = w switch { OutboxState.Sent => DeliveryStatus.Sent, OutboxState.Failed => DeliveryStatus.Failed, _ => DeliveryStatus.Pending };
            query = query.Where(d => d.Status == status);
        }
        if (after is [var lastId]) query = query.Where(d => d.Id < lastId);
        var rows = await query.OrderByDescending(d => d.Id).Take(take + 1).Select(d => new
        {
            d.Id, d.Kind, d.AccountId, d.Recipient, Subject = d.Subject ?? (d.Ticket == null ? null : d.Ticket.Subject), d.Status, d.Attempts, d.LastError,
            d.CreatedAt, d.SentAt, d.TicketId, Number = d.Ticket == null ? (long?)null : d.Ticket.Number, d.MessageId,
        }).ToListAsync(ct);
        var accountIds = rows.Select(r => r.AccountId).Distinct().ToList();
        var names = await db.Set<ChannelAccount>().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var items = rows.Select(r => new OutboxItemView(r.Id, r.Kind, r.AccountId, names.GetValueOrDefault(r.AccountId, ""), r.Recipient, r.Subject,
            r.Status switch { DeliveryStatus.Sent => OutboxState.Sent, DeliveryStatus.Failed => OutboxState.Failed, _ => OutboxState.Queued },
            r.Attempts, r.LastError, r.CreatedAt, r.SentAt, r.TicketId, r.Number, r.MessageId)).ToList();
        return Paging.ToPage(items, take, i => Paging.Encode(i.Id));
    }
}
