using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Bots.Scenarios;

/// <summary>The button scenario bot: reads the conversation's scenario and lets <see cref="ScenarioRunner"/> take the
/// turn. A scenario disabled or deleted mid-conversation hands the ticket off (the runner finds no step).</summary>
public sealed class ScenarioBotEngine(OknoDb db, IEnumerable<IArticleSuggestions> suggestions) : IBotEngine
{
    public BotKind Kind => BotKind.Scenario;

    private ScenarioRunner Runner => new(suggestions.FirstOrDefault());

    public async Task StartAsync(BotTurn turn, CancellationToken cancellationToken) =>
        await Runner.StartAsync(await StepsAsync(turn, cancellationToken), turn, cancellationToken);

    public async Task ReplyAsync(BotTurn turn, CancellationToken cancellationToken) =>
        await Runner.ReplyAsync(await StepsAsync(turn, cancellationToken), turn, cancellationToken);

    public Task SilenceAsync(BotTurn turn, CancellationToken cancellationToken) => Runner.SilenceAsync(turn, cancellationToken);

    private async Task<IReadOnlyList<ScenarioStep>> StepsAsync(BotTurn turn, CancellationToken ct)
    {
        if (turn.ScenarioId is not { } id) return [];
        var json = await db.BotScenarios.AsNoTracking().Where(s => s.Id == id && s.Enabled).Select(s => s.Steps).SingleOrDefaultAsync(ct);
        return json is null ? [] : ScenarioRules.Deserialize(json);
    }
}
