using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>The audit log for admins: administration and ticket actions together (see <see cref="AuditLog"/>).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1").RequireAuthorization(AdminModule.AdminPolicy).WithTags("Audit").WithProblemResponses();
        audit.MapGet("/audit", async (long? agentId, string? source, string? action, DateTimeOffset? from, DateTimeOffset? to, long? ticket,
                int? limit, string? cursor, AuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ListAsync(new AuditFilter(agentId, source, action, from, to, ticket), Paging.Limit(limit), cursor, ct)))
            .WithSummary("Who did what, when and to what: administration (source=admin) and ticket actions (source=ticket), newest first");
        audit.MapGet("/audit.csv", (long? agentId, string? source, string? action, DateTimeOffset? from, DateTimeOffset? to, long? ticket,
                AuditLog log, CancellationToken ct) =>
                Results.Stream(stream => log.WriteCsvAsync(new AuditFilter(agentId, source, action, from, to, ticket), stream, ct),
                    "text/csv; charset=utf-8", "okno-audit.csv"))
            .WithSummary($"The same as CSV (UTF-8), at most 100,000 rows");
        return app;
    }
}
