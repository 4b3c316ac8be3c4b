using Okno.Admin;
using Okno.Bots.Scenarios;
using Okno.Channels;
using Okno.Platform.Jobs;
using Okno.Platform.Web;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Bots;

/// <summary>Bots (PRODUCT.md S6): the runner and its handler, the silence job, the per-source settings and their API.
/// Engines register themselves as <see cref="IBotEngine"/> (the answer bot, the scenario bot).</summary>
public static class BotsModule
{
    public static IServiceCollection AddBots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BotRunner>();
        services.AddScoped<BotSettings>();
        services.AddSingleton<BotSilence>();
        services.AddTicketEventHandler<BotTicketEvents>();
        services.AddScenarioBot();
        Answer.AnswerBotModule.AddAnswerBot(services);
        services.AddJob(q =>
        {
            var channels = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
            if (!channels.RunJobs) return;
            q.ScheduleJob<BotSilence>(
                trigger => trigger.WithIdentity(BotSilence.Key.Name).StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(BotSilence.Key));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBots(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/api/v1/bots").RequireAuthorization(AdminModule.AdminPolicy).WithTags("Bots").WithProblemResponses();
        bots.MapGet("/sources", async (BotSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ListAsync(ct)))
            .WithSummary("Every source of new requests (the help center's form, each channel account) and the bot on it: off, answer or scenario");
        bots.MapPut("/sources/{source}", async (string source, BotSourceRequest request, BotSettings settings, CancellationToken ct) =>
                TypedResults.Ok(await settings.UpdateAsync(source, request, ct)))
            .WithSummary("Put a bot on a source (\"account:12\", \"helpcenter\"): bot off|answer|scenario, scenarioId, silenceMinutes (how long it " +
                "waits for an answer before a person takes over, 1–1440), calendarId (working hours: outside them the bot says when people are back)");
        app.MapScenarioBot();
        Answer.AnswerBotModule.MapAnswerBot(app);
        return app;
    }
}
