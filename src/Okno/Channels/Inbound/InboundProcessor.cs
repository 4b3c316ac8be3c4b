using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Channels;

public enum InboundOutcome { NotTaken, Done, Ignored, Retrying, Quarantined, Held }

/// <summary>Turns stored inbound items into ticket messages: the adapter reads the item, the filters run in order, the
/// <see cref="InboundTicketWriter"/> writes the message, and the item is marked done — all in one transaction, so a
/// failure anywhere leaves the item pending and nothing half-written.
/// <para>An item whose processing throws is tried again later (the wait doubles), and after
/// <see cref="ChannelsOptions.InboundAttempts"/> it is quarantined for an admin to look at; items behind it are
/// processed meanwhile, since only due items are read.</para>
/// <para>Two nodes never make two messages of one item: a node takes an item by a conditional UPDATE that only one can
/// win (a lease token with an expiry, for a node that dies), and marks it done with that token as a concurrency
/// check, in the transaction that writes the message. A node that lost its claim (it was slower than the lease) fails
/// that check, its transaction rolls back, and the item is the other node's.</para></summary>
public sealed class InboundProcessor(
    IServiceScopeFactory scopes, ChannelAdapters adapters, TimeProvider clock, IOptions<ChannelsOptions> options, ChannelWakeUp wakeUp,
    ILogger<InboundProcessor> logger)
{
    /// <summary>Items one round claims at once (one UPDATE). Small enough that a round ends well within a lease.</summary>
    private const int Batch = 32;

    /// <summary>Processes the due items, round after round, until none is left. Each round claims a batch in one
    /// statement, splits it into chains of items that must keep their order (<see cref="ChainsAsync"/>: a mail and the
    /// replies to it, one sender's items), and works on <see cref="ChannelsOptions.InboundParallelism"/> chains at once,
    /// each in order, so new tickets share the creation path's group commit instead of each waiting for its own.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var token = Guid.NewGuid().ToString("N");
            var (due, claimed) = await ClaimDueAsync(token, cancellationToken);
            if (claimed.Count == 0) break;
            var taken = await OrderedChains.RunAsync(await ChainsAsync(claimed, cancellationToken), options.Value.InboundParallelism,
                async (id, ct) => await ProcessClaimedAsync(id, token, ct) != InboundOutcome.NotTaken, cancellationToken);
            processed += taken;
            if (due < Batch || taken == 0) break;
        }
        return processed;
    }

    /// <summary>Processes one stored item at once, on this node, if it is due and this call wins it (a chat message the
    /// visitor waits for: the job's wake-up would add a scheduler round); otherwise leaves it to the job.</summary>
    public async Task<InboundOutcome> ProcessNowAsync(long itemId, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var now = clock.GetUtcNow();
            // Not before an earlier item of the same sender that is still pending, wherever it is: the job takes them in order.
            var items = db.Set<InboundItem>();
            var claimed = await items
                .Where(i => i.Id == itemId && i.Status == InboundStatus.Pending && i.NextAttemptAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now)
                    && (i.Sender == null || !items.Any(e => e.AccountId == i.AccountId && e.Sender == i.Sender && e.Id < i.Id && e.Status == InboundStatus.Pending)))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseToken, token).SetProperty(i => i.LeaseUntil, now + options.Value.Lease), cancellationToken);
            if (claimed == 0)
            {
                wakeUp.Inbound();
                return InboundOutcome.NotTaken;
            }
        }
        return await ProcessClaimedAsync(itemId, token, cancellationToken);
    }

    private sealed record ClaimedItem(long Id, long AccountId, string Payload);

    /// <summary>Takes up to a batch of due items, in order of arrival among them (one waiting for a retry does not hold up
    /// those behind it), by one conditional UPDATE that only one node can win per item; returns how many were due and
    /// those this round took.</summary>
    private async Task<(int Due, List<ClaimedItem> Claimed)> ClaimDueAsync(string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var now = clock.GetUtcNow();
        var items = db.Set<InboundItem>();
        // An item whose sender has an earlier one that cannot be taken now (waiting for a retry, or held by a node, maybe a
        // dead one) waits for it; earlier ones that can be taken come in this batch, first, and their chain keeps the order.
        var due = await items
            .Where(i => i.Status == InboundStatus.Pending && i.NextAttemptAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now)
                && (i.Sender == null || !items.Any(e => e.AccountId == i.AccountId && e.Sender == i.Sender && e.Id < i.Id && e.Status == InboundStatus.Pending
                    && (e.NextAttemptAt > now || (e.LeaseUntil != null && e.LeaseUntil >= now)))))
            .OrderBy(i => i.Id).Select(i => i.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0) return (0, []);
        await db.Set<InboundItem>()
            .Where(i => due.Contains(i.Id) && i.Status == InboundStatus.Pending && i.NextAttemptAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseToken, token).SetProperty(i => i.LeaseUntil, now + options.Value.Lease), cancellationToken);
        var claimed = await db.Set<InboundItem>().AsNoTracking().Where(i => due.Contains(i.Id) && i.LeaseToken == token)
            .OrderBy(i => i.Id).Select(i => new ClaimedItem(i.Id, i.AccountId, i.Payload)).ToListAsync(cancellationToken);
        return (due.Count, claimed);
    }

    /// <summary>The claimed items as chains that must each be processed in order: items of one account that share an
    /// order key (<see cref="IChannelAdapter{TSettings}.OrderKeys"/>), directly or through others, are one chain, in
    /// order of arrival. An item whose keys cannot be read is a chain of its own (its processing says what is wrong).</summary>
    private async Task<List<List<long>>> ChainsAsync(List<ClaimedItem> items, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var accountIds = items.Select(i => i.AccountId).Distinct().ToList();
        var accounts = await db.Set<ChannelAccount>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var root = Enumerable.Range(0, items.Count).ToArray();
        int Find(int i)
        {
            while (root[i] != i) i = root[i] = root[root[i]];
            return i;
        }
        var holder = new Dictionary<(long Account, string Key), int>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            IReadOnlyList<string> keys = [];
            try
            {
                if (accounts.TryGetValue(item.AccountId, out var account)) keys = adapters.Of(account.Kind).OrderKeys(scope.ServiceProvider, account, item.Payload);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "The order keys of inbound item {Item} could not be read", item.Id);
            }
            foreach (var key in keys)
            {
                if (holder.TryGetValue((item.AccountId, key), out var other)) root[Find(index)] = Find(other);
                else holder[(item.AccountId, key)] = index;
            }
        }
        return items.Select((item, index) => (item.Id, Chain: Find(index))).GroupBy(x => x.Chain).Select(g => g.Select(x => x.Id).ToList()).ToList();
    }

    private async Task<InboundOutcome> ProcessClaimedAsync(long itemId, string token, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await WriteAsync(scope.ServiceProvider, itemId, token, cancellationToken);
        }
        catch (Exception e) when (IsClaimLost(e))
        {
            return InboundOutcome.NotTaken;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailureAsync(itemId, token, e, cancellationToken);
        }
    }

    private static bool IsClaimLost(Exception e) => e is InboundClaimLost or DbUpdateConcurrencyException || e.InnerException is { } inner && IsClaimLost(inner);

    /// <summary>Runs the filters (they only read), then writes through the one ticket write path, which marks the item
    /// done in its own transaction; an ignored or held item is marked so under the same claim check. Whatever the
    /// outcome, the item keeps who sent it and its subject (written with the outcome).</summary>
    private async Task<InboundOutcome> WriteAsync(IServiceProvider services, long itemId, string token, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OknoDb>();
        // One connection for the item's reads and writes (the scope closes it): opened and closed per query, each of the
        // ~8 queries rented it from the pool again, and PostgreSQL ran Npgsql's 7-statement session reset each time
        // (pg_stat_statements during bench/email.sh: ~70 reset statements per mail).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var item = await db.Set<InboundItem>().SingleAsync(i => i.Id == itemId, cancellationToken);
        if (item.LeaseToken != token || item.Status != InboundStatus.Pending) return InboundOutcome.NotTaken;
        var account = await db.Set<ChannelAccount>().AsNoTracking().SingleAsync(a => a.Id == item.AccountId, cancellationToken);
        var message = await adapters.Of(account.Kind).ParseAsync(services, account, item.Payload, cancellationToken);
        var context = new InboundContext(db, item, account, message, now);
        foreach (var filter in services.GetServices<IInboundFilter>())
        {
            await filter.RunAsync(context, cancellationToken);
            if (context.IgnoredBecause is not null || context.HeldBecause is not null) break;
        }
        if (context.IgnoredBecause is { } reason)
            return await StopAsync(db, context, InboundStatus.Ignored, $"Ignored: {reason}.", InboundOutcome.Ignored, cancellationToken);
        if (context.HeldBecause is { } why)
            return await StopAsync(db, context, InboundStatus.Held, $"Held: {why}.", InboundOutcome.Held, cancellationToken);
        await services.GetRequiredService<InboundTicketWriter>().WriteAsync(context, token, cancellationToken);
        return InboundOutcome.Done;
    }

    /// <summary>Marks an item that does not become a message (ignored, held) with the reason.</summary>
    private static async Task<InboundOutcome> StopAsync(OknoDb db, InboundContext context, InboundStatus status, string reason, InboundOutcome outcome,
        CancellationToken cancellationToken)
    {
        var item = context.Item;
        context.Describe(item);
        item.Status = status;
        item.LastError = reason.Length <= InboundItem.ErrorMaxLength ? reason : reason[..InboundItem.ErrorMaxLength];
        item.ProcessedAt = context.Now;
        item.LeaseToken = null;
        item.LeaseUntil = null;
        // The claim is this save's concurrency check: if another node took the item over, nothing here is written.
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<InboundOutcome> RecordFailureAsync(long itemId, string token, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var item = await db.Set<InboundItem>().SingleAsync(i => i.Id == itemId, cancellationToken);
        if (item.LeaseToken != token) return InboundOutcome.NotTaken;
        var now = clock.GetUtcNow();
        item.Attempts++;
        var text = $"{error.GetType().Name}: {error.Message}";
        item.LastError = text.Length <= InboundItem.ErrorMaxLength ? text : text[..InboundItem.ErrorMaxLength];
        item.LeaseToken = null;
        item.LeaseUntil = null;
        var quarantined = item.Attempts >= settings.InboundAttempts || error is UnreadableInboundItem;
        if (quarantined) item.Status = InboundStatus.Quarantined;
        else item.NextAttemptAt = now + settings.Backoff(settings.InboundBackoff, item.Attempts);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InboundOutcome.NotTaken;
        }
        if (quarantined) logger.LogWarning(error, "Inbound item {Item} is quarantined after {Attempts} attempts", itemId, item.Attempts);
        else logger.LogInformation(error, "Inbound item {Item} failed (attempt {Attempts}); it is tried again", itemId, item.Attempts);
        return quarantined ? InboundOutcome.Quarantined : InboundOutcome.Retrying;
    }
}
