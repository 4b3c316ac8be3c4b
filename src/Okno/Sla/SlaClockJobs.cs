using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Jobs;
using Okno.Platform.Outbox;
using Okno.Tickets;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Sla;

/// <summary>Keeps each ticket's SLA current as the ticket changes: every event that can move the clock or change which
/// policy applies (creation, messages, notes, status, priority, type, group, tags, customer, merge) recomputes the
/// ticket, in the handler's transaction (once per ticket and batch). Its own warnings and breaches, and changes that move no clock (subject,
/// assignee, links), are skipped.</summary>
internal sealed class SlaClockHandler(TicketSlaClock slaClock) : ITicketEventHandler
{
    public const string HandlerName = "sla.clock";

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => Moves(eventType);
    public bool InBackground => true;

    private static bool Moves(string eventType) => eventType is not (SlaAlertRaised.Type or TicketSubjectChanged.Type or TicketAssigneeChanged.Type
        or TicketLinked.Type or TicketUnlinked.Type
        or ChecklistItemTicked.Type or WorkLineChanged.Type);

    /// <summary>The batch's tickets, recomputed once each before the batch commits: the clock reads the ticket as it is
    /// now, not the event, so once per batch gives what once per event gave. Per event it was six reads and a write per
    /// event, a ticket's creation four or five times over (bench/results/2026-12-06-postgres.md, creation at 1M).</summary>
    private readonly HashSet<long> _tickets = [];

    public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (Moves(ticketEvent.TypeName)) _tickets.Add(ticketEvent.TicketId);
        return Task.CompletedTask;
    }

    public async Task BeforeCommitAsync(CancellationToken cancellationToken)
    {
        if (_tickets.Count == 0) return;
        await slaClock.RecomputeAsync(_tickets.Order().ToList(), recordAlerts: false, cancellationToken);
        _tickets.Clear();
    }
}

/// <summary>Finds the tickets whose SLA warning or due time has come — from the index of <see cref="TicketSla.NextCheckAt"/>,
/// never by reading every open ticket — recomputes them and records each crossing once on the ticket. Clustered Quartz
/// runs it on one node at a time; it works under the clock handler's lock so the two never write one ticket at once.</summary>
[DisallowConcurrentExecution]
internal sealed class SlaScan(OknoDb db, TicketSlaClock slaClock, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("sla-scan");
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(20);
    public const int BatchSize = 200;
    private static readonly TimeSpan MaxRun = TimeSpan.FromSeconds(15);


    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Works until nothing is due or the run's time is up; returns (tickets looked at, alerts recorded).</summary>
    public async Task<(int Tickets, int Alerts)> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        int tickets = 0, alerts = 0;
        while (clock.GetElapsedTime(started) < MaxRun)
        {
            var step = await db.WriteAsync(async ct =>
            {
                var now = clock.GetUtcNow();
                var due = await db.TicketSlas.Where(s => s.NextCheckAt != null && s.NextCheckAt <= now)
                    .OrderBy(s => s.NextCheckAt).ThenBy(s => s.TicketId).Select(s => s.TicketId).Take(BatchSize).ToListAsync(ct);
                if (due.Count == 0 || !await SlaJobs.TakeClockAsync(db, ct)) return ((int, int)?)null;
                return (due.Count, await slaClock.RecomputeAsync(due, recordAlerts: true, ct));
            }, cancellationToken);
            db.ChangeTracker.Clear();
            if (step is not { } s) break;
            tickets += s.Item1;
            alerts += s.Item2;
            if (s.Item1 < BatchSize) break;
        }
        if (tickets > 0)
        {
            var took = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            var at = clock.GetUtcNow();
            await db.SlaSetupStates.Where(x => x.Id == SlaSetupState.SingletonId).ExecuteUpdateAsync(x => x
                .SetProperty(p => p.LastScanAt, at).SetProperty(p => p.LastScanMilliseconds, took)
                .SetProperty(p => p.LastScanTickets, tickets).SetProperty(p => p.LastScanAlerts, alerts), cancellationToken);
        }
        return (tickets, alerts);
    }
}

/// <summary>After a policy or calendar changed (the setup's generation rose), recomputes every open ticket under the new
/// setup, a range of ids at a time, remembering how far it came so a restart or another node goes on from there.</summary>
[DisallowConcurrentExecution]
internal sealed class SlaRecompute(OknoDb db, TicketSlaClock slaClock, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("sla-recompute");
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    public const int BatchSize = 500;
    private static readonly TimeSpan MaxRun = TimeSpan.FromSeconds(60);


    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Works until every open ticket is recomputed or the run's time is up; returns how many it recomputed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var done = 0;
        while (clock.GetElapsedTime(started) < MaxRun)
        {
            var step = await db.WriteAsync(async ct =>
            {
                var state = await db.SlaSetupStates.SingleAsync(s => s.Id == SlaSetupState.SingletonId, ct);
                if (state.RecomputedGeneration == state.Generation || !await SlaJobs.TakeClockAsync(db, ct)) return (int?)null;
                var open = InboxViews.OpenStatuses;
                var cursor = state.RecomputeCursor;
                var ids = await db.Tickets.Where(t => t.Id > cursor && open.Contains(t.Status)).OrderBy(t => t.Id).Select(t => t.Id)
                    .Take(BatchSize).ToListAsync(ct);
                await slaClock.RecomputeAsync(ids, recordAlerts: false, ct);
                if (ids.Count < BatchSize)
                {
                    state.RecomputedGeneration = state.Generation;
                    state.RecomputedAt = clock.GetUtcNow();
                }
                else state.RecomputeCursor = ids[^1];
                await db.SaveChangesAsync(ct);
                return ids.Count;
            }, cancellationToken);
            db.ChangeTracker.Clear();
            if (step is not { } count) break;
            done += count;
        }
        return done;
    }
}

internal static class SlaJobs
{
    /// <summary>Takes the clock handler's lock for this transaction (false: it is at work on some node; try at the next
    /// run), so a job and the handler never write one ticket's SLA at once.</summary>
    public static async Task<bool> TakeClockAsync(OknoDb db, CancellationToken ct)
    {
        await OutboxQueries.EnsureProgressAsync(db, SlaClockHandler.HandlerName, ct);
        return await OutboxQueries.TakeHandlerAsync(db, SlaClockHandler.HandlerName, ct) is not null;
    }
}
