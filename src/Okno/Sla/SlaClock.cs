namespace Okno.Sla;

public enum SlaEventKind { Created, AgentReply, CustomerMessage, Note, Status }

/// <summary>One moment of a ticket's life the clock looks at: created, a public agent reply, a customer's message, an
/// internal note (never an answer), or a status change (<see cref="Status"/> as the API writes it, e.g. "pending").</summary>
public sealed record SlaEvent(DateTimeOffset At, SlaEventKind Kind, string? Status = null);

/// <summary>Targets in business minutes; a target left null is not measured.</summary>
public sealed record SlaTargets(int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes);

public enum SlaState { Running, Warning, Breached, Paused, Met, Missed }

/// <summary>One target's answer. <see cref="WarnedAt"/> and <see cref="BreachedAt"/> are crossings that happened;
/// <see cref="WarnAt"/> is when the warning came or, while the clock runs, when it will come (null while paused).
/// <see cref="StartedAt"/> is when this target's clock started (for next response: the current wait), which keys
/// "once per ticket and target".</summary>
public sealed record SlaTargetResult(DateTimeOffset? DueAt, DateTimeOffset? MetAt, double ElapsedMinutes, double RemainingMinutes, SlaState State,
    DateTimeOffset? WarnedAt, DateTimeOffset? BreachedAt)
{
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? WarnAt { get; init; }
    /// <summary>Counting now (not met, not paused): its due and warning instants move with "now" only while this holds.</summary>
    public bool IsRunning => State is SlaState.Running or SlaState.Warning or SlaState.Breached;
}

/// <summary>One line of the explanation: when, which target (null for the ticket), what happened, and a detail.</summary>
public sealed record SlaTimelineEntry(DateTimeOffset At, string? Target, string What, string? Detail = null);

public sealed record SlaResult(SlaTargetResult? FirstResponse, SlaTargetResult? NextResponse, SlaTargetResult? Resolution,
    IReadOnlyList<SlaTimelineEntry> Timeline);

/// <summary>The SLA clock as a pure function: a calendar, targets, the ticket's timeline and "now" in; due times,
/// elapsed and remaining business minutes, states and an explaining timeline out. The ticket's real SLA and the
/// preview of a policy both call this, so what an admin tries is exactly what tickets get.
/// <list type="bullet">
/// <item>First response: from creation to the first public agent reply. It does not pause: a status is not an answer.</item>
/// <item>Next response: from a customer's message that waits (after the first answer) to the next public reply.</item>
/// <item>Resolution: from creation to resolved or closed; pauses while the status is a pausing one; a customer's
/// message or a status change resumes it; after a reopen it continues where it stopped (it is not restarted).</item>
/// </list></summary>
public static class SlaClock
{
    public static readonly IReadOnlySet<string> DefaultPauseStatuses = new HashSet<string> { "pending", "on_hold" };
    private static readonly HashSet<string> DoneStatuses = ["resolved", "closed"];

