namespace Okno.Reports;

/// <summary>Reports (S9): the help-center search report and the KPI reports (Kpi/, Exports/).</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        Kpi.KpiEndpoints.AddKpiReports(KbSearchReportEndpoints.AddReportServices(services));

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app) => Kpi.KpiEndpoints.MapKpiReports(app.MapReportEndpoints());
}
