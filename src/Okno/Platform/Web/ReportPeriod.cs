using System.Globalization;

namespace Okno.Platform.Web;

/// <summary>The codes a report answers a bad period with: each report section keeps its own, which its clients know.</summary>
public sealed record ReportPeriodCodes(string Reversed, string TooLong, string UnknownZone);

/// <summary>The whole days a report covers, <see cref="First"/> to <see cref="Last"/> both included, in a time zone;
/// <see cref="Start"/> and <see cref="End"/> are the instants around them. Read from a query's from and to
/// ("yyyy-MM-dd") and zone (an IANA id, default UTC); by default the last <see cref="DefaultDays"/> days up to today, at
/// most <see cref="MaxDays"/>.</summary>
public readonly record struct ReportPeriod(DateOnly First, DateOnly Last, TimeZoneInfo Zone)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    public const string DateFormat = "yyyy-MM-dd";
    private const int ZoneMaxLength = 64;
    // Far enough from DateOnly's ends that a day's start in any zone, and the day after the last, are instants.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    public DateTimeOffset Start => StartOf(First);
    public DateTimeOffset End => StartOf(DayAfter);
    /// <summary>The day after <see cref="Last"/>: the "to" of a report that names its end exclusive.</summary>
    public DateOnly DayAfter => Last.AddDays(1);

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day an hour later.
        while (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    /// <param name="toIncluded">Whether <paramref name="to"/> is the last day of the period, or the day after it.</param>
    /// <param name="zone">Null or empty: UTC.</param>
    public static ReportPeriod Parse(string? from, string? to, string? zone, bool toIncluded, DateTimeOffset now, ReportPeriodCodes codes)
    {
        var errors = new FieldErrors();
        var timeZone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(zone))
        {
            if (zone.Length > ZoneMaxLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found))
                errors.Add("zone", codes.UnknownZone, "Not a known IANA time zone.", ("value", zone.Length > ZoneMaxLength ? zone[..ZoneMaxLength] : zone));
            else timeZone = found;
        }
        var first = ReadDate("from", from, errors);
        var end = ReadDate("to", to, errors);
        errors.ThrowIfAny();
        var last = end is { } given ? (toIncluded ? given : given.AddDays(-1)) : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        first ??= last.AddDays(1 - DefaultDays);
        if (first > last) errors.Add("from", codes.Reversed, toIncluded ? "'from' must not be after 'to'." : "'from' must be before 'to'.");
        else if (last.DayNumber - first.Value.DayNumber + 1 > MaxDays)
        {
            // Either end can be moved to fix it: both are named.
            errors.Add("from", codes.TooLong, $"The period is at most {MaxDays} days.", ("max", MaxDays));
            errors.Add("to", codes.TooLong, $"The period is at most {MaxDays} days.", ("max", MaxDays));
        }
        errors.ThrowIfAny();
        return new ReportPeriod(first.Value, last, timeZone);
    }

    private static DateOnly? ReadDate(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(field, ErrorCodes.InvalidDate, $"Expected a date as {DateFormat}.", ("format", DateFormat));
        else if (date < Earliest || date > Latest)
            errors.Add(field, ErrorCodes.OutOfRange, $"From {Earliest.ToString(DateFormat, CultureInfo.InvariantCulture)} to {Latest.ToString(DateFormat, CultureInfo.InvariantCulture)}.",
                ("min", Earliest.ToString(DateFormat, CultureInfo.InvariantCulture)), ("max", Latest.ToString(DateFormat, CultureInfo.InvariantCulture)));
        else return date;
        return null;
    }
}
