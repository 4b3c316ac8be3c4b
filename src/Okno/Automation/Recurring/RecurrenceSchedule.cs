using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Okno.Platform.Web;
using Okno.Sla;

namespace Okno.Automation.Recurring;

/// <summary>One occurrence of a schedule: the RRULE instant that names it and when its ticket is due after the move to a
/// working day (the same instant when nothing moves it).</summary>
public readonly record struct PlannedOccurrence(DateTimeOffset OccursAt, DateTimeOffset PlannedAt)
{
    public bool Moved => PlannedAt != OccursAt;
}

/// <summary>When a planned ticket comes: Ical.Net expands the RRULE from a local start in an IANA zone (so "09:00 on the
/// first weekday of the month" stays 09:00 across daylight-saving changes), and, when asked, an occurrence on a day the
/// business calendar has no working hours moves to the next day that has some, at the same local time of day — also
/// on a shortened day, whose hours end earlier (a planned ticket is a reminder, not a working interval). Which day is a
/// working day is judged by the date in the schedule's zone. A pure value: no clock, no database.</summary>
public sealed class RecurrenceSchedule
{
    public const string StartFormat = "yyyy-MM-dd'T'HH:mm";
    /// <summary>Two occurrences closer than this are refused: a help desk plans work, it does not poll.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(15);
    /// <summary>How many first occurrences the gap is checked on; a rule whose gaps shrink later (BYHOUR lists that
    /// only bunch up in some months) is rare enough that the job's own pace (one run a minute) is the rest of the guard.</summary>
    private const int GapSample = 100;
    /// <summary>Ical.Net gives up on a rule that matches nothing for this many steps (30 February, a SECONDLY rule over
    /// one month) instead of walking to the year 9999.</summary>
    private const int MaxUnmatchedSteps = 2000;
    /// <summary>A day off lasts at most this long before the move gives up and keeps the day (a calendar with no
    /// working day at all).</summary>
    private const int MaxDaysMoved = 366;

    private readonly RecurrenceRule _rule;
    private readonly CalDateTime _start;
    private readonly BusinessCalendar? _calendar;

    private RecurrenceSchedule(RecurrenceRule rule, CalDateTime start, TimeZoneInfo zone, BusinessCalendar? calendar)
    {
        _rule = rule;
        _start = start;
        Zone = zone;
        _calendar = calendar;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The schedule, or null with the reasons in <paramref name="errors"/> (fields rule, start, timeZone,
    /// shiftToWorkingDay). <paramref name="calendar"/> is the working-day calendar when occurrences move, else null.
    /// <paramref name="now"/>: a rule must still have an occurrence after it.</summary>
    public static RecurrenceSchedule? TryCreate(string? rule, string? start, string? timeZone, BusinessCalendar? calendar, bool shift,
        DateTimeOffset now, FieldErrors errors)
    {
        var zone = CalendarDefinition.FindZone(timeZone?.Trim());
        if (string.IsNullOrWhiteSpace(timeZone)) errors.Required("timeZone");
        else if (zone is null)
            errors.Add("timeZone", SlaErrorCodes.UnknownTimeZone, $"'{timeZone}' is not a known IANA time zone.", ("value", timeZone));
        var local = ParseStart(start, errors);
        if (shift && calendar is null)
            errors.Add("shiftToWorkingDay", RecurringErrorCodes.ShiftNeedsCalendar, "Choose a calendar to move occurrences to its working days.");
        var parsed = ParseRule(rule, errors);
        if (errors.Any || zone is null || local is null || parsed is null) return null;
        CalDateTime calStart;
        try
        {
            calStart = new CalDateTime(local.Value.Year, local.Value.Month, local.Value.Day, local.Value.Hour, local.Value.Minute, 0, zone.Id);
        }
        catch (ArgumentException)
        {
            // .NET knows the zone but Ical.Net's (NodaTime's) database does not.
            errors.Add("timeZone", SlaErrorCodes.UnknownTimeZone, $"'{timeZone}' is not a known IANA time zone.", ("value", timeZone));
            return null;
        }
        var schedule = new RecurrenceSchedule(parsed, calStart, zone, shift ? calendar : null);
        try
        {
            var sample = schedule.RuleInstants(DateTimeOffset.MinValue).Take(GapSample).ToList();
            for (var i = 1; i < sample.Count; i++)
            {
                if (sample[i] - sample[i - 1] >= MinimumGap) continue;
                errors.Add("rule", RecurringErrorCodes.TooFrequent, $"Occurrences must be at least {MinimumGap.TotalMinutes:0} minutes apart.",
                    ("minutes", (int)MinimumGap.TotalMinutes));
                return null;
            }
            if (!schedule.RuleInstants(now).Any())
            {
                errors.Add("rule", RecurringErrorCodes.RuleNeverOccurs, "The rule has no occurrence after now.");
                return null;
            }
        }
        catch (Exception e) when (e is EvaluationLimitExceededException or EvaluationOutOfRangeException)
        {
            errors.Add("rule", RecurringErrorCodes.RuleNeverOccurs, "The rule has no occurrence after now.");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            errors.Add("rule", RecurringErrorCodes.InvalidRule, "The RRULE cannot be expanded: " + e.Message, ("reason", e.Message));
            return null;
        }
        return schedule;
    }

    /// <summary>For a schedule that was valid when saved; throws if it no longer is (a zone removed from the system).</summary>
    public static RecurrenceSchedule Of(RecurringTicket stored, BusinessCalendar? calendar)
    {
        var errors = new FieldErrors();
        var zone = CalendarDefinition.FindZone(stored.TimeZone) ?? throw new InvalidOperationException($"Unknown time zone {stored.TimeZone}.");
        var local = ParseStart(stored.Start, errors) ?? throw new InvalidOperationException($"Bad start {stored.Start}.");
        var rule = ParseRule(stored.Rule, errors) ?? throw new InvalidOperationException($"Bad rule {stored.Rule}.");
        var start = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, zone.Id);
        return new RecurrenceSchedule(rule, start, zone, stored.ShiftToWorkingDay ? calendar : null);
    }

    /// <summary>The rule as stored: trimmed, upper case, without an "RRULE:" prefix.</summary>
    public static string Normalize(string rule)
    {
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) text = text[6..];
        return text.ToUpperInvariant();
    }

