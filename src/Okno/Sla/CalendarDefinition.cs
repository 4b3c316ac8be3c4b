using System.Globalization;
using System.Text.RegularExpressions;
using Okno.Platform.Web;

namespace Okno.Sla;

/// <summary>One working interval as the API writes it: "09:00"–"18:00"; "24:00" ends an interval at midnight.</summary>
public sealed record IntervalDto(string? From, string? To);

public sealed record WeekDto(List<IntervalDto>? Monday = null, List<IntervalDto>? Tuesday = null, List<IntervalDto>? Wednesday = null,
    List<IntervalDto>? Thursday = null, List<IntervalDto>? Friday = null, List<IntervalDto>? Saturday = null, List<IntervalDto>? Sunday = null)
{
    public IReadOnlyList<(string Name, List<IntervalDto>? Hours)> Days() =>
        [("monday", Monday), ("tuesday", Tuesday), ("wednesday", Wednesday), ("thursday", Thursday), ("friday", Friday), ("saturday", Saturday), ("sunday", Sunday)];
}

/// <summary>A dated exception as the API writes it: date "2026-05-11", kind holiday|moved|shortened|working, hours only
/// for working.</summary>
public sealed record CalendarDayDto(string? Date, string? Kind, string? Name, List<IntervalDto>? Hours = null);

/// <summary>A business calendar as the API and the database keep it (the JSON shape of issue 15).</summary>
public sealed record CalendarDefinition(string? Name, string? TimeZone, WeekDto? Week, List<CalendarDayDto>? Days)
{
    public const int NameMaxLength = 100;
    public const int DayNameMaxLength = 200;
    public const int MaxDays = 3_000;
    public const int MaxIntervalsPerDay = 12;

    /// <summary>Checks every field (each bad one named, e.g. <c>week.monday[1].to</c>, <c>days[3].date</c>) and builds the
    /// calendar; throws <see cref="OknoException"/> with all of them when any is bad.</summary>
    public BusinessCalendar Validate()
    {
        var errors = new FieldErrors();
        var calendar = TryBuild(errors);
        errors.ThrowIfAny();
        return calendar!;
    }

    /// <summary><see cref="TryBuild(FieldErrors)"/> for a calendar inside a request: its fields named under
    /// <paramref name="prefix"/> (<c>calendar.week.monday</c>).</summary>
    public BusinessCalendar? TryBuildPrefixed(string prefix, FieldErrors errors)
    {
        var own = new FieldErrors();
        var calendar = TryBuild(own);
        errors.AddAll(prefix + ".", own);
        return calendar;
    }

