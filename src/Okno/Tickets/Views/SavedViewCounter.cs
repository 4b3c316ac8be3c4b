using Microsoft.EntityFrameworkCore;
using Okno.Platform.Cluster;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Tickets.Views;

/// <summary>Keeps every saved view's counter: on any event of a ticket it looks at the ticket as it is now and moves
/// it in or out of each view's buckets (<see cref="SavedViewMember"/> remembers where it was counted). Looking at the
/// current state, not at the event, makes a late or repeated handling harmless: the counter converges on the tickets.
/// The first count of a new or edited view is <see cref="SavedViewFirstCount"/>'s, which works under this handler's
/// lock, so the two never write at once.</summary>
internal sealed class SavedViewCounter(OknoDb db, SavedViewFeed feed) : ITicketEventHandler
{
    public const string HandlerName = "tickets.saved-view-counts";

    private readonly HashSet<long> _seen = [];
    private readonly HashSet<long> _moved = [];
    private List<SavedView>? _views;

    public string Name => HandlerName;

    /// <summary>Counters may lag by the poll interval for changes that move nothing in the standard inbox (a reply).</summary>
    public bool WakesFor(string eventType) => eventType is not (MessageReceived.Type or ReplySent.Type or NoteAdded.Type);
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken ct)
    {
        // A batch holds many events of one ticket: its state now is all that matters, once.
        if (!_seen.Add(ticketEvent.TicketId)) return;
        _views ??= await db.SavedViews.AsNoTracking().ToListAsync(ct);
        var views = _views.Where(v => v.Counted || ticketEvent.TicketId <= v.CountedUpTo).ToList();
        if (views.Count == 0) return;
        var states = await SavedViewCounting.StatesAsync(db, db.Tickets.Where(t => t.Id == ticketEvent.TicketId), views.Any(v => v.Tag is not null), ct);
        foreach (var id in await SavedViewCounting.RecountAsync(db, views, [ticketEvent.TicketId], states, ct)) _moved.Add(id);
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        feed.Publish([.. _moved]);
        _moved.Clear();
        _seen.Clear();
        _views = null;
        return Task.CompletedTask;
    }
}

/// <summary>The counter's one way of writing: given some tickets' current state, put each in the buckets each view
/// holds it in, or take it out.</summary>
internal static class SavedViewCounting
{
    public static async Task<Dictionary<long, TicketState>> StatesAsync(OknoDb db, IQueryable<Ticket> tickets, bool withTags, CancellationToken ct)
    {
        var rows = await tickets.Select(t => new { t.Id, t.Status, t.Priority, t.Type, t.Channel, t.GroupId, t.AssigneeId }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tags = withTags ? await TicketTagNames.OfAsync(db, ids, ct) : null;
        return rows.ToDictionary(r => r.Id, r => new TicketState(r.Id, r.Status, r.Priority, r.Type, r.Channel, r.GroupId, r.AssigneeId,
            tags is null ? NoTags : tags[r.Id].ToHashSet(StringComparer.Ordinal)));
    }

    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    /// <summary>Moves <paramref name="ticketIds"/> (whose current state is <paramref name="states"/>; a missing one holds
    /// in no view) in each of <paramref name="views"/>; returns the views whose counters moved.</summary>
    public static async Task<IReadOnlyCollection<long>> RecountAsync(OknoDb db, IReadOnlyList<SavedView> views, IReadOnlyCollection<long> ticketIds,
        IReadOnlyDictionary<long, TicketState> states, CancellationToken ct)
    {
        var viewIds = views.Select(v => v.Id).ToList();
        var members = (await db.SavedViewMembers.Where(m => ticketIds.Contains(m.TicketId) && viewIds.Contains(m.ViewId)).ToListAsync(ct))
            .ToDictionary(m => (m.ViewId, m.TicketId));
        var deltas = new Dictionary<(long View, int Generation, TicketStatus, long?, long?), long>();
        void Move(SavedView v, TicketStatus s, long? g, long? a, long by)
        {
            var key = (v.Id, v.Generation, s, g, a);
            deltas[key] = deltas.GetValueOrDefault(key) + by;
        }
        foreach (var view in views)
        foreach (var ticketId in ticketIds)
        {
            var state = states.GetValueOrDefault(ticketId);
            var wanted = state is not null && view.Matches(state) ? state : null;
            members.TryGetValue((view.Id, ticketId), out var member);
            // A member of an older generation was counted for the old filter, whose buckets are no longer read.
            var counted = member is not null && member.Generation == view.Generation ? member : null;
            if (counted is not null && wanted is not null
                && (counted.Status, counted.GroupId, counted.AssigneeId) == (wanted.Status, wanted.GroupId, wanted.AssigneeId)) continue;
            if (counted is not null) Move(view, counted.Status, counted.GroupId, counted.AssigneeId, -1);
            if (wanted is not null)
            {
                Move(view, wanted.Status, wanted.GroupId, wanted.AssigneeId, +1);
                if (member is null)
                    db.SavedViewMembers.Add(member = new SavedViewMember { ViewId = view.Id, TicketId = ticketId });
                (member.Generation, member.Status, member.GroupId, member.AssigneeId) = (view.Generation, wanted.Status, wanted.GroupId, wanted.AssigneeId);
            }
            else if (member is not null)
            {
                db.SavedViewMembers.Remove(member);
            }
        }
        var moved = deltas.Where(d => d.Value != 0).ToList();
        if (moved.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        var touched = moved.Select(d => d.Key.View).Distinct().ToList();
        var buckets = await db.SavedViewBuckets.Where(b => touched.Contains(b.ViewId)).ToListAsync(ct);
        foreach (var ((view, generation, status, group, assignee), delta) in moved)
        {
            var bucket = buckets.FirstOrDefault(b => b.ViewId == view && b.Generation == generation && b.Status == status && b.GroupId == group && b.AssigneeId == assignee);
            if (bucket is null)
            {
                db.SavedViewBuckets.Add(bucket = new SavedViewBucket { ViewId = view, Generation = generation, Status = status, GroupId = group, AssigneeId = assignee });
                buckets.Add(bucket);
            }
            bucket.Count += delta;
            if (bucket.Count == 0) db.SavedViewBuckets.Remove(bucket);
        }
        await db.SaveChangesAsync(ct);
        return touched;
    }
}

/// <summary>Counts a new or edited view the first time, in ranges of ticket ids, each range its own short transaction
/// (so a view over a million tickets never holds SQLite's single write lock for long), and removes what an older
/// generation left. Runs under <see cref="SavedViewCounter"/>'s lock: a node that cannot take it tries again at the
/// next run. Woken when a view is saved; every few seconds otherwise, which costs one small read when nothing waits.</summary>
[DisallowConcurrentExecution]
internal sealed class SavedViewFirstCount(OknoDb db, SavedViewFeed feed, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("saved-view-first-count");
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    /// <summary>Tickets per range (a range is one index range scan of the primary key).</summary>
    public const int RangeSize = 5_000;
    private static readonly TimeSpan MaxRun = TimeSpan.FromSeconds(20);

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<SavedViewFirstCount>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + Every)
                .WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Works until every view is counted or the run's time is up; returns how many ranges it counted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var ranges = 0;
        while (clock.GetElapsedTime(started) < MaxRun)
        {
            var step = await db.WriteAsync(ct => StepAsync(ct), cancellationToken);
            db.ChangeTracker.Clear();
            if (step is null) break;
            ranges++;
            if (step.Value.Done) feed.Publish([step.Value.ViewId]);
        }
        return ranges;
    }

