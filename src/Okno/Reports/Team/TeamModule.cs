namespace Okno.Reports.Team;

/// <summary>The team's transparency (S9): the live team view and agent work time.</summary>
public static class TeamModule
{
    public static IServiceCollection AddTeamReports(this IServiceCollection services) => services.AddScoped<TeamLive>().AddScoped<WorkTimeReport>();

    public static IEndpointRouteBuilder MapTeamReports(this IEndpointRouteBuilder app) => app.MapTeamEndpoints();
}
