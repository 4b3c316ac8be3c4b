using Okno.Sla;
using Okno.Tickets;
using Okno.Tickets.CustomFields;
using Okno.Tickets.Events;

namespace Okno.Reports.Kpi;

/// <summary>The fixed scale of duration buckets, in minutes: a duration falls into the first bucket whose upper bound
/// is at least it. A percentile is reported as the upper bound of the bucket that holds its rank (so "median ≤ 60 min"),
/// never interpolated: exact for any data and summable across days and dimensions.</summary>
public static class DurationBuckets
{
    /// <summary>Upper bounds (minutes, inclusive): 5, 10, 15, 30 min; 1, 2, 4, 8 h; 1, 2, 3, 5, 7, 14, 30 days; the last
    /// bucket holds everything longer than 30 days and is reported as 365 days.</summary>
    public static readonly int[] Bounds = [5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 7200, 10080, 20160, 43200, 525600];

    public static int Of(double minutes)
    {
        for (var i = 0; i < Bounds.Length - 1; i++)
            if (minutes <= Bounds[i]) return i;
        return Bounds.Length - 1;
    }

    /// <summary>The bound of the bucket holding the value at rank ⌈p·n⌉ (p in (0, 1]); null without values.</summary>
    public static int? Percentile(IReadOnlyDictionary<int, long> counts, double p)
    {
        var total = counts.Values.Sum();
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < Bounds.Length; i++)
        {
            seen += counts.GetValueOrDefault(i);
            if (seen >= rank) return Bounds[i];
        }
        return Bounds[^1];
    }
}

/// <summary>What one event changes: counter deltas (durations in their buckets) per day × dimensions and tag counters,
/// added up before they are written (a batch of events touches few rows).</summary>
public sealed class FactDeltas
{
    public Dictionary<FactKey, ReportDailyFact> Facts { get; } = [];
    public Dictionary<(DateOnly Day, string Tag), ReportDailyTagFact> Tags { get; } = [];
    public Dictionary<(DateOnly Day, string Field, string Value), ReportDailyFieldFact> Fields { get; } = [];

    public ReportDailyFact this[FactKey key] => Facts.TryGetValue(key, out var f) ? f : Facts[key] = ReportDailyFact.For(key);

    public ReportDailyTagFact Tag(DateOnly day, string tag) =>
        Tags.TryGetValue((day, tag), out var f) ? f : Tags[(day, tag)] = new ReportDailyTagFact { Day = day, Tag = tag };

    public ReportDailyFieldFact Field(DateOnly day, string field, string value) =>
        Fields.TryGetValue((day, field, value), out var f) ? f : Fields[(day, field, value)] = new ReportDailyFieldFact { Day = day, Field = field, Value = value };

    /// <summary>The label rows of every tag and reportable field value the ticket is counted under, on a day.</summary>
    public IEnumerable<ReportLabelCounters> Labels(ReportTicketState s, DateOnly day) =>
        s.TagList.Select(tag => (ReportLabelCounters)Tag(day, tag)).Concat(s.FieldList.Select(f => Field(day, f.Field, f.Value))).ToList();

    public void Count(FactKey key, ReportDuration metric, double minutes) => this[key].CountDuration(metric, minutes);

    public bool IsEmpty => Facts.Count == 0 && Tags.Count == 0 && Fields.Count == 0;

    public void Clear()
    {
        Facts.Clear();
        Tags.Clear();
        Fields.Clear();
    }
}

/// <summary>The facts a ticket was created with, before any later change (read from the ticket and its later history).
/// <see cref="Fields"/>: the reportable custom fields' history forms by key (<see cref="ReportFieldValues"/>).</summary>
public sealed record InitialFacts(string Channel, long? CompanyId, TicketType Type, TicketPriority Priority, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, long? GroupId, long? AssigneeId)
{
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}

/// <summary>The one place that decides which counters an event moves (the live handler and the rebuild both call it).
/// Definitions (see <see cref="KpiCatalog"/>): open = new, open, pending or on hold; solved = a move from open to
/// resolved or closed; reopened = a move back; first response = the first public reply by an agent; one-touch = solved
/// with exactly one agent reply and never reopened; SLA met = the target completed with no breach recorded for it
/// (a breach recorded later for a target counted met moves it to breached); escalation = a move up a line.</summary>
public sealed class ReportLedger(TimeZoneInfo zone, SlaSetupSnapshot? sla, IReadOnlyDictionary<string, CustomFieldType>? fields = null)
{
    private readonly IReadOnlyDictionary<string, CustomFieldType> _fields = fields ?? new Dictionary<string, CustomFieldType>();

