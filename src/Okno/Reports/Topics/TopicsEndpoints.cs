using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Admin;
using Okno.Bots.Scenarios;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets.Events;

namespace Okno.Reports.Topics;

/// <summary>The top-topics report for supervisors and admins, and a topic turned into a draft bot answer (admins).</summary>
public static class TopicsEndpoints
{
    public static IServiceCollection AddTopics(this IServiceCollection services) => services
        .AddScoped<TopicsReport>().AddScoped<TopicBotDraft>()
        .AddTicketEventHandler<TicketTopicsHandler>()
        .AddRepeatingJob<TicketTopicsBackfill>(TicketTopicsBackfill.Key, TicketTopicsBackfill.Every);

    public static IEndpointRouteBuilder MapTopicsEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithTags("Reports").WithProblemResponses();
        reports.MapGet("/topics", async (string? from, string? to, string? zone, TopicsReport report, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await report.BuildAsync(TopicsReport.Period(from, to, zone, clock.GetUtcNow()), ct)))
            .WithSummary("Top topics of the tickets created from..to (yyyy-MM-dd both included, days in zone, default Europe/Moscow; default the last "
                + $"{ReportPeriod.DefaultDays} days, at most {ReportPeriod.MaxDays}): by type (every type), by tag and by subject topic (subjects "
                + $"grouped by their sorted word stems; topics of two or more tickets), the top {TopicsReport.TopShown} of each with the count of the "
                + "previous period of the same length and example tickets");
        reports.MapGet("/topics.csv", async (string? from, string? to, string? zone, TopicsReport report, TimeProvider clock, CancellationToken ct) =>
            {
                var built = await report.BuildAsync(TopicsReport.Period(from, to, zone, clock.GetUtcNow()), ct);
                return Results.Stream(stream => TopicsReport.WriteCsvAsync(built, stream, ct), "text/csv; charset=utf-8",
                    $"okno-topics-{built.From:yyyy-MM-dd}-{built.To:yyyy-MM-dd}.csv");
            })
            .WithSummary("The top-topics report as CSV (UTF-8): a row per type, tag and subject topic");
        reports.MapGet("/topics.xlsx", async (string? from, string? to, string? zone, TopicsReport report, TimeProvider clock, HttpContext http,
                CancellationToken ct) =>
            {
                var built = await report.BuildAsync(TopicsReport.Period(from, to, zone, clock.GetUtcNow()), ct);
                Exports.ReportExport.AllowZipWrites(http);
                return Results.Stream(stream => TopicsExport.WriteXlsxAsync(built, stream, ct), Exports.ReportExport.XlsxType,
                    $"okno-topics-{built.From:yyyy-MM-dd}-{built.To:yyyy-MM-dd}.xlsx");
            })
            .WithSummary("The top-topics report as xlsx: the CSV's columns, counts as numbers");
        reports.MapPost("/topics/bot-draft", async Task<Created<BotScenarioView>> (TopicBotDraftRequest request, TopicBotDraft draft, CurrentAgent agent,
                CancellationToken ct) =>
            {
                var created = await draft.ExecuteAsync(request, agent.Id, ct);
                return TypedResults.Created($"/api/v1/bots/scenarios/{created.Id}", created);
            })
            .RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Create a disabled scenario-bot draft named after a topic's question, one answer step to write");
        return app;
    }
}
