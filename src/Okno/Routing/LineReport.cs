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

/// <summary>The days [<see cref="From"/>, <see cref="To"/>] (both included) in a time zone: from/to are "yyyy-MM-dd",
/// zone an IANA id (default UTC); default the last 30 days to today, at most 366.</summary>
public readonly record struct LinePeriod(DateOnly From, DateOnly To, TimeZoneInfo Zone)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public DateTimeOffset Start => StartOf(From);
    public DateTimeOffset End => StartOf(To.AddDays(1));

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day an hour later.
        while (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static LinePeriod Parse(string? from, string? to, string? zone, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var timeZone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(zone))
        {
            if (zone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found))
                errors.Add("zone", RoutingErrorCodes.UnknownTimeZone, "Not a known IANA time zone.", ("value", zone.Length > 64 ? zone[..64] : zone));
            else timeZone = found;
        }
        DateOnly? Read(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(field, ErrorCodes.InvalidDate, "Expected a date as yyyy-MM-dd.", ("format", "yyyy-MM-dd"));
            return null;
        }
        var f = Read("from", from);
        var t = Read("to", to);
        errors.ThrowIfAny();
        var last = t ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        var first = f ?? last.AddDays(1 - DefaultDays);
        if (first > last) errors.Add("from", RoutingErrorCodes.RangeReversed, "'from' must not be after 'to'.");
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays)
            errors.Add("from", RoutingErrorCodes.RangeTooLong, $"The period is at most {MaxDays} days.", ("max", MaxDays));
        errors.ThrowIfAny();
        return new LinePeriod(first, last, timeZone);
    }
}

/// <summary>The line report: per support line and period, what the line resolved itself, what it escalated onward (by
/// reason), what went back, and how long tickets stayed before being escalated. Reads the facts <see cref="LineFacts"/>
/// keeps, through their (at) indexes: a few grouped queries, plus the period's escalation times for the medians.</summary>
public sealed class LineReport(OknoDb db, SupportLines lines)
{
    public async Task<LineReportView> BuildAsync(LinePeriod period, CancellationToken ct)
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
        return new LineReportView(period.From, period.To, period.Zone.Id, rows);
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
