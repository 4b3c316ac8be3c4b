namespace Okno.Sla;

/// <summary>A working interval of one day in the calendar's local time, in minutes from midnight; <see cref="To"/> may
/// be 1440 ("24:00", the end of the day).</summary>
public readonly record struct WorkInterval(int From, int To)
{
    public int Minutes => To - From;
}

public enum CalendarDayKind { Holiday, Moved, Shortened, Working }

/// <summary>A dated exception to the week: no work (holiday, a day off moved onto a weekday), the day's last interval an
/// hour shorter, or a worked weekend day with its own hours.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string? Name, IReadOnlyList<WorkInterval> Hours);

/// <summary>Business time of one calendar: which instants are working time, how many working minutes lie between two
/// instants, and which instant comes a number of working minutes after another. A pure value (no clock, no database):
/// the SLA clock and the SLA preview both compute through it. Local working hours are turned into instants in the
/// calendar's time zone day by day, so a daylight-saving change shortens or lengthens that day's working time by the
/// real minutes it has; a local time that does not exist (the spring gap) starts at the gap's end.</summary>
public sealed class BusinessCalendar
{
    public const int DayMinutes = 24 * 60;
    /// <summary>A due time further away than this is not searched for (a calendar with almost no working time).</summary>
    public const int MaxSearchDays = 3 * 366;

    private readonly IReadOnlyList<WorkInterval>[] _week;
    private readonly IReadOnlyDictionary<DateOnly, CalendarDay> _days;

    /// <param name="week">Seven lists, Monday first; each sorted and not overlapping (checked by the calendar's
    /// validation before one is built).</param>
    public BusinessCalendar(TimeZoneInfo timeZone, IReadOnlyList<IReadOnlyList<WorkInterval>> week, IEnumerable<CalendarDay> days)
    {
        if (week.Count != 7) throw new ArgumentException("A week has seven days, Monday first.", nameof(week));
        TimeZone = timeZone;
        _week = [.. week];
        _days = days.ToDictionary(d => d.Date);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The working intervals of a local date, exceptions applied.</summary>
    public IReadOnlyList<WorkInterval> HoursOf(DateOnly date)
    {
        var usual = _week[((int)date.DayOfWeek + 6) % 7];
        if (!_days.TryGetValue(date, out var day)) return usual;
        switch (day.Kind)
        {
            case CalendarDayKind.Holiday:
            case CalendarDayKind.Moved:
                return [];
            case CalendarDayKind.Working:
                return day.Hours.Count > 0 ? day.Hours : _week[0];
            default:
                // Shortened: the day's last interval ends an hour earlier (dropped if that leaves nothing of it).
                if (usual.Count == 0) return usual;
                var last = usual[^1];
                var cut = last with { To = last.To - 60 };
                return cut.To > cut.From ? [.. usual.Take(usual.Count - 1), cut] : [.. usual.Take(usual.Count - 1)];
        }
    }

    /// <summary>The exception on a date, if any (for the SLA timeline's "why").</summary>
    public CalendarDay? ExceptionOn(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>The working periods as instants that overlap [from, to), in order, clipped to it.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WorkingPeriods(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) yield break;
        // A day's intervals start at its local midnight; begin a day early so a period that started before `from` is seen.
        var date = LocalDate(from).AddDays(-1);
        var lastDate = LocalDate(to).AddDays(1);
        for (; date <= lastDate; date = date.AddDays(1))
        {
            foreach (var interval in HoursOf(date))
            {
                var start = Instant(date, interval.From);
                var end = Instant(date, interval.To);
                if (end <= from || end <= start) continue;
                if (start >= to) yield break;
                yield return (start < from ? from : start, end > to ? to : end);
            }
        }
    }

    /// <summary>Working minutes (fractional) between two instants; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public double MinutesBetween(DateTimeOffset from, DateTimeOffset to) =>
        WorkingPeriods(from, to).Sum(p => (p.End - p.Start).TotalMinutes);

    /// <summary>Whether an instant is working time.</summary>
    public bool IsWorking(DateTimeOffset at) => WorkingPeriods(at, at.AddTicks(1)).Any();

    /// <summary>The instant at which <paramref name="minutes"/> working minutes have passed since <paramref name="from"/>
    /// (0 minutes: <paramref name="from"/> itself); null when the calendar has no such time within
    /// <see cref="MaxSearchDays"/>.</summary>
    public DateTimeOffset? AddMinutes(DateTimeOffset from, double minutes)
    {
        if (minutes <= 0) return from;
        var left = minutes;
        var date = LocalDate(from).AddDays(-1);
        for (var i = 0; i < MaxSearchDays; i++, date = date.AddDays(1))
        {
            foreach (var interval in HoursOf(date))
            {
                var start = Instant(date, interval.From);
                var end = Instant(date, interval.To);
                if (end <= from || end <= start) continue;
                if (start < from) start = from;
                var available = (end - start).TotalMinutes;
                if (available >= left) return start.AddMinutes(left);
                left -= available;
            }
        }
        return null;
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);

    /// <summary>The instant of a local date and minute of the day in the calendar's zone.</summary>
    private DateTimeOffset Instant(DateOnly date, int minute)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        // The spring gap: 02:30 does not exist where clocks jump from 02:00 to 03:00; work starts when clocks say so.
        while (TimeZone.IsInvalidTime(local)) local = local.AddMinutes(1);
        // The autumn overlap: of the two instants a local time names, the first.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}
