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
        return app;
    }
}
