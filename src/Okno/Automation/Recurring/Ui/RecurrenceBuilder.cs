using System.Globalization;
using Ical.Net.DataTypes;

namespace Okno.Automation.Recurring.Ui;

public enum BuilderFrequency { Daily, Weekly, Monthly, Yearly, Advanced }

/// <summary>How a monthly plan picks its day: a day number, or the first or last weekday (Monday to Friday) of the month,
/// which with "move to the next working day" becomes the first working day of the calendar.</summary>
public enum MonthlyMode { DayOfMonth, FirstWeekday, LastWeekday }

/// <summary>The editor's frequency builder: the common plans as a few choices, written as an RRULE, and an RRULE read
/// back into those choices when it is one of them (otherwise the editor shows it as the advanced, raw rule).</summary>
public sealed class RecurrenceBuilder
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly IReadOnlyList<DayOfWeek> Weekdays = Week.Take(5).ToList();

    public BuilderFrequency Frequency { get; set; } = BuilderFrequency.Monthly;
    public int Interval { get; set; } = 1;
    public HashSet<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday];
    public MonthlyMode Monthly { get; set; } = MonthlyMode.FirstWeekday;
    public int MonthDay { get; set; } = 1;
    public int Month { get; set; } = 1;
    public string Advanced { get; set; } = "";

    public string ToRule()
    {
        var interval = Interval > 1 ? $";INTERVAL={Interval}" : "";
        return Frequency switch
        {
            BuilderFrequency.Daily => "FREQ=DAILY" + interval,
            BuilderFrequency.Weekly => "FREQ=WEEKLY" + interval + ";BYDAY=" + string.Join(",", Week.Where(Days.Contains).Select(Code)),
            BuilderFrequency.Monthly => Monthly switch
            {
                MonthlyMode.FirstWeekday => "FREQ=MONTHLY" + interval + ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
                MonthlyMode.LastWeekday => "FREQ=MONTHLY" + interval + ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                _ => "FREQ=MONTHLY" + interval + ";BYMONTHDAY=" + MonthDay.ToString(CultureInfo.InvariantCulture),
            },
            BuilderFrequency.Yearly => "FREQ=YEARLY" + interval + ";BYMONTH=" + Month.ToString(CultureInfo.InvariantCulture) + ";BYMONTHDAY=" +
                MonthDay.ToString(CultureInfo.InvariantCulture),
            _ => Advanced.Trim(),
        };
    }

    /// <summary>The builder that writes <paramref name="rule"/>, or an advanced one holding it as written.</summary>
    public static RecurrenceBuilder Read(string rule)
    {
        var advanced = new RecurrenceBuilder { Frequency = BuilderFrequency.Advanced, Advanced = rule };
        RecurrenceRule parsed;
        try
        {
            parsed = new RecurrenceRule(RecurrenceSchedule.Normalize(rule));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return advanced;
        }
        var builder = new RecurrenceBuilder { Interval = parsed.Interval < 1 ? 1 : parsed.Interval };
        var days = parsed.ByDay.Where(d => d.Offset is null).Select(d => d.DayOfWeek).ToHashSet();
        switch (parsed.Frequency)
        {
            case Ical.Net.FrequencyType.Daily:
                builder.Frequency = BuilderFrequency.Daily;
                break;
            case Ical.Net.FrequencyType.Weekly when days.Count > 0:
                builder.Frequency = BuilderFrequency.Weekly;
                builder.Days = days;
                break;
            case Ical.Net.FrequencyType.Monthly when parsed.ByMonthDay.Count == 1 && parsed.ByMonthDay[0] is >= 1 and <= 31:
                builder.Frequency = BuilderFrequency.Monthly;
                builder.Monthly = MonthlyMode.DayOfMonth;
                builder.MonthDay = parsed.ByMonthDay[0];
                break;
            case Ical.Net.FrequencyType.Monthly when days.SetEquals(Weekdays) && parsed.BySetPosition is [1 or -1]:
                builder.Frequency = BuilderFrequency.Monthly;
                builder.Monthly = parsed.BySetPosition[0] == 1 ? MonthlyMode.FirstWeekday : MonthlyMode.LastWeekday;
                break;
            case Ical.Net.FrequencyType.Yearly when parsed.ByMonth is [>= 1 and <= 12] && parsed.ByMonthDay is [>= 1 and <= 31]:
                builder.Frequency = BuilderFrequency.Yearly;
                builder.Month = parsed.ByMonth[0];
                builder.MonthDay = parsed.ByMonthDay[0];
                break;
            default:
                return advanced;
        }
        // Anything the choices do not write (COUNT, UNTIL, BYHOUR…) keeps the rule advanced, so saving never drops it.
        return string.Equals(builder.ToRule(), RecurrenceSchedule.Normalize(rule), StringComparison.Ordinal) ? builder : advanced;
    }

    private static string Code(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();
}
