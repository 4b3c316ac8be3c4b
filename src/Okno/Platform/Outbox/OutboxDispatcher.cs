using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Platform.Outbox;

/// <summary>Runs every registered <see cref="IOutboxHandler"/> on this node, each in a loop of its own, so a slow or
/// failing handler never holds up another. A loop wakes at once after a local commit that wrote events
/// (<see cref="OutboxSignal"/>) and otherwise every <see cref="OutboxOptions.PollInterval"/> (events written by another
/// node). Each round, in one transaction: take the handler (an advisory lock no other node can take meanwhile), read
/// its next batch after its cursor, run it on each event in order, move the cursor. Exactly once per (handler, event):
/// the cursor commits with the handler's writes, a crash before the commit leaves both undone, and only the lock
/// holder reads and moves the cursor. A failure rolls the handler's writes back, records the error and
/// retries the same batch after an exponential backoff; the handler's lag shows on /health.</summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<OutboxHandlerRegistration> registrations, TimeProvider clock,
    IOptions<OknoOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private OutboxOptions Options => options.Value.Outbox;

    /// <summary>The registered handlers' names and topics; read once from a scope at start.</summary>
    public static IReadOnlyList<(string Name, string Topic, Type Type)> Describe(IServiceProvider services, IEnumerable<OutboxHandlerRegistration> registrations)
    {
        using var scope = services.CreateScope();
        var described = registrations.Select(r =>
        {
            var handler = (IOutboxHandler)scope.ServiceProvider.GetRequiredService(r.HandlerType);
            return (handler.Name, handler.Topic, r.HandlerType);
        }).ToList();
        var twice = described.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"Two outbox handlers are named '{twice.Key}'.");
        return described;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        IReadOnlyList<(string Name, string Topic, Type Type)> handlers;
        await using (var scope = scopes.CreateAsyncScope()) handlers = Describe(scope.ServiceProvider, registrations);
        await Task.WhenAll(handlers.Select(h => RunAsync(h.Name, h.Topic, h.Type, stoppingToken)));
    }

    private async Task RunAsync(string name, string topic, Type type, CancellationToken stop)
    {
        // Rounds are background work: on SQLite they let a waiting request's write go first (SqliteWriteTurns).
        SqliteWriteTurns.MarkBackground();
        Func<string, bool> wakesFor;
        bool inBackground;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var described = (IOutboxHandler)scope.ServiceProvider.GetRequiredService(type);
            (wakesFor, inBackground) = (described.WakesFor, described.InBackground);
        }
        var (gap, batchSize) = inBackground ? (Options.BackgroundRoundGap, Options.BackgroundBatchSize) : (Options.WokenRoundGap, Options.BatchSize);
        using var listener = OutboxSignal.Listen(wakesFor);
        // The first round, and each after a quiet poll interval, looks before it takes the handler; a wake-up (an event
        // this handler cares about was just committed here) or a full batch goes straight to work.
        var look = true;
        long? lastWorked = null;
        while (!stop.IsCancellationRequested)
        {
            var woken = listener.Next;
            TimeSpan wait;
            try
            {
                // Machine time, not the desk's clock (a test's fake clock would hold the gap forever): it paces load.
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                (wait, var handled) = await DrainOnceAsync(name, topic, type, look, batchSize, stop);
                if (handled) lastWorked = started;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away, or the dispatcher itself broke: keep trying, quietly enough.
                logger.LogWarning(e, "Outbox dispatch for {Handler} failed; trying again", name);
                wait = Options.PollInterval;
            }
            look = false;
            if (wait <= TimeSpan.Zero) continue;
            try
            {
                // Machine time again, and never longer than a poll interval: a retry due on the desk's clock is looked at
                // again each interval. Sleeping on that clock stalled a handler under a test's fake clock whenever its
                // wake-up came before the event was readable (a concurrent transaction on PostgreSQL) — no poll followed.
                var pause = wait < Options.PollInterval ? wait : Options.PollInterval;
                look = await Task.WhenAny(woken, Task.Delay(pause, stop)) != woken;
                // Woken soon after a round that handled events: let the gap pass, so the commits meanwhile share a round.
                if (!look && lastWorked is { } worked && gap - System.Diagnostics.Stopwatch.GetElapsedTime(worked) is var rest && rest > TimeSpan.Zero)
                    await Task.Delay(rest, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Handles one batch if there is one and it is this node's turn; returns how long to wait before the
    /// next round (zero: more may be waiting) and whether it handled events. With <paramref name="look"/>, first checks without a transaction
    /// whether anything is waiting (two reads that cost a round nothing more when there is work).</summary>
    internal async Task<(TimeSpan Wait, bool Handled)> DrainOnceAsync(string name, string topic, Type type, bool look, int batchSize, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var now = clock.GetUtcNow();
        if (look)
        {
            var seen = await db.OutboxProgress.AsNoTracking().SingleOrDefaultAsync(p => p.Handler == name, stop);
            if (seen is null)
            {
                await OutboxQueries.EnsureProgressAsync(db, name, stop);
                return (TimeSpan.Zero, false);
            }
            if (seen.NextAttemptAt is { } next && next > now) return (next - now, false);
            // An idle round must not take SQLite's write lock, nor cost PostgreSQL a transaction.
            // The first ready id in cursor order, not EXISTS: auto-prepared statements get a generic plan after five runs,
            // and for EXISTS that plan was a sequential scan of the whole outbox (343 ms at 273,000 rows, a third of
            // PostgreSQL's time during a creation load at 1M tickets); an ordered LIMIT 1 stays on the index (0.7 ms).
            if (await OutboxQueries.Ready(db, topic, seen.LastTxId, seen.LastEventId).Select(e => (long?)e.Id).FirstOrDefaultAsync(stop) is null)
                return (Options.PollInterval, false);
        }

        // The round's writes and its cursor move commit together, so a round undone by a database crash is simply
        // handled again: its commit need not wait for the disk. Waiting made every creation cost one flush per
        // handler on top of its own, halving ticket creation on PostgreSQL (bench/results/2026-12-04-postgres.md).
        // A round is five round trips: begin, take the handler with its progress, read the batch, move the cursor, commit.
        if (Options.YieldToRequests && db is SqliteOknoDb) await SqliteWriteTurns.For(db.Database.GetConnectionString()!).YieldAsync(stop);
        await using var transaction = await db.BeginUnflushedTransactionAsync(stop);
        // Read under the lock: another node may have moved the cursor since any earlier look.
        var progress = await OutboxQueries.TakeHandlerAsync(db, name, stop);
        if (progress is null) return (Options.PollInterval, false);   // another node has it (or its row is not there yet)
        if (progress.NextAttemptAt is { } retryAt && retryAt > now) return (retryAt - now, false);
        var batch = await OutboxQueries.Ready(db, topic, progress.LastTxId, progress.LastEventId).AsNoTracking()
            .Take(batchSize).ToListAsync(stop);
        if (batch.Count == 0) return (Options.PollInterval, false);

        var handler = (IOutboxHandler)scope.ServiceProvider.GetRequiredService(type);
        try
        {
            foreach (var outboxEvent in batch)
            {
                // What the handler writes is an operation of its own (and its events are grouped by it).
                using (Operation.Begin()) await handler.HandleAsync(outboxEvent, stop);
            }
            using (Operation.Begin()) await handler.BeforeCommitAsync(stop);
            await db.SaveChangesAsync(stop);
        }
        catch (Exception e) when (!(e is OperationCanceledException && stop.IsCancellationRequested))
        {
            // Everything the handler wrote goes, and the lock with it (no savepoint: one round trip less on every
            // round). The failure is recorded unless another node has meanwhile taken the handler and moved it on.
            await transaction.RollbackAsync(stop);
            db.ChangeTracker.Clear();
            var attempts = progress.Attempts + 1;
            var retryAfter = Backoff(attempts, Options.FirstRetryAfter, Options.MaxRetryAfter);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > OutboxProgress.ErrorMaxLength) error = error[..OutboxProgress.ErrorMaxLength];
            await db.OutboxProgress
                .Where(p => p.Handler == name && p.LastTxId == progress.LastTxId && p.LastEventId == progress.LastEventId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Attempts, attempts)
                    .SetProperty(p => p.NextAttemptAt, now + retryAfter)
                    .SetProperty(p => p.LastError, error)
                    .SetProperty(p => p.LastErrorAt, now), stop);
            logger.LogWarning(e, "Outbox handler {Handler} failed on events {First}..{Last} (attempt {Attempts}); retrying in {RetryAfter}",
                name, batch[0].Id, batch[^1].Id, attempts, retryAfter);
            return (retryAfter, false);
        }
        var last = batch[^1];
        var handledAt = clock.GetUtcNow();
        await db.OutboxProgress.Where(p => p.Handler == name).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LastTxId, last.TxId)
            .SetProperty(p => p.LastEventId, last.Id)
            .SetProperty(p => p.Handled, p => p.Handled + batch.Count)
            .SetProperty(p => p.LastHandledAt, handledAt)
            .SetProperty(p => p.Attempts, 0)
            .SetProperty(p => p.NextAttemptAt, (DateTimeOffset?)null), stop);
        await transaction.CommitAsync(stop);
        try
        {
            await handler.AfterCommitAsync(stop);
        }
        catch (Exception e) when (!(e is OperationCanceledException && stop.IsCancellationRequested))
        {
            logger.LogWarning(e, "Outbox handler {Handler} failed after events {First}..{Last} were handled", name, batch[0].Id, last.Id);
        }
        // A full batch: more are waiting. A short one: caught up, and whatever this node commits from now on wakes the
        // loop (it took the signal before looking), so an empty look now would only cost two round trips.
        return (batch.Count == batchSize ? TimeSpan.Zero : Options.PollInterval, true);
    }

    /// <summary>first, 2×first, 4×first… up to max: a handler whose dependency is down is asked less and less often.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = first * factor;
        return delay > max ? max : delay;
    }
}

