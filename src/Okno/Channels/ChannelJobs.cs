using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Web;
using Okno.Platform.Data;
using Quartz;

namespace Okno.Channels;

/// <summary>Sends due replies (<see cref="DeliverMessages"/>). One run at a time in the cluster; the claims inside make
/// a second runner (a wake-up on another node) harmless anyway.</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelDeliveryJob(DeliverMessages deliveries) : IJob
{
    public static readonly JobKey Key = new("channel-deliveries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await deliveries.RunDueAsync(cancellationToken);
}

/// <summary>Starts fetches of the polling accounts that are due (each runs on its own, see <see cref="ChannelPolling"/>),
/// then processes stored items (<see cref="InboundProcessor"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelInboundJob(ChannelPolling polling, InboundProcessor processor) : IJob
{
    public static readonly JobKey Key = new("channel-inbound");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await polling.StartDueAsync(cancellationToken);
        await processor.RunDueAsync(cancellationToken);
    }
}

/// <summary>What one fetch of one account came to.</summary>
public sealed record FetchReport(int Fetched, int Stored, bool Skipped);

/// <summary>Fetches new items of polling accounts since each one's cursor. Each account is fetched on its own task, on
/// its own interval (<see cref="IPollingChannelAdapter{TSettings}.PollInterval"/>), so a slow or dead server never
/// delays another account or the inbound job; on PostgreSQL an advisory lock per account (held for the whole fetch, on
/// the fetch's own connection) makes sure two nodes never fetch one account at once. Order per fetch: fetch, store
/// (committed), acknowledge to the transport (IMAP \Seen), move the cursor; a crash anywhere fetches again, and the
/// unique key drops the repeats. A failure sets the account's health and last error.</summary>
public sealed class ChannelPolling(
    IServiceScopeFactory scopes, ChannelAdapters adapters, InboundStore store, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<ChannelPolling> logger)
{
    /// <summary>Okno's advisory lock numbers for fetching an account ("OK", 2): this base plus the account id.</summary>
    private const long FetchLockBase = 0x4F4B_0002_0000_0000L;

    /// <summary>The PostgreSQL advisory lock a node holds while it fetches an account.</summary>
    public static long FetchLockKey(long accountId) => FetchLockBase + accountId;

    /// <summary>Batches one fetch reads at most before it lets the next fetch of this account (and its lock) come round.</summary>
    private const int MaxBatchesPerFetch = 100;

    private readonly ConcurrentDictionary<long, Task<FetchReport>> _running = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastStarted = new();

    /// <summary>Starts a fetch of every enabled polling account that is due and not being fetched on this node; returns
    /// without waiting for them.</summary>
    public async Task StartDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, interval) in await PollingAccountsAsync(cancellationToken))
        {
            if (_running.ContainsKey(id)) continue;
            if (interval is { } every && _lastStarted.TryGetValue(id, out var last) && last + every > now) continue;
            _lastStarted[id] = now;
            // Its failure is logged and recorded on the account; nobody waits for it here.
            _ = Start(id, lifetime.ApplicationStopping).ContinueWith(t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Fetches every enabled polling account now, all at once, and waits for them (tests, "fetch all").</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var accounts = await PollingAccountsAsync(cancellationToken);
        var reports = await Task.WhenAll(accounts.Select(a => FetchNowAsync(a.Id, cancellationToken)));
        return reports.Sum(r => r.Stored);
    }

    /// <summary>Fetches one account now ("fetch now"), after a fetch of it already running on this node; skipped when
    /// another node is fetching it.</summary>
    public async Task<FetchReport> FetchNowAsync(long accountId, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(accountId, out var running))
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // That fetch failed (and recorded why); this one tries again.
            }
        }
        _lastStarted[accountId] = clock.GetUtcNow();
        return await Start(accountId, cancellationToken).WaitAsync(cancellationToken);
    }

    /// <summary>The running fetch of the account on this node, or a new one. The fetch starts only once it is in
    /// <see cref="_running"/>, and leaves it when done: a fetch quick enough to end before it was added (skipped at
    /// once because another node holds the lock, on a busy machine) once stayed there as a finished task, and the node
    /// never fetched that account again.</summary>
    private Task<FetchReport> Start(long accountId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_running.TryGetValue(accountId, out var running)) return running;
            var starter = new Task<Task<FetchReport>>(() => FetchAsync(accountId, cancellationToken));
            var fetch = starter.Unwrap();
            if (!_running.TryAdd(accountId, fetch)) continue;
            _ = fetch.ContinueWith(_ => _running.TryRemove(KeyValuePair.Create(accountId, fetch)), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            starter.Start(TaskScheduler.Default);
            return fetch;
        }
    }

    private async Task<List<(long Id, TimeSpan? Interval)>> PollingAccountsAsync(CancellationToken cancellationToken)
    {
        var pollingKinds = adapters.All.Where(a => a.Polls).Select(a => a.Kind).ToList();
        if (pollingKinds.Count == 0) return [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var accounts = await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.IsEnabled && pollingKinds.Contains(a.Kind)).ToListAsync(cancellationToken);
        var result = new List<(long, TimeSpan?)>();
        foreach (var account in accounts)
        {
            TimeSpan? interval = null;
            try
            {
                interval = adapters.Of(account.Kind).PollInterval(scope.ServiceProvider, account);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the settings of channel account {Account} failed", account.Id);
            }
            result.Add((account.Id, interval));
        }
        return result;
    }

    private async Task<FetchReport> FetchAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        // The lock lives on this context's connection, open for the whole fetch; a node that dies releases it.
        var locked = db.Provider != DatabaseProvider.Postgres;
        if (!locked)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            locked = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", FetchLockKey(accountId))
                .SingleAsync(cancellationToken);
        }
        if (!locked) return new FetchReport(0, 0, Skipped: true);
        try
        {
            var account = await db.Set<ChannelAccount>().SingleOrDefaultAsync(a => a.Id == accountId && a.IsEnabled, cancellationToken);
            if (account is null || adapters.Find(account.Kind) is not { Polls: true } adapter) return new FetchReport(0, 0, Skipped: true);
            var (fetched, stored) = (0, 0);
            try
            {
                // Batch after batch while the transport has more (a backlog of thousands is read in one go, not one
                // batch per interval), each stored, acknowledged and its cursor saved before the next.
                for (var round = 0; round < MaxBatchesPerFetch; round++)
                {
                    var batch = await adapter.FetchAsync(scope.ServiceProvider, account, account.Cursor, cancellationToken);
                    stored += await store.StoreAsync(account.Id, batch.Items, cancellationToken);
                    fetched += batch.Items.Count;
                    if (batch.Items.Count > 0) await adapter.AcknowledgeAsync(scope.ServiceProvider, account, batch, cancellationToken);
                    var moved = batch.NextCursor != account.Cursor;
                    account.Cursor = batch.NextCursor;
                    account.Succeeded(clock.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                    if (batch.Items.Count == 0 || !moved) break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Fetching from channel account {Account} ({Kind}) failed", account.Id, account.Kind);
                account.Failed(e is OknoException ? e.Message : $"{e.GetType().Name}: {e.Message}", clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            return new FetchReport(fetched, stored, Skipped: false);
        }
        finally
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [FetchLockKey(accountId)], CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

public static class ChannelJobs
{
    /// <summary>Schedules the delivery and inbound jobs, unless Okno:Channels:RunJobs is false.</summary>
    public static void Schedule(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
        if (!options.RunJobs) return;
        // A run missed while every node was down is not made up: the next one does the same work.
        var first = DateTimeOffset.UtcNow + options.JobInterval;
        quartz.ScheduleJob<ChannelDeliveryJob>(
            trigger => trigger.WithIdentity(ChannelDeliveryJob.Key.Name).StartAt(first).WithSimpleSchedule(s =>
                s.WithInterval(options.JobInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(ChannelDeliveryJob.Key));
        quartz.ScheduleJob<ChannelInboundJob>(
            trigger => trigger.WithIdentity(ChannelInboundJob.Key.Name).StartAt(first).WithSimpleSchedule(s =>
                s.WithInterval(options.JobInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(ChannelInboundJob.Key));
    }
}
