using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Routing.Distribution;
using Okno.Tickets;

namespace Okno.Reports.Team;

/// <summary>One agent's day: hours online (receiving tickets), away (workspace open but untouched), busy (online while
/// paused from receiving), and the tickets they handled: public replies sent and tickets set to resolved.</summary>
public sealed record WorkTimeRow(DateOnly Day, long AgentId, string Name, double OnlineHours, double AwayHours, double BusyHours, int Replies,
    int Solved);

/// <param name="To">The last day of the period, included.</param>
public sealed record WorkTimeView(DateOnly From, DateOnly To, string TimeZone, long? AgentId, IReadOnlyList<WorkTimeRow> Rows);

/// <summary>Agent work time (S9): per agent per day in the report's time zone, the presence spans cut at the day
/// boundaries (<see cref="AgentPresenceSpan"/>, read through their (agent, from) or (from) index), beside the replies and
/// resolutions of that day from the ticket history (a grouped count per day through its (at) or (actor, at) index).
/// A span still open ends now, or at the agent's last beat when they have fallen silent since.</summary>
public sealed class WorkTimeReport(OknoDb db, AgentPresences presences, TimeProvider clock)
{
    private static readonly ReportPeriodCodes PeriodCodes = new(TeamErrorCodes.RangeReversed, TeamErrorCodes.RangeTooLong, TeamErrorCodes.UnknownTimeZone);
    private static readonly string Resolved = TicketStatus.Resolved.ToSnakeCase();

    /// <summary>from..to both included (yyyy-MM-dd), in zone (default Europe/Moscow).</summary>
    public static ReportPeriod Period(string? from, string? to, string? zone, DateTimeOffset now) =>
        ReportPeriod.Parse(from, to, string.IsNullOrWhiteSpace(zone) ? TeamLive.DefaultZone : zone, toIncluded: true, now, PeriodCodes);

    public async Task<WorkTimeView> BuildAsync(ReportPeriod period, long? agentId, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var now = clock.GetUtcNow();
        var spans = db.Set<AgentPresenceSpan>().AsNoTracking().Where(s => s.From < end && (s.To == null || s.To > start));
        if (agentId is { } only) spans = spans.Where(s => s.AgentId == only);
        var list = await spans.ToListAsync(ct);
        var openAgents = list.Where(s => s.To is null).Select(s => s.AgentId).ToList();
        var seen = openAgents.Count == 0 ? [] : await db.Set<AgentPresence>().AsNoTracking().Where(p => openAgents.Contains(p.AgentId))
            .ToDictionaryAsync(p => p.AgentId, ct);

        var cells = new Dictionary<(DateOnly Day, long Agent), Cell>();
        Cell CellOf(DateOnly day, long agent) => cells.TryGetValue((day, agent), out var c) ? c : cells[(day, agent)] = new Cell();
        foreach (var span in list)
        {
            var spanEnd = span.To ?? (seen.TryGetValue(span.AgentId, out var p) && now - p.SeenAt >= presences.OfflineAfter ? p.SeenAt : now);
            var from = span.From < start ? start : span.From;
            var to = spanEnd > end ? end : spanEnd;
            for (var day = period.First; day <= period.Last && from < to; day = day.AddDays(1))
            {
                var dayEnd = StartOf(day.AddDays(1), period.Zone);
                if (dayEnd <= from) continue;
                var piece = (to < dayEnd ? to : dayEnd) - from;
                var cell = CellOf(day, span.AgentId);
                switch (span.Status)
                {
                    case WorkStatus.Online: cell.Online += piece; break;
                    case WorkStatus.Away: cell.Away += piece; break;
                    case WorkStatus.Busy: cell.Busy += piece; break;
                }
                from = dayEnd;
            }
        }

        // One grouped count per day: the history is big, and grouping by a local day is not portable SQL.
        for (var day = period.First; day <= period.Last; day = day.AddDays(1))
        {
            var (dayStart, dayEnd) = (StartOf(day, period.Zone), StartOf(day.AddDays(1), period.Zone));
            var events = db.TicketEvents.Where(e => e.At >= dayStart && e.At < dayEnd && e.ActorKind == ActorKind.Agent && e.ActorId != null
                && (e.Kind == TicketEventKind.MessageAdded || e.Kind == TicketEventKind.Changed && e.Field == "status" && e.NewValue == Resolved));
            if (agentId is { } one) events = events.Where(e => e.ActorId == one);
            var counts = await events.GroupBy(e => new { Agent = e.ActorId!.Value, Reply = e.Kind == TicketEventKind.MessageAdded })
                .Select(g => new { g.Key.Agent, g.Key.Reply, Count = g.Count() }).ToListAsync(ct);
            foreach (var c in counts)
            {
                var cell = CellOf(day, c.Agent);
                if (c.Reply) cell.Replies += c.Count;
                else cell.Solved += c.Count;
            }
        }

        var ids = cells.Keys.Select(k => k.Agent).Distinct().ToList();
        var names = await db.Agents.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = cells.Select(c => new WorkTimeRow(c.Key.Day, c.Key.Agent, names.GetValueOrDefault(c.Key.Agent) ?? "#" + c.Key.Agent,
                Hours(c.Value.Online), Hours(c.Value.Away), Hours(c.Value.Busy), c.Value.Replies, c.Value.Solved))
            .OrderBy(r => r.Day).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.AgentId).ToList();
        return new WorkTimeView(period.First, period.Last, period.Zone.Id, agentId, rows);
    }

    private static double Hours(TimeSpan time) => Math.Round(time.TotalHours, 2);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) => new ReportPeriod(day, day, zone).Start;

    /// <summary>The report as CSV (UTF-8 with a BOM, so spreadsheet programs read Cyrillic); a cell a spreadsheet would
    /// run as a formula (=, +, -, @) is escaped.</summary>
    public static async Task WriteCsvAsync(WorkTimeView report, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        };
        await using var csv = new CsvHelper.CsvWriter(writer, config);
        foreach (var header in new[] { "day", "agent_id", "agent", "online_hours", "away_hours", "busy_hours", "replies", "solved" }) csv.WriteField(header);
        await csv.NextRecordAsync();
        foreach (var r in report.Rows)
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteField(r.Day.ToString(ReportPeriod.DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(r.AgentId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Name);
            csv.WriteField(r.OnlineHours.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(r.AwayHours.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(r.BusyHours.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(r.Replies.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Solved.ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    public static readonly string[] Head = ["day", "agent_id", "agent", "online_hours", "away_hours", "busy_hours", "replies", "solved"];

    /// <summary>The same rows as <see cref="WriteCsvAsync"/>, as .xlsx (hours as numbers, the day as a date).</summary>
    public static Task WriteXlsxAsync(WorkTimeView report, Stream output, CancellationToken ct) =>
        Exports.ReportExport.TableXlsxAsync("work-time", Head, Exports.ReportExport.Rows(report.Rows.Select(r => new object?[]
        {
            r.Day, r.AgentId, r.Name, Math.Round(r.OnlineHours, 2), Math.Round(r.AwayHours, 2), Math.Round(r.BusyHours, 2), r.Replies, r.Solved,
        })), output, ct);

    private sealed class Cell
    {
        public TimeSpan Online, Away, Busy;
        public int Replies, Solved;
    }
}
