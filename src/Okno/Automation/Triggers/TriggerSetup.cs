using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Automation.Triggers;

/// <summary>A trigger (or a time rule) as the engine runs it: its stored definition read and its conditions prepared once,
/// not per event.</summary>
public sealed record LoadedTrigger(long Id, string Name, int Position, IReadOnlySet<string> Events, bool MatchAll,
    IReadOnlyList<PreparedCondition> Conditions, IReadOnlyList<ActionSpec> Actions)
{
    /// <summary>What its conditions need read besides the ticket.</summary>
    public ConditionFacts Needs { get; } = Conditions.Aggregate(ConditionFacts.None, (needs, c) => needs | c.Needs);
}

/// <summary>The enabled triggers in order, cached per process and keyed by <see cref="AutomationState.Generation"/>,
/// which every rule change raises in its own transaction: a batch of events costs one primary-key read to learn
/// whether the cache still holds, however many rules there are.</summary>
public sealed class TriggerSetup
{
    private volatile Snapshot? _current;

    public sealed record Snapshot(long Generation, IReadOnlyList<LoadedTrigger> Triggers, ConditionFacts Needs);

    public async Task<Snapshot> GetAsync(OknoDb db, TriggerConditions conditions, CancellationToken ct)
    {
        var generation = await db.Set<AutomationState>().Where(s => s.Id == AutomationState.SingletonId).Select(s => s.Generation).SingleAsync(ct);
        if (_current is { } cached && cached.Generation == generation) return cached;
        var rules = await db.Set<AutomationRule>().AsNoTracking()
            .Where(r => r.Kind == AutomationRule.TriggerKind && r.IsEnabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var triggers = rules.Select(r => Load(r, conditions)).ToList();
        var needs = triggers.Aggregate(ConditionFacts.None, (all, t) => all | t.Needs);
        return _current = new Snapshot(generation, triggers, needs);
    }

    public static LoadedTrigger Load(AutomationRule rule, TriggerConditions conditions)
    {
        var stored = StoredTrigger.Read(rule.Definition);
        return new LoadedTrigger(rule.Id, rule.Name, rule.Position, stored.Events.ToHashSet(StringComparer.Ordinal), stored.Match != TriggerMatch.Any,
            conditions.Prepare(stored.Conditions), stored.Actions);
    }

    /// <summary>Raises the generation in the caller's transaction (with the rule change).</summary>
    public static Task RaiseGenerationAsync(OknoDb db, CancellationToken ct) =>
        db.Set<AutomationState>().Where(s => s.Id == AutomationState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Generation, x => x.Generation + 1), ct);
}