    private static RecurrenceRule? ParseRule(string? rule, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            errors.Required("rule");
            return null;
        }
        if (rule.Length > RecurringTicket.RuleMaxLength)
        {
            errors.TooLong("rule", RecurringTicket.RuleMaxLength);
            return null;
        }
        var text = Normalize(rule);
        if (text.Contains('\n') || text.Contains('\r') || text.Contains(':'))
        {
            errors.Add("rule", RecurringErrorCodes.InvalidRule, "One RRULE value on one line, such as FREQ=MONTHLY;BYMONTHDAY=1.", ("reason", "one line"));
            return null;
        }
        try
        {
            var parsed = new RecurrenceRule(text);
            // Ical.Net accepts an empty FREQ and treats it as yearly; a rule must say how often.
            if (!text.Split(';').Any(p => p.StartsWith("FREQ=", StringComparison.Ordinal)))
                throw new ArgumentException("FREQ is missing.");
            if (parsed.Frequency == Ical.Net.FrequencyType.Secondly)
            {
                errors.Add("rule", RecurringErrorCodes.TooFrequent, $"Occurrences must be at least {MinimumGap.TotalMinutes:0} minutes apart.",
                    ("minutes", (int)MinimumGap.TotalMinutes));
                return null;
            }
            return parsed;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            errors.Add("rule", RecurringErrorCodes.InvalidRule, "The RRULE cannot be read: " + e.Message, ("reason", e.Message));
            return null;
        }
    }

    private static DateTime? ParseStart(string? start, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            errors.Required("start");
            return null;
        }
        if (DateTime.TryParseExact(start.Trim(), StartFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is >= 2000 and <= 2200)
            return local;
        errors.Add("start", RecurringErrorCodes.InvalidStart, "The start is a local date and time, yyyy-MM-ddTHH:mm.");
        return null;
    }

    /// <summary>The rule's instants strictly after <paramref name="after"/>, in order, before any move.</summary>
    public IEnumerable<DateTimeOffset> RuleInstants(DateTimeOffset after)
    {
        var component = new CalendarEvent { DtStart = _start, RecurrenceRule = _rule };
        var from = after <= DateTimeOffset.MinValue.AddDays(2) ? _start : new CalDateTime(after.UtcDateTime, "UTC");
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = MaxUnmatchedSteps };
        foreach (var occurrence in component.GetOccurrences(from, options))
        {
            var instant = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            if (instant > after) yield return instant;
        }
    }

    /// <summary>When an occurrence at <paramref name="instant"/> is due: the next working day at the same local time when
    /// the calendar has no working hours that day, else the instant itself.</summary>
    public DateTimeOffset Planned(DateTimeOffset instant)
    {
        if (_calendar is null) return instant;
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var moved = date;
        for (var i = 0; i < MaxDaysMoved && _calendar.HoursOf(moved).Count == 0; i++) moved = moved.AddDays(1);
        if (moved == date || _calendar.HoursOf(moved).Count == 0) return instant;
        return LocalInstant(moved.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)));
    }

    /// <summary>The occurrences whose rule instant is after <paramref name="after"/>, each with its due time, in the
    /// rule's order (a move can put a later instant's due time before an earlier one's on the same working day).</summary>
    public IEnumerable<PlannedOccurrence> Occurrences(DateTimeOffset after) =>
        RuleInstants(after).Select(i => new PlannedOccurrence(i, Planned(i)));

    /// <summary>The next <paramref name="count"/> occurrences due after <paramref name="after"/>, soonest due first.</summary>
    public IReadOnlyList<PlannedOccurrence> Next(DateTimeOffset after, int count, IReadOnlySet<DateTimeOffset>? handled = null)
    {
        var found = new List<PlannedOccurrence>();
        // Due times never come before their instants, so once an instant is past the count-th due time, no later one
        // can come sooner.
        foreach (var occurrence in Occurrences(after))
        {
            if (found.Count >= count && occurrence.OccursAt > found[count - 1].PlannedAt) break;
            if (handled?.Contains(occurrence.OccursAt) == true) continue;
            found.Add(occurrence);
            found.Sort((a, b) => a.PlannedAt.CompareTo(b.PlannedAt));
        }
        return found.Take(count).ToList();
    }

    /// <summary>A local wall-clock time in the schedule's zone as an instant: a time in the spring gap moves on to when
    /// clocks show it; of the two instants an autumn time names, the first.</summary>
    private DateTimeOffset LocalInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
