using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Channels;

/// <summary>Stores raw inbound items before anything reads them, so a transport can be told "got it" only once its
/// item is safe. The (account, external id) pair is unique: an item delivered again is not stored again.</summary>
public sealed class InboundStore(IDbContextFactory<OknoDb> dbs, TimeProvider clock, ChannelWakeUp wakeUp)
{
    /// <summary>Stores the items of one account; returns how many were new (the rest were already there). Wakes the
    /// inbound job when something was stored.</summary>
    public async Task<int> StoreAsync(long accountId, IReadOnlyList<RawInboundItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
            if (string.IsNullOrWhiteSpace(item.ExternalId) || item.ExternalId.Length > InboundItem.ExternalIdMaxLength)
                throw new ArgumentException($"An item's id must have 1 to {InboundItem.ExternalIdMaxLength} characters.", nameof(items));
        var stored = 0;
        foreach (var item in items.DistinctBy(i => i.ExternalId))
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            if (await db.Set<InboundItem>().AnyAsync(i => i.AccountId == accountId && i.ExternalId == item.ExternalId, cancellationToken)) continue;
            var now = clock.GetUtcNow();
            db.Add(new InboundItem
            {
                AccountId = accountId, ExternalId = item.ExternalId, Payload = item.Payload, Status = InboundStatus.Pending, NextAttemptAt = now, ReceivedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // The same item arrived twice at once (two webhook calls, two nodes): the other one stored it.
            }
        }
        if (stored > 0) wakeUp.Inbound();
        return stored;
    }
}
