using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels;

public sealed record InboundItemView(
    long Id, long AccountId, string ExternalId, InboundStatus Status, int Attempts, string? LastError, DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt, long? TicketId, string Payload);

/// <summary>An inbound item's state as the review shows it: imported is an item that became a message.</summary>
public enum InboundState { Pending, Imported, Ignored, Quarantined, Held }

/// <summary>One inbound item of an account in the review list.</summary>
/// <param name="MailMessageId">The mail's Message-ID, when the item is known by it (external id <c>msgid:…</c>).</param>
/// <param name="Reason">Why it was ignored, held or quarantined (the last error; kept while a retried item waits).</param>
/// <param name="TicketMessageId">The message it became in Okno.</param>
public sealed record InboundReviewItem(
    long Id, string ExternalId, string? MailMessageId, string? Sender, string? Subject, InboundState State, string? Reason, int Attempts,
    DateTimeOffset ReceivedAt, DateTimeOffset? ProcessedAt, long? TicketId, long? TicketNumber, long? TicketMessageId, DateTimeOffset? ReleasedAt);

/// <summary>How many of an account's items wait for an admin: held and quarantined.</summary>
public sealed record InboundCounts(long AccountId, int Held, int Quarantined);

/// <summary>What admins see of the inbound store, per account (every item, whatever became of it) and across accounts
/// (the quarantine): its list, the item as received, and the two ways back into the pipeline — retry (a quarantined or
/// ignored item, after the cause was fixed) and release (a held item, which is then not held again).</summary>
public sealed class InboundItems(OknoDb db, TimeProvider clock, ChannelWakeUp wakeUp, Admin.Audit audit, ChannelAdapters adapters, IServiceProvider services)
{
    public const int PayloadPreviewLength = 4000;
    private const string MessageIdPrefix = "msgid:";

    public static InboundStatus StatusOf(InboundState state) => state switch
    {
        InboundState.Imported => InboundStatus.Done,
        InboundState.Ignored => InboundStatus.Ignored,
        InboundState.Quarantined => InboundStatus.Quarantined,
        InboundState.Held => InboundStatus.Held,
        _ => InboundStatus.Pending,
    };

    public static InboundState StateOf(InboundStatus status) => status switch
    {
        InboundStatus.Done => InboundState.Imported,
        InboundStatus.Ignored => InboundState.Ignored,
        InboundStatus.Quarantined => InboundState.Quarantined,
        InboundStatus.Held => InboundState.Held,
        _ => InboundState.Pending,
    };

    /// <summary>Items of one status across accounts (default: quarantined), newest first, keyset-paged.</summary>
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

