using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Routing;

/// <summary>Support lines, escalation reasons, escalating a ticket, and the line report.</summary>
public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var lines = app.MapGroup("/api/v1/lines").RequireAuthorization().WithTags("Support lines").WithProblemResponses();
        lines.MapGet("", async (SupportLines l, CancellationToken ct) => TypedResults.Ok(new { items = await l.ListAsync(ct) }))
            .WithSummary("The support lines, first line first: each a group (groupId, name), its position (1: first) and kind (internal, external)");
        lines.MapPut("", async (SupportLinesRequest request, SupportLines l, CurrentAgent admin, CancellationToken ct) =>
                TypedResults.Ok(new { items = await l.ReplaceAsync(request, admin.Id, ct) }))
            .RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Replace the support lines: {lines: [{groupId, kind}]} in order, first line first; a group left out is no longer a line");

        var reasons = app.MapGroup("/api/v1/escalation-reasons").RequireAuthorization().WithTags("Support lines").WithProblemResponses();
        reasons.MapGet("", async (bool? archived, EscalationReasons r, CancellationToken ct) =>
                TypedResults.Ok(new { items = await r.ListAsync(archived == true, ct) }))
            .WithSummary("Escalation reasons in their order; archived=true lists archived ones too");
        var reasonAdmin = reasons.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        reasonAdmin.MapPost("", async (EscalationReasonRequest request, EscalationReasons r, CurrentAgent admin, CancellationToken ct) =>
        {
            var created = await r.CreateAsync(request, admin.Id, ct);
            return TypedResults.Created($"/api/v1/escalation-reasons/{created.Id}", created);
        }).WithSummary($"Add a reason: name (at most {EscalationReason.NameMaxLength} characters), position (default: last)");
        reasonAdmin.MapPut("/{id:long}", async (long id, EscalationReasonRequest request, EscalationReasons r, CurrentAgent admin, CancellationToken ct) =>
                TypedResults.Ok(await r.UpdateAsync(id, request, admin.Id, ct)))
            .WithSummary("Rename, move (position) or archive/restore (archived) a reason; fields left out keep their value");
        reasonAdmin.MapDelete("/{id:long}", async Task<Results<NoContent, Ok<ArchivedReason>>> (long id, EscalationReasons r, CurrentAgent admin,
            CancellationToken ct) => await r.DeleteAsync(id, admin.Id, ct) ? TypedResults.Ok(new ArchivedReason(id, true)) : TypedResults.NoContent())
            .WithSummary("Delete a reason (204); one a ticket's history names is archived instead (200, {id, archived: true})");

        app.MapPost("/api/v1/tickets/{id:long}/escalate", async (long id, EscalationRequest request, EscalateTicket escalate, CurrentAgent agent,
                CancellationToken ct) => TypedResults.Ok(await escalate.ExecuteAsync(id, request, agent.AsActor(), agent.Access(), ct)))
            .RequireAuthorization().WithTags("Tickets").WithProblemResponses()
            .WithSummary("Move the ticket to another support line: {groupId, reason (an escalation reason's id), comment}. To a line further " +
                "down the order it is an escalation (comment required), further up a return (comment optional). Without a reason: 400 " +
                "routing.reason_required. The assignee stays only if they are a member of the new line");

        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization().WithTags("Reports").WithProblemResponses();
        reports.MapGet("/lines", async (string? from, string? to, string? zone, LineReport report, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await report.BuildAsync(LineReport.Period(from, to, zone, clock.GetUtcNow()), ct)))
            .WithSummary($"Per support line for the days from..to (yyyy-MM-dd, both included, in zone: an IANA time zone, default UTC; default " +
                $"the last {ReportPeriod.DefaultDays} days, at most {ReportPeriod.MaxDays}): tickets resolved by the line itself, escalated onward " +
                "(and by reason), returned down by it and back to it, and the median seconds from entering the line to being escalated");
        reports.MapGet("/lines.csv", async (string? from, string? to, string? zone, LineReport report, TimeProvider clock, CancellationToken ct) =>
            {
                var built = await report.BuildAsync(LineReport.Period(from, to, zone, clock.GetUtcNow()), ct);
                return Results.Stream(stream => LineReport.WriteCsvAsync(built, stream, ct), "text/csv; charset=utf-8",
                    $"okno-lines-{built.From:yyyy-MM-dd}-{built.To:yyyy-MM-dd}.csv");
            })
            .WithSummary("The line report as CSV (UTF-8): a row per line, then a row per reason it escalated for");
        return app;
    }
}

public sealed record ArchivedReason(long Id, bool Archived);
