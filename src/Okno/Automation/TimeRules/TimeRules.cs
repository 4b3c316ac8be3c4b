using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Automation.Triggers;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Automation.TimeRules;

/// <summary>A time rule as the API writes it: when a ticket has been in a state for long enough (<see cref="Measure"/>:
/// in <see cref="Status"/>, unassigned, or waiting for an agent's answer; for <see cref="Amount"/> <see cref="Unit"/>s,
/// business hours on the calendar <see cref="CalendarId"/>), and its conditions hold then, the actions run — once per
/// episode of that state.</summary>
public sealed record TimeRuleDefinition(string? Name, bool? Enabled, string? Measure, string? Status, int? Amount, string? Unit, long? CalendarId,
    string? Match, List<ConditionSpec?>? Conditions, List<ActionSpec?>? Actions, long? Version = null);

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
{
    public const int MaxRules = 200;

    public async Task<IReadOnlyList<TimeRuleView>> ListAsync(CancellationToken ct) =>
        (await db.Set<AutomationRule>().AsNoTracking().Where(r => r.Kind == AutomationRule.TimeRuleKind).OrderBy(r => r.Position).ThenBy(r => r.Id)
            .ToListAsync(ct)).Select(View).ToList();

    public async Task<TimeRuleView> GetAsync(long id, CancellationToken ct) => View(await FindAsync(id, ct));

    public async Task<TimeRuleView> CreateAsync(TimeRuleDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await ValidateAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            if (await db.Set<AutomationRule>().CountAsync(r => r.Kind == AutomationRule.TimeRuleKind, t) >= MaxRules)
                throw new OknoException(new StateConflict(AutomationErrorCodes.TooManyTriggers, $"At most {MaxRules} time rules.", ("max", MaxRules)));
            var now = clock.GetUtcNow();
            var position = (await db.Set<AutomationRule>().Where(r => r.Kind == AutomationRule.TimeRuleKind).MaxAsync(r => (int?)r.Position, t) ?? 0) + 1;
            var rule = new AutomationRule
            {
                Kind = AutomationRule.TimeRuleKind, Name = definition.Name!.Trim(), Position = position, IsEnabled = definition.Enabled ?? true,
                Definition = stored.ToJson(), CreatedAt = now, UpdatedAt = now, UpdatedBy = agent.Id, Version = 1,
            };
            db.Add(rule);
            await db.SaveChangesAsync(t);
            audit.Add(agent.Id, "time_rule.created", $"time-rule:{rule.Id}", rule.Name);
            await db.SaveChangesAsync(t);
            return View(rule);
        }, ct);
    }

    public async Task<TimeRuleView> UpdateAsync(long id, TimeRuleDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await ValidateAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            if (definition.Version is { } version && version != rule.Version) throw new OknoException(new EditConflict($"Time rule {rule.Name}"));
            rule.Name = definition.Name!.Trim();
            rule.IsEnabled = definition.Enabled ?? rule.IsEnabled;
            rule.Definition = stored.ToJson();
            // A changed rule looks at every ticket again (episodes it already acted on keep their runs and are not repeated).
            rule.ScannedUpTo = null;
            rule.UpdatedAt = clock.GetUtcNow();
            rule.UpdatedBy = agent.Id;
            rule.Version++;
            audit.Add(agent.Id, "time_rule.changed", $"time-rule:{rule.Id}", rule.Name);
            await db.SaveChangesAsync(t);
            return View(rule);
        }, ct);
    }

    public async Task DeleteAsync(long id, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            db.Remove(rule);
            audit.Add(agent.Id, "time_rule.deleted", $"time-rule:{rule.Id}", rule.Name);
            await db.SaveChangesAsync(t);
            return 0;
        }, ct);
    }

    public async Task<StoredTimeRule> ValidateAsync(TimeRuleDefinition definition, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", definition.Name, AutomationRule.NameMaxLength);
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
            else if (!await db.SlaCalendars.AnyAsync(c => c.Id == calendarId, ct))
                errors.Add("calendarId", AutomationErrorCodes.UnknownReference, $"There is no calendar {calendarId}.", ("value", calendarId));
        }
        var match = definition.Match ?? TriggerMatch.All;
        if (match is not (TriggerMatch.All or TriggerMatch.Any)) errors.Add("match", AutomationErrorCodes.InvalidValue, "Match is all or any.", ("value", match));
        var conditionList = definition.Conditions ?? [];
        if (conditionList.Count > Triggers.Triggers.MaxConditions) errors.TooMany("conditions", Triggers.Triggers.MaxConditions, "conditions");
        else for (var i = 0; i < conditionList.Count; i++)
        {
            await conditions.ValidateAsync(conditionList[i], $"conditions[{i}]", errors, db, ct);
            if (conditionList[i]?.Operator is { } op && ConditionOperators.IsAboutChange(op) && !errors.Has($"conditions[{i}].operator"))
                errors.Add($"conditions[{i}].operator", AutomationErrorCodes.ChangeInTimeRule, "A time rule has no change to judge: use a state operator.", ("value", op));
        }
        var actionList = definition.Actions ?? [];
        if (actionList.Count == 0) errors.Required("actions");
        else if (actionList.Count > TriggerActions.MaxActions) errors.TooMany("actions", TriggerActions.MaxActions, "actions");
        else for (var i = 0; i < actionList.Count; i++) await actions.ValidateAsync(actionList[i], $"actions[{i}]", errors, db, ct);
        errors.ThrowIfAny();
        return new StoredTimeRule(definition.Measure!, definition.Measure == TimeMeasures.StatusFor ? definition.Status : null, definition.Amount!.Value, unit,
            unit == TimeUnits.BusinessHours ? definition.CalendarId : null, match,
            conditionList.OfType<ConditionSpec>().Select(c => c with { Values = c.Values?.OfType<string>().Select(v => (string?)v.Trim()).ToList() ?? [] }).ToList(),
            actionList.OfType<ActionSpec>().ToList());
    }

    private async Task<AutomationRule> FindAsync(long id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<AutomationRule>().Where(r => r.Id == id && r.Kind == AutomationRule.TimeRuleKind);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(AutomationErrorCodes.TimeRuleNotFound, "Time rule", id));
    }

    private static TimeRuleView View(AutomationRule rule)
    {
        var s = StoredTimeRule.Read(rule.Definition);
        return new TimeRuleView(rule.Id, rule.Name, rule.Position, rule.IsEnabled, s.Measure, s.Status, s.Amount, s.Unit, s.CalendarId, s.Match,
            s.Conditions, s.Actions, rule.UpdatedAt, rule.Version, rule.ScannedUpTo);
    }
}
