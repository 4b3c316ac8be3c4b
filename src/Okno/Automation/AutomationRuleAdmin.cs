using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Automation.Triggers;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Automation;

/// <summary>The parts of a rule's definition that are columns of <see cref="AutomationRule"/> (the rest is its kind's JSON).</summary>
public interface IRuleDefinition
{
    string? Name { get; }
    bool? Enabled { get; }
    /// <summary>The version the client edited (on update): a save over someone else's newer one is refused.</summary>
    long? Version { get; }
}

/// <summary>What tells one kind of rule from another in its admin.</summary>
/// <param name="AuditName">Begins its audit actions ("time_rule" → "time_rule.created").</param>
/// <param name="AuditTargetPrefix">Names one in the audit ("time-rule" → "time-rule:7").</param>
/// <param name="Title">Names one in English messages ("Time rule").</param>
/// <param name="Max">How many of the kind there may be.</param>
public sealed record RuleKind(string Kind, string AuditName, string AuditTargetPrefix, string Title, string NotFoundCode, int Max);

/// <summary>What triggers and time rules share in their admin: a rule is an <see cref="AutomationRule"/> row of one kind,
/// created last in its kind's order (up to a limit), changed whole with a version check, deleted, every change audited
/// in its transaction; and the checks of the parts their definitions share (name, match, conditions, actions). A kind
/// checks the rest of its definition, shows its own view, and says what else a change does
/// (<see cref="ChangedAsync"/>).</summary>
public abstract class AutomationRuleAdmin<TDefinition, TView>(OknoDb db, TriggerConditions conditions, TriggerActions actions, TimeProvider clock,
    Audit audit, RuleKind kind) where TDefinition : IRuleDefinition
{
    public const int MaxConditions = 30;

    protected OknoDb Db => db;
    protected Audit Audit => audit;

    /// <summary>Checks a definition whole (every bad field named) and returns what is stored of it, as JSON.</summary>
    protected abstract Task<string> CheckAsync(TDefinition definition, CancellationToken ct);

    protected abstract TView View(AutomationRule rule);

    /// <summary>What else a change of a rule does, in its transaction, before it is saved.</summary>
    protected virtual Task ChangedAsync(AutomationRule rule, CancellationToken ct) => Task.CompletedTask;

    public async Task<TView> CreateAsync(TDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await CheckAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            var ofKind = db.Set<AutomationRule>().Where(r => r.Kind == kind.Kind);
            if (await ofKind.CountAsync(t) >= kind.Max)
                throw new OknoException(new StateConflict(AutomationErrorCodes.TooManyTriggers, $"At most {kind.Max} {kind.Title.ToLowerInvariant()}s.",
                    ("max", kind.Max)));
            var now = clock.GetUtcNow();
            var position = (await ofKind.MaxAsync(r => (int?)r.Position, t) ?? 0) + 1;
            var rule = new AutomationRule
            {
                Kind = kind.Kind, Name = definition.Name!.Trim(), Position = position, IsEnabled = definition.Enabled ?? true,
                Definition = stored, CreatedAt = now, UpdatedAt = now, UpdatedBy = agent.Id, Version = 1,
            };
            db.Add(rule);
            await db.SaveChangesAsync(t);
            await AuditedAsync(agent, "created", rule, t);
            return View(rule);
        }, ct);
    }

    public async Task<TView> UpdateAsync(long id, TDefinition definition, CurrentAgent agent, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, agent, ct);
        var stored = await CheckAsync(definition, ct);
        return await db.WriteAsync(async t =>
        {
            var rule = await FindAsync(id, t, tracked: true);
            if (definition.Version is { } version && version != rule.Version) throw new OknoException(new EditConflict($"{kind.Title} {rule.Name}"));
            rule.Name = definition.Name!.Trim();
            rule.IsEnabled = definition.Enabled ?? rule.IsEnabled;
            rule.Definition = stored;
            Touch(rule, agent);
            await AuditedAsync(agent, "changed", rule, t);
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
            await AuditedAsync(agent, "deleted", rule, t);
            return 0;
        }, ct);
    }

    /// <summary>The rules of the kind in their order.</summary>
    protected Task<List<AutomationRule>> RulesAsync(CancellationToken ct) =>
        db.Set<AutomationRule>().AsNoTracking().Where(r => r.Kind == kind.Kind).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);

    protected async Task<AutomationRule> FindAsync(long id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<AutomationRule>().Where(r => r.Id == id && r.Kind == kind.Kind);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(kind.NotFoundCode, kind.Title, id));
    }

    /// <summary>Marks a rule changed by the agent: a client editing an older copy is refused from now on.</summary>
    protected void Touch(AutomationRule rule, CurrentAgent agent)
    {
        rule.UpdatedAt = clock.GetUtcNow();
        rule.UpdatedBy = agent.Id;
        rule.Version++;
    }

    /// <summary>Audits a change of the rule ("changed" → "trigger.changed"), lets the kind react, and saves.</summary>
    protected async Task AuditedAsync(CurrentAgent agent, string change, AutomationRule rule, CancellationToken ct)
    {
        Audit.Add(agent.Id, $"{kind.AuditName}.{change}", $"{kind.AuditTargetPrefix}:{rule.Id}", rule.Name);
        await ChangedAsync(rule, ct);
        await db.SaveChangesAsync(ct);
    }

    protected static void CheckName(string? name, FieldErrors errors) => errors.Text("name", name, AutomationRule.NameMaxLength);

    /// <summary>How the conditions combine: all (the default) or any.</summary>
    protected static string CheckMatch(string? match, FieldErrors errors)
    {
        var checkedMatch = match ?? TriggerMatch.All;
        if (checkedMatch is not (TriggerMatch.All or TriggerMatch.Any))
            errors.Add("match", AutomationErrorCodes.InvalidValue, "Match is all or any.", ("value", checkedMatch));
        return checkedMatch;
    }

    /// <summary>At most <see cref="MaxConditions"/>, each checked by its registered class.</summary>
    protected async Task CheckConditionsAsync(List<ConditionSpec?>? list, FieldErrors errors, CancellationToken ct)
    {
        var given = list ?? [];
        if (given.Count > MaxConditions) errors.TooMany("conditions", MaxConditions, "conditions");
        else for (var i = 0; i < given.Count; i++) await conditions.ValidateAsync(given[i], $"conditions[{i}]", errors, db, ct);
    }

    /// <summary>At least one, at most <see cref="TriggerActions.MaxActions"/>, each checked by its registered class.</summary>
    protected async Task CheckActionsAsync(List<ActionSpec?>? list, FieldErrors errors, CancellationToken ct)
    {
        var given = list ?? [];
        if (given.Count == 0) errors.Required("actions");
        else if (given.Count > TriggerActions.MaxActions) errors.TooMany("actions", TriggerActions.MaxActions, "actions");
        else for (var i = 0; i < given.Count; i++) await actions.ValidateAsync(given[i], $"actions[{i}]", errors, db, ct);
    }

    /// <summary>The checked conditions as stored: their values trimmed.</summary>
    protected static List<ConditionSpec> Stored(List<ConditionSpec?>? list) =>
        (list ?? []).OfType<ConditionSpec>().Select(c => c with { Values = c.Values?.OfType<string>().Select(v => (string?)v.Trim()).ToList() ?? [] }).ToList();
}
