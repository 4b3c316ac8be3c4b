using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Bots.Scenarios;

public sealed record BotScenarioView(long Id, string Name, bool Enabled, IReadOnlyList<ScenarioStep> Steps, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record BotScenarioSummary(long Id, string Name, bool Enabled, int StepCount, DateTimeOffset UpdatedAt);

/// <summary>Button scenarios (S6): list, read, create, change, delete (<c>/api/v1/bots/scenarios</c>); each save is checked
/// whole (<see cref="ScenarioRules"/> and the groups a hand-over names) and audited.</summary>
public sealed class BotScenarios(OknoDb db, TimeProvider clock, Audit audit)
{
    public async Task<Page<BotScenarioSummary>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.BotScenarios.AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var after]) query = query.Where(s => s.Id > after);
        var rows = await query.OrderBy(s => s.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Select(s => new BotScenarioSummary(s.Id, s.Name, s.Enabled, ScenarioRules.Deserialize(s.Steps).Count, s.UpdatedAt)).ToList();
        return Paging.ToPage(items, take, s => Paging.Encode(s.Id));
    }

    public async Task<BotScenarioView> GetAsync(long id, CancellationToken ct) =>
        View(await db.BotScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id));

    /// <summary>The stored steps of an enabled or disabled scenario (the preview of a saved one).</summary>
    public async Task<IReadOnlyList<ScenarioStep>> StepsAsync(long id, CancellationToken ct) =>
        ScenarioRules.Deserialize(await db.BotScenarios.AsNoTracking().Where(s => s.Id == id).Select(s => s.Steps).SingleOrDefaultAsync(ct)
            ?? throw NotFound(id));

    public async Task<BotScenarioView> CreateAsync(ScenarioDefinition definition, long agentId, CancellationToken ct)
    {
        var steps = await ValidateAsync(definition, forPreview: false, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var row = new BotScenario { CreatedAt = now };
            Store(row, definition, steps, now);
            db.BotScenarios.Add(row);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "bot_scenario.created", $"bot_scenario:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return View(saved);
    }

    public async Task<BotScenarioView> UpdateAsync(long id, ScenarioDefinition definition, long agentId, CancellationToken ct)
    {
        var steps = await ValidateAsync(definition, forPreview: false, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var row = await db.BotScenarios.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            Store(row, definition, steps, clock.GetUtcNow());
            audit.Add(agentId, "bot_scenario.changed", $"bot_scenario:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return View(saved);
    }

    /// <summary>Conversations running it hand off at their next turn (the engine finds no scenario).</summary>
    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var row = await db.BotScenarios.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            db.BotScenarios.Remove(row);
            audit.Add(agentId, "bot_scenario.deleted", $"bot_scenario:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    /// <summary>Checks a definition whole (the rules, then the groups hand-overs name) and returns its steps.</summary>
    public async Task<List<ScenarioStep>> ValidateAsync(ScenarioDefinition definition, bool forPreview, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ScenarioRules.Check(definition, errors, forPreview);
        var steps = definition.Steps ?? [];
        var groupIds = steps.Select(s => s?.GroupId).OfType<long>().Distinct().ToList();
        var known = await db.Groups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        for (var i = 0; i < steps.Count; i++)
            if (steps[i]?.GroupId is { } groupId && !known.Contains(groupId))
                errors.Add($"steps[{i}].groupId", AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
        errors.ThrowIfAny();
        return steps;
    }

    private static void Store(BotScenario row, ScenarioDefinition definition, List<ScenarioStep> steps, DateTimeOffset now)
    {
        row.Name = definition.Name!.Trim();
        row.Enabled = definition.Enabled ?? true;
        row.Steps = ScenarioRules.Serialize(steps);
        row.UpdatedAt = now;
    }

    private static BotScenarioView View(BotScenario s) =>
        new(s.Id, s.Name, s.Enabled, ScenarioRules.Deserialize(s.Steps), s.CreatedAt, s.UpdatedAt);

    internal static OknoException NotFound(long id) => new(new NotFound(ScenarioErrorCodes.NotFound, "Bot scenario", id));
}