/// <summary>Okno:Outbox settings.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often an idle handler looks for events a wake-up did not announce (those of other nodes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The least time from one woken round of a handler to its next: under a steady stream of commits the
    /// events of several commits are handled in one round instead of a round each (five round trips and a commit).
    /// A wake-up after a quiet spell is handled at once, so the live inbox stays as quick for a single change.</summary>
    public TimeSpan WokenRoundGap { get; set; } = TimeSpan.FromMilliseconds(50);
    /// <summary>Events handled in one transaction.</summary>
    public int BatchSize { get; set; } = 200;
    /// <summary><see cref="WokenRoundGap"/> for handlers <see cref="IOutboxHandler.InBackground"/>: with 16 handlers at
    /// 1M tickets, a second instead of 50 ms for the ten background handlers took creation with 32 clients from 399 / 530 to
    /// 523 / 602 tickets/s, and the handlers' transactions from 0.74 to 0.38 per created ticket (issue 11).</summary>
    public TimeSpan BackgroundRoundGap { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary><see cref="BatchSize"/> for handlers <see cref="IOutboxHandler.InBackground"/>: a second's worth of a busy
    /// desk's events in one round. Not much more: a round that has written holds back every handler's next read until
    /// it commits (see <see cref="OutboxQueries"/>).</summary>
    public int BackgroundBatchSize { get; set; } = 500;
    /// <summary>On SQLite, a handler's round waits (up to a second) while requests wait for the write lock
    /// (<see cref="Data.SqliteWriteTurns"/>): requests stay quick under a backlog, handlers fall further behind under load.
    /// False gives rounds and requests an equal chance at the lock.</summary>
    public bool YieldToRequests { get; set; } = true;
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Events every handler is done with are kept this long (to look into), then deleted.</summary>
    public TimeSpan KeepHandledFor { get; set; } = TimeSpan.FromHours(1);
    /// <summary>/health says degraded when a handler's oldest unhandled event is older than this.</summary>
    public TimeSpan LagDegradedAfter { get; set; } = TimeSpan.FromMinutes(1);
}
