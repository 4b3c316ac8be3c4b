using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Automation.Triggers;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Automation.TimeRules;

/// <summary>A time rule as the API writes it: when a ticket has been in a state for long enough (<see cref="Measure"/>:
/// in <see cref="Status"/>, unassigned, or waiting for an agent's answer; for <see cref="Amount"/> <see cref="Unit"/>s,
/// business hours on the calendar <see cref="CalendarId"/>), and its conditions hold then, the actions run — once per
/// episode of that state.</summary>
public sealed record TimeRuleDefinition(string? Name, bool? Enabled, string? Measure, string? Status, int? Amount, string? Unit, long? CalendarId,
    string? Match, List<ConditionSpec?>? Conditions, List<ActionSpec?>? Actions, long? Version = null) : IRuleDefinition;

public sealed record TimeRuleView(long Id, string Name, int Position, bool Enabled, string Measure, string? Status, int Amount, string Unit,
    long? CalendarId, string Match, IReadOnlyList<ConditionSpec> Conditions, IReadOnlyList<ActionSpec> Actions, DateTimeOffset UpdatedAt, long Version,
    DateTimeOffset? ScannedUpTo);

public static class TimeMeasures
{
    /// <summary>In a status (new, open, pending, on hold, resolved) since.</summary>
    public const string StatusFor = "status_for";
    /// <summary>Open with nobody assigned since.</summary>
    public const string UnassignedFor = "unassigned_for";
    /// <summary>Open with the customer's message unanswered by an agent since.</summary>
    public const string AwaitingReplyFor = "awaiting_reply_for";

    public static readonly IReadOnlyList<string> All = [StatusFor, UnassignedFor, AwaitingReplyFor];
}

public static class TimeUnits
{
    public const string Minutes = "minutes";
    public const string Hours = "hours";
    public const string Days = "days";
    /// <summary>Working hours of a business calendar (the SLA section's).</summary>
    public const string BusinessHours = "business_hours";

    public static readonly IReadOnlyList<string> All = [Minutes, Hours, Days, BusinessHours];

    /// <summary>The longest wait each unit takes (a year).</summary>
    public static int Max(string unit) => unit switch { Minutes => 525_600, Hours => 8_760, Days => 365, _ => 2_000 };

    /// <summary>The wait in calendar time; for business hours, the least calendar time it can take (an hour of work
    /// takes at least an hour), which narrows the candidates before the exact check on the calendar.</summary>
    public static TimeSpan AtLeast(int amount, string unit) => unit switch
    {
        Minutes => TimeSpan.FromMinutes(amount),
        Days => TimeSpan.FromDays(amount),
        _ => TimeSpan.FromHours(amount),
    };
}

/// <summary>The parts of a time rule kept as JSON in <see cref="AutomationRule.Definition"/>.</summary>
public sealed record StoredTimeRule(string Measure, string? Status, int Amount, string Unit, long? CalendarId, string Match,
    List<ConditionSpec> Conditions, List<ActionSpec> Actions)
{
    public string ToJson() => JsonSerializer.Serialize(this, StoredTrigger.Json);

    public static StoredTimeRule Read(string json) => JsonSerializer.Deserialize<StoredTimeRule>(json, StoredTrigger.Json)!;
}

