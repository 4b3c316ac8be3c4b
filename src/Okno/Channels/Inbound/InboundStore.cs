using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Channels;

/// <summary>Stores raw inbound items before anything reads them, so a transport can be told "got it" only once its
/// item is safe. The (account, external id) pair is unique: an item delivered again is not stored again.</summary>
public sealed class InboundStore(IDbContextFactory<OknoDb> dbs, TimeProvider clock, ChannelWakeUp wakeUp)
{
    /// <summary>Stores the items of one account; returns how many were new (the rest were already there). Wakes the
    /// inbound job when something was stored, unless the caller processes the items itself (<paramref name="wake"/> false).</summary>
    public async Task<int> StoreAsync(long accountId, IReadOnlyList<RawInboundItem> items, CancellationToken cancellationToken, bool wake = true)
    {
        foreach (var item in items)
            if (string.IsNullOrWhiteSpace(item.ExternalId) || item.ExternalId.Length > InboundItem.ExternalIdMaxLength)
                throw new ArgumentException($"An item's id must have 1 to {InboundItem.ExternalIdMaxLength} characters.", nameof(items));
        var fresh = items.DistinctBy(i => i.ExternalId).ToList();
        if (fresh.Count == 0) return 0;
        int stored;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            // The whole batch in one transaction (one commit, not one per item), in the order the transport gave it.
            var ids = fresh.Select(i => i.ExternalId).ToList();
            var known = await db.Set<InboundItem>().Where(i => i.AccountId == accountId && ids.Contains(i.ExternalId)).Select(i => i.ExternalId)
                .ToListAsync(cancellationToken);
            fresh.RemoveAll(i => known.Contains(i.ExternalId));
            foreach (var item in fresh) db.Add(NewItem(accountId, item));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored = fresh.Count;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // One of them arrived at the same moment by another way (two webhook calls, two nodes): item by item.
                stored = await StoreEachAsync(accountId, fresh, cancellationToken);
            }
        }
        if (stored > 0 && wake) wakeUp.Inbound();
        return stored;
    }

    private async Task<int> StoreEachAsync(long accountId, List<RawInboundItem> items, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var item in items)
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            if (await db.Set<InboundItem>().AnyAsync(i => i.AccountId == accountId && i.ExternalId == item.ExternalId, cancellationToken)) continue;
            db.Add(NewItem(accountId, item));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // The other one stored it.
            }
        }
        return stored;
    }

    private InboundItem NewItem(long accountId, RawInboundItem item)
    {
        var now = clock.GetUtcNow();
        return new InboundItem
        {
            AccountId = accountId, ExternalId = item.ExternalId, Payload = item.Payload, Status = InboundStatus.Pending, NextAttemptAt = now, ReceivedAt = now,
        };
    }
}
