using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Reports.Team;

/// <summary>The live team view for supervisors and admins.</summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/api/v1/team").RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithTags("Team").WithProblemResponses();
        team.MapGet("/live", async (string? zone, int? limit, string? cursor, TeamLive live, CancellationToken ct) =>
                TypedResults.Ok(await live.BuildAsync(zone, limit, cursor, ct)))
            .WithSummary("Each active agent by id (keyset-paged: limit, cursor): presence (online, away, offline), paused, the tickets they have open "
                + "now and whether they type in them, open tickets, tickets they resolved today (in zone, an IANA id, default Europe/Moscow) "
                + "and open chats assigned to them");

        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithTags("Reports").WithProblemResponses();
        reports.MapGet("/work-time", async (string? from, string? to, string? zone, long? agentId, WorkTimeReport report, TimeProvider clock,
                CancellationToken ct) => TypedResults.Ok(await report.BuildAsync(WorkTimeReport.Period(from, to, zone, clock.GetUtcNow()), agentId, ct)))
            .WithSummary("Agent work time per agent per day (from..to, yyyy-MM-dd both included, days in zone, default Europe/Moscow; "
                + $"default the last {ReportPeriod.DefaultDays} days, at most {ReportPeriod.MaxDays}; agentId for one agent): hours online, away "
                + "and busy (online while paused) from presence, replies sent and tickets resolved");
        reports.MapGet("/work-time.csv", async (string? from, string? to, string? zone, long? agentId, WorkTimeReport report, TimeProvider clock,
                CancellationToken ct) =>
            {
                var built = await report.BuildAsync(WorkTimeReport.Period(from, to, zone, clock.GetUtcNow()), agentId, ct);
                return Results.Stream(stream => WorkTimeReport.WriteCsvAsync(built, stream, ct), "text/csv; charset=utf-8",
                    $"okno-work-time-{built.From:yyyy-MM-dd}-{built.To:yyyy-MM-dd}.csv");
            })
            .WithSummary("The work-time report as CSV (UTF-8): a row per agent and day");
        reports.MapGet("/work-time.xlsx", async (string? from, string? to, string? zone, long? agentId, WorkTimeReport report, TimeProvider clock,
                HttpContext http, CancellationToken ct) =>
            {
                var built = await report.BuildAsync(WorkTimeReport.Period(from, to, zone, clock.GetUtcNow()), agentId, ct);
                Exports.ReportExport.AllowZipWrites(http);
                return Results.Stream(stream => WorkTimeReport.WriteXlsxAsync(built, stream, ct), Exports.ReportExport.XlsxType,
                    $"okno-work-time-{built.From:yyyy-MM-dd}-{built.To:yyyy-MM-dd}.xlsx");
            })
            .WithSummary("The work-time report as xlsx: the CSV's columns, days as dates and hours as numbers");
        return app;
    }
}
