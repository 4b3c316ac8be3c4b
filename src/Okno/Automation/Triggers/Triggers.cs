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
{
    public const int MaxTriggers = 500;
    public const int MaxConditions = 30;

    public async Task<IReadOnlyList<TriggerView>> ListAsync(CancellationToken ct)
    {
        var rules = await db.Set<AutomationRule>().AsNoTracking().Where(r => r.Kind == AutomationRule.TriggerKind)
            .OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var ids = rules.Select(r => r.Id).ToList();
        // The latest run of each: one indexed probe per rule (their number is bounded by MaxTriggers).
        var last = new Dictionary<long, TriggerLastRun>();
        foreach (var id in ids)
            if (await db.Set<AutomationRun>().Where(r => r.RuleId == id).OrderByDescending(r => r.Id)
                    .Select(r => new TriggerLastRun(r.At, r.TicketId, r.Outcome)).FirstOrDefaultAsync(ct) is { } run)
                last[id] = run;
        return rules.Select(r => View(r, last.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<TriggerView> GetAsync(long id, CancellationToken ct)
    {
        var rule = await FindAsync(id, ct);
        var last = await db.Set<AutomationRun>().Where(r => r.RuleId == id).OrderByDescending(r => r.Id)
            .Select(r => new TriggerLastRun(r.At, r.TicketId, r.Outcome)).FirstOrDefaultAsync(ct);
        return View(rule, last);
    }

    public async Task<TriggerView> CreateAsync(TriggerDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await ValidateAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            if (await db.Set<AutomationRule>().CountAsync(r => r.Kind == AutomationRule.TriggerKind, t) >= MaxTriggers)
                throw new OknoException(new StateConflict(AutomationErrorCodes.TooManyTriggers, $"At most {MaxTriggers} triggers.", ("max", MaxTriggers)));
            var now = clock.GetUtcNow();
            var position = (await db.Set<AutomationRule>().Where(r => r.Kind == AutomationRule.TriggerKind).MaxAsync(r => (int?)r.Position, t) ?? 0) + 1;
            var rule = new AutomationRule
            {
                Kind = AutomationRule.TriggerKind, Name = definition.Name!.Trim(), Position = position, IsEnabled = definition.Enabled ?? true,
                Definition = stored.ToJson(), CreatedAt = now, UpdatedAt = now, UpdatedBy = agent.Id, Version = 1,
            };
            db.Add(rule);
            await db.SaveChangesAsync(t);
            audit.Add(agent.Id, "trigger.created", $"trigger:{rule.Id}", rule.Name);
            await TriggerSetup.RaiseGenerationAsync(db, t);
            await db.SaveChangesAsync(t);
            return View(rule, null);
        }, ct);
    }

    public async Task<TriggerView> UpdateAsync(long id, TriggerDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await ValidateAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            if (definition.Version is { } version && version != rule.Version) throw new OknoException(new EditConflict($"Trigger {rule.Name}"));
            rule.Name = definition.Name!.Trim();
            rule.IsEnabled = definition.Enabled ?? rule.IsEnabled;
            rule.Definition = stored.ToJson();
            rule.UpdatedAt = clock.GetUtcNow();
            rule.UpdatedBy = agent.Id;
            rule.Version++;
            audit.Add(agent.Id, "trigger.changed", $"trigger:{rule.Id}", rule.Name);
            await TriggerSetup.RaiseGenerationAsync(db, t);
            await db.SaveChangesAsync(t);
            return View(rule, null);
        }, ct);
    }

    /// <summary>Turns a trigger on or off without sending its whole definition (the list's switch).</summary>
    public async Task<TriggerView> EnableAsync(long id, bool enabled, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        return await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            if (rule.IsEnabled != enabled)
            {
                rule.IsEnabled = enabled;
                rule.UpdatedAt = clock.GetUtcNow();
                rule.UpdatedBy = agent.Id;
                rule.Version++;
                audit.Add(agent.Id, enabled ? "trigger.enabled" : "trigger.disabled", $"trigger:{rule.Id}", rule.Name);
                await TriggerSetup.RaiseGenerationAsync(db, t);
                await db.SaveChangesAsync(t);
            }
            return View(rule, null);
        }, ct);
    }

    public async Task<IReadOnlyList<TriggerView>> ReorderAsync(List<long>? ids, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        await db.WriteAsync(async t =>
        {
            var rules = await db.Set<AutomationRule>().Where(r => r.Kind == AutomationRule.TriggerKind).ToListAsync(t);
            if (ids is null || ids.Count != rules.Count || ids.Distinct().Count() != ids.Count || !ids.All(i => rules.Any(r => r.Id == i)))
                throw new OknoException(InvalidInput.Field("ids", AutomationErrorCodes.OrderIncomplete, "Give every trigger's id once."));
            for (var i = 0; i < ids.Count; i++) rules.Single(r => r.Id == ids[i]).Position = i + 1;
            audit.Add(agent.Id, "trigger.reordered", "triggers");
            await TriggerSetup.RaiseGenerationAsync(db, t);
            await db.SaveChangesAsync(t);
            return 0;
        }, ct);
        return await ListAsync(ct);
    }

    public async Task DeleteAsync(long id, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            db.Remove(rule);
            audit.Add(agent.Id, "trigger.deleted", $"trigger:{rule.Id}", rule.Name);
            await TriggerSetup.RaiseGenerationAsync(db, t);
            await db.SaveChangesAsync(t);
            return 0;
        }, ct);
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
        var query = db.Set<AutomationRun>().Where(r => r.RuleId == id);
        if (Paging.Decode(cursor, 1) is [var before]) query = query.Where(r => r.Id < before);
        var rows = await query.OrderByDescending(r => r.Id).Take(limit + 1)
            .Join(db.Tickets, r => r.TicketId, t => t.Id, (r, t) => new { r.Id, r.TicketId, t.Number, t.Subject, r.At, r.Outcome, r.Emails, r.Summary })
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        var views = rows.Select(r => new TriggerRunView(r.Id, r.TicketId, r.Number, r.Subject, r.At, r.Outcome, r.Emails,
            r.Summary.Split("; ", StringSplitOptions.RemoveEmptyEntries))).ToList();
        return Paging.ToPage(views, limit, r => Paging.Encode(r.Id));
    }

    /// <summary>Checks a definition whole and returns what is stored; every bad field is named.</summary>
    public async Task<StoredTrigger> ValidateAsync(TriggerDefinition definition, CancellationToken ct, bool forPreview = false)
    {
        var errors = new FieldErrors();
        if (!forPreview) errors.Text("name", definition.Name, AutomationRule.NameMaxLength);
        var events = definition.Events ?? [];
        if (!forPreview && events.Count == 0) errors.Required("events");
        for (var i = 0; i < events.Count; i++)
            if (events[i] is not { } e || !TriggerEvents.All.Contains(e))
                errors.Add($"events[{i}]", AutomationErrorCodes.UnknownEvent, $"Events are {string.Join(", ", TriggerEvents.All)}.", ("value", events[i]));
        var match = definition.Match ?? TriggerMatch.All;
        if (match is not (TriggerMatch.All or TriggerMatch.Any))
            errors.Add("match", AutomationErrorCodes.InvalidValue, "Match is all or any.", ("value", match));
        var conditionList = definition.Conditions ?? [];
        if (conditionList.Count > MaxConditions) errors.TooMany("conditions", MaxConditions, "conditions");
        else for (var i = 0; i < conditionList.Count; i++) await conditions.ValidateAsync(conditionList[i], $"conditions[{i}]", errors, db, ct);
        var actionList = definition.Actions ?? [];
        if (!forPreview && actionList.Count == 0) errors.Required("actions");
        else if (actionList.Count > TriggerActions.MaxActions) errors.TooMany("actions", TriggerActions.MaxActions, "actions");
        else if (!forPreview) for (var i = 0; i < actionList.Count; i++) await actions.ValidateAsync(actionList[i], $"actions[{i}]", errors, db, ct);
        errors.ThrowIfAny();
        return new StoredTrigger(events.OfType<string>().Distinct().ToList(), match,
            conditionList.OfType<ConditionSpec>().Select(c => c with { Values = c.Values?.OfType<string>().Select(v => (string?)v.Trim()).ToList() ?? [] }).ToList(),
            forPreview ? [] : actionList.OfType<ActionSpec>().ToList());
    }

    private async Task<AutomationRule> FindAsync(long id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<AutomationRule>().Where(r => r.Id == id && r.Kind == AutomationRule.TriggerKind);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(AutomationErrorCodes.TriggerNotFound, "Trigger", id));
    }

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
