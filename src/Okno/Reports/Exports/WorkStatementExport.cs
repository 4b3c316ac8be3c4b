using System.Runtime.CompilerServices;
using Okno.Customers.WorkLogs;
using Okno.Platform.Web;

namespace Okno.Reports.Exports;

/// <summary>A company's monthly work statement (Customers.WorkLogs) as JSON or, with <c>format=xlsx</c>, as a streamed
/// .xlsx through <see cref="ReportExport.TableXlsxAsync"/> (real number and date cells, formula-like text neutralised):
/// its lines row by row in ticket order, a subtotal row after each ticket's, then the month's totals. Mapped here, not in
/// Customers, because Customers may not reference Reports.</summary>
public static class WorkStatementExport
{
    public static readonly IReadOnlyList<string> Head =
        ["ticket_number", "ticket_subject", "worked_at", "agent", "item_code", "item", "kind", "unit", "minutes", "quantity", "unit_price", "total",
            "billable_amount", "coverage", "override_reason"];

    public static IEndpointRouteBuilder MapWorkStatements(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/companies/{id:long}/statements/{month}", async (long id, string month, string? format, HttpContext http, WorkStatements statements,
                CancellationToken ct) =>
            {
                var kind = ReportExport.FormatOf(format, http.Request.Headers.Accept.ToString());
                if (kind != ExportFormat.Xlsx) return Results.Ok(await statements.BuildAsync(id, month, ct));
                var (from, to) = WorkStatements.ParseMonth(month);
                await statements.CompanyAsync(id, ct);
                ReportExport.AllowZipWrites(http);
                return Results.Stream(s => ReportExport.TableXlsxAsync("statement", Head, Rows(statements.RowsAsync(id, from, to, ct), ct), s, ct),
                    ReportExport.XlsxType, $"statement-{id}-{from:yyyy-MM}.xlsx");
            })
            .RequireAuthorization().WithTags("Work").WithProblemResponses()
            .WithSummary("A company's monthly work statement (JSON, or format=xlsx)");
        return app;
    }

    /// <summary>The statement's lines with a subtotal row after each ticket and a total row at the end, streamed.</summary>
    public static async IAsyncEnumerable<object?[]> Rows(IAsyncEnumerable<StatementRow> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        long? ticket = null;
        long number = 0;
        decimal subtotal = 0, subBillable = 0, total = 0, billable = 0;
        object?[] Sub(string label, long? n, decimal t, decimal b) => [n, label, null, null, null, null, null, null, null, null, null, t, b, null, null];
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (ticket is not null && ticket != row.TicketId)
            {
                yield return Sub("subtotal", number, subtotal, subBillable);
                subtotal = subBillable = 0;
            }
            ticket = row.TicketId;
            number = row.TicketNumber;
            var l = row.Line;
            subtotal += l.Total;
            subBillable += l.BillableAmount;
            total += l.Total;
            billable += l.BillableAmount;
            yield return [row.TicketNumber, row.TicketSubject, l.WorkedAt, l.AgentName, l.ItemCode, l.ItemName, l.Kind, l.Unit, l.Minutes, l.Quantity,
                l.UnitPrice, l.Total, l.BillableAmount, l.Coverage, l.OverrideReason];
        }
        if (ticket is not null) yield return Sub("subtotal", number, subtotal, subBillable);
        yield return Sub("total", null, total, billable);
    }
}