    public BusinessCalendar? TryBuild(FieldErrors errors)
    {
        errors.Text("name", Name, NameMaxLength);
        var zone = FindZone(TimeZone);
        if (string.IsNullOrWhiteSpace(TimeZone)) errors.Required("timeZone");
        else if (zone is null) errors.Add("timeZone", SlaErrorCodes.UnknownTimeZone, $"'{TimeZone}' is not an IANA time zone (e.g. Europe/Moscow).", ("value", TimeZone));
        var week = new List<IReadOnlyList<WorkInterval>>();
        foreach (var (name, hours) in (Week ?? new WeekDto()).Days())
            week.Add(Intervals(hours, $"week.{name}", errors));
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        if (Days is { Count: > MaxDays }) errors.TooMany("days", MaxDays, "days");
        else
        {
            for (var i = 0; i < (Days?.Count ?? 0); i++)
            {
                var day = Days![i];
                var field = $"days[{i}]";
                if (day is null) { errors.Required(field); continue; }
                var date = ParseDate(day.Date, field + ".date", errors);
                var kind = ParseKind(day.Kind, field + ".kind", errors);
                if (day.Name is { Length: > DayNameMaxLength }) errors.TooLong(field + ".name", DayNameMaxLength);
                else if (day.Name is not null && FieldErrors.HasControlCharacters(day.Name)) errors.ControlCharacters(field + ".name");
                IReadOnlyList<WorkInterval> hours = [];
                if (kind == CalendarDayKind.Working) hours = Intervals(day.Hours, field + ".hours", errors);
                else if (day.Hours is { Count: > 0 })
                    errors.Add(field + ".hours", SlaErrorCodes.HoursOnlyForWorking, "Hours are given only for a worked day (kind working).");
                if (date is { } d && !seen.Add(d))
                    errors.Add(field + ".date", SlaErrorCodes.DuplicateDate, $"{d:yyyy-MM-dd} is listed twice.", ("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                if (date is { } ok && kind is { } k) days.Add(new CalendarDay(ok, k, string.IsNullOrWhiteSpace(day.Name) ? null : day.Name.Trim(), hours));
            }
        }
        return errors.Any || zone is null ? null : new BusinessCalendar(zone, week, days);
    }

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return null;
        // IANA names only: Windows names ("Russian Standard Time") would also resolve here, but differ between systems.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && id != "UTC") return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private static readonly Regex TimeText = new(@"^(\d{2}):(\d{2})$", RegexOptions.CultureInvariant);

    /// <summary>"HH:mm" as minutes of the day; "24:00" is 1440; null when malformed.</summary>
    public static int? ParseTime(string? text)
    {
        if (text is null || TimeText.Match(text) is not { Success: true } m) return null;
        var (h, min) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (h == 24 && min == 0) return BusinessCalendar.DayMinutes;
        return h < 24 && min < 60 ? h * 60 + min : null;
    }

    public static string FormatTime(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    internal static IReadOnlyList<WorkInterval> Intervals(List<IntervalDto>? hours, string field, FieldErrors errors)
    {
        if (hours is null or { Count: 0 }) return [];
        if (hours.Count > MaxIntervalsPerDay)
        {
            errors.TooMany(field, MaxIntervalsPerDay, "intervals");
            return [];
        }
        var result = new List<WorkInterval>();
        for (var i = 0; i < hours.Count; i++)
        {
            var at = $"{field}[{i}]";
            var from = ParseTime(hours[i]?.From);
            var to = ParseTime(hours[i]?.To);
            if (from is null || from == BusinessCalendar.DayMinutes)
                errors.Add(at + ".from", SlaErrorCodes.InvalidTime, "A time is HH:mm, from 00:00 to 23:59.");
            if (to is null) errors.Add(at + ".to", SlaErrorCodes.InvalidTime, "A time is HH:mm, from 00:00 to 24:00.");
            if (from is { } f && to is { } t && f < BusinessCalendar.DayMinutes)
            {
                if (t <= f) errors.Add(at + ".to", SlaErrorCodes.EndBeforeStart, "An interval ends after it starts.");
                else result.Add(new WorkInterval(f, t));
            }
        }
        var sorted = result.OrderBy(r => r.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].From < sorted[i - 1].To)
                errors.Add(field, SlaErrorCodes.OverlappingIntervals,
                    $"{FormatTime(sorted[i - 1].From)}–{FormatTime(sorted[i - 1].To)} and {FormatTime(sorted[i].From)}–{FormatTime(sorted[i].To)} overlap.");
        return sorted;
    }

    private static DateOnly? ParseDate(string? text, string field, FieldErrors errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, SlaErrorCodes.InvalidDate, "A date is YYYY-MM-DD.");
        return null;
    }

    internal static CalendarDayKind? ParseKind(string? text, string field, FieldErrors errors)
    {
        CalendarDayKind? kind = text switch
        {
            "holiday" => CalendarDayKind.Holiday,
            "moved" => CalendarDayKind.Moved,
            "shortened" => CalendarDayKind.Shortened,
            "working" => CalendarDayKind.Working,
            _ => null,
        };
        if (kind is null) errors.Add(field, SlaErrorCodes.InvalidDayKind, "A day's kind is holiday, moved, shortened or working.");
        return kind;
    }

    public static string KindText(CalendarDayKind kind) => kind.ToString().ToLowerInvariant();

    public static CalendarDayDto ToDto(CalendarDay day) => new(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), KindText(day.Kind), day.Name,
        day.Kind == CalendarDayKind.Working ? day.Hours.Select(h => new IntervalDto(FormatTime(h.From), FormatTime(h.To))).ToList() : null);
}

public static class SlaErrorCodes
{
    /// <summary>{value}</summary>
    public const string UnknownTimeZone = "calendar.unknown_time_zone";
    public const string InvalidTime = "calendar.invalid_time";
    public const string EndBeforeStart = "calendar.end_before_start";
    public const string OverlappingIntervals = "calendar.overlapping_intervals";
    public const string InvalidDate = "calendar.invalid_date";
    public const string InvalidDayKind = "calendar.invalid_day_kind";
    /// <summary>{date}</summary>
    public const string DuplicateDate = "calendar.duplicate_date";
    public const string HoursOnlyForWorking = "calendar.hours_only_for_working";
    /// <summary>{line}, {year}: an imported date outside the file's year.</summary>
    public const string DateOutsideYear = "calendar.import_date_outside_year";
    /// <summary>{line}: a line of an imported CSV or iCal file that cannot be read.</summary>
    public const string MalformedImport = "calendar.import_malformed";
    /// <summary>{id}</summary>
    public const string NotFound = "calendar.not_found";
    public const string InvalidInstant = "sla.invalid_instant";
    public const string InvalidStatus = "sla.invalid_status";
    public const string InvalidEventKind = "sla.invalid_event_kind";
    public const string NoCreatedEvent = "sla.no_created_event";
    /// <summary>{id}</summary>
    public const string PolicyNotFound = "sla.policy_not_found";
    /// <summary>{name}, {count}, {usedBy}: the open tickets under the policy.</summary>
    public const string PolicyInUse = "sla.policy_in_use";
    /// <summary>{name}, {usedBy}: the policies on the calendar.</summary>
    public const string CalendarInUse = "calendar.in_use";
    public const string InvalidOrder = "sla.invalid_order";
    public const string InvalidPauseStatus = "sla.invalid_pause_status";
    public const string InvalidPriority = "sla.invalid_priority";
    public const string DefaultWithConditions = "sla.default_with_conditions";
    public const string InvalidConditionField = "sla.invalid_condition_field";
    /// <summary>{field}, {value}</summary>
    public const string InvalidConditionValue = "sla.invalid_condition_value";
}
