using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Customers.Contracts;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Sla;

/// <summary>What the clock says for one ticket now: the policy chosen and why, and <see cref="SlaClock.Compute"/>'s answer.</summary>
public sealed record TicketSlaComputation(long TicketId, PolicySetup Policy, IReadOnlyList<SlaCondition> MatchedBy, SlaResult Result);

/// <summary>Runs the SLA clock for real tickets: reads each ticket's facts and its history (creation, messages, notes,
/// status changes), chooses the policy, calls <see cref="SlaClock.Compute"/> — the function the preview calls — and
/// stores what the lists and the scan need: the due times per target, the soonest due and warning on the ticket (for the
/// due sort and the at-risk view), and when the clock next has a crossing to record. Computed from the whole history
/// every time, so a change of policy, priority or calendar is a recompute, never an adjustment.</summary>
public sealed class TicketSlaClock(OknoDb db, SlaSetup setup, TimeProvider clock)
{
    public const string FirstResponse = "first_response";
    public const string NextResponse = "next_response";
    public const string Resolution = "resolution";

    /// <summary>What the clock says for these tickets now, without writing (tickets no policy takes are left out).</summary>
    public async Task<IReadOnlyList<TicketSlaComputation>> ComputeAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var snapshot = await setup.CurrentAsync(db, ct);
        if (snapshot.Policies.Count == 0 || ticketIds.Count == 0) return [];
        var now = clock.GetUtcNow();
        var facts = await FactsAsync(ticketIds, snapshot.UsesTags, ct);
        var histories = await HistoriesAsync(ticketIds, ct);
        var computed = new List<TicketSlaComputation>(facts.Count);
        foreach (var (id, ticket) in facts)
        {
            if (snapshot.Choose(ticket) is not { } choice) continue;
            var result = SlaClock.Compute(choice.Policy.Calendar, choice.Policy.TargetsFor(ticket.Priority), choice.Policy.WarnAtPercent,
                choice.Policy.PauseStatuses, histories.GetValueOrDefault(id) ?? [], now);
            computed.Add(new TicketSlaComputation(id, choice.Policy, choice.MatchedBy, result));
        }
        return computed;
    }

    /// <summary>Recomputes and stores these tickets' SLA inside the caller's transaction. With <paramref name="recordAlerts"/>
    /// (the scan), every warning and breach the clock finds that is not recorded yet is recorded on the ticket, once
    /// (<see cref="SlaAlert"/>); without (the event handler, the recompute), they stay due in <see cref="TicketSla.NextCheckAt"/>
    /// for the scan. Returns how many alerts it recorded.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<long> ticketIds, bool recordAlerts, CancellationToken ct)
    {
        var snapshot = await setup.CurrentAsync(db, ct);
        if (ticketIds.Count == 0) return 0;
        var computed = snapshot.Policies.Count == 0 ? [] : (await ComputeAsync(ticketIds, ct)).ToDictionary(c => c.TicketId);
        var now = clock.GetUtcNow();
        var recorded = (await db.SlaAlerts.Where(a => ticketIds.Contains(a.TicketId))
                .Select(a => new { a.TicketId, a.Target, a.Breach, a.TargetStartedAt }).ToListAsync(ct))
            .Select(a => (a.TicketId, a.Target, a.Breach, a.TargetStartedAt)).ToHashSet();
        var stored = await db.TicketSlas.Where(s => ticketIds.Contains(s.TicketId)).ToDictionaryAsync(s => s.TicketId, ct);
        var marks = await db.Tickets.Where(t => ticketIds.Contains(t.Id)).Select(t => new { t.Id, t.SlaDueTicks, t.SlaWarnTicks }).ToListAsync(ct);
        var alerts = 0;
        var moved = new List<(long Id, long Due, long Warn)>();

        foreach (var mark in marks)
        {
            long due = Ticket.NoSlaDue, warn = Ticket.NoSlaDue;
            if (computed.TryGetValue(mark.Id, out var c))
            {
                var targets = Targets(c.Result);
                var crossings = new List<(string Target, bool Breach, DateTimeOffset At, DateTimeOffset StartedAt)>();
                foreach (var (name, r) in targets)
                {
                    if (!recorded.Contains((mark.Id, name, false, r.StartedAt)) && r.WarnedAt is { } w && w <= now) crossings.Add((name, false, w, r.StartedAt));
                    if (!recorded.Contains((mark.Id, name, true, r.StartedAt)) && r.BreachedAt is { } b && b <= now) crossings.Add((name, true, b, r.StartedAt));
                    if (r.IsRunning)
                    {
                        if (r.DueAt is { } d && d.UtcTicks < due) due = d.UtcTicks;
                        if (r.WarnAt is { } wa && wa.UtcTicks < warn) warn = wa.UtcTicks;
                    }
                }
                var recording = recordAlerts && crossings.Count > 0;
                if (recording)
                {
                    await RecordAsync(mark.Id, crossings, now, ct);
                    alerts += crossings.Count;
                }
                // The soonest crossing not recorded: a past one waits for the scan (or was recorded just now, then what is
                // left is what comes later).
                DateTimeOffset? nextCheck = null;
                void Check(DateTimeOffset? at) { if (at is { } a && (nextCheck is null || a < nextCheck)) nextCheck = a; }
                foreach (var (name, r) in targets)
                {
                    bool Done(bool breach) => recorded.Contains((mark.Id, name, breach, r.StartedAt))
                        || (recording && crossings.Any(x => x.Target == name && x.Breach == breach && x.StartedAt == r.StartedAt));
                    if (!Done(false)) Check(r.WarnedAt ?? (r.IsRunning ? r.WarnAt : null));
                    if (!Done(true)) Check(r.BreachedAt ?? (r.IsRunning ? r.DueAt : null));
                }
                if (!stored.TryGetValue(mark.Id, out var row)) db.TicketSlas.Add(row = new TicketSla { TicketId = mark.Id });
                row.PolicyId = c.Policy.Id;
                row.Generation = snapshot.Generation;
                row.MatchedBy = JsonSerializer.Serialize(c.MatchedBy, SlaCalendar.Json);
                // The clock answers in the calendar's zone; PostgreSQL stores instants as UTC only.
                row.FirstResponseDueAt = c.Result.FirstResponse?.DueAt?.ToUniversalTime();
                row.FirstResponseState = StateName(c.Result.FirstResponse);
                row.NextResponseDueAt = c.Result.NextResponse?.DueAt?.ToUniversalTime();
                row.NextResponseState = StateName(c.Result.NextResponse);
                row.ResolutionDueAt = c.Result.Resolution?.DueAt?.ToUniversalTime();
                row.ResolutionState = StateName(c.Result.Resolution);
                row.NextCheckAt = nextCheck?.ToUniversalTime();
                row.ComputedAt = now;
            }
            else if (stored.TryGetValue(mark.Id, out var gone))
            {
                db.TicketSlas.Remove(gone);
            }
            if (mark.SlaDueTicks != due || mark.SlaWarnTicks != warn) moved.Add((mark.Id, due, warn));
        }
        await db.SaveChangesAsync(ct);
        await SetMarksAsync(moved, ct);
        return alerts;
    }

    /// <summary>Writes the tickets' soonest due and warning in one statement per 500 tickets (one UPDATE per ticket made a
    /// 500-ticket recompute cost 500 round trips: 232 tickets/s on PostgreSQL, bench/run.sh postgres 20000 1 sla). The
    /// values are numbers this code computed, written as literals; both databases name a VALUES list's columns column1….</summary>
    private async Task SetMarksAsync(List<(long Id, long Due, long Warn)> moved, CancellationToken ct)
    {
        foreach (var chunk in moved.Chunk(500))
        {
            var values = string.Join(", ", chunk.Select(m => string.Create(CultureInfo.InvariantCulture, $"({m.Id}, {m.Due}, {m.Warn})")));
#pragma warning disable EF1002 // numbers only, formatted here
            await db.Database.ExecuteSqlRawAsync(
                $"""UPDATE "Tickets" SET "SlaDueTicks" = v.column2, "SlaWarnTicks" = v.column3 FROM (VALUES {values}) AS v WHERE "Tickets"."Id" = v.column1""", ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>A crossing found this long after it happened was not seen happen (the scan runs every few seconds): a
    /// policy or calendar change, or SLA switched on for a desk with old open tickets, put it in the past. It is noted
    /// as done (<see cref="SlaAlert"/>) so it never comes up again, but not announced as news — no history entry, no bell:
    /// 100,000 old tickets would otherwise ring every bell at once. Their state (breached, missed) still says it.</summary>
    public static readonly TimeSpan FoundLateAfter = TimeSpan.FromMinutes(15);

    /// <summary>Records crossings on the ticket's history (a ticket event the bell, automation and the timeline see) and
    /// as <see cref="SlaAlert"/> rows, under the ticket's lock so an agent's concurrent save is not lost.</summary>
    private async Task RecordAsync(long ticketId, List<(string Target, bool Breach, DateTimeOffset At, DateTimeOffset StartedAt)> crossings,
        DateTimeOffset now, CancellationToken ct)
    {
        var fresh = crossings.Where(x => now - x.At <= FoundLateAfter).OrderBy(x => x.At).ThenBy(x => x.Breach).ToList();
        if (fresh.Count > 0)
        {
            await db.LockTicketAsync(ticketId, ct);
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
            foreach (var x in fresh) ticket.RecordSlaAlert(x.Breach, x.Target, x.At, Actor.System, now);
        }
        foreach (var x in crossings)
            db.SlaAlerts.Add(new SlaAlert
            {
                TicketId = ticketId, Target = x.Target, Breach = x.Breach, TargetStartedAt = x.StartedAt.ToUniversalTime(),
                CrossedAt = x.At.ToUniversalTime(), RecordedAt = now,
            });
    }

    public static IEnumerable<(string Name, SlaTargetResult Result)> Targets(SlaResult result)
    {
        if (result.FirstResponse is { } f) yield return (FirstResponse, f);
        if (result.NextResponse is { } n) yield return (NextResponse, n);
        if (result.Resolution is { } r) yield return (Resolution, r);
    }

    public static string? StateName(SlaTargetResult? result) =>
        result is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(result.State.ToString());

    private async Task<Dictionary<long, TicketFacts>> FactsAsync(IReadOnlyCollection<long> ids, bool withTags, CancellationToken ct)
    {
        var rows = await db.Tickets.Where(t => ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id, t.GroupId, t.CompanyId, t.Type, t.Channel, t.Priority, t.ContractId, t.ServiceObjectId,
                ContractPolicyId = db.Set<Contract>().Where(c => c.Id == t.ContractId && c.IsActive).Select(c => c.SlaPolicyId).FirstOrDefault(),
            }).ToListAsync(ct);
        var tags = withTags ? await TicketTagNames.OfAsync(db, ids, ct) : null;
        return rows.ToDictionary(r => r.Id, r => new TicketFacts(r.GroupId, r.CompanyId, r.Type, r.Channel.Value,
            tags?[r.Id].ToList() ?? [], r.Priority, r.ContractId, r.ContractPolicyId, r.ServiceObjectId));
    }

    /// <summary>The moments of each ticket's life the clock looks at, from its history (index: ticket, version). A public
    /// message out is an answer only when an agent wrote it: an automatic acknowledgement is not.</summary>
    private async Task<Dictionary<long, List<SlaEvent>>> HistoriesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.TicketEvents
            .Where(e => ids.Contains(e.TicketId) && (e.Kind == TicketEventKind.Created || e.Kind == TicketEventKind.MessageAdded
                || e.Kind == TicketEventKind.NoteAdded || (e.Kind == TicketEventKind.Changed && e.Field == "status")))
            .OrderBy(e => e.TicketId).ThenBy(e => e.TicketVersion)
            .Select(e => new { e.TicketId, e.At, e.Kind, e.ActorKind, e.NewValue, Direction = e.Message == null ? (MessageDirection?)null : e.Message.Direction })
            .ToListAsync(ct);
        var histories = new Dictionary<long, List<SlaEvent>>();
        foreach (var e in rows)
        {
            SlaEvent? item = e.Kind switch
            {
                TicketEventKind.Created => new SlaEvent(e.At, SlaEventKind.Created),
                TicketEventKind.MessageAdded when e.Direction == MessageDirection.In => new SlaEvent(e.At, SlaEventKind.CustomerMessage),
                TicketEventKind.MessageAdded when e.ActorKind == ActorKind.Agent => new SlaEvent(e.At, SlaEventKind.AgentReply),
                TicketEventKind.MessageAdded or TicketEventKind.NoteAdded => new SlaEvent(e.At, SlaEventKind.Note),
                TicketEventKind.Changed => new SlaEvent(e.At, SlaEventKind.Status, e.NewValue),
                _ => null,
            };
            if (item is null) continue;
            (histories.TryGetValue(e.TicketId, out var list) ? list : histories[e.TicketId] = []).Add(item);
        }
        return histories;
    }
}
