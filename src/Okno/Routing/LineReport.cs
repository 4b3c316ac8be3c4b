using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Routing;

public sealed record LineReasonCount(long ReasonId, string? Name, int Count);

/// <param name="ResolvedByLine">Resolved while in the line, never escalated out of it before.</param>
/// <param name="EscalatedOnward">Escalated out of the line to a line further down the order; by reason in
/// <paramref name="EscalatedByReason"/>.</param>
/// <param name="ReturnedDown">Sent back by the line to a line before it.</param>
/// <param name="ReturnedBack">Sent back to the line by a line after it.</param>
/// <param name="MedianSecondsBeforeEscalation">Of the escalations out of the line: the median time from the ticket
/// entering the line to its escalation; null when there were none.</param>
public sealed record LineReportRow(long GroupId, string Name, int Position, LineKind Kind, int ResolvedByLine, int EscalatedOnward,
    IReadOnlyList<LineReasonCount> EscalatedByReason, int ReturnedDown, int ReturnedBack, double? MedianSecondsBeforeEscalation);

/// <param name="To">The last day of the period, included.</param>
public sealed record LineReportView(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<LineReportRow> Lines);

/// <summary>The line report: per support line and period, what the line resolved itself, what it escalated onward (by
/// reason), what went back, and how long tickets stayed before being escalated. Reads the facts <see cref="LineFacts"/>
/// keeps, through their (at) indexes: a few grouped queries, plus the period's escalation times for the medians.</summary>
public sealed class LineReport(OknoDb db, SupportLines lines)
{
    private static readonly ReportPeriodCodes PeriodCodes =
        new(RoutingErrorCodes.RangeReversed, RoutingErrorCodes.RangeTooLong, RoutingErrorCodes.UnknownTimeZone);

    /// <summary>The report's days from the query: from..to both included, in zone (default UTC).</summary>
    public static ReportPeriod Period(string? from, string? to, string? zone, DateTimeOffset now) =>
        ReportPeriod.Parse(from, to, zone, toIncluded: true, now, PeriodCodes);

    public async Task<LineReportView> BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var lineList = await lines.ListAsync(ct);
        var resolved = await db.Set<LineResolution>().Where(r => r.At >= start && r.At < end && !r.EscalatedOut)
            .GroupBy(r => r.GroupId).Select(g => new { GroupId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.GroupId, g => g.Count, ct);
        var moves = await db.Set<Escalation>().Where(e => e.At >= start && e.At < end)
            .GroupBy(e => new { e.FromGroupId, e.ToGroupId, e.Returned, e.ReasonId })
            .Select(g => new { g.Key.FromGroupId, g.Key.ToGroupId, g.Key.Returned, g.Key.ReasonId, Count = g.Count() }).ToListAsync(ct);
        var waits = (await db.Set<Escalation>().Where(e => e.At >= start && e.At < end && !e.Returned && e.FromGroupId != null)
                .Select(e => new { e.FromGroupId, e.SecondsInLine }).ToListAsync(ct))
            .GroupBy(e => e.FromGroupId!.Value).ToDictionary(g => g.Key, g => Median(g.Select(e => e.SecondsInLine)));
        var reasonIds = moves.Select(m => m.ReasonId).Distinct().ToList();
        var reasonNames = await db.Set<EscalationReason>().Where(r => reasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var rows = lineList.Select(line =>
        {
            var onward = moves.Where(m => m.FromGroupId == line.GroupId && !m.Returned).ToList();
            var byReason = onward.GroupBy(m => m.ReasonId)
                .Select(g => new LineReasonCount(g.Key, reasonNames.GetValueOrDefault(g.Key), g.Sum(m => m.Count)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
            return new LineReportRow(line.GroupId, line.Name, line.Position, line.Kind, resolved.GetValueOrDefault(line.GroupId),
                onward.Sum(m => m.Count), byReason,
                moves.Where(m => m.FromGroupId == line.GroupId && m.Returned).Sum(m => m.Count),
                moves.Where(m => m.ToGroupId == line.GroupId && m.Returned).Sum(m => m.Count),
                waits.TryGetValue(line.GroupId, out var median) ? median : null);
        }).ToList();
        return new LineReportView(period.First, period.Last, period.Zone.Id, rows);
    }

    internal static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>The report as CSV (UTF-8 with a BOM, so spreadsheet programs read Cyrillic): a row per line with its
    /// figures, then a row per reason it escalated for. A cell a spreadsheet would run as a formula is escaped.</summary>
    public static async Task WriteCsvAsync(LineReportView report, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        };
        await using var csv = new CsvHelper.CsvWriter(writer, config);
        foreach (var header in new[] { "from", "to", "time_zone", "position", "line", "kind", "reason", "resolved_by_line", "escalated_onward",
                     "returned_down", "returned_back", "median_minutes_before_escalation" })
            csv.WriteField(header);
        await csv.NextRecordAsync();
        var from = report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var line in report.Lines)
        {
            void Line(string? reason)
            {
                csv.WriteField(from);
                csv.WriteField(to);
                csv.WriteField(report.TimeZone);
                csv.WriteField(line.Position);
                csv.WriteField(line.Name);
                csv.WriteField(line.Kind.ToSnakeCase());
                csv.WriteField(reason);
            }
            Line(null);
            csv.WriteField(line.ResolvedByLine);
            csv.WriteField(line.EscalatedOnward);
            csv.WriteField(line.ReturnedDown);
            csv.WriteField(line.ReturnedBack);
            csv.WriteField(line.MedianSecondsBeforeEscalation is { } median ? (median / 60).ToString("0.#", CultureInfo.InvariantCulture) : "");
            await csv.NextRecordAsync();
            foreach (var reason in line.EscalatedByReason)
            {
                Line(reason.Name ?? "#" + reason.ReasonId.ToString(CultureInfo.InvariantCulture));
                csv.WriteField("");
                csv.WriteField(reason.Count);
                csv.WriteField("");
                csv.WriteField("");
                csv.WriteField("");
                await csv.NextRecordAsync();
            }
        }
    }
}