/// <summary>Time rules (S3): list, create, change, delete, and their runs; checked whole like triggers (same condition and
/// action classes; conditions about a change make no sense without an event and are refused).</summary>
public sealed class TimeRules(OknoDb db, TriggerConditions conditions, TriggerActions actions, TimeProvider clock, Audit audit)
    : AutomationRuleAdmin<TimeRuleDefinition, TimeRuleView>(db, conditions, actions, clock, audit, Kind)
{
    public const int MaxRules = 200;

    private static readonly RuleKind Kind =
        new(AutomationRule.TimeRuleKind, "time_rule", "time-rule", "Time rule", AutomationErrorCodes.TimeRuleNotFound, MaxRules);

    public async Task<IReadOnlyList<TimeRuleView>> ListAsync(CancellationToken ct) => (await RulesAsync(ct)).Select(View).ToList();

    public async Task<TimeRuleView> GetAsync(long id, CancellationToken ct) => View(await FindAsync(id, ct));

    public async Task<StoredTimeRule> ValidateAsync(TimeRuleDefinition definition, CancellationToken ct)
    {
        var errors = new FieldErrors();
        CheckName(definition.Name, errors);
        if (definition.Measure is not { } measure || !TimeMeasures.All.Contains(measure))
            errors.Add("measure", AutomationErrorCodes.InvalidValue, $"Measure is one of {string.Join(", ", TimeMeasures.All)}.", ("value", definition.Measure));
        if (definition.Measure == TimeMeasures.StatusFor)
        {
            if (ValueChecks.Parse<TicketStatus>(definition.Status) is not { } status || status == TicketStatus.Closed)
                errors.Add("status", AutomationErrorCodes.InvalidValue, "A status other than closed.", ("value", definition.Status));
        }
        var unit = definition.Unit ?? "";
        if (!TimeUnits.All.Contains(unit))
            errors.Add("unit", AutomationErrorCodes.InvalidValue, $"Unit is one of {string.Join(", ", TimeUnits.All)}.", ("value", definition.Unit));
        else if (definition.Amount is not { } amount || amount < 1 || amount > TimeUnits.Max(unit))
            errors.Add("amount", ErrorCodes.OutOfRange, $"From 1 to {TimeUnits.Max(unit)}.", ("min", 1), ("max", TimeUnits.Max(unit)));
        if (unit == TimeUnits.BusinessHours)
        {
            if (definition.CalendarId is not { } calendarId) errors.Required("calendarId");
            else if (!await Db.SlaCalendars.AnyAsync(c => c.Id == calendarId, ct))
                errors.Add("calendarId", AutomationErrorCodes.UnknownReference, $"There is no calendar {calendarId}.", ("value", calendarId));
        }
        var match = CheckMatch(definition.Match, errors);
        await CheckConditionsAsync(definition.Conditions, errors, ct);
        var conditionList = definition.Conditions ?? [];
        if (conditionList.Count <= MaxConditions)
            for (var i = 0; i < conditionList.Count; i++)
                if (conditionList[i]?.Operator is { } op && ConditionOperators.IsAboutChange(op) && !errors.Has($"conditions[{i}].operator"))
                    errors.Add($"conditions[{i}].operator", AutomationErrorCodes.ChangeInTimeRule, "A time rule has no change to judge: use a state operator.", ("value", op));
        await CheckActionsAsync(definition.Actions, errors, ct);
        errors.ThrowIfAny();
        return new StoredTimeRule(definition.Measure!, definition.Measure == TimeMeasures.StatusFor ? definition.Status : null, definition.Amount!.Value, unit,
            unit == TimeUnits.BusinessHours ? definition.CalendarId : null, match, Stored(definition.Conditions),
            (definition.Actions ?? []).OfType<ActionSpec>().ToList());
    }

    protected override async Task<string> CheckAsync(TimeRuleDefinition definition, CancellationToken ct) => (await ValidateAsync(definition, ct)).ToJson();

    /// <summary>A changed rule looks at every ticket again (episodes it already acted on keep their runs and are not repeated).</summary>
    protected override Task ChangedAsync(AutomationRule rule, CancellationToken ct)
    {
        rule.ScannedUpTo = null;
        return Task.CompletedTask;
    }

    protected override TimeRuleView View(AutomationRule rule)
    {
        var s = StoredTimeRule.Read(rule.Definition);
        return new TimeRuleView(rule.Id, rule.Name, rule.Position, rule.IsEnabled, s.Measure, s.Status, s.Amount, s.Unit, s.CalendarId, s.Match,
            s.Conditions, s.Actions, rule.UpdatedAt, rule.Version, rule.ScannedUpTo);
    }
}
