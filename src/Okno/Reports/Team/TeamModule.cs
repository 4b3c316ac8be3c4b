namespace Okno.Reports.Team;

/// <summary>The team's transparency (S9): the live team view.</summary>
public static class TeamModule
{
    public static IServiceCollection AddTeamReports(this IServiceCollection services) => services.AddScoped<TeamLive>();

    public static IEndpointRouteBuilder MapTeamReports(this IEndpointRouteBuilder app) => app.MapTeamEndpoints();
}