    public TimeZoneInfo Zone => zone;

    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static bool IsOpen(TicketStatus status) => status is TicketStatus.New or TicketStatus.Open or TicketStatus.Pending or TicketStatus.OnHold;

    public ReportTicketState Start(TicketCreated created, InitialFacts facts, FactDeltas d)
    {
        var s = new ReportTicketState
        {
            TicketId = created.TicketId, LastVersion = created.TicketVersion,
            GroupId = facts.GroupId ?? 0, AssigneeId = facts.AssigneeId ?? 0,
            Channel = facts.Channel, CompanyId = facts.CompanyId ?? 0, Type = facts.Type, Priority = facts.Priority,
            Tags = string.Join('\n', facts.Tags), Fields = ReportFieldValues.Encode(_fields, facts.Fields), Open = IsOpen(created.After.Status),
            CreatedAt = facts.CreatedAt,
        };
        var day = DayOf(created.At);
        var f = d[s.KeyOn(day)];
        f.Created++;
        if (s.Open) f.BacklogDelta++;
        foreach (var t in d.Labels(s, day))
        {
            t.Created++;
            if (s.Open) t.BacklogDelta++;
        }
        return s;
    }

    public void Apply(TicketDomainEvent e, ReportTicketState s, FactDeltas d)
    {
        s.LastVersion = e.TicketVersion;
        var day = DayOf(e.At);
        switch (e)
        {
            case TicketGroupChanged c: Move(s, d, day, () => s.GroupId = c.To ?? 0); break;
            case TicketAssigneeChanged c: Move(s, d, day, () => s.AssigneeId = c.To ?? 0); break;
            case TicketTypeChanged c: Move(s, d, day, () => s.Type = c.To); break;
            case TicketPriorityChanged c: Move(s, d, day, () => s.Priority = c.To); break;
            case TicketTagsChanged c:
                // Against what the ticket is counted under (its tags as created may already hold the change).
                if (s.Open)
                {
                    foreach (var gone in s.TagList.Except(c.To)) d.Tag(day, gone).BacklogDelta--;
                    foreach (var added in c.To.Except(s.TagList)) d.Tag(day, added).BacklogDelta++;
                }
                s.Tags = string.Join('\n', c.To);
                break;
            case TicketCustomFieldChanged c when _fields.TryGetValue(c.Key, out var type):
                var was = s.FieldList.Where(x => x.Field == c.Key).Select(x => x.Value).ToList();
                var now = ReportFieldValues.ValuesOf(type, c.To);
                if (s.Open)
                {
                    foreach (var gone in was.Except(now)) d.Field(day, c.Key, gone).BacklogDelta--;
                    foreach (var added in now.Except(was)) d.Field(day, c.Key, added).BacklogDelta++;
                }
                s.Fields = ReportFieldValues.Encode(s.FieldList.Where(x => x.Field != c.Key).Concat(now.Select(v => (c.Key, v))));
                break;
            case TicketStatusChanged c: Status(c, s, d, day); break;
            case ReplySent when e.Cause.Kind == ActorKind.Agent: Reply(e, s, d, day); break;
            case MessageReceived:
                if (s.Responded && s.AwaitingSince is null)
                {
                    s.AwaitingSince = e.At;
                    s.NextResponseBreached = false;
                    s.NextResponseMetDay = null;
                    s.NextResponseMetAt = null;
                }
                break;
            case SlaAlertRaised { Breach: true } a: Breach(a, s, d); break;
            case TicketEscalated { Returned: false }: d[s.KeyOn(day)].Escalations++; break;
        }
    }

    /// <summary>An open ticket changing a dimension leaves one bucket's backlog and enters another's.</summary>
    private static void Move(ReportTicketState s, FactDeltas d, DateOnly day, Action change)
    {
        if (s.Open) d[s.KeyOn(day)].BacklogDelta--;
        change();
        if (s.Open) d[s.KeyOn(day)].BacklogDelta++;
    }

