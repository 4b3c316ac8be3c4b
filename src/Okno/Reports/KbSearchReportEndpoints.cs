using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Reports;

/// <summary>The help-center search report for agents: all sections at once, the raw searches behind a query, and a
/// draft article made from a query nobody found an answer for.</summary>
public static class KbSearchReportEndpoints
{
    internal static IServiceCollection AddReportServices(IServiceCollection services) =>
        services.AddScoped<KbSearchReport>().AddScoped<KbSearchDraft>();

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization().WithTags("Reports").WithProblemResponses();

        reports.MapGet("/kb-search", async (string? from, string? to, KbSearchReport report, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await report.BuildAsync(KbSearchReport.Period(from, to, clock.GetUtcNow()), ct)))
            .WithSummary("Help-center search analytics for [from, to) (UTC dates, default the last 30 days, at most 366): top queries, "
                + "queries without results, queries of visits that still opened a ticket, reformulations, articles read before a ticket, "
                + "articles voted not helpful, deflection rate per day");

        reports.MapGet("/kb-search/queries", async (string? normalized, string? from, string? to, KbSearchReport report, TimeProvider clock,
                CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await report.QueryAsync(normalized, KbSearchReport.Period(from, to, clock.GetUtcNow()), agent.Access(), ct)))
            .WithSummary("The raw searches of one normalized query (newest first, at most 200) with the ids of tickets their visits opened " +
                "that you may see");

        reports.MapPost("/kb-search/draft", async Task<Created<Knowledge.ArticleView>> (KbDraftRequest request, KbSearchDraft draft, CurrentAgent agent,
            CancellationToken ct) =>
        {
            var article = await draft.ExecuteAsync(request, agent, ct);
            return TypedResults.Created($"/api/v1/kb/articles/{article.Id}", article);
        }).WithSummary("Create a draft article titled with a searched query; its body lists what visitors typed");
        return app;
    }
}
