using Microsoft.AspNetCore.Mvc;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>The audit log for admins: administration and ticket actions together (see <see cref="AuditLog"/>).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1").RequireAuthorization(AdminModule.AdminPolicy).WithTags("Audit").WithProblemResponses();
        audit.MapGet("/audit", async (long? agentId, string? source, string? action, DateTimeOffset? from, DateTimeOffset? to, long? ticket,
                [FromQuery(Name = "object")] string? target, int? limit, string? cursor, AuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ListAsync(new AuditFilter(agentId, source, action, from, to, ticket, Blank(target)), Paging.Limit(limit), cursor, ct)))
            .WithSummary("Who did what, when and to what: administration (source=admin) and ticket actions (source=ticket), newest first; "
                + "object=type:id narrows to one object (agent:5, group:3, webhook:7, ticket:1024 by number)");
        audit.MapGet("/audit.csv", Csv).WithSummary("The same as CSV (UTF-8), at most 100,000 rows");
        // The audit page's export link: the same, for the signed-in admin's browser session (the API takes tokens).
        app.MapGet("/admin/audit.csv", Csv).RequireAuthorization(AdminModule.AdminPolicy).ExcludeFromDescription();
        audit.MapGet("/audit.xlsx", Xlsx).WithSummary("The same as xlsx (times as UTC date-time cells), at most 100,000 rows");
        app.MapGet("/admin/audit.xlsx", Xlsx).RequireAuthorization(AdminModule.AdminPolicy).ExcludeFromDescription();
        return app;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult Csv(long? agentId, string? source, string? action, DateTimeOffset? from, DateTimeOffset? to, long? ticket,
        [FromQuery(Name = "object")] string? target, AuditLog log, CancellationToken ct)
    {
        var filter = new AuditFilter(agentId, source, action, from, to, ticket, Blank(target));
        // Refused before the first byte: once the CSV streams, the status cannot change any more.
        AuditLog.Validate(filter);
        return Results.Stream(stream => log.WriteCsvAsync(filter, stream, ct), "text/csv; charset=utf-8", "okno-audit.csv");
    }

    private static IResult Xlsx(long? agentId, string? source, string? action, DateTimeOffset? from, DateTimeOffset? to, long? ticket,
        [FromQuery(Name = "object")] string? target, AuditLog log, HttpContext http, CancellationToken ct)
    {
        var filter = new AuditFilter(agentId, source, action, from, to, ticket, Blank(target));
        AuditLog.Validate(filter);
        Reports.Exports.ReportExport.AllowZipWrites(http);
        return Results.Stream(stream => log.WriteXlsxAsync(filter, stream, ct), Reports.Exports.ReportExport.XlsxType, "okno-audit.xlsx");
    }
}
