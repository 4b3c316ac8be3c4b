using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Quartz;

namespace Okno.Tickets;

/// <summary>How many tickets sit in one (status, group, assignee) bucket, kept as +n/-n rows written in the same
/// transaction as the ticket change. Rows are only ever inserted, so concurrent writers never wait on a hot counter
/// row; <see cref="TicketCountCompaction"/> folds them into one row per bucket now and then. The inbox counters are
/// sums over these few rows, never COUNT(*) over the tickets.</summary>
public sealed class TicketCount
{
    public long Id { get; set; }
    public TicketStatus Status { get; set; }
    public long? GroupId { get; set; }
    public long? AssigneeId { get; set; }
    public long Delta { get; set; }
}

public sealed record BucketCount(TicketStatus Status, long? GroupId, long? AssigneeId, long Count);

public static class TicketCounts
{
    /// <summary>Adds the counter rows for the tickets about to be saved: new tickets count in their bucket, a ticket
    /// whose status, group or assignee changed moves from the old bucket to the new one. Called by OknoDb before
    /// every save, so no use case can forget it.</summary>
    public static void RecordChanges(OknoDb db)
    {
        db.ChangeTracker.DetectChanges();
        // One row per bucket this save moves (a batch of new tickets in one bucket is one +N row, not N +1 rows).
        var deltas = new Dictionary<(TicketStatus, long?, long?), long>();
        void Move((TicketStatus, long?, long?) bucket, long delta) => deltas[bucket] = deltas.GetValueOrDefault(bucket) + delta;
        foreach (var entry in db.ChangeTracker.Entries<Ticket>())
        {
            var t = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    Move((t.Status, t.GroupId, t.AssigneeId), 1);
                    break;
                case EntityState.Modified:
                    var status = entry.Property(x => x.Status);
                    var group = entry.Property(x => x.GroupId);
                    var assignee = entry.Property(x => x.AssigneeId);
                    if (!status.IsModified && !group.IsModified && !assignee.IsModified) break;
                    var before = (status.OriginalValue, group.OriginalValue, assignee.OriginalValue);
                    if (before == (t.Status, t.GroupId, t.AssigneeId)) break;
                    Move(before, -1);
                    Move((t.Status, t.GroupId, t.AssigneeId), 1);
                    break;
                case EntityState.Deleted:
                    throw new InvalidOperationException("Tickets are never deleted.");
            }
        }
        foreach (var ((status, groupId, assigneeId), delta) in deltas)
            if (delta != 0) db.TicketCounts.Add(new TicketCount { Status = status, GroupId = groupId, AssigneeId = assigneeId, Delta = delta });
    }

    public static async Task<IReadOnlyList<BucketCount>> BucketsAsync(OknoDb db, CancellationToken cancellationToken) =>
        (await db.TicketCounts.GroupBy(c => new { c.Status, c.GroupId, c.AssigneeId })
            .Select(g => new BucketCount(g.Key.Status, g.Key.GroupId, g.Key.AssigneeId, g.Sum(c => c.Delta)))
            .ToListAsync(cancellationToken))
        .Where(b => b.Count != 0).ToList();

    /// <summary>The live counter of every standard view for this agent.</summary>
    public static IReadOnlyDictionary<InboxView, long> ViewCounts(IEnumerable<BucketCount> buckets, CurrentAgent agent)
    {
        var list = buckets as IReadOnlyCollection<BucketCount> ?? buckets.ToList();
        return Enum.GetValues<InboxView>().ToDictionary(v => v,
            v => list.Where(b => InboxViews.Holds(v, agent, b.Status, b.GroupId, b.AssigneeId)).Sum(b => b.Count));
    }

    /// <summary>Folds the +n/-n rows into one row per bucket. Only rows read here are deleted (by id), so a row a
    /// concurrent writer commits meanwhile is never lost, whatever order ids commit in.</summary>
    public static async Task<int> CompactAsync(OknoDb db, CancellationToken cancellationToken)
    {
        return await db.WriteAsync(async ct =>
        {
            var rows = await db.TicketCounts.AsNoTracking().OrderBy(c => c.Id).Take(MaxCompactedAtOnce).ToListAsync(ct);
            var buckets = rows.GroupBy(r => (r.Status, r.GroupId, r.AssigneeId)).Where(g => g.Count() > 1).ToList();
            if (buckets.Count == 0) return 0;
            var ids = buckets.SelectMany(g => g.Select(r => r.Id)).ToList();
            foreach (var chunk in ids.Chunk(500))
                await db.TicketCounts.Where(c => chunk.Contains(c.Id)).ExecuteDeleteAsync(ct);
            db.TicketCounts.AddRange(buckets.Select(g => new TicketCount
            {
                Status = g.Key.Status, GroupId = g.Key.GroupId, AssigneeId = g.Key.AssigneeId, Delta = g.Sum(r => r.Delta),
            }).Where(c => c.Delta != 0));
            await db.SaveChangesAsync(ct);
            return ids.Count;
        }, cancellationToken);
    }

    private const int MaxCompactedAtOnce = 50_000;

    /// <summary>Recounts every bucket from the tickets themselves, for data loaded around Okno (bulk import, the
    /// benchmark generator) or a repair.</summary>
    public static async Task RebuildAsync(OknoDb db, CancellationToken cancellationToken)
    {
        await db.WriteAsync(async ct =>
        {
            await db.TicketCounts.ExecuteDeleteAsync(ct);
            var counts = await db.Tickets.GroupBy(t => new { t.Status, t.GroupId, t.AssigneeId })
                .Select(g => new TicketCount { Status = g.Key.Status, GroupId = g.Key.GroupId, AssigneeId = g.Key.AssigneeId, Delta = g.LongCount() })
                .ToListAsync(ct);
            db.TicketCounts.AddRange(counts);
            await db.SaveChangesAsync(ct);
            return counts.Count;
        }, cancellationToken);
    }
}