    private void Status(TicketStatusChanged c, ReportTicketState s, FactDeltas d, DateOnly day)
    {
        var wasOpen = IsOpen(c.From);
        var nowOpen = IsOpen(c.To);
        if (wasOpen == nowOpen) return;
        var key = s.KeyOn(day);
        var f = d[key];
        s.Open = nowOpen;
        if (!nowOpen)
        {
            f.Solved++;
            f.BacklogDelta--;
            s.ResolvedAt = c.At;
            var minutes = Math.Max(0, (c.At - s.CreatedAt).TotalMinutes);
            var business = BusinessMinutes(s, s.CreatedAt, c.At);
            f.Resolutions++;
            f.ResolutionMinutes += minutes;
            f.ResolutionBusinessMinutes += business;
            d.Count(key, ReportDuration.Resolution, minutes);
            d.Count(key, ReportDuration.ResolutionBusiness, business);
            if (s.AgentReplies == 1 && s.Reopens == 0) f.OneTouch++;
            if (Targets(s)?.ResolutionMinutes is not null && !s.ResolutionBreached)
            {
                f.ResolutionMet++;
                s.ResolutionMetDay = day;
            }
            foreach (var t in d.Labels(s, day))
            {
                t.Solved++;
                t.BacklogDelta--;
            }
        }
        else
        {
            f.Reopened++;
            f.BacklogDelta++;
            // The solve just undone was counted one-touch; reopened, it no longer is (taken back on its own day).
            if (s.AgentReplies == 1 && s.Reopens == 0 && s.ResolvedAt is { } solvedAt) d[s.KeyOn(DayOf(solvedAt))].OneTouch--;
            s.Reopens++;
            s.ResolvedAt = null;
            // A reopened ticket's resolution target starts again.
            s.ResolutionBreached = false;
            s.ResolutionMetDay = null;
            foreach (var t in d.Labels(s, day))
            {
                t.Reopened++;
                t.BacklogDelta++;
            }
        }
    }

    private void Reply(TicketDomainEvent e, ReportTicketState s, FactDeltas d, DateOnly day)
    {
        s.AgentReplies++;
        var key = s.KeyOn(day);
        var f = d[key];
        if (!s.Responded)
        {
            s.Responded = true;
            s.FirstResponseAt = e.At;
            var minutes = Math.Max(0, (e.At - s.CreatedAt).TotalMinutes);
            var business = BusinessMinutes(s, s.CreatedAt, e.At);
            f.FirstResponses++;
            f.FirstResponseMinutes += minutes;
            f.FirstResponseBusinessMinutes += business;
            d.Count(key, ReportDuration.FirstResponse, minutes);
            d.Count(key, ReportDuration.FirstResponseBusiness, business);
            if (Targets(s)?.FirstResponseMinutes is not null && !s.FirstResponseBreached)
            {
                f.FirstResponseMet++;
                s.FirstResponseMetDay = day;
            }
        }
        else if (s.AwaitingSince is not null)
        {
            if (Targets(s)?.NextResponseMinutes is not null && !s.NextResponseBreached)
            {
                f.NextResponseMet++;
                s.NextResponseMetDay = day;
                s.NextResponseMetAt = e.At;
            }
        }
        s.AwaitingSince = null;
    }

    private void Breach(SlaAlertRaised a, ReportTicketState s, FactDeltas d)
    {
        var day = DayOf(a.CrossedAt);
        switch (a.Target)
        {
            case TicketSlaClock.FirstResponse when !s.FirstResponseBreached:
                s.FirstResponseBreached = true;
                d[s.KeyOn(day)].FirstResponseBreached++;
                if (s.FirstResponseMetDay is { } met) { d[s.KeyOn(met)].FirstResponseMet--; s.FirstResponseMetDay = null; }
                break;
            case TicketSlaClock.NextResponse when !s.NextResponseBreached:
                s.NextResponseBreached = true;
                d[s.KeyOn(day)].NextResponseBreached++;
                if (s.NextResponseMetDay is { } nextMet && s.NextResponseMetAt >= a.CrossedAt)
                {
                    d[s.KeyOn(nextMet)].NextResponseMet--;
                    s.NextResponseMetDay = null;
                }
                break;
            case TicketSlaClock.Resolution when !s.ResolutionBreached:
                s.ResolutionBreached = true;
                d[s.KeyOn(day)].ResolutionBreached++;
                if (s.ResolutionMetDay is { } resolved) { d[s.KeyOn(resolved)].ResolutionMet--; s.ResolutionMetDay = null; }
                break;
        }
    }

    private PolicySetup? Policy(ReportTicketState s) => sla?.Choose(new TicketFacts(s.GroupId == 0 ? null : s.GroupId,
        s.CompanyId == 0 ? null : s.CompanyId, s.Type, s.Channel, s.TagList, s.Priority))?.Policy;

    private SlaTargets? Targets(ReportTicketState s) => Policy(s)?.TargetsFor(s.Priority);

    /// <summary>Working minutes of the calendar of the ticket's SLA policy (the default policy's when none matches); a
    /// desk without SLA policies counts calendar minutes.</summary>
    private double BusinessMinutes(ReportTicketState s, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = Policy(s)?.Calendar;
        return calendar is null ? Math.Max(0, (to - from).TotalMinutes) : calendar.MinutesBetween(from, to);
    }
}
