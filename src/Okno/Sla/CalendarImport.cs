using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Okno.Platform.Web;

namespace Okno.Sla;

/// <summary>Reads a year of calendar exceptions from a file: the production-calendar CSV (<c>date,kind,name</c>, an
/// optional fourth column <c>hours</c> for a worked day as "10:00-14:00 15:00-17:00"; lines starting with # are
/// comments) or iCal (all-day VEVENTs become holidays named by their SUMMARY; a CATEGORIES of moved, shortened or
/// working says otherwise). Every date must lie in one year, the file's (its first date's); a bad line is named.</summary>
public static class CalendarImport
{
    public const int MaxBytes = 1024 * 1024;

    public sealed record Result(int Year, IReadOnlyList<CalendarDay> Days);

    public static Result Parse(string text)
    {
        var errors = new FieldErrors();
        var days = text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase) ? ReadIcal(text, errors) : ReadCsv(text, errors);
        if (days.Count == 0 && !errors.Any) errors.Add("body", SlaErrorCodes.MalformedImport, "The file lists no days.", ("line", 0));
        var year = days.Count > 0 ? days[0].Day.Date.Year : 0;
        var seen = new HashSet<DateOnly>();
        foreach (var (line, day) in days)
        {
            if (day.Date.Year != year)
                errors.Add("body", SlaErrorCodes.DateOutsideYear, $"Line {line}: {day.Date:yyyy-MM-dd} is outside the file's year {year}.", ("line", line), ("year", year));
            else if (!seen.Add(day.Date))
                errors.Add("body", SlaErrorCodes.DuplicateDate, $"Line {line}: {day.Date:yyyy-MM-dd} is listed twice.", ("line", line),
                    ("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        errors.ThrowIfAny();
        return new Result(year, days.Select(d => d.Day).OrderBy(d => d.Date).ToList());
    }

    private static List<(int Line, CalendarDay Day)> ReadCsv(string text, FieldErrors errors)
    {
        var result = new List<(int, CalendarDay)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            AllowComments = true, Comment = '#', HasHeaderRecord = true, MissingFieldFound = null, BadDataFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || !header.Take(3).SequenceEqual(["date", "kind", "name"], StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("body", SlaErrorCodes.MalformedImport, "The first line that is not a comment must be the header date,kind,name[,hours].", ("line", csv.Parser.RawRow));
            return result;
        }
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var field = $"line {line}";
            var lineErrors = new FieldErrors();
            var dateText = csv.GetField(0);
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                lineErrors.Add(field, SlaErrorCodes.InvalidDate, "A date is YYYY-MM-DD.");
            var kind = CalendarDefinition.ParseKind(csv.GetField(1), field, lineErrors);
            var name = csv.TryGetField<string>(2, out var n) && !string.IsNullOrWhiteSpace(n) ? n : null;
            if (name is { Length: > CalendarDefinition.DayNameMaxLength } || (name is not null && FieldErrors.HasControlCharacters(name)))
                lineErrors.Add(field, SlaErrorCodes.MalformedImport, "The name is too long or has control characters.", ("line", line));
            IReadOnlyList<WorkInterval> hours = [];
            if (csv.TryGetField<string>(3, out var hoursText) && !string.IsNullOrWhiteSpace(hoursText))
            {
                var intervals = hoursText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(h => h.Split('-') is [var f, var t] ? new IntervalDto(f, t) : new IntervalDto(h, null)).ToList();
                hours = CalendarDefinition.Intervals(intervals, field, lineErrors);
            }
            if (lineErrors.Any)
            {
                errors.Add("body", SlaErrorCodes.MalformedImport, $"Line {line} cannot be read: date,kind,name[,hours] with kind holiday, moved, shortened or working.", ("line", line));
                continue;
            }
            result.Add((line, new CalendarDay(date, kind!.Value, name, hours)));
        }
        return result;
    }

    private static List<(int Line, CalendarDay Day)> ReadIcal(string text, FieldErrors errors)
    {
        var result = new List<(int, CalendarDay)>();
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add("body", SlaErrorCodes.MalformedImport, "The iCal file cannot be read: " + e.Message, ("line", 0));
            return result;
        }
        if (calendar is null)
        {
            errors.Add("body", SlaErrorCodes.MalformedImport, "The iCal file holds no calendar.", ("line", 0));
            return result;
        }
        var index = 0;
        foreach (var e in calendar.Events)
        {
            index++;
            if (e.DtStart is not { } start || start.HasTime)
            {
                errors.Add("body", SlaErrorCodes.MalformedImport, $"Event {index} ({e.Summary}) is not an all-day event.", ("line", index));
                continue;
            }
            var kind = e.Categories.Select(c => c.Trim().ToLowerInvariant()).FirstOrDefault(c => c is "moved" or "shortened" or "working") switch
            {
                "moved" => CalendarDayKind.Moved,
                "shortened" => CalendarDayKind.Shortened,
                "working" => CalendarDayKind.Working,
                _ => CalendarDayKind.Holiday,
            };
            var first = DateOnly.FromDateTime(start.Value);
            // An all-day event ends on the day after its last (DTEND is exclusive); a one-day event may omit it.
            var end = e.DtEnd is { } dtEnd ? DateOnly.FromDateTime(dtEnd.Value) : first.AddDays(1);
            if (end <= first) end = first.AddDays(1);
            if (end.DayNumber - first.DayNumber > 366)
            {
                errors.Add("body", SlaErrorCodes.MalformedImport, $"Event {index} lasts more than a year.", ("line", index));
                continue;
            }
            var name = string.IsNullOrWhiteSpace(e.Summary) ? null : e.Summary.Trim();
            if (name is { Length: > CalendarDefinition.DayNameMaxLength }) name = name[..CalendarDefinition.DayNameMaxLength];
            for (var d = first; d < end; d = d.AddDays(1)) result.Add((index, new CalendarDay(d, kind, name, [])));
        }
        return result;
    }
}
