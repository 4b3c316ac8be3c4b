using Okno.Tickets;
using Okno.Customers;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Automation.Triggers;

/// <summary>A trigger as the API returns it.</summary>
public sealed record TriggerView(long Id, string Name, int Position, bool Enabled, IReadOnlyList<string> Events, string Match,
    IReadOnlyList<ConditionSpec> Conditions, IReadOnlyList<ActionSpec> Actions, DateTimeOffset UpdatedAt, long Version, TriggerLastRun? LastRun);

public sealed record TriggerLastRun(DateTimeOffset At, long TicketId, string Outcome);

/// <summary>One run on a rule's page: the ticket it touched, when, what it did.</summary>
public sealed record TriggerRunView(long Id, long TicketId, long TicketNumber, string TicketSubject, DateTimeOffset At, string Outcome, int Emails,
    IReadOnlyList<string> Summary);

public sealed record TriggerOrder(List<long>? Ids);

/// <summary>Triggers (S3): list, create, change, reorder, delete; every change is checked whole (each condition and
/// action by its registered class), audited, and raises the setup generation so every node's engine sees it.</summary>
public sealed class Triggers(OknoDb db, TriggerConditions conditions, TriggerActions actions, TimeProvider clock, Audit audit)
    : AutomationRuleAdmin<TriggerDefinition, TriggerView>(db, conditions, actions, clock, audit, Kind)
{
    public const int MaxTriggers = 500;

    private static readonly RuleKind Kind =
        new(AutomationRule.TriggerKind, "trigger", "trigger", "Trigger", AutomationErrorCodes.TriggerNotFound, MaxTriggers);

    public async Task<IReadOnlyList<TriggerView>> ListAsync(CancellationToken ct)
    {
        var rules = await RulesAsync(ct);
        // The latest run of each: one indexed probe per rule (their number is bounded by MaxTriggers).
        var last = new Dictionary<long, TriggerLastRun>();
        foreach (var rule in rules)
            if (await LastRunAsync(rule.Id, ct) is { } run)
                last[rule.Id] = run;
        return rules.Select(r => View(r, last.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<TriggerView> GetAsync(long id, CancellationToken ct)
    {
        var rule = await FindAsync(id, ct);
        return View(rule, await LastRunAsync(id, ct));
    }

    private Task<TriggerLastRun?> LastRunAsync(long id, CancellationToken ct) =>
        Db.Set<AutomationRun>().Where(r => r.RuleId == id).OrderByDescending(r => r.Id)
            .Select(r => new TriggerLastRun(r.At, r.TicketId, r.Outcome)).FirstOrDefaultAsync(ct);

    /// <summary>Turns a trigger on or off without sending its whole definition (the list's switch).</summary>
    public async Task<TriggerView> EnableAsync(long id, bool enabled, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(Db, agent, ct);
        return await Db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            if (rule.IsEnabled != enabled)
            {
                rule.IsEnabled = enabled;
                Touch(rule, agent);
                await AuditedAsync(agent, enabled ? "enabled" : "disabled", rule, t);
            }
            return View(rule, null);
        }, ct);
    }

    public async Task<IReadOnlyList<TriggerView>> ReorderAsync(List<long>? ids, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(Db, agent, ct);
        await Db.WriteAsync(async t =>
        {
            var rules = await Db.Set<AutomationRule>().Where(r => r.Kind == AutomationRule.TriggerKind).ToListAsync(t);
            if (ids is null || ids.Count != rules.Count || ids.Distinct().Count() != ids.Count || !ids.All(i => rules.Any(r => r.Id == i)))
                throw new OknoException(InvalidInput.Field("ids", AutomationErrorCodes.OrderIncomplete, "Give every trigger's id once."));
            for (var i = 0; i < ids.Count; i++) rules.Single(r => r.Id == ids[i]).Position = i + 1;
            Audit.Add(agent.Id, "trigger.reordered", "triggers");
            await TriggerSetup.RaiseGenerationAsync(Db, t);
            await Db.SaveChangesAsync(t);
            return 0;
        }, ct);
        return await ListAsync(ct);
    }

    /// <summary>The rule's runs, newest first, keyset-paged by id.</summary>
    public async Task<Page<TriggerRunView>> RunsAsync(long id, int limit, string? cursor, CancellationToken ct)
    {
        await FindAsync(id, ct);
        return await RunsOfAnyRuleAsync(id, limit, cursor, ct);
    }

    /// <summary>The runs of a rule of any kind (the caller has checked it exists).</summary>
    internal async Task<Page<TriggerRunView>> RunsOfAnyRuleAsync(long id, int limit, string? cursor, CancellationToken ct)
    {
        var query = Db.Set<AutomationRun>().Where(r => r.RuleId == id);
        if (Paging.Decode(cursor, 1) is [var before]) query = query.Where(r => r.Id < before);
        var rows = await query.OrderByDescending(r => r.Id).Take(limit + 1)
            .Join(Db.Tickets, r => r.TicketId, t => t.Id, (r, t) => new { r.Id, r.TicketId, t.Number, t.Subject, r.At, r.Outcome, r.Emails, r.Summary })
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        var views = rows.Select(r => new TriggerRunView(r.Id, r.TicketId, r.Number, r.Subject, r.At, r.Outcome, r.Emails,
            r.Summary.Split("; ", StringSplitOptions.RemoveEmptyEntries))).ToList();
        return Paging.ToPage(views, limit, r => Paging.Encode(r.Id));
    }

    /// <summary>Checks a definition whole and returns what is stored; every bad field is named. A preview's definition
    /// needs neither name nor events, and its actions are not looked at.</summary>
    public async Task<StoredTrigger> ValidateAsync(TriggerDefinition definition, CancellationToken ct, bool forPreview = false)
    {
        var errors = new FieldErrors();
        if (!forPreview) CheckName(definition.Name, errors);
        var events = definition.Events ?? [];
        if (!forPreview && events.Count == 0) errors.Required("events");
        for (var i = 0; i < events.Count; i++)
            if (events[i] is not { } e || !TriggerEvents.All.Contains(e))
                errors.Add($"events[{i}]", AutomationErrorCodes.UnknownEvent, $"Events are {string.Join(", ", TriggerEvents.All)}.", ("value", events[i]));
        var match = CheckMatch(definition.Match, errors);
        await CheckConditionsAsync(definition.Conditions, errors, ct);
        if (!forPreview) await CheckActionsAsync(definition.Actions, errors, ct);
        errors.ThrowIfAny();
        return new StoredTrigger(events.OfType<string>().Distinct().ToList(), match, Stored(definition.Conditions),
            forPreview ? [] : (definition.Actions ?? []).OfType<ActionSpec>().ToList());
    }

    protected override async Task<string> CheckAsync(TriggerDefinition definition, CancellationToken ct) => (await ValidateAsync(definition, ct)).ToJson();

    protected override TriggerView View(AutomationRule rule) => View(rule, null);

    /// <summary>Every node's engine reads the triggers again.</summary>
    protected override Task ChangedAsync(AutomationRule rule, CancellationToken ct) => TriggerSetup.RaiseGenerationAsync(Db, ct);

    private static TriggerView View(AutomationRule rule, TriggerLastRun? last)
    {
        var stored = StoredTrigger.Read(rule.Definition);
        return new TriggerView(rule.Id, rule.Name, rule.Position, rule.IsEnabled, stored.Events, stored.Match, stored.Conditions, stored.Actions,
            rule.UpdatedAt, rule.Version, last);
    }
}

public static class AutomationErrorCodes
{
    /// <summary>{id}</summary>
    public const string TriggerNotFound = "trigger.not_found";
    /// <summary>{value}</summary>
    public const string UnknownEvent = "trigger.unknown_event";
    /// <summary>{value}</summary>
    public const string UnknownField = "trigger.unknown_field";
    /// <summary>{value}</summary>
    public const string UnknownOperator = "trigger.unknown_operator";
    /// <summary>{value}</summary>
    public const string UnknownAction = "trigger.unknown_action";
    /// <summary>{value}</summary>
    public const string InvalidValue = "trigger.invalid_value";
    /// <summary>{value}: an id of a group, agent or company that does not exist (or an inactive agent).</summary>
    public const string UnknownReference = "trigger.unknown_reference";
    public const string OrderIncomplete = "trigger.order_incomplete";
    /// <summary>{max}</summary>
    public const string TooManyTriggers = "trigger.too_many";
    /// <summary>{id}</summary>
    public const string TimeRuleNotFound = "time_rule.not_found";
    /// <summary>{value}: an operator about a change, in a time rule (which has no event).</summary>
    public const string ChangeInTimeRule = "time_rule.change_operator";
}