    private async Task<(long ViewId, bool Done)?> StepAsync(CancellationToken ct)
    {
        if (!await db.SavedViews.AnyAsync(v => !v.Counted, ct)) return null;
        await OutboxQueries.EnsureProgressAsync(db, SavedViewCounter.HandlerName, ct);
        // The handler is at work on some node: try again at the next run.
        if (await OutboxQueries.TakeHandlerAsync(db, SavedViewCounter.HandlerName, ct) is null) return null;
        var view = await db.SavedViews.Where(v => !v.Counted).OrderBy(v => v.Id).FirstOrDefaultAsync(ct);
        if (view is null) return null;
        // What an older generation left (an edit only raised the generation).
        var leftovers = await db.SavedViewMembers.Where(m => m.ViewId == view.Id && m.Generation != view.Generation)
            .OrderBy(m => m.TicketId).Select(m => m.TicketId).Take(RangeSize).ToListAsync(ct);
        if (leftovers.Count > 0)
        {
            await db.SavedViewMembers.Where(m => m.ViewId == view.Id && m.Generation != view.Generation && leftovers.Contains(m.TicketId)).ExecuteDeleteAsync(ct);
            if (leftovers.Count == RangeSize) return (view.Id, false);
        }
        await db.SavedViewBuckets.Where(b => b.ViewId == view.Id && b.Generation != view.Generation).ExecuteDeleteAsync(ct);

        var from = view.CountedUpTo;
        var to = from + RangeSize;
        var inRange = view.Matching(db.Tickets.Where(t => t.Id > from && t.Id <= to));
        var states = await SavedViewCounting.StatesAsync(db, inRange, view.Tag is not null, ct);
        await SavedViewCounting.RecountAsync(db, [view], states.Keys, states, ct);
        var last = await db.Tickets.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        view.CountedUpTo = Math.Min(to, Math.Max(last, from));
        view.Counted = to >= last;
        await db.SaveChangesAsync(ct);
        return (view.Id, view.Counted);
    }
}

/// <summary>Tells open inboxes that a saved view's counter moved (the id is the view's), on every node.</summary>
public sealed class SavedViewFeed(ILogger<SavedViewFeed> logger, INodeBus? bus = null) : NodeIdFeed(Channel, logger, bus)
{
    public const string Channel = "tickets:saved-views";
}
