using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Okno.Reports.Kpi;
using SpreadCheetah;

namespace Okno.Reports.Exports;

public enum ExportFormat { Json, Csv, Xlsx }

/// <summary>Writes a report's rows, or the tickets behind a number, as CSV or .xlsx straight to a stream, row by row:
/// numbers as numbers and dates as dates (xlsx cells, not text), and every text cell that a spreadsheet would read as a
/// formula (= + - @, tab, CR at the start) prefixed with an apostrophe.</summary>
public static class ReportExport
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The format asked by <c>format=</c> or, without it, by the Accept header (JSON by default).</summary>
    public static ExportFormat FormatOf(string? format, string? accept)
    {
        if (!string.IsNullOrWhiteSpace(format))
            return format.Trim().ToLowerInvariant() switch
            {
                "json" => ExportFormat.Json,
                "csv" => ExportFormat.Csv,
                "xlsx" => ExportFormat.Xlsx,
                _ => throw new Platform.Web.OknoException(Platform.Web.InvalidInput.Field("format", ReportErrorCodes.UnknownFormat,
                    "One of: json, csv, xlsx.", ("value", format.Length > 20 ? format[..20] : format))),
            };
        if (accept is null) return ExportFormat.Json;
        if (accept.Contains(XlsxType, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Xlsx;
        if (accept.Contains(CsvType, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Csv;
        return ExportFormat.Json;
    }

    /// <summary>A text a spreadsheet would take for a formula, made inert (<see cref="Platform.Spreadsheets.SpreadsheetText"/>).</summary>
    public static string Neutralise(string? text) => Platform.Spreadsheets.SpreadsheetText.Neutralise(text);

    private static readonly string[] ReportHead = ["period", "group", "group_name"];

    /// <summary>Any table as .xlsx, row by row: texts neutralised, numbers as numbers, a <see cref="DateOnly"/> as a date
    /// cell and a <see cref="DateTimeOffset"/> as a UTC date-time cell, null as an empty cell (the work-time, topics and
    /// audit exports; their CSV twins keep the same columns).</summary>
    public static async Task TableXlsxAsync(string sheetName, IReadOnlyList<string> head, IAsyncEnumerable<object?[]> rows, Stream output,
        CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, null, ct);
        await sheet.StartWorksheetAsync(sheetName, null, ct);
        var dateStyle = sheet.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
        var timeStyle = sheet.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
        await sheet.AddRowAsync(head.Select(h => new Cell(h)).ToArray(), ct);
        var cells = new Cell[head.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < cells.Length; i++)
                cells[i] = (i < row.Length ? row[i] : null) switch
                {
                    null => new Cell((string?)null),
                    string text => new Cell(Neutralise(text)),
                    int n => new Cell(n),
                    long n => new Cell(n),
                    double n => new Cell(n),
                    decimal n => new Cell(n),
                    DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), dateStyle),
                    DateTimeOffset at => new Cell(at.UtcDateTime, timeStyle),
                    var other => new Cell(Neutralise(Convert.ToString(other, CultureInfo.InvariantCulture))),
                };
            await sheet.AddRowAsync(cells, ct);
        }
        await sheet.FinishAsync(ct);
    }

    /// <summary>Rows already in memory, as the stream <see cref="TableXlsxAsync"/> takes.</summary>
    public static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }

    /// <summary>The xlsx writer's zip archive flushes an entry's end synchronously; the server refuses synchronous
    /// writes unless the request allows them (the rows themselves are written asynchronously).</summary>
    public static void AllowZipWrites(Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
    }

    public static async Task ReportCsvAsync(KpiReportView view, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var h in ReportHead.Concat(view.Columns.Select(c => c.Key))) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var row in view.Rows)
        {
            csv.WriteField(row.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(Neutralise(row.Group));
            csv.WriteField(Neutralise(row.GroupName));
            foreach (var v in row.Values) csv.WriteField(v?.ToString(CultureInfo.InvariantCulture) ?? "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>The report as .xlsx. A scheduled report's mail passes its own heading (in the recipient's language) and
    /// the labels of two more rows after the period's: its totals and the previous period's (on their first days).</summary>
    public static async Task ReportXlsxAsync(KpiReportView view, Stream output, CancellationToken ct, IReadOnlyList<string>? head = null,
        (string Total, string Previous)? totals = null)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, null, ct);
        await sheet.StartWorksheetAsync(view.Report.Length > 31 ? view.Report[..31] : view.Report, null, ct);
        var dateStyle = sheet.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
        await sheet.AddRowAsync((head ?? ReportHead.Concat(view.Columns.Select(c => c.Key)).ToList()).Select(h => new Cell(Neutralise(h))).ToArray(), ct);
        foreach (var row in view.Rows)
        {
            var cells = new List<Cell>
            {
                new(row.Period.ToDateTime(TimeOnly.MinValue), dateStyle),
                new(Neutralise(row.Group)),
                new(Neutralise(row.GroupName)),
            };
            cells.AddRange(row.Values.Select(v => new Cell(v)));
            await sheet.AddRowAsync(cells.ToArray(), ct);
        }
        if (totals is { } labels)
        {
            Cell[] Line(DateOnly day, string label, IReadOnlyList<double?> values) =>
                new[] { new Cell(day.ToDateTime(TimeOnly.MinValue), dateStyle), new Cell(Neutralise(label)), new Cell((string?)null) }
                    .Concat(values.Select(v => new Cell(v))).ToArray();
            await sheet.AddRowAsync(Line(view.From, labels.Total, view.Total), ct);
            await sheet.AddRowAsync(Line(view.PreviousFrom, labels.Previous, view.Previous), ct);
        }
        await sheet.FinishAsync(ct);
    }

    private static readonly string[] TicketHead =
        ["id", "number", "subject", "status", "priority", "type", "channel", "group_id", "assignee_id", "created_at", "first_response_at", "resolved_at"];

    public static async Task TicketsCsvAsync(IAsyncEnumerable<DrillTicket> tickets, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var h in TicketHead) csv.WriteField(h);
        await csv.NextRecordAsync();
        static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
        await foreach (var t in tickets.WithCancellation(ct))
        {
            csv.WriteField(t.Id); csv.WriteField(t.Number); csv.WriteField(Neutralise(t.Subject)); csv.WriteField(t.Status);
            csv.WriteField(t.Priority); csv.WriteField(t.Type); csv.WriteField(Neutralise(t.Channel));
            csv.WriteField(t.GroupId?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(t.AssigneeId?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(Time(t.CreatedAt)); csv.WriteField(Time(t.FirstResponseAt)); csv.WriteField(Time(t.ResolvedAt));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    public static async Task TicketsXlsxAsync(IAsyncEnumerable<DrillTicket> tickets, Stream output, CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, null, ct);
        await sheet.StartWorksheetAsync("tickets", null, ct);
        var timeStyle = sheet.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
        await sheet.AddRowAsync(TicketHead.Select(h => new Cell(h)).ToArray(), ct);
        var cells = new Cell[TicketHead.Length];
        Cell Time(DateTimeOffset? at) => at is null ? new Cell((string?)null) : new Cell(at.Value.UtcDateTime, timeStyle);
        await foreach (var t in tickets.WithCancellation(ct))
        {
            cells[0] = new Cell(t.Id); cells[1] = new Cell(t.Number); cells[2] = new Cell(Neutralise(t.Subject)); cells[3] = new Cell(t.Status);
            cells[4] = new Cell(t.Priority); cells[5] = new Cell(t.Type); cells[6] = new Cell(Neutralise(t.Channel));
            cells[7] = new Cell(t.GroupId); cells[8] = new Cell(t.AssigneeId);
            cells[9] = Time(t.CreatedAt); cells[10] = Time(t.FirstResponseAt); cells[11] = Time(t.ResolvedAt);
            await sheet.AddRowAsync(cells, ct);
        }
        await sheet.FinishAsync(ct);
    }
}
