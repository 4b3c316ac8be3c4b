using Okno.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Okno.Automation.Triggers;
using Okno.Platform.Data;
using Okno.Sla;
using Okno.Tickets;
using Quartz;

namespace Okno.Automation.TimeRules;

/// <summary>Runs the enabled time rules every minute. For each rule the tickets whose measured state began at or before
/// "now minus the wait" are a range of an index (status and StatusSince, the unassigned AssigneeSince, the waiting
/// AwaitingReplySince), read after the rule's watermark (<see cref="AutomationRule.ScannedUpTo"/>), oldest first, so a
/// pass reads only what became due since the last one. Each ticket is judged again under its lock (state, business
/// hours on the calendar, the rule's conditions) and acted on once per episode: the run's key is derived from the
/// episode's start, and a unique index refuses a second. Clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class TimeRuleScan(OknoDb db, TriggerEngine engine, TriggerConditions conditions, TimeProvider clock, ILogger<TimeRuleScan> logger)
    : IJob
{
    public static readonly JobKey Key = new("time-rules");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    public const int BatchSize = 200;
    /// <summary>How long one transaction of a pass may hold its tickets (and on SQLite, the database's only write lock):
    /// a batch cut here commits and the pass goes on. At 20 tickets/s on a loaded SQLite desk a whole batch held the lock
    /// for 10 s and other jobs failed with "database is locked" (bench/results/2026-12-05-sqlite.md).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];
    private static readonly TicketStatus[] AwaitingStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.OnHold];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>One pass of every enabled rule; returns the runs recorded.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rules = await db.Set<AutomationRule>().AsNoTracking().Where(r => r.Kind == AutomationRule.TimeRuleKind && r.IsEnabled)
            .OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var runs = 0;
        foreach (var rule in rules)
        {
            try
            {
                runs += await PassAsync(rule, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken rule (its calendar deleted, say) does not hold up the others.
                logger.LogError(e, "Time rule {Rule} failed", rule.Id);
            }
            db.ChangeTracker.Clear();
        }
        engine.RunAfterCommit();
        return runs;
    }

    private async Task<int> PassAsync(AutomationRule rule, CancellationToken ct)
    {
        var stored = StoredTimeRule.Read(rule.Definition);
        var loaded = new LoadedTrigger(rule.Id, rule.Name, rule.Position, new HashSet<string>(), stored.Match != TriggerMatch.Any,
            conditions.Prepare(stored.Conditions), stored.Actions);
        var calendar = stored.CalendarId is { } calendarId
            ? (await db.SlaCalendars.AsNoTracking().SingleAsync(c => c.Id == calendarId, ct)).Read().Validate() : null;
        var now = clock.GetUtcNow();
        var threshold = now - TimeUnits.AtLeast(stored.Amount, stored.Unit);
        var watermark = rule.ScannedUpTo;
        var runs = 0;
        (DateTimeOffset Since, long Id)? after = null;
        while (true)
        {
            var candidates = await Candidates(stored, threshold, watermark, after).Take(BatchSize).ToListAsync(ct);
            if (candidates.Count == 0) break;
            var stop = false;
            var cut = false;
            var done = await db.WriteAsync(async t =>
            {
                var recorded = 0;
                cut = false;
                var began = clock.GetTimestamp();
                foreach (var (ticketId, since) in candidates)
                {
                    if (clock.GetElapsedTime(began) > MaxHold) { cut = true; break; }
                    // A wait in business hours ends in order of its start: the first one not over means none after it is.
                    if (calendar is not null && (calendar.AddMinutes(since, stored.Amount * 60.0) is not { } due || due > now)) { stop = true; break; }
                    after = (since, ticketId);
                    await db.LockTicketAsync(ticketId, t);
                    var ticket = await db.Tickets.Include(x => x.Tags).ThenInclude(x => x.Tag).SingleAsync(x => x.Id == ticketId, t);
                    if (EpisodeStart(stored, ticket) != since) continue;   // the state changed since the read: a new episode or none
                    if (!TriggerEngine.Matches(loaded, await engine.ContextAsync(ticket, null, loaded.Needs, t))) continue;
                    var key = EpisodeKey(rule.Id, since);
                    if (await db.Set<AutomationRun>().AnyAsync(r => r.RuleId == rule.Id && r.TicketId == ticketId && r.OperationId == key, t)) continue;
                    var run = new AutomationRun { RuleId = rule.Id, TicketId = ticketId, OperationId = key, EpisodeAt = since, At = now };
                    db.Add(run);
                    await engine.ApplyAsync(loaded, ticket, run, depth: 1, null, "t" + since.UtcTicks, now, t);
                    recorded++;
                }
                await db.SaveChangesAsync(t);
                return recorded;
            }, ct);
            db.ChangeTracker.Clear();
            runs += done;
            if (stop || (!cut && candidates.Count < BatchSize)) break;
        }
        // Everything up to here is judged: the next pass starts after it (or at the first business-hours wait not yet over).
        var scanned = calendar is null ? threshold : after is { } last ? last.Since.AddTicks(-1) : watermark;
        if (scanned != watermark)
            await db.Set<AutomationRule>().Where(r => r.Id == rule.Id && r.Version == rule.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ScannedUpTo, scanned), ct);
        return runs;
    }

    /// <summary>The tickets whose measured state began after the watermark and at or before the threshold, oldest first.</summary>
    private IQueryable<Candidate> Candidates(StoredTimeRule rule, DateTimeOffset threshold, DateTimeOffset? watermark,
        (DateTimeOffset Since, long Id)? after)
    {
        var tickets = db.Tickets.AsNoTracking();
        switch (rule.Measure)
        {
            case TimeMeasures.StatusFor:
                var status = ValueChecks.Parse<TicketStatus>(rule.Status)!.Value;
                var byStatus = tickets.Where(t => t.Status == status && t.StatusSince <= threshold);
                if (watermark is { } w1) byStatus = byStatus.Where(t => t.StatusSince > w1);
                if (after is { } a1) byStatus = byStatus.Where(t => t.StatusSince > a1.Since || (t.StatusSince == a1.Since && t.Id > a1.Id));
                return byStatus.OrderBy(t => t.StatusSince).ThenBy(t => t.Id).Select(t => new Candidate(t.Id, t.StatusSince));
            case TimeMeasures.UnassignedFor:
                var unassigned = tickets.Where(t => t.AssigneeId == null && OpenStatuses.Contains(t.Status) && t.AssigneeSince <= threshold);
                if (watermark is { } w2) unassigned = unassigned.Where(t => t.AssigneeSince > w2);
                if (after is { } a2) unassigned = unassigned.Where(t => t.AssigneeSince > a2.Since || (t.AssigneeSince == a2.Since && t.Id > a2.Id));
                return unassigned.OrderBy(t => t.AssigneeSince).ThenBy(t => t.Id).Select(t => new Candidate(t.Id, t.AssigneeSince));
            default:
                var awaiting = tickets.Where(t => t.AwaitingReplySince != null && AwaitingStatuses.Contains(t.Status) && t.AwaitingReplySince <= threshold);
                if (watermark is { } w3) awaiting = awaiting.Where(t => t.AwaitingReplySince > w3);
                if (after is { } a3) awaiting = awaiting.Where(t => t.AwaitingReplySince > a3.Since || (t.AwaitingReplySince == a3.Since && t.Id > a3.Id));
                return awaiting.OrderBy(t => t.AwaitingReplySince).ThenBy(t => t.Id).Select(t => new Candidate(t.Id, t.AwaitingReplySince!.Value));
        }
    }

    private sealed record Candidate(long Id, DateTimeOffset Since);

    /// <summary>When the ticket's current episode of the measured state began; null when it is not in that state.</summary>
    private static DateTimeOffset? EpisodeStart(StoredTimeRule rule, Ticket ticket) => rule.Measure switch
    {
        TimeMeasures.StatusFor => ticket.Status.ToSnakeCase() == rule.Status ? ticket.StatusSince : null,
        TimeMeasures.UnassignedFor => ticket.AssigneeId is null && OpenStatuses.Contains(ticket.Status) ? ticket.AssigneeSince : null,
        _ => AwaitingStatuses.Contains(ticket.Status) ? ticket.AwaitingReplySince : null,
    };

    /// <summary>The run's key for one rule and episode: the same on every node and every pass, so the unique index on
    /// (rule, ticket, key) lets an episode be acted on once.</summary>
    internal static Guid EpisodeKey(long ruleId, DateTimeOffset since)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[..8], since.UtcTicks);
        BitConverter.TryWriteBytes(bytes[8..], ruleId);
        return new Guid(bytes);
    }
}
