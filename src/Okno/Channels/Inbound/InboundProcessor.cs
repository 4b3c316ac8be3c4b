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
    IServiceScopeFactory scopes, ChannelAdapters adapters, TimeProvider clock, IOptions<ChannelsOptions> options,
    ILogger<InboundProcessor> logger)
{
    private const int Batch = 20;

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<long> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                var now = clock.GetUtcNow();
                // In order of arrival among the due ones; one waiting for a retry does not hold up those behind it.
                due = await db.Set<InboundItem>()
                    .Where(i => i.Status == InboundStatus.Pending && i.NextAttemptAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now))
                    .OrderBy(i => i.Id).Select(i => i.Id).Take(Batch).ToListAsync(cancellationToken);
            }
            var taken = 0;
            foreach (var id in due)
                if (await ProcessAsync(id, cancellationToken) != InboundOutcome.NotTaken) taken++;
            processed += taken;
            if (due.Count < Batch || taken == 0) break;
        }
        return processed;
    }

    public async Task<InboundOutcome> ProcessAsync(long itemId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = Guid.NewGuid().ToString("N");
        var claimedAt = clock.GetUtcNow();
        await using (var claimScope = scopes.CreateAsyncScope())
        {
            var claimed = await claimScope.ServiceProvider.GetRequiredService<OknoDb>().Set<InboundItem>()
                .Where(i => i.Id == itemId && i.Status == InboundStatus.Pending && i.NextAttemptAt <= claimedAt
                    && (i.LeaseUntil == null || i.LeaseUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseToken, token).SetProperty(i => i.LeaseUntil, claimedAt + settings.Lease), cancellationToken);
            if (claimed == 0) return InboundOutcome.NotTaken;
        }

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
        var now = clock.GetUtcNow();
        var item = await db.Set<InboundItem>().SingleAsync(i => i.Id == itemId, cancellationToken);
        if (item.LeaseToken != token || item.Status != InboundStatus.Pending) return InboundOutcome.NotTaken;
        var account = await db.Set<ChannelAccount>().AsNoTracking().SingleAsync(a => a.Id == item.AccountId, cancellationToken);
        var message = adapters.Of(account.Kind).Parse(services, account, item.Payload);
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
