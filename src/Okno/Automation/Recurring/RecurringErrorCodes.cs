namespace Okno.Automation.Recurring;

/// <summary>The codes of the errors of planned (recurring) tickets.</summary>
public static class RecurringErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "recurring.not_found";
    /// <summary>{reason}: Ical.Net's words for what is wrong with the RRULE (English, in the API detail only).</summary>
    public const string InvalidRule = "recurring.invalid_rule";
    /// <summary>The rule has no occurrence after now (COUNT or UNTIL used up, or a date that never comes, like 30 February).</summary>
    public const string RuleNeverOccurs = "recurring.rule_never_occurs";
    /// <summary>{minutes} (15): two occurrences closer than this.</summary>
    public const string TooFrequent = "recurring.too_frequent";
    /// <summary>The start is not a local date and time "yyyy-MM-ddTHH:mm".</summary>
    public const string InvalidStart = "recurring.invalid_start";
    /// <summary>Moving to the next working day needs a calendar.</summary>
    public const string ShiftNeedsCalendar = "recurring.shift_needs_calendar";
    /// <summary>{max}</summary>
    public const string InvalidCount = "recurring.invalid_count";
}
