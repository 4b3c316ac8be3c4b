using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Sla;

public sealed record SlaPolicyRef(long Id, string Name, bool IsDefault);

public sealed record SlaCalendarRef(long Id, string Name, string TimeZone);

/// <summary>A ticket's SLA with its explanation (<c>GET /api/v1/tickets/{id}/sla</c>): the policy and the conditions
/// that chose it (none: the default policy), the calendar whose hours counted, each target, and the timeline of when the
/// clocks ran, paused and why, what each running period counted, and when the warnings and breaches came.</summary>
public sealed record TicketSlaExplained(SlaPolicyRef? Policy, IReadOnlyList<SlaCondition> MatchedBy, SlaCalendarRef? Calendar,
    TicketSlaTargetView? FirstResponse, TicketSlaTargetView? NextResponse, TicketSlaTargetView? Resolution,
    IReadOnlyList<SlaTimelineEntry> Timeline, DateTimeOffset Now);

/// <summary>Reads of one ticket's SLA, computed now by the same clock that keeps the stored due times.</summary>
public sealed class TicketSlaQueries(OknoDb db, TicketSlaClock slaClock, TimeProvider clock) : ITicketSla
{
    public async Task<TicketSlaExplained> ExplainAsync(long ticketId, CurrentAgent agent, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == ticketId, ct))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
        var now = clock.GetUtcNow();
        if ((await slaClock.ComputeAsync([ticketId], ct)).SingleOrDefault() is not { } c)
            return new TicketSlaExplained(null, [], null, null, null, null, [], now);
        var timeline = c.Result.Timeline.ToList();
        var created = timeline.FirstOrDefault()?.At ?? now;
        timeline.Insert(Math.Min(1, timeline.Count), new SlaTimelineEntry(created, null, "policy",
            c.MatchedBy.Count == 0 ? $"{c.Policy.Name}: default" : $"{c.Policy.Name}: " + string.Join("; ", c.MatchedBy.Select(m => $"{m.Field} = {string.Join(" | ", m.Values)}"))));
        return new TicketSlaExplained(new SlaPolicyRef(c.Policy.Id, c.Policy.Name, c.Policy.IsDefault), c.MatchedBy,
            new SlaCalendarRef(c.Policy.CalendarId, c.Policy.CalendarName, c.Policy.Calendar.TimeZone.Id),
            View(c.Result.FirstResponse), View(c.Result.NextResponse), View(c.Result.Resolution), timeline, now);
    }

    /// <summary>For the ticket's <c>sla</c> object: access is the caller's (the ticket read checked it).</summary>
    public async Task<TicketSlaView?> GetAsync(long ticketId, CancellationToken cancellationToken) =>
        (await slaClock.ComputeAsync([ticketId], cancellationToken)).SingleOrDefault() is { } c
            ? new TicketSlaView(c.Policy.Id, c.Policy.Name, View(c.Result.FirstResponse), View(c.Result.NextResponse), View(c.Result.Resolution))
            : null;

    public static TicketSlaTargetView? View(SlaTargetResult? r) =>
        r is null ? null : new TicketSlaTargetView(r.DueAt, r.MetAt, r.ElapsedMinutes, r.RemainingMinutes, TicketSlaClock.StateName(r)!);
}

public sealed record SlaScanStatus(DateTimeOffset At, long Milliseconds, int Tickets, int Alerts);

/// <summary>Where the SLA machinery stands (<c>GET /api/v1/sla/status</c>): whether the open tickets are being
/// recomputed after a change of the setup, the last scan that found something due, and how many checks are due now
/// (counted up to <see cref="SlaStatusQueries.DueCountCap"/>).</summary>
public sealed record SlaStatus(long Generation, bool Recomputing, DateTimeOffset? ChangedAt, DateTimeOffset? RecomputedAt, SlaScanStatus? LastScan,
    int DueNow, bool DueNowCapped);

public sealed class SlaStatusQueries(OknoDb db, TimeProvider clock)
{
    public const int DueCountCap = 10_000;

    public async Task<SlaStatus> GetAsync(CancellationToken ct)
    {
        var state = await db.SlaSetupStates.AsNoTracking().SingleAsync(s => s.Id == SlaSetupState.SingletonId, ct);
        var now = clock.GetUtcNow();
        var due = await db.TicketSlas.Where(s => s.NextCheckAt != null && s.NextCheckAt <= now).Take(DueCountCap + 1).CountAsync(ct);
        return new SlaStatus(state.Generation, state.RecomputedGeneration != state.Generation, state.ChangedAt, state.RecomputedAt,
            state.LastScanAt is { } at ? new SlaScanStatus(at, state.LastScanMilliseconds, state.LastScanTickets, state.LastScanAlerts) : null,
            Math.Min(due, DueCountCap), due > DueCountCap);
    }
}
