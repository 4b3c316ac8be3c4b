using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Bots.Scenarios;

/// <summary>The button scenario bot (S6): scenarios (model, API, admin pages) and the engine the bot handler runs for a
/// channel set to a scenario.</summary>
public static class ScenarioBotModule
{
    public static IServiceCollection AddScenarioBot(this IServiceCollection s) => s
        .AddScoped<BotScenarios>()
        .AddScoped<ScenarioPreview>()
        .AddScoped<IBotEngine, ScenarioBotEngine>()
        .AddScoped<IBotScenarioCatalog, ScenarioCatalog>();

    public static IEndpointRouteBuilder MapScenarioBot(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bots/scenarios").RequireAuthorization(AdminModule.AdminPolicy).WithTags("Bots").WithProblemResponses();
        group.MapGet("", async (int? limit, string? cursor, BotScenarios s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(limit, cursor, ct)))
            .WithSummary("Button scenarios, oldest first (?limit=&cursor=), each with its name, enabled and number of steps");
        group.MapGet("/{id:long}", async (long id, BotScenarios s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)))
            .WithSummary("A button scenario with its steps");
        group.MapPost("", async (ScenarioDefinition definition, BotScenarios s, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(definition, agent.Id, ct);
            return TypedResults.Created($"/api/v1/bots/scenarios/{created.Id}", created);
        }).WithSummary("A button scenario: name, enabled, steps (the first starts the conversation). A step has an id (Latin letters, digits, " +
            "'-', '_'), a kind — message (text in ru and en, buttons each with a label in ru and en and a next step), question (text, next; " +
            "store keep/type/priority/tag with choices whose value is stored), branch (source: the step whose answer it reads; cases of " +
            "value → next; default), articles (up to three articles for the customer's question; not solved → next), handover (type, " +
            "groupId, priority, tags set on the ticket, then the agents take it) or end (text; the ticket is resolved). «Talk to a person» " +
            "is added to every step. Every step must be reachable and lead to a handover, an end or articles");
        group.MapPut("/{id:long}", async (long id, ScenarioDefinition definition, BotScenarios s, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await s.UpdateAsync(id, definition, agent.Id, ct)))
            .WithSummary("Replaces the scenario; running conversations go on with the new steps (one whose step is gone is handed off)");
        group.MapDelete("/{id:long}", async (long id, BotScenarios s, CurrentAgent agent, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes the scenario; conversations running it are handed to the agents at their next turn");
        group.MapPost("/preview", async (ScenarioPreviewRequest request, ScenarioPreview p, CancellationToken ct) =>
                TypedResults.Ok(await p.RunAsync(null, request, ct)))
            .WithSummary("Runs an unsaved scenario (definition) in memory: the first message, then each input (text, buttonPayload or " +
                "silence); returns what the bot would say (with buttons), set, resolve or hand off, turn by turn. Nothing is written");
        group.MapPost("/{id:long}/preview", async (long id, ScenarioPreviewRequest request, ScenarioPreview p, CancellationToken ct) =>
                TypedResults.Ok(await p.RunAsync(id, request with { Definition = null }, ct)))
            .WithSummary("Runs the saved scenario in memory (as /preview, without a definition)");
        return app;
    }
}

/// <summary>The scenarios an admin may put on a source (the bot settings' choice list and check).</summary>
internal sealed class ScenarioCatalog(Platform.Data.OknoDb db) : IBotScenarioCatalog
{
    public async Task<IReadOnlyList<BotScenarioChoice>> ListAsync(CancellationToken cancellationToken) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<BotScenario>().OrderBy(s => s.Name).Take(BotSettings.MaxSources).Select(s => new BotScenarioChoice(s.Id, s.Name, s.Enabled)), cancellationToken);
}
