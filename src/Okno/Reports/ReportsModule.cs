namespace Okno.Reports;

/// <summary>Reports (S9): today the help-center search report.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => KbSearchReportEndpoints.AddReportServices(services);

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app) => app.MapReportEndpoints();
}