    public static SlaResult Compute(BusinessCalendar calendar, SlaTargets targets, int warnAtPercent, IReadOnlySet<string> pauseStatuses,
        IReadOnlyList<SlaEvent> events, DateTimeOffset now)
    {
        var ordered = events.Where(e => e.At <= now).OrderBy(e => e.At).ToList();
        var timeline = new List<SlaTimelineEntry>();
        if (ordered.FirstOrDefault(e => e.Kind == SlaEventKind.Created) is not { } created)
            return new SlaResult(null, null, null, timeline);
        timeline.Add(new SlaTimelineEntry(created.At, null, "created"));

        // Running periods of each clock, as [start, end) with end null while it runs at "now".
        var firstResponse = new List<(DateTimeOffset Start, DateTimeOffset? End)>();
        var nextResponse = new List<(DateTimeOffset Start, DateTimeOffset? End)>();
        var resolution = new List<(DateTimeOffset Start, DateTimeOffset? End)>();
        DateTimeOffset? firstMet = null, nextMet = null, resolved = null;
        var status = "new";
        var answered = false;
        firstResponse.Add((created.At, null));
        resolution.Add((created.At, null));
        bool Running(List<(DateTimeOffset Start, DateTimeOffset? End)> periods) => periods.Count > 0 && periods[^1].End is null;
        void Stop(List<(DateTimeOffset Start, DateTimeOffset? End)> periods, DateTimeOffset at)
        {
            if (Running(periods)) periods[^1] = (periods[^1].Start, at);
        }

        foreach (var e in ordered.Where(e => e.At >= created.At && e != created))
        {
            switch (e.Kind)
            {
                case SlaEventKind.AgentReply:
                    if (!answered)
                    {
                        answered = true;
                        firstMet = e.At;
                        Stop(firstResponse, e.At);
                        timeline.Add(new SlaTimelineEntry(e.At, "firstResponse", "met", "first public reply"));
                    }
                    else if (Running(nextResponse) || (nextResponse.Count > 0 && nextMet is null))
                    {
                        nextMet = e.At;
                        Stop(nextResponse, e.At);
                        timeline.Add(new SlaTimelineEntry(e.At, "nextResponse", "met", "public reply"));
                    }
                    break;
                case SlaEventKind.Note:
                    timeline.Add(new SlaTimelineEntry(e.At, null, "note", "an internal note is not an answer"));
                    break;
                case SlaEventKind.CustomerMessage:
                    if (answered && (nextResponse.Count == 0 || nextMet is not null))
                    {
                        // A new wait for an answer: the next-response clock starts afresh for it.
                        nextResponse.Clear();
                        nextMet = null;
                        nextResponse.Add((e.At, null));
                        timeline.Add(new SlaTimelineEntry(e.At, "nextResponse", "started", "the customer wrote"));
                    }
                    if (pauseStatuses.Contains(status) || DoneStatuses.Contains(status))
                    {
                        var was = status;
                        status = "open";
                        Resume(e.At, $"the customer wrote while {was}");
                    }
                    break;
                case SlaEventKind.Status when e.Status is { } to && to != status:
                    var from = status;
                    status = to;
                    timeline.Add(new SlaTimelineEntry(e.At, null, "status", $"{from} → {to}"));
                    if (DoneStatuses.Contains(to))
                    {
                        if (Running(resolution)) Stop(resolution, e.At);
                        resolved = e.At;
                        timeline.Add(new SlaTimelineEntry(e.At, "resolution", "stopped", to));
                    }
                    else if (pauseStatuses.Contains(to))
                    {
                        if (Running(resolution))
                        {
                            Stop(resolution, e.At);
                            timeline.Add(new SlaTimelineEntry(e.At, "resolution", "paused", to));
                        }
                        if (Running(nextResponse))
                        {
                            Stop(nextResponse, e.At);
                            timeline.Add(new SlaTimelineEntry(e.At, "nextResponse", "paused", to));
                        }
                    }
                    else
                    {
                        Resume(e.At, DoneStatuses.Contains(from) ? "reopened" : $"{from} → {to}");
                    }
                    break;
            }
        }

        void Resume(DateTimeOffset at, string why)
        {
            if (!Running(resolution))
            {
                resolution.Add((at, null));
                resolved = null;
                timeline.Add(new SlaTimelineEntry(at, "resolution", "resumed", why));
            }
            if (nextResponse.Count > 0 && nextMet is null && !Running(nextResponse))
            {
                nextResponse.Add((at, null));
                timeline.Add(new SlaTimelineEntry(at, "nextResponse", "resumed", why));
            }
        }

        var paused = pauseStatuses.Contains(status);
        var result = new SlaResult(
            targets.FirstResponseMinutes is { } f ? Measure(calendar, "firstResponse", firstResponse, f, warnAtPercent, firstMet, false, now, timeline) : null,
            targets.NextResponseMinutes is { } n && nextResponse.Count > 0
                ? Measure(calendar, "nextResponse", nextResponse, n, warnAtPercent, nextMet, paused, now, timeline) : null,
            targets.ResolutionMinutes is { } r ? Measure(calendar, "resolution", resolution, r, warnAtPercent, resolved, paused, now, timeline) : null,
            timeline.OrderBy(t => t.At).ToList());
        return result;
    }

    private static SlaTargetResult Measure(BusinessCalendar calendar, string target, List<(DateTimeOffset Start, DateTimeOffset? End)> periods,
        int targetMinutes, int warnAtPercent, DateTimeOffset? metAt, bool paused, DateTimeOffset now, List<SlaTimelineEntry> timeline)
    {
        var warnMinutes = targetMinutes * Math.Clamp(warnAtPercent, 1, 100) / 100.0;
        double elapsed = 0;
        DateTimeOffset? warnedAt = null, breachedAt = null, dueAt = null;
        var running = periods.Count > 0 && periods[^1].End is null;
        foreach (var (start, end) in periods)
        {
            var until = end ?? now;
            var counted = calendar.MinutesBetween(start, until);
            // The crossings inside this period: when the warning and the due time came.
            if (warnedAt is null && elapsed + counted >= warnMinutes) warnedAt = calendar.AddMinutes(start, warnMinutes - elapsed);
            if (breachedAt is null && elapsed + counted >= targetMinutes) breachedAt = dueAt = calendar.AddMinutes(start, targetMinutes - elapsed);
            elapsed += counted;
            timeline.Add(new SlaTimelineEntry(start, target, "counted", $"{Math.Round(counted, 1)} business minutes until {until:yyyy-MM-dd HH:mm zzz}"));
        }
        // Not yet due and still running: due when the rest is counted from now on.
        if (dueAt is null && running) dueAt = calendar.AddMinutes(now, targetMinutes - elapsed);
        // Met in time: due when the rest would have been counted had it gone on from there. (Paused: not known.)
        if (dueAt is null && metAt is { } met) dueAt = calendar.AddMinutes(met, targetMinutes - elapsed);
        if (warnedAt is { } w) timeline.Add(new SlaTimelineEntry(w, target, "warning", $"{warnAtPercent}% of {targetMinutes} minutes"));
        if (breachedAt is { } b) timeline.Add(new SlaTimelineEntry(b, target, "breached", $"{targetMinutes} minutes"));
        var state = metAt is not null ? (elapsed > targetMinutes ? SlaState.Missed : SlaState.Met)
            : elapsed >= targetMinutes ? SlaState.Breached
            : paused && !running ? SlaState.Paused
            : elapsed >= warnMinutes ? SlaState.Warning
            : SlaState.Running;
        var warnAt = warnedAt ?? (running ? calendar.AddMinutes(now, warnMinutes - elapsed) : null);
        return new SlaTargetResult(dueAt, metAt, Math.Round(elapsed, 2), Math.Round(Math.Max(0, targetMinutes - elapsed), 2), state, warnedAt, breachedAt)
        {
            StartedAt = periods[0].Start,
            WarnAt = warnAt,
        };
    }
}
