using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Surveys;
using Okno.Tickets;

namespace Okno.Reports.Kpi;

/// <summary>A ticket behind a report's number.</summary>
public sealed record DrillTicket(long Id, long Number, string Subject, string Status, string Priority, string Type, string Channel, long? GroupId,
    long? AssigneeId, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt);

/// <summary>Lists the tickets behind a report's number: the tickets whose counted moment (created, first response, last
/// resolution; for the backlog: still open and created by the interval's end) falls in the bucket, under the dimensions
/// the reports count them by now. Keyset-paged over the indexes of <see cref="ReportTicketState"/>, joined to the tickets
/// the agent may see.</summary>
public sealed class KpiDrillDown(OknoDb db)
{
    public const int ExportPage = 1000;

    private enum Moment { Created, FirstResponse, Resolved, Open }

    private static Moment MomentOf(string report) => report switch
    {
        "first_response_time" => Moment.FirstResponse,
        "solved" or "resolution_time" or "one_touch" or "reopen_rate" or "sla_compliance" => Moment.Resolved,
        "backlog" => Moment.Open,
        _ => Moment.Created,
    };

    /// <summary>The days a bucket covers: the interval starting at <paramref name="bucket"/> (clipped to the period), or the period.</summary>
    public static (DateOnly First, DateOnly Last) Range(KpiQuery q, string? bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket)) return (q.Period.First, q.Period.Last);
        if (!DateOnly.TryParseExact(bucket.Trim(), ReportPeriod.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day < q.Period.First || day > q.Period.Last)
            throw new OknoException(InvalidInput.Field("bucket", ReportErrorCodes.InvalidBucket, "Not a day of the report's period (yyyy-MM-dd).",
                ("value", bucket.Length > 20 ? bucket[..20] : bucket)));
        var end = q.Interval switch
        {
            KpiInterval.Week => day.AddDays(6 - ((int)day.DayOfWeek + 6) % 7),
            KpiInterval.Month => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1),
            _ => day,
        };
        return (day, end > q.Period.Last ? q.Period.Last : end);
    }

    /// <summary>Which CSAT answers a drill-down lists: all, rated 4–5, or rated 1–3.</summary>
    public static readonly string[] Ratings = ["satisfied", "unsatisfied"];

    /// <summary>Checks the drill-down's own values: NPS counts people's answers (no tickets); a rating subset is CSAT's.</summary>
    public static void Check(KpiQuery q, string? bucket, string? rating)
    {
        if (q.Report == "nps")
            throw new OknoException(InvalidInput.Field("report", ReportErrorCodes.NoTickets, "NPS counts people's answers, not tickets.", ("name", q.Report)));
        if (rating is not null && (q.Report != "csat" || !Ratings.Contains(rating)))
            throw new OknoException(InvalidInput.Field("rating", ErrorCodes.NotOneOf, "satisfied or unsatisfied, for the csat report.",
                ("value", rating.Length > 20 ? rating[..20] : rating), ("allowed", string.Join(", ", Ratings))));
        Range(q, bucket);
    }

    public async Task<Page<DrillTicket>> PageAsync(KpiQuery q, string? bucket, string? group, TicketAccessRule access, int limit, string? cursor,
        CancellationToken ct, string? rating = null)
    {
        await ReportFieldValues.CheckAsync(db, q, ct);
        var keys = Paging.Decode(cursor, 2);
        var rows = await Query(q, bucket, group, access, keys?[0], keys?[1], limit + 1, rating).ToListAsync(ct);
        var page = Paging.ToPage(rows, limit, r => Paging.Encode(r.At.UtcTicks, r.Key));
        return new Page<DrillTicket>(page.Items.Select(r => r.ToTicket()).ToList(), page.NextCursor);
    }

    /// <summary>Every ticket, page by page (for an export of any size: nothing is held but one page).</summary>
    public async IAsyncEnumerable<DrillTicket> AllAsync(KpiQuery q, string? bucket, string? group, TicketAccessRule access,
        [EnumeratorCancellation] CancellationToken ct, string? rating = null)
    {
        await ReportFieldValues.CheckAsync(db, q, ct);
        long? afterKey = null, afterId = null;
        while (true)
        {
            var rows = await Query(q, bucket, group, access, afterKey, afterId, ExportPage, rating).ToListAsync(ct);
            foreach (var r in rows) yield return r.ToTicket();
            if (rows.Count < ExportPage) yield break;
            (afterKey, afterId) = (rows[^1].At.UtcTicks, rows[^1].Key);
            db.ChangeTracker.Clear();
        }
    }

    private IQueryable<Row> Query(KpiQuery q, string? bucket, string? group, TicketAccessRule access, long? afterKey, long? afterId, int take,
        string? rating)
    {
        var (first, last) = Range(q, bucket);
        var start = new ReportPeriod(first, last, q.Period.Zone).Start;
        var end = new ReportPeriod(first, last, q.Period.Zone).End;
        if (q.Report == "csat") return CsatQuery(q, start, end, group, access, afterKey, afterId, take, rating);
        var states = db.Set<ReportTicketState>().AsNoTracking();
        if (q.GroupId is { } g) states = states.Where(s => s.GroupId == g);
        if (q.AgentId is { } a) states = states.Where(s => s.AssigneeId == a);
        if (q.Channel is { } c) states = states.Where(s => s.Channel == c);
        if (q.CompanyId is { } co) states = states.Where(s => s.CompanyId == co);
        if (q.Type is { } ty) states = states.Where(s => s.Type == ty);
        if (q.Priority is { } p) states = states.Where(s => s.Priority == p);
        var tag = q.Tag ?? (q.GroupBy == "tag" ? group : null);
        if (tag is not null)
        {
            var framed = "\n" + tag + "\n";
            states = states.Where(s => ("\n" + s.Tags + "\n").Contains(framed));
        }
        if (q.Field is { } field)
        {
            // One value's tickets (the filter, or the row's group); grouped by the field with no group: any value of it.
            var value = q.FieldValue ?? (q.FieldGroupBy is not null ? group : null);
            var framed = "\n" + (value is null ? field + "=" : ReportFieldValues.Line(field, value) + "\n");
            states = states.Where(s => ("\n" + s.Fields + "\n").Contains(framed));
        }
        if (group is not null && q.GroupBy is not null and not "tag")
        {
            long.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            states = q.GroupBy switch
            {
                "group" => states.Where(s => s.GroupId == id),
                "agent" => states.Where(s => s.AssigneeId == id),
                "company" => states.Where(s => s.CompanyId == id),
                "channel" => states.Where(s => s.Channel == group),
                "type" => states.Where(s => s.Type == (QueryValues.Enum<TicketType>(group, "group") ?? default)),
                "priority" => states.Where(s => s.Priority == (QueryValues.Enum<TicketPriority>(group, "group") ?? default)),
                _ => states,
            };
        }
        // Keyset over (moment, ticket id); the moment as UTC ticks in the cursor.
        var a0 = afterKey is { } k ? new DateTimeOffset(k, TimeSpan.Zero) : DateTimeOffset.MinValue;
        var id0 = afterId ?? 0;
        var keyset = afterKey is not null;
        var raw = MomentOf(q.Report) switch
        {
            Moment.FirstResponse => states.Where(s => s.FirstResponseAt >= start && s.FirstResponseAt < end)
                .Select(s => new Raw { At = s.FirstResponseAt!.Value, TicketId = s.TicketId, CreatedAt = s.CreatedAt, FirstResponseAt = s.FirstResponseAt, ResolvedAt = s.ResolvedAt }),
            Moment.Resolved => states.Where(s => s.ResolvedAt >= start && s.ResolvedAt < end)
                .Select(s => new Raw { At = s.ResolvedAt!.Value, TicketId = s.TicketId, CreatedAt = s.CreatedAt, FirstResponseAt = s.FirstResponseAt, ResolvedAt = s.ResolvedAt }),
            Moment.Open => states.Where(s => s.Open && s.CreatedAt < end)
                .Select(s => new Raw { At = s.CreatedAt, TicketId = s.TicketId, CreatedAt = s.CreatedAt, FirstResponseAt = s.FirstResponseAt, ResolvedAt = s.ResolvedAt }),
            _ => states.Where(s => s.CreatedAt >= start && s.CreatedAt < end)
                .Select(s => new Raw { At = s.CreatedAt, TicketId = s.TicketId, CreatedAt = s.CreatedAt, FirstResponseAt = s.FirstResponseAt, ResolvedAt = s.ResolvedAt }),
        };
        if (keyset) raw = raw.Where(r => r.At > a0 || (r.At == a0 && r.TicketId > id0));
        return raw.Join(db.Tickets.AllowedBy(access), r => r.TicketId, t => t.Id, (r, t) => new Row
            {
                At = r.At, Key = t.Id, Id = t.Id, Number = t.Number, Subject = t.Subject, Status = t.Status, Priority = t.Priority, Type = t.Type,
                Channel = t.Channel, GroupId = t.GroupId, AssigneeId = t.AssigneeId, CreatedAt = r.CreatedAt, FirstResponseAt = r.FirstResponseAt,
                ResolvedAt = r.ResolvedAt,
            })
            .OrderBy(r => r.At).ThenBy(r => r.Key).Take(take);
    }

    /// <summary>The tickets with CSAT answers in the range, one row per answer (a ticket re-resolved and rated again is
    /// listed again), under the dimensions the survey froze at resolution (none = 0, as the facts keep it) and the
    /// ticket's type and priority: as the CSAT counters count them. Keyset over (answered-at, survey id).</summary>
    private IQueryable<Row> CsatQuery(KpiQuery q, DateTimeOffset start, DateTimeOffset end, string? group, TicketAccessRule access, long? afterKey,
        long? afterId, int take, string? rating)
    {
        var surveys = db.CsatSurveys.AsNoTracking().Where(s => s.AnsweredAt >= start && s.AnsweredAt < end && s.Rating != null);
        long? groupId = q.GroupId, agentId = q.AgentId, companyId = q.CompanyId;
        var channel = q.Channel;
        TicketType? type = q.Type;
        TicketPriority? priority = q.Priority;
        if (group is not null && q.GroupBy is not null)
        {
            long.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            switch (q.GroupBy)
            {
                case "group": groupId = id; break;
                case "agent": agentId = id; break;
                case "company": companyId = id; break;
                case "channel": channel = group; break;
                case "type": type = QueryValues.Enum<TicketType>(group, "group") ?? default; break;
                case "priority": priority = QueryValues.Enum<TicketPriority>(group, "group") ?? default; break;
            }
        }
        if (groupId is { } g) surveys = g == 0 ? surveys.Where(s => s.GroupId == null) : surveys.Where(s => s.GroupId == g);
        if (agentId is { } a) surveys = a == 0 ? surveys.Where(s => s.AgentId == null) : surveys.Where(s => s.AgentId == a);
        if (companyId is { } co) surveys = co == 0 ? surveys.Where(s => s.CompanyId == null) : surveys.Where(s => s.CompanyId == co);
        if (channel is not null)
        {
            var kind = ChannelKind.TryParse(channel, out var k) ? k : ChannelKind.Api;
            surveys = surveys.Where(s => s.Channel == kind);
        }
        if (rating == "satisfied") surveys = surveys.Where(s => s.Rating >= ReportDailyFact.CsatSatisfiedFrom);
        else if (rating == "unsatisfied") surveys = surveys.Where(s => s.Rating < ReportDailyFact.CsatSatisfiedFrom);
        if (afterKey is { } key)
        {
            var a0 = new DateTimeOffset(key, TimeSpan.Zero);
            var id0 = afterId ?? 0;
            surveys = surveys.Where(s => s.AnsweredAt > a0 || (s.AnsweredAt == a0 && s.Id > id0));
        }
        var tickets = db.Tickets.AllowedBy(access);
        if (type is { } ty) tickets = tickets.Where(t => t.Type == ty);
        if (priority is { } p) tickets = tickets.Where(t => t.Priority == p);
        return surveys.Join(tickets, s => s.TicketId, t => t.Id, (s, t) => new Row
            {
                At = s.AnsweredAt!.Value, Key = s.Id, Id = t.Id, Number = t.Number, Subject = t.Subject, Status = t.Status, Priority = t.Priority,
                Type = t.Type, Channel = t.Channel, GroupId = t.GroupId, AssigneeId = t.AssigneeId, CreatedAt = t.CreatedAt, FirstResponseAt = null,
                ResolvedAt = s.ResolvedAt,
            })
            .OrderBy(r => r.At).ThenBy(r => r.Key).Take(take);
    }

    private sealed class Raw
    {
        public DateTimeOffset At { get; init; }
        public long TicketId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? FirstResponseAt { get; init; }
        public DateTimeOffset? ResolvedAt { get; init; }
    }

    private sealed class Row
    {
        public DateTimeOffset At { get; init; }
        /// <summary>The keyset's tie-breaker: the ticket's id, or the CSAT survey's.</summary>
        public long Key { get; init; }
        public long Id { get; init; }
        public long Number { get; init; }
        public string Subject { get; init; } = "";
        public TicketStatus Status { get; init; }
        public TicketPriority Priority { get; init; }
        public TicketType Type { get; init; }
        public ChannelKind Channel { get; init; }
        public long? GroupId { get; init; }
        public long? AssigneeId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? FirstResponseAt { get; init; }
        public DateTimeOffset? ResolvedAt { get; init; }

        public DrillTicket ToTicket() => new(Id, Number, Subject, Status.ToSnakeCase(), Priority.ToSnakeCase(), Type.ToSnakeCase(), Channel.Value,
            GroupId, AssigneeId, CreatedAt, FirstResponseAt, ResolvedAt);
    }
}