    /// <summary>One account's items, newest first, keyset-paged by id over the index (AccountId, Status, Id); all of
    /// them, or those in one state.</summary>
    public async Task<Page<InboundReviewItem>> ListAsync(long accountId, InboundState? state, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var last = Paging.Decode(cursor, 1);
        await AccountAsync(accountId, ct);
        var query = db.Set<InboundItem>().Where(i => i.AccountId == accountId);
        if (state is { } s)
        {
            var status = StatusOf(s);
            query = query.Where(i => i.Status == status);
        }
        if (last is [var lastId]) query = query.Where(i => i.Id < lastId);
        var rows = await query.OrderByDescending(i => i.Id).Take(take + 1)
            .Select(i => new
            {
                i.Id, i.ExternalId, i.Sender, i.Subject, i.Status, i.LastError, i.Attempts, i.ReceivedAt, i.ProcessedAt, i.TicketId, i.MessageId, i.ReleasedAt,
                TicketNumber = db.Set<Ticket>().Where(t => t.Id == i.TicketId).Select(t => (long?)t.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(i => new InboundReviewItem(i.Id, i.ExternalId,
            i.ExternalId.StartsWith(MessageIdPrefix, StringComparison.Ordinal) ? i.ExternalId[MessageIdPrefix.Length..] : null,
            i.Sender, i.Subject, StateOf(i.Status), i.LastError, i.Attempts, i.ReceivedAt, i.ProcessedAt, i.TicketId, i.TicketNumber, i.MessageId,
            i.ReleasedAt)).ToList();
        return Paging.ToPage(items, take, i => Paging.Encode(i.Id));
    }

    /// <summary>Held and quarantined items per account (a count over the index (AccountId, Status, Id)); accounts
    /// with none are left out.</summary>
    public async Task<IReadOnlyDictionary<long, InboundCounts>> CountsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        if (accountIds.Count == 0) return new Dictionary<long, InboundCounts>();
        var ids = accountIds.ToList();
        var rows = await db.Set<InboundItem>()
            .Where(i => ids.Contains(i.AccountId) && (i.Status == InboundStatus.Held || i.Status == InboundStatus.Quarantined))
            .GroupBy(i => new { i.AccountId, i.Status })
            .Select(g => new { g.Key.AccountId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => new InboundCounts(g.Key,
            g.Where(r => r.Status == InboundStatus.Held).Sum(r => r.Count), g.Where(r => r.Status == InboundStatus.Quarantined).Sum(r => r.Count)));
    }

    /// <summary>The item as the transport delivered it (an email: the raw mail); see <see cref="IRawInboundItemAdapter"/>.</summary>
    public async Task<RawItemContent> OpenRawAsync(long accountId, long itemId, CancellationToken ct)
    {
        var account = await AccountAsync(accountId, ct);
        var payload = await db.Set<InboundItem>().Where(i => i.Id == itemId && i.AccountId == accountId).Select(i => i.Payload).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(ChannelErrorCodes.InboundItemNotFound, "Inbound item", itemId));
        return adapters.Of(account.Kind).OpenRaw(services, itemId, payload)
            ?? throw new OknoException(new NotFound(ErrorCodes.FileNotFound, "The raw copy of inbound item", itemId));
    }

    /// <summary>Sends a quarantined or ignored item through the pipeline again (after the cause was fixed): attempts from
    /// zero, due now; its last error stays until it is processed.</summary>
    public async Task RetryAsync(long? accountId, long id, CurrentAgent actor, CancellationToken ct)
    {
        var item = await ItemAsync(accountId, id, actor, ct);
        if (item.Status is not (InboundStatus.Quarantined or InboundStatus.Ignored))
            throw new OknoException(new StateConflict(ChannelErrorCodes.InboundItemNotRetryable,
                $"Only a quarantined or ignored item can be processed again; this one is {StateOf(item.Status).ToSnakeCase()}.", ("status", StateOf(item.Status).ToSnakeCase())));
        Requeue(item);
        audit.Add(actor.Id, "channel.inbound_retried", $"inbound:{id}");
        await db.SaveChangesAsync(ct);
        wakeUp.Inbound();
    }

    /// <summary>Lets a held item through: it goes through the pipeline again now, and no filter holds it a second time.</summary>
    public async Task ReleaseAsync(long? accountId, long id, CurrentAgent actor, CancellationToken ct)
    {
        var item = await ItemAsync(accountId, id, actor, ct);
        if (item.Status != InboundStatus.Held)
            throw new OknoException(new StateConflict(ChannelErrorCodes.InboundItemNotHeld,
                $"Only a held item can be released; this one is {StateOf(item.Status).ToSnakeCase()}.", ("status", StateOf(item.Status).ToSnakeCase())));
        item.ReleasedAt = clock.GetUtcNow();
        item.ReleasedBy = actor.Id;
        Requeue(item);
        audit.Add(actor.Id, "channel.inbound_released", $"inbound:{id}", item.Sender);
        await db.SaveChangesAsync(ct);
        wakeUp.Inbound();
    }

    private void Requeue(InboundItem item)
    {
        item.Status = InboundStatus.Pending;
        item.Attempts = 0;
        item.NextAttemptAt = clock.GetUtcNow();
        item.LeaseToken = null;
        item.LeaseUntil = null;
    }

    private async Task<InboundItem> ItemAsync(long? accountId, long id, CurrentAgent actor, CancellationToken ct)
    {
        await Admin.AgentRules.EnsureAdminAsync(db, actor, ct);
        if (accountId is { } account) await AccountAsync(account, ct);
        return await db.Set<InboundItem>().SingleOrDefaultAsync(i => i.Id == id && (accountId == null || i.AccountId == accountId), ct)
            ?? throw new OknoException(new NotFound(ChannelErrorCodes.InboundItemNotFound, "Inbound item", id));
    }

    private async Task<ChannelAccount> AccountAsync(long accountId, CancellationToken ct) =>
        await db.Set<ChannelAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct)
            ?? throw new OknoException(new NotFound(ChannelErrorCodes.AccountNotFound, "Channel account", accountId));
}
