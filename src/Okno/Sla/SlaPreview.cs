using System.Globalization;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Sla;

public sealed record SlaPreviewEvent(string? At, string? Kind, string? Status = null);

/// <summary>What an admin tries before switching a policy on: a calendar (inline or by id), targets, the warning
/// threshold, the pausing statuses and a made-up ticket life (<c>POST /api/v1/sla/preview</c>).</summary>
public sealed record SlaPreviewRequest(CalendarDefinition? Calendar, long? CalendarId, SlaPolicyTargets? Targets, int? WarnAtPercent,
    List<string>? PauseStatuses, List<SlaPreviewEvent>? Events, string? Now);

/// <summary>The clock's answer, each target as a ticket's SLA shows it.</summary>
public sealed record SlaPreviewResult(TicketSlaTargetView? FirstResponse, TicketSlaTargetView? NextResponse, TicketSlaTargetView? Resolution,
    IReadOnlyList<SlaTimelineEntry> Timeline);

/// <summary>Runs <see cref="SlaClock.Compute"/> on a request: the same function a ticket's SLA is computed by.</summary>
public sealed class SlaPreview(SlaCalendars calendars)
{
    public const int MaxEvents = 1_000;
    private static readonly string[] Statuses = ["new", "open", "pending", "on_hold", "resolved", "closed"];

    public async Task<SlaPreviewResult> RunAsync(SlaPreviewRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        BusinessCalendar? calendar = null;
        if (request.Calendar is { } inline) calendar = inline.TryBuildPrefixed("calendar", errors);
        else if (request.CalendarId is { } id) calendar = (await calendars.GetAsync(id, ct)) is var view
            ? new CalendarDefinition(view.Name, view.TimeZone, view.Week, view.Days.ToList()).Validate() : null;
        else errors.Required("calendar");

        var targets = request.Targets ?? new SlaPolicyTargets(null, null, null);
        targets.Check("targets", errors);
        SlaPolicy.CheckWarnAtPercent(request.WarnAtPercent, errors);
        var warn = request.WarnAtPercent ?? SlaPolicy.DefaultWarnAtPercent;
        var pauses = request.PauseStatuses ?? [.. SlaClock.DefaultPauseStatuses];
        for (var i = 0; i < pauses.Count; i++)
            if (!Statuses.Contains(pauses[i])) errors.Add($"pauseStatuses[{i}]", SlaErrorCodes.InvalidStatus, "Not a status.");

        var events = new List<SlaEvent>();
        if (request.Events is { Count: > MaxEvents }) errors.TooMany("events", MaxEvents, "events");
        for (var i = 0; i < Math.Min(request.Events?.Count ?? 0, MaxEvents); i++)
        {
            var e = request.Events![i];
            var at = Instant(e?.At, $"events[{i}].at", errors);
            SlaEventKind? kind = e?.Kind switch
            {
                "created" => SlaEventKind.Created, "agent_reply" => SlaEventKind.AgentReply, "customer_message" => SlaEventKind.CustomerMessage,
                "note" => SlaEventKind.Note, "status" => SlaEventKind.Status, _ => null,
            };
            if (kind is null) errors.Add($"events[{i}].kind", SlaErrorCodes.InvalidEventKind, "created, agent_reply, customer_message, note or status.");
            if (kind == SlaEventKind.Status && !Statuses.Contains(e?.Status ?? ""))
                errors.Add($"events[{i}].status", SlaErrorCodes.InvalidStatus, "A status change names the status.");
            if (at is { } a && kind is { } k) events.Add(new SlaEvent(a, k, e!.Status));
        }
        if (!events.Any(e => e.Kind == SlaEventKind.Created) && !errors.Any) errors.Add("events", SlaErrorCodes.NoCreatedEvent, "The life starts with a created event.");
        var now = Instant(request.Now, "now", errors);
        errors.ThrowIfAny();

        var result = SlaClock.Compute(calendar!, new SlaTargets(targets.FirstResponseMinutes, targets.NextResponseMinutes, targets.ResolutionMinutes),
            warn, pauses.ToHashSet(), events, now!.Value);
        return new SlaPreviewResult(TicketSlaQueries.View(result.FirstResponse), TicketSlaQueries.View(result.NextResponse),
            TicketSlaQueries.View(result.Resolution), result.Timeline);
    }

    private static DateTimeOffset? Instant(string? text, string field, FieldErrors errors)
    {
        // An instant names its offset: a local time without one would be read in the server's zone.
        if (text is not null && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 10))
            return at;
        errors.Add(field, SlaErrorCodes.InvalidInstant, "An instant is ISO 8601 with its offset, e.g. 2026-04-30T17:30:00+03:00.");
        return null;
    }
}
