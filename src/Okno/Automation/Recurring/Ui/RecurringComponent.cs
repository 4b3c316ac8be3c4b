using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Automation.Recurring.Ui;

/// <summary>Shared plumbing of the planned-ticket pages: their strings, a schedule in words and a time in its zone.</summary>
public abstract class RecurringComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<RecurringStrings> L { get; set; } = default!;

    protected Task<CurrentAgent?> ActorAsync() => SignedInAgentAsync();

    protected string DayName(DayOfWeek day) => CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedDayName(day);

    protected string MonthName(int month) => CultureInfo.CurrentUICulture.DateTimeFormat.GetMonthName(month);

    /// <summary>"Monthly, first working day, at 09:00 (Europe/Moscow)"; the raw rule when the builder cannot say it.</summary>
    protected string Describe(string rule, string start, string timeZone, bool shift)
    {
        var builder = RecurrenceBuilder.Read(rule);
        var time = start.Length >= 16 ? start[11..16] : start;
        var every = builder.Interval > 1 ? L["EveryN", builder.Interval].Value + " " : "";
        var words = builder.Frequency switch
        {
            BuilderFrequency.Daily => every + L["Words_Daily"],
            BuilderFrequency.Weekly => every + L["Words_Weekly", string.Join(", ", RecurrenceBuilder.Week.Where(builder.Days.Contains).Select(DayName))],
            BuilderFrequency.Monthly => every + builder.Monthly switch
            {
                MonthlyMode.FirstWeekday => L["Words_MonthlyFirst"].Value,
                MonthlyMode.LastWeekday => L["Words_MonthlyLast"].Value,
                _ => L["Words_MonthlyDay", builder.MonthDay].Value,
            },
            BuilderFrequency.Yearly => every + L["Words_Yearly", builder.MonthDay, MonthName(builder.Month)],
            _ => "RRULE " + rule,
        };
        var text = L["Words_At", words, time, timeZone].Value;
        if (shift) text += ", " + L["Words_Shifted"].Value;
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentUICulture) + text[1..];
    }

    /// <summary>An instant as the schedule's local date and time.</summary>
    protected static string Local(DateTimeOffset at, string timeZone)
    {
        var zone = Sla.CalendarDefinition.FindZone(timeZone) ?? TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.CurrentUICulture);
    }
}
