using Okno.Reports.Topics;

namespace Okno.Reports.Team;

/// <summary>The team's transparency (S9): the live team view, agent work time and top topics.</summary>
public static class TeamModule
{
    public static IServiceCollection AddTeamReports(this IServiceCollection services) => services.AddScoped<TeamLive>().AddScoped<WorkTimeReport>().AddTopics();

    public static IEndpointRouteBuilder MapTeamReports(this IEndpointRouteBuilder app) => app.MapTeamEndpoints().MapTopicsEndpoints();
}
