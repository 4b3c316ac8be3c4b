using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Reports.Exports;
using Okno.Tickets;
using Quartz;

namespace Okno.Reports.Kpi;

/// <summary>A KPI as the catalog lists it.</summary>
public sealed record KpiCatalogEntry(string Key, string NameRu, string NameEn, string DefinitionRu, string DefinitionEn, string Unit,
    string Source, string Computed, bool Available, bool ByTag, IReadOnlyList<KpiColumn> Columns);

/// <summary>The KPI reports' API: the catalog, each report in JSON, CSV or xlsx, the tickets behind a number, and the
/// rebuild of the aggregates. Supervisors and admins.</summary>
public static class KpiEndpoints
{
    public const string ReportsPolicy = "reports";

    public static IServiceCollection AddKpiReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Okno:Reports:TimeZone is not a known IANA time zone.")
            .ValidateOnStart();
        services.AddScoped<KpiReport>().AddScoped<KpiDrillDown>().AddScoped<ReportsRebuild>();
        // CSAT and NPS answers bump their counters in the save that records them.
        services.AddSingleton<Platform.Data.ISaveHook, SurveyFactsHook>();
        Tickets.Events.TicketEventHandlers.AddTicketEventHandler<ReportsEventHandler>(services);
        Platform.Jobs.JobsModule.AddJob(services, ReportsRebuildJob.Schedule);
        services.AddAuthorizationBuilder().AddPolicy(ReportsPolicy, p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)));
        return services;
    }

    public static IEndpointRouteBuilder MapKpiReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization(ReportsPolicy).WithTags("Reports").WithProblemResponses();

        reports.MapGet("", () => TypedResults.Ok(Catalog()))
            .WithSummary("The KPI catalog: each KPI's key (its report name), names and definitions in Russian and English, unit, source, " +
                "how it is computed and the report's columns");

        reports.MapGet("/{report}", async (string report, [AsParameters] KpiParameters p, int? limit, string? cursor,
            [FromHeader(Name = "Accept")] string? accept, KpiReport reports, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var format = ReportExport.FormatOf(p.Format, accept);
            var query = p.Parse(reports, report, clock.GetUtcNow(), http.Request.Query);
            // JSON answers a page of groups; an export has every group (streamed), unless a page is asked for.
            if (format == ExportFormat.Json || limit is not null || cursor is not null)
                query = query with { GroupLimit = Paging.Limit(limit), GroupAfter = Paging.Decode(cursor, 1)?[0] ?? -1 };
            var view = await reports.BuildAsync(query, ct);
            var name = $"{report}-{view.From:yyyy-MM-dd}-{view.To:yyyy-MM-dd}";
            if (format != ExportFormat.Json) AllowZipWrites(http);
            return format switch
            {
                ExportFormat.Csv => Results.Stream(s => ReportExport.ReportCsvAsync(view, s, ct), ReportExport.CsvType + "; charset=utf-8", name + ".csv"),
                ExportFormat.Xlsx => Results.Stream(s => ReportExport.ReportXlsxAsync(view, s, ct), ReportExport.XlsxType, name + ".xlsx"),
                _ => Results.Ok(view),
            };
        }).WithSummary("A report (a KPI key or 'overview') for from..to (days in the report time zone, both included; default the last 30 days, " +
            "at most 366) by interval day|week|month, grouped by group|agent|channel|company|type|priority|tag|cf.<key> and filtered (groupId, " +
            "agentId, channel, companyId, type, priority, tag, or one cf.<key>=<option key|true|false> of a list or yes/no ticket field; a tag " +
            "or a custom field is not combined with other slices and keeps the ticket counts: created, solved, backlog, reopened); rows per interval " +
            "(× group), the period's totals and the previous period's. JSON, text/csv or xlsx by Accept or format=json|csv|xlsx. Grouped by " +
            "group, agent or company, JSON answers a page of groups (?limit= groups, default 25, at most 100; nextCursor for the next; the " +
            "totals are always every group's); an export has every group unless limit or cursor is given")
            .Produces<KpiReportView>();

        reports.MapGet("/{report}/tickets", async (string report, [AsParameters] KpiParameters p, string? bucket, string? group, string? rating,
            int? limit, string? cursor, [FromHeader(Name = "Accept")] string? accept, KpiReport reports, KpiDrillDown drill, CurrentAgent agent,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var format = ReportExport.FormatOf(p.Format, accept);
            var query = p.Parse(reports, report, clock.GetUtcNow(), http.Request.Query);
            KpiDrillDown.Check(query, bucket, rating);
            if (format == ExportFormat.Json)
                return Results.Ok(await drill.PageAsync(query, bucket, group, agent.Access(), Paging.Limit(limit), cursor, ct, rating));
            AllowZipWrites(http);
            var tickets = drill.AllAsync(query, bucket, group, agent.Access(), ct, rating);
            var name = $"{report}-tickets";
            return format == ExportFormat.Csv
                ? Results.Stream(s => ReportExport.TicketsCsvAsync(tickets, s, ct), ReportExport.CsvType + "; charset=utf-8", name + ".csv")
                : Results.Stream(s => ReportExport.TicketsXlsxAsync(tickets, s, ct), ReportExport.XlsxType, name + ".xlsx");
        }).WithSummary("The tickets behind a report's number: bucket = the interval's first day (a row's period), group = a row's group; " +
            "for csat the tickets with answers in the bucket (rating=satisfied|unsatisfied: rated 4–5 | 1–3; nps has no ticket list); " +
            "keyset-paged in JSON (?limit=&cursor=), the whole list streamed as CSV or xlsx");

        reports.MapPost("/rebuild", async Task<Accepted> (ISchedulerFactory schedulers, CancellationToken ct) =>
        {
            await (await schedulers.GetScheduler(ct)).TriggerJob(ReportsRebuildJob.Key, ct);
            return TypedResults.Accepted("/api/v1/jobs");
        }).RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Recompute every report aggregate from the tickets and their history, in the background (a clustered job)");
        return app;
    }

    /// <summary>The xlsx writer's zip archive flushes an entry's end synchronously; the server refuses synchronous
    /// writes unless the request allows them (the rows themselves are written asynchronously).</summary>
    private static void AllowZipWrites(HttpContext http)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
    }

    public static IReadOnlyList<KpiCatalogEntry> Catalog() =>
        KpiCatalog.All.Select(k => new KpiCatalogEntry(k.Key, k.NameRu, k.NameEn, k.DefinitionRu, k.DefinitionEn, k.Unit.ToSnakeCase(),
            k.Source.ToSnakeCase(), k.Computed, k.Source != KpiSource.Pending, k.ByTag, KpiReport.ColumnsOf(k.Key))).ToList();
}

/// <summary>The query values every report takes.</summary>
public sealed class KpiParameters
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Interval { get; init; }
    public string? GroupBy { get; init; }
    public long? GroupId { get; init; }
    public long? AgentId { get; init; }
    public string? Channel { get; init; }
    public long? CompanyId { get; init; }
    public string? Type { get; init; }
    public string? Priority { get; init; }
    public string? Tag { get; init; }
    public string? Format { get; init; }

    public KpiQuery Parse(KpiReport reports, string report, DateTimeOffset now, IQueryCollection query) =>
        reports.Parse(report, From, To, Interval, GroupBy, GroupId, AgentId, Channel, CompanyId, Type, Priority, Tag, now, FieldFilters(query));

    /// <summary>The request's <c>cf.&lt;key&gt;=value</c> values (as the inbox's custom field filters are written).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FieldFilters(IQueryCollection query) =>
        query.Where(q => q.Key.StartsWith(KpiQuery.FieldPrefix, StringComparison.Ordinal))
            .Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())).ToList();
}