/// <summary>Keeps the counter table small (one row per bucket plus the last half minute's changes). A failed run is
/// recorded (see /health) and the next one, 30 s later, tries again.</summary>
[DisallowConcurrentExecution]
internal sealed class TicketCountCompaction(OknoDb db) : IJob
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
    public static readonly JobKey Key = new("ticket-count-compaction");

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<TicketCountCompaction>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + Every)
                // A run missed while every node was down is not made up: the next one does the same work.
                .WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await TicketCounts.CompactAsync(db, cancellationToken);
}

/// <summary>The counter buckets as last read, shared by every screen and API call of this node: when one ticket
/// changes, a hundred open inboxes refresh their counters from one read instead of a hundred. A change told by
/// <see cref="Live.TicketFeed"/> (made on this node, or on another one when nodes share Redis) makes the next read go
/// to the database; changes it does not hear of (other nodes without Redis) show within <see cref="MaxAge"/>.</summary>
public sealed class TicketCountCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly IDbContextFactory<OknoDb> _dbs;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _changes;

    public TicketCountCache(IDbContextFactory<OknoDb> dbs, TimeProvider clock, Live.TicketFeed feed)
    {
        _dbs = dbs;
        _clock = clock;
        // A change that leaves the ticket in its bucket (a reply, a priority) moves no counter.
        _subscription = feed.Subscribe(change => { if (change.MayMoveBucket) Interlocked.Increment(ref _changes); });
    }

    private sealed record Snapshot(IReadOnlyList<BucketCount> Buckets, long Changes, DateTimeOffset ReadAt);

    public async Task<IReadOnlyList<BucketCount>> BucketsAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot) is { } fresh) return fresh.Buckets;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited behind the reader usually finds its answer ready.
            if (Fresh(_snapshot) is { } justRead) return justRead.Buckets;
            var changes = Interlocked.Read(ref _changes);
            await using var db = await _dbs.CreateDbContextAsync(cancellationToken);
            var buckets = await TicketCounts.BucketsAsync(db, cancellationToken);
            _snapshot = new Snapshot(buckets, changes, _clock.GetUtcNow());
            return buckets;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Snapshot? Fresh(Snapshot? snapshot) =>
        snapshot is not null && snapshot.Changes == Interlocked.Read(ref _changes) && _clock.GetUtcNow() - snapshot.ReadAt < MaxAge
            ? snapshot : null;

    public void Dispose()
    {
        _subscription.Dispose();
        _reading.Dispose();
    }
}
