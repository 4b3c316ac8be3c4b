using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Reports.Kpi;

public enum KpiInterval { Day, Week, Month }

/// <summary>A report request: which report, the period (days in the report time zone), the interval its rows are summed
/// by, at most one dimension to group by, and filters.</summary>
public sealed record KpiQuery(string Report, ReportPeriod Period, KpiInterval Interval, string? GroupBy, long? GroupId, long? AgentId,
    string? Channel, long? CompanyId, TicketType? Type, TicketPriority? Priority, string? Tag)
{
    public static readonly string[] GroupBys = ["group", "agent", "channel", "company", "type", "priority", "tag"];

    /// <summary>The dimensions whose values grow with the desk (groups, agents, companies): a grouped report of them is
    /// answered a page of groups at a time when <see cref="GroupLimit"/> is set. The others have a handful of values.</summary>
    public static readonly string[] PagedGroupBys = ["group", "agent", "company"];

    /// <summary>Groups per page (by id, after <see cref="GroupAfter"/>: -1 from the start, as 0 stands for "none", e.g. unassigned);
    /// null: every group (exports, schedules, the dashboard).</summary>
    public int? GroupLimit { get; init; }
    public long GroupAfter { get; init; } = -1;

    /// <summary>Only these ids of the grouped dimension (the page being built).</summary>
    public IReadOnlyList<long>? GroupKeys { get; init; }

    public bool GroupPaged => GroupLimit is not null && PagedGroupBys.Contains(GroupBy);

    /// <summary>A filter by a reportable ticket custom field (<c>cf.&lt;key&gt;=value</c>: an option key, or true/false);
    /// a grouping by one is <see cref="GroupBy"/> "cf.&lt;key&gt;" (see <see cref="ReportFieldValues"/>).</summary>
    public string? FieldKey { get; init; }
    public string? FieldValue { get; init; }

    /// <summary>The custom field the report is grouped by, or null.</summary>
    public string? FieldGroupBy => GroupBy is { } by && by.StartsWith(FieldPrefix, StringComparison.Ordinal) ? by[FieldPrefix.Length..] : null;

    /// <summary>The custom field the report is filtered or grouped by (it reads that field's counters only), or null.</summary>
    public string? Field => FieldKey ?? FieldGroupBy;

    public const string FieldPrefix = Tickets.CustomFields.CustomFieldCondition.QueryPrefix;

    public bool ByTicketDimension => GroupBy is not null and not "tag" && FieldGroupBy is null || GroupId is not null || AgentId is not null
        || Channel is not null || CompanyId is not null || Type is not null || Priority is not null;
    public bool ByTag => GroupBy == "tag" || Tag is not null;
    public bool ByField => Field is not null;

    /// <summary>Read from the label counters (tags, custom field values), which keep the ticket counts only.</summary>
    public bool ByLabel => ByTag || ByField;

    /// <summary>NPS is a person's answer, not a ticket's: it is kept per day × company only.</summary>
    public bool NpsSliceable => (GroupBy is null or "company") && Tag is null && FieldKey is null && GroupId is null && AgentId is null && Channel is null
        && Type is null && Priority is null;

    /// <summary>The first slice NPS is not kept by (for the error), or null.</summary>
    public string? NotNpsDimension => GroupBy is not null and not "company" ? "groupBy" : Tag is not null ? "tag" : FieldKey is not null ? FieldPrefix + FieldKey
        : GroupId is not null ? "groupId" : AgentId is not null ? "agentId" : Channel is not null ? "channel" : Type is not null ? "type"
        : Priority is not null ? "priority" : null;
}

/// <summary>A column of a report: its key (as the API and exports name it) and unit.</summary>
public sealed record KpiColumn(string Key, KpiUnit Unit);

/// <summary>One row: the interval's first day (within the period), the group's key and name when grouped, the values in
/// column order (null: nothing to compute it from).</summary>
public sealed record KpiRow(DateOnly Period, string? Group, string? GroupName, IReadOnlyList<double?> Values);

/// <summary>A report's answer: rows per interval (× group), the totals of the whole period and of the period just before
/// it (same length) for comparison.</summary>
public sealed record KpiReportView(string Report, DateOnly From, DateOnly To, string Interval, string? GroupBy, string TimeZone,
    IReadOnlyList<KpiColumn> Columns, IReadOnlyList<KpiRow> Rows, IReadOnlyList<double?> Total, IReadOnlyList<double?> Previous,
    DateOnly PreviousFrom, DateOnly PreviousTo, string? NextCursor = null);

/// <summary>The sums a column is computed from (one interval × group, or a whole period).</summary>
public sealed class KpiBag
{
    public ReportDailyFact Sum { get; } = new();
    public long? Backlog { get; set; }
    public long Visits { get; set; }
    public long VisitsWithoutTicket { get; set; }
    public long SolvedByBot { get; set; }
    public bool HasHelpCenter { get; set; }
    public long Promoters { get; set; }
    public long Passives { get; set; }
    public long Detractors { get; set; }
    public bool HasNps { get; set; }

    public double? Percentile(ReportDuration metric, double p) => DurationBuckets.Percentile(Sum.Buckets(metric), p);
}

/// <summary>Computes every report from the aggregates: a fixed number of grouped queries whatever the period or the
/// number of tickets (facts by day × group, histogram buckets, the backlog before the period, the help-center days).</summary>
public sealed class KpiReport(OknoDb db, KbSearchReport helpCenter, IOptions<ReportsOptions> options,
    Microsoft.Extensions.Localization.IStringLocalizer<Tickets.CustomFields.Ui.CustomFieldStrings> fieldWords)
{
    private sealed record ColumnDef(string Key, KpiUnit Unit, Func<KpiBag, double?> Value, bool Tag = false, ReportDuration[]? Durations = null,
        bool Backlog = false, bool HelpCenter = false, bool Nps = false);

    private static double? Ratio(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 2);
    private static double? Average(double sum, long count) => count == 0 ? null : Math.Round(sum / count, 2);

    private static ColumnDef Col(string key, KpiUnit unit, Func<KpiBag, double?> value, bool tag = false) => new(key, unit, value, tag);
    private static ColumnDef P(string key, ReportDuration metric, double p) => new(key, KpiUnit.Minutes, b => b.Percentile(metric, p), Durations: [metric]);

    private static readonly ColumnDef Created = Col("created", KpiUnit.Count, b => b.Sum.Created, tag: true);
    private static readonly ColumnDef Solved = Col("solved", KpiUnit.Count, b => b.Sum.Solved, tag: true);
    private static readonly ColumnDef Backlog = new("backlog", KpiUnit.Count, b => b.Backlog, Tag: true, Backlog: true);
    private static readonly ColumnDef Reopened = Col("reopened", KpiUnit.Count, b => b.Sum.Reopened, tag: true);
    private static readonly ColumnDef ReopenRate = Col("reopen_rate", KpiUnit.Percent, b => Ratio(b.Sum.Reopened, b.Sum.Solved), tag: true);
    private static readonly ColumnDef OneTouchRate = Col("one_touch_rate", KpiUnit.Percent, b => Ratio(b.Sum.OneTouch, b.Sum.Solved));
    private static readonly ColumnDef Escalations = Col("escalations", KpiUnit.Count, b => b.Sum.Escalations);
    private static ColumnDef Compliance(string key, Func<ReportDailyFact, int> met, Func<ReportDailyFact, int> breached) =>
        Col(key, KpiUnit.Percent, b => Ratio(met(b.Sum), met(b.Sum) + breached(b.Sum)));
    private static readonly ColumnDef BotSolved = new("solved_by_bot", KpiUnit.Count, b => b.HasHelpCenter ? b.SolvedByBot : null, HelpCenter: true);
    private static readonly ColumnDef HelpSuccess = new("help_center_success", KpiUnit.Percent,
        b => b.HasHelpCenter ? Ratio(b.VisitsWithoutTicket, b.Visits) : null, HelpCenter: true);

    private static readonly ColumnDef CsatAnswers = Col("csat_answers", KpiUnit.Count, b => b.Sum.CsatRatings);
    private static readonly ColumnDef CsatSatisfied = Col("csat_satisfied", KpiUnit.Count, b => b.Sum.CsatSatisfied);
    private static readonly ColumnDef Csat = Col("csat", KpiUnit.Percent, b => Ratio(b.Sum.CsatSatisfied, b.Sum.CsatRatings));
    private static readonly ColumnDef CsatAverage = Col("csat_average_rating", KpiUnit.Rating, b => Average(b.Sum.CsatRatingSum, b.Sum.CsatRatings));
    private static ColumnDef NpsCol(string key, KpiUnit unit, Func<KpiBag, double?> value) => new(key, unit, b => b.HasNps ? value(b) : null, Nps: true);
    private static readonly ColumnDef Nps = NpsCol("nps", KpiUnit.Percent, b => NpsOf(b.Promoters, b.Passives, b.Detractors));

    /// <summary>% promoters − % detractors of all answers, −100…100; null without answers.</summary>
    public static double? NpsOf(long promoters, long passives, long detractors)
    {
        var all = promoters + passives + detractors;
        return all == 0 ? null : Math.Round(100.0 * (promoters - detractors) / all, 2);
    }

    private static ColumnDef[] Times(string prefix, Func<ReportDailyFact, int> count, Func<ReportDailyFact, double> sum,
        Func<ReportDailyFact, double> businessSum, ReportDuration calendar, ReportDuration business) =>
    [
        Col(prefix == "first_response" ? "responses" : "resolutions", KpiUnit.Count, b => count(b.Sum)),
        Col("average_minutes", KpiUnit.Minutes, b => Average(sum(b.Sum), count(b.Sum))),
        P("median_minutes", calendar, 0.5), P("p90_minutes", calendar, 0.9),
        Col("business_average_minutes", KpiUnit.Minutes, b => Average(businessSum(b.Sum), count(b.Sum))),
        P("business_median_minutes", business, 0.5), P("business_p90_minutes", business, 0.9),
    ];

    private static readonly Dictionary<string, ColumnDef[]> Reports = new()
    {
        ["created"] = [Created],
        ["solved"] = [Solved],
        ["backlog"] = [Backlog],
        ["first_response_time"] = Times("first_response", f => f.FirstResponses, f => f.FirstResponseMinutes, f => f.FirstResponseBusinessMinutes,
            ReportDuration.FirstResponse, ReportDuration.FirstResponseBusiness),
        ["resolution_time"] = Times("resolution", f => f.Resolutions, f => f.ResolutionMinutes, f => f.ResolutionBusinessMinutes,
            ReportDuration.Resolution, ReportDuration.ResolutionBusiness),
        ["sla_compliance"] =
        [
            Col("first_response_met", KpiUnit.Count, b => b.Sum.FirstResponseMet), Col("first_response_breached", KpiUnit.Count, b => b.Sum.FirstResponseBreached),
            Compliance("first_response_compliance", f => f.FirstResponseMet, f => f.FirstResponseBreached),
            Col("next_response_met", KpiUnit.Count, b => b.Sum.NextResponseMet), Col("next_response_breached", KpiUnit.Count, b => b.Sum.NextResponseBreached),
            Compliance("next_response_compliance", f => f.NextResponseMet, f => f.NextResponseBreached),
            Col("resolution_met", KpiUnit.Count, b => b.Sum.ResolutionMet), Col("resolution_breached", KpiUnit.Count, b => b.Sum.ResolutionBreached),
            Compliance("resolution_compliance", f => f.ResolutionMet, f => f.ResolutionBreached),
        ],
        ["reopen_rate"] = [Reopened, Solved, ReopenRate],
        ["one_touch"] = [Col("one_touch", KpiUnit.Count, b => b.Sum.OneTouch), Solved, OneTouchRate],
        ["escalations"] = [Escalations],
        // The headline value first: the dashboard's bar chart shows a report's first column.
        ["csat"] = [Csat, CsatAverage, CsatAnswers, CsatSatisfied],
        ["nps"] =
        [
            Nps, NpsCol("nps_answers", KpiUnit.Count, b => b.Promoters + b.Passives + b.Detractors), NpsCol("promoters", KpiUnit.Count, b => b.Promoters),
            NpsCol("passives", KpiUnit.Count, b => b.Passives), NpsCol("detractors", KpiUnit.Count, b => b.Detractors),
        ],
        ["bot_deflection"] = [BotSolved],
        ["help_center_success"] = [new("visits", KpiUnit.Count, b => b.HasHelpCenter ? b.Visits : null, HelpCenter: true),
            new("visits_without_ticket", KpiUnit.Count, b => b.HasHelpCenter ? b.VisitsWithoutTicket : null, HelpCenter: true), HelpSuccess],
        [KpiCatalog.Overview] =
        [
            Created, Solved, Backlog,
            P("first_response_median_minutes", ReportDuration.FirstResponse, 0.5), P("first_response_business_median_minutes", ReportDuration.FirstResponseBusiness, 0.5),
            P("resolution_median_minutes", ReportDuration.Resolution, 0.5), P("resolution_business_median_minutes", ReportDuration.ResolutionBusiness, 0.5),
            Compliance("first_response_compliance", f => f.FirstResponseMet, f => f.FirstResponseBreached),
            Compliance("next_response_compliance", f => f.NextResponseMet, f => f.NextResponseBreached),
            Compliance("resolution_compliance", f => f.ResolutionMet, f => f.ResolutionBreached),
            ReopenRate, OneTouchRate, Escalations, BotSolved, HelpSuccess, Csat, CsatAverage, Nps,
        ],
    };

    public static IReadOnlyCollection<string> ReportNames => Reports.Keys;

    /// <summary>The columns of a report (for the catalog and the UI).</summary>
    public static IReadOnlyList<KpiColumn> ColumnsOf(string report) =>
        Reports.TryGetValue(report, out var defs) ? defs.Select(d => new KpiColumn(d.Key, d.Unit)).ToList() : [];

    private static readonly ReportPeriodCodes PeriodCodes = new(ReportErrorCodes.RangeReversed, ReportErrorCodes.RangeTooLong, ErrorCodes.InvalidValue);

    /// <summary>Reads and checks a request's query values; the period's days are in the report time zone, both ends included.
    /// <paramref name="fields"/>: the request's <c>cf.&lt;key&gt;</c> values (at most one; the field itself is checked by
    /// <see cref="BuildAsync"/>, which reads the definitions).</summary>
    public KpiQuery Parse(string report, string? from, string? to, string? interval, string? groupBy, long? groupId, long? agentId,
        string? channel, long? companyId, string? type, string? priority, string? tag, DateTimeOffset now,
        IReadOnlyList<KeyValuePair<string, string>>? fields = null)
    {
        if (!Reports.ContainsKey(report))
        {
            if (KpiCatalog.Find(report) is { Source: KpiSource.Pending })
                throw new OknoException(new StateConflict(ReportErrorCodes.KpiNotAvailable, $"The KPI '{report}' is not wired yet.", ("name", report)));
            throw new OknoException(new NotFound(ReportErrorCodes.ReportNotFound, "Report", report));
        }
        var zone = options.Value.TimeZone;
        var period = ReportPeriod.Parse(from, to, zone, toIncluded: true, now, PeriodCodes);
        var errors = new FieldErrors();
        var step = KpiInterval.Day;
        if (!string.IsNullOrWhiteSpace(interval))
        {
            try { step = QueryValues.Enum<KpiInterval>(interval, "interval")!.Value; }
            catch (OknoException e) when (e.Error is InvalidInput bad) { foreach (var f in bad.Fields) foreach (var x in f.Value) errors.Add(f.Key, x); }
        }
        if (groupBy is not null && !KpiQuery.GroupBys.Contains(groupBy) && !ReportFieldValues.IsFieldName(groupBy))
            errors.Add("groupBy", ErrorCodes.NotOneOf, $"'{groupBy}' is not one of: {string.Join(", ", KpiQuery.GroupBys)}, cf.<key>.",
                ("value", groupBy.Length > 80 ? groupBy[..80] : groupBy), ("allowed", string.Join(", ", KpiQuery.GroupBys) + ", cf.<key>"));
        string? fieldKey = null, fieldValue = null;
        if (fields is { Count: > 0 })
        {
            var (name, value) = (fields[0].Key, fields[0].Value.Trim());
            if (fields.Count > 1) errors.TooMany("cf", 1, "custom field filters");
            else if (!ReportFieldValues.IsFieldName(name))
                errors.Add(name.Length > 80 ? name[..80] : name, ErrorCodes.InvalidValue, "Not a custom field's key.", ("value", name.Length > 80 ? name[..80] : name));
            else if (!ReportFieldValues.IsValue(value))
                errors.Add(name, ErrorCodes.InvalidValue, "An option's key, or true/false.", ("value", value.Length > 80 ? value[..80] : value));
            else (fieldKey, fieldValue) = (name[KpiQuery.FieldPrefix.Length..], value);
        }
        if (channel is not null && (channel.Length > ReportTicketState.ChannelMaxLength || !ChannelKind.TryParse(channel, out _)))
            errors.Add("channel", ErrorCodes.InvalidValue, "Not a channel kind.", ("value", channel.Length > 32 ? channel[..32] : channel));
        if (tag is not null && (tag.Length == 0 || tag.Length > Tag.NameMaxLength)) errors.Add("tag", ErrorCodes.TooLong, $"At most {Tag.NameMaxLength} characters.", ("max", Tag.NameMaxLength));
        TicketType? ticketType = null;
        TicketPriority? ticketPriority = null;
        try { ticketType = QueryValues.Enum<TicketType>(type, "type"); }
        catch (OknoException e) when (e.Error is InvalidInput bad) { foreach (var f in bad.Fields) foreach (var x in f.Value) errors.Add(f.Key, x); }
        try { ticketPriority = QueryValues.Enum<TicketPriority>(priority, "priority"); }
        catch (OknoException e) when (e.Error is InvalidInput bad) { foreach (var f in bad.Fields) foreach (var x in f.Value) errors.Add(f.Key, x); }
        errors.ThrowIfAny();
        var query = new KpiQuery(report, period, step, groupBy, groupId, agentId, channel, companyId, ticketType, ticketPriority, tag)
        {
            FieldKey = fieldKey, FieldValue = fieldValue,
        };
        var defs = Reports[report];
        // The name of the value that brought the custom field in, for the errors.
        var fieldName = query.FieldGroupBy is not null ? "groupBy" : KpiQuery.FieldPrefix + fieldKey;
        if (query.ByTag && query.ByTicketDimension)
            errors.Add(query.GroupBy == "tag" ? "groupBy" : "tag", ReportErrorCodes.TagWithDimensions, "Tags cannot be combined with other filters or groupings.");
        else if (query.ByField && (query.ByTicketDimension || query.ByTag || query.FieldKey is not null && query.FieldGroupBy is not null && query.FieldKey != query.FieldGroupBy))
            errors.Add(fieldName, ReportErrorCodes.FieldWithDimensions, "A custom field cannot be combined with other filters or groupings.");
        else if (query.ByTag && report != KpiCatalog.Overview && !defs.All(d => d.Tag))
            errors.Add(query.GroupBy == "tag" ? "groupBy" : "tag", ReportErrorCodes.NotByTag, $"The report '{report}' is not kept per tag.", ("name", report));
        else if (query.ByField && report != KpiCatalog.Overview && !defs.All(d => d.Tag))
            errors.Add(fieldName, ReportErrorCodes.NotByField, $"The report '{report}' is not kept per custom field.", ("name", report));
        else if (defs.All(d => d.Nps) && query.NotNpsDimension is { } dimension)
            errors.Add(dimension, ReportErrorCodes.DimensionNotSupported,
                $"The report '{report}' is kept per day and company only (NPS answers are people's, not tickets').", ("name", report), ("field", dimension));
        else if ((query.ByLabel || query.ByTicketDimension) && defs.All(d => d.HelpCenter))
            errors.Add(query.GroupBy is not null ? "groupBy" : "filter", ReportErrorCodes.NotSliceable,
                $"The report '{report}' comes from the help center and has no ticket dimensions.", ("name", report));
        errors.ThrowIfAny();
        return query;
    }

    public async Task<KpiReportView> BuildAsync(KpiQuery q, CancellationToken ct)
    {
        var defs = Reports[q.Report];
        var field = await ReportFieldValues.CheckAsync(db, q, ct);
        var period = q.Period;
        var length = period.Last.DayNumber - period.First.DayNumber + 1;
        // The period just before, as long; whole calendar months compare with the same number of months before.
        var previousFirst = period.First.AddDays(-length);
        var previousLast = period.First.AddDays(-1);
        if (period.First.Day == 1 && period.Last.AddDays(1).Day == 1)
            previousFirst = period.First.AddMonths(-(period.Last.Year * 12 + period.Last.Month - period.First.Year * 12 - period.First.Month + 1));
        var sliced = q.ByLabel || q.ByTicketDimension;
        var durations = defs.SelectMany(d => d.Durations ?? []).Distinct().ToArray();
        var wantsBacklog = defs.Any(d => d.Backlog);
        var wantsHelpCenter = defs.Any(d => d.HelpCenter) && !sliced;
        var wantsNps = defs.Any(d => d.Nps) && q.NpsSliceable;

        // A page of groups: their ids first, then their rows only; the totals of every group from the query without the
        // grouping (at 1M tickets a year of day × agent was 110,000 rows and 0.6–2.4 s in one answer).
        string? nextCursor = null;
        var paged = q.GroupPaged && !defs.All(d => d.Nps);
        if (paged)
        {
            var limit = q.GroupLimit!.Value;
            var keys = await SliceOf(q).KeysAsync(db, q, wantsBacklog ? null : period.First, period.Last, q.GroupAfter, limit + 1, ct);
            if (keys.Count > limit) nextCursor = Paging.Encode(keys[limit - 1]);
            q = q with { GroupKeys = keys.Take(limit).ToList() };
        }
        var whole = q with { GroupBy = null, GroupKeys = null, GroupLimit = null };
        var counters = CountersFor(durations);

        // (day, group key) → sums; one grouped query over the current and the previous period (a page's rows only over the
        // current one: its totals come from the ungrouped query, and half the rows are not read).
        var rowsFrom = paged ? period.First : previousFirst;
        var facts = defs.All(d => d.Nps) ? [] : q.ByLabel ? await LabelFactsAsync(q, previousFirst, period.Last, ct)
            : await FactsAsync(q, rowsFrom, period.Last, counters, new Bucketing(rowsFrom, period.First, q.Interval == KpiInterval.Month), ct);
        var backlogBefore = wantsBacklog ? await BacklogBeforeAsync(q, rowsFrom, ct) : [];
        // The totals' sums: the same rows when every group is in the answer, else the ungrouped query in two buckets.
        var totalFacts = paged ? await FactsAsync(whole, previousFirst, period.Last, counters, new Bucketing(previousFirst, period.First, false, Whole: true), ct) : facts;
        var totalBacklogBefore = paged && wantsBacklog ? await BacklogBeforeAsync(whole, previousFirst, ct) : backlogBefore;
        var help = wantsHelpCenter ? await HelpCenterAsync(previousFirst, period.Last, ct) : [];
        var nps = wantsNps ? await NpsAsync(q, previousFirst, period.Last, ct) : [];

        DateOnly BucketOf(DateOnly day)
        {
            var start = q.Interval switch
            {
                KpiInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
                KpiInterval.Month => new DateOnly(day.Year, day.Month, 1),
                _ => day,
            };
            return start < period.First ? period.First : start;
        }
        var buckets = new List<DateOnly>();
        for (var d = period.First; d <= period.Last; d = d.AddDays(1))
            if (buckets.Count == 0 || buckets[^1] != BucketOf(d)) buckets.Add(BucketOf(d));

        KpiBag NewBag() => new() { HasHelpCenter = wantsHelpCenter, HasNps = wantsNps };
        var total = NewBag();
        var previous = NewBag();
        var cells = new Dictionary<(DateOnly, string), KpiBag>();
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        KpiBag Cell(DateOnly bucket, string group) =>
            cells.TryGetValue((bucket, group), out var bag) ? bag : cells[(bucket, group)] = NewBag();
        bool Current(DateOnly day) => day >= period.First;

        foreach (var (day, _, sum) in totalFacts) (Current(day) ? total : previous).Sum.Add(sum);
        foreach (var (day, group, sum) in facts)
        {
            if (!Current(day)) continue;
            groups.Add(group);
            Cell(BucketOf(day), group).Sum.Add(sum);
        }
        foreach (var (day, visits, without, bot) in help)
        {
            var bag = Current(day) ? total : previous;
            bag.Visits += visits; bag.VisitsWithoutTicket += without; bag.SolvedByBot += bot;
            if (!Current(day)) continue;
            var cell = Cell(BucketOf(day), "");
            cell.Visits += visits; cell.VisitsWithoutTicket += without; cell.SolvedByBot += bot;
        }
        foreach (var (day, group, promoters, passives, detractors) in nps)
        {
            var bag = Current(day) ? total : previous;
            bag.Promoters += promoters; bag.Passives += passives; bag.Detractors += detractors;
            if (!Current(day) || q.GroupKeys is { } page && !page.Contains(long.Parse(group, CultureInfo.InvariantCulture))) continue;
            groups.Add(group);
            var cell = Cell(BucketOf(day), group);
            cell.Promoters += promoters; cell.Passives += passives; cell.Detractors += detractors;
        }
        if (!sliced || q.GroupBy is null) groups.Add("");
        if (wantsBacklog)
        {
            foreach (var g in backlogBefore.Keys) if (q.GroupBy is not null) groups.Add(g);
            // Open at the end of a day = open before the previous period + every delta up to that day.
            var before = totalBacklogBefore.Values.Sum();
            previous.Backlog = before + totalFacts.Where(f => !Current(f.Day)).Sum(f => (long)f.Sum.BacklogDelta);
            total.Backlog = previous.Backlog + totalFacts.Where(f => Current(f.Day)).Sum(f => (long)f.Sum.BacklogDelta);
            var byGroup = facts.GroupBy(f => f.Group).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Day).ToList());
            foreach (var g in groups)
            {
                var rows = byGroup.GetValueOrDefault(g) ?? [];
                long running = backlogBefore.GetValueOrDefault(g);
                var i = 0;
                for (var b = 0; b < buckets.Count; b++)
                {
                    var end = b + 1 < buckets.Count ? buckets[b + 1].AddDays(-1) : period.Last;
                    for (; i < rows.Count && rows[i].Day <= end; i++) running += rows[i].Sum.BacklogDelta;
                    Cell(buckets[b], g).Backlog = running;
                }
            }
        }

        var names = field is not null && q.FieldGroupBy is not null ? ReportFieldValues.Names(field, groups, fieldWords) : await GroupNamesAsync(q.GroupBy, groups, ct);
        var list = new List<KpiRow>();
        foreach (var bucket in buckets)
            foreach (var g in groups)
            {
                var bag = cells.GetValueOrDefault((bucket, g)) ?? NewBag();
                list.Add(new KpiRow(bucket, q.GroupBy is null ? null : g, q.GroupBy is null ? null : names.GetValueOrDefault(g, g),
                    defs.Select(d => Value(d, bag, q)).ToList()));
            }
        if (q.GroupBy is not null)
            // Groups without anything in the period are left out (a backlog still open counts as something).
        {
            var kept = list.GroupBy(r => r.Group).Where(g => g.Any(r => r.Values.Any(v => v is not null and not 0))).Select(g => g.Key).ToHashSet();
            list = list.Where(r => kept.Contains(r.Group)).ToList();
        }
        return new KpiReportView(q.Report, period.First, period.Last, q.Interval.ToSnakeCase(), q.GroupBy, period.Zone.Id,
            defs.Select(d => new KpiColumn(d.Key, d.Unit)).ToList(), list,
            defs.Select(d => Value(d, total, q)).ToList(), defs.Select(d => Value(d, previous, q)).ToList(), previousFirst, previousLast, nextCursor);
    }

    /// <summary>A report sliced by a tag or a custom field has only the label counters: the other columns have no value.</summary>
    private static double? Value(ColumnDef def, KpiBag bag, KpiQuery q) => q.ByLabel && !def.Tag || def.Nps && !q.NpsSliceable ? null : def.Value(bag);

    /// <summary>The NPS days (report time zone) per company when grouped by it; filtered by company.</summary>
    private async Task<List<(DateOnly Day, string Group, long Promoters, long Passives, long Detractors)>> NpsAsync(KpiQuery q, DateOnly first,
        DateOnly last, CancellationToken ct)
    {
        var rows = db.Set<ReportDailyNps>().AsNoTracking().Where(n => n.Day >= first && n.Day <= last);
        if (q.CompanyId is { } company) rows = rows.Where(n => n.CompanyId == company);
        var byCompany = q.GroupBy == "company";
        var sums = await rows.GroupBy(n => new { n.Day, CompanyId = byCompany ? n.CompanyId : 0 })
            .Select(g => new { g.Key.Day, g.Key.CompanyId, Promoters = g.Sum(x => (long)x.Promoters), Passives = g.Sum(x => (long)x.Passives),
                Detractors = g.Sum(x => (long)x.Detractors) })
            .ToListAsync(ct);
        return sums.Select(r => (r.Day, byCompany ? Str(r.CompanyId) : "", r.Promoters, r.Passives, r.Detractors)).ToList();
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> facts, KpiQuery q) where T : class
    {
        // The same filters over facts and histogram rows (both carry the dimensions under the same names).
        var p = Expression.Parameter(typeof(T), "f");
        Expression? where = null;
        void And(string property, object? value)
        {
            if (value is null) return;
            var member = Expression.Property(p, property);
            var eq = Expression.Equal(member, Expression.Constant(value, member.Type));
            where = where is null ? eq : Expression.AndAlso(where, eq);
        }
        And(nameof(ReportDailyFact.GroupId), q.GroupId);
        And(nameof(ReportDailyFact.AssigneeId), q.AgentId);
        And(nameof(ReportDailyFact.Channel), q.Channel);
        And(nameof(ReportDailyFact.CompanyId), q.CompanyId);
        And(nameof(ReportDailyFact.Type), q.Type);
        And(nameof(ReportDailyFact.Priority), q.Priority);
        if (q.GroupKeys is { } keys && q.GroupBy is { } by)
        {
            var member = Expression.Property(p, by switch { "group" => nameof(ReportDailyFact.GroupId), "agent" => nameof(ReportDailyFact.AssigneeId),
                _ => nameof(ReportDailyFact.CompanyId) });
            var among = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], Expression.Constant(keys.ToArray()), member);
            where = where is null ? among : Expression.AndAlso(where, among);
        }
        return where is null ? facts : facts.Where(Expression.Lambda<Func<T, bool>>(where, p));
    }

    /// <summary>A grouped sum of counters and its key.</summary>
    public sealed class FactSum<TKey> : ReportDailyCounters
    {
        public TKey Key { get; set; } = default!;
    }

    /// <summary>The counters a report sums: every total, and the duration buckets only of the metrics its percentiles
    /// read (64 bucket columns otherwise summed for nothing).</summary>
    private static HashSet<string> CountersFor(ReportDuration[] durations) =>
        ReportDailyCounters.CounterProperties.Where(p => !p.Name.Contains("Bucket", StringComparison.Ordinal)
            || durations.Any(d => p.Name.StartsWith(d + "Bucket", StringComparison.Ordinal))).Select(p => p.Name).ToHashSet();

    /// <summary>g => new FactSum&lt;TKey&gt; { Key = g.Key, C = g.Sum(x => x.C), … } for the chosen counters (one SUM per column
    /// in SQL; the others stay 0).</summary>
    private static Expression<Func<IGrouping<TKey, T>, FactSum<TKey>>> SumProjection<T, TKey>(IReadOnlySet<string> counters)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, T>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(FactSum<TKey>).GetProperty(nameof(FactSum<TKey>.Key))!, Expression.Property(g, "Key")) };
        foreach (var property in ReportDailyCounters.CounterProperties.Where(p => counters.Contains(p.Name)))
        {
            var x = Expression.Parameter(typeof(T), "x");
            var selector = Expression.Lambda(Expression.Property(x, property.Name), x);
            bindings.Add(Expression.Bind(typeof(FactSum<TKey>).GetProperty(property.Name)!,
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(T)], g, selector)));
        }
        return Expression.Lambda<Func<IGrouping<TKey, T>, FactSum<TKey>>>(Expression.MemberInit(Expression.New(typeof(FactSum<TKey>)), bindings), g);
    }

    /// <summary>How the database sums days before the rows reach the report: every day of the previous period into one
    /// sum (only its total is shown), and the current period's days per day or, for a monthly report, per month
    /// (the day × agent rollup has ~200,000 rows over two years at 1M tickets: summing them in SQL instead of reading
    /// each is what keeps the agent reports fast).</summary>
    private sealed record Bucketing(DateOnly PreviousFirst, DateOnly CurrentFirst, bool ByMonth, bool Whole = false)
    {
        /// <summary>0 for the previous period, else yyyymmdd (dd = 01 by month; the first day when the whole period is one).</summary>
        public Expression<Func<T, int>> Of<T>() where T : ReportDailyCounters
        {
            var first = CurrentFirst;
            var whole = first.Year * 10000 + first.Month * 100 + first.Day;
            if (Whole) return x => x.Day < first ? 0 : whole;
            return ByMonth
                ? x => x.Day < first ? 0 : x.Day.Year * 10000 + x.Day.Month * 100 + 1
                : x => x.Day < first ? 0 : x.Day.Year * 10000 + x.Day.Month * 100 + x.Day.Day;
        }

        /// <summary>The first day a bucket stands for (a month's start clamped to the period's first day).</summary>
        public DateOnly DayOf(int bucket)
        {
            if (bucket == 0) return PreviousFirst;
            var day = new DateOnly(bucket / 10000, bucket / 100 % 100, bucket % 100);
            return day < CurrentFirst ? CurrentFirst : day;
        }
    }

    private static async Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> SumAsync<T, TKey>(IQueryable<T> facts,
        Expression<Func<T, int, TKey>> key, Func<TKey, int> bucket, Func<TKey, string> group, IReadOnlySet<string> counters, Bucketing buckets,
        CancellationToken ct) where T : ReportDailyCounters
    {
        var of = buckets.Of<T>();
        var keyOfRow = Expression.Lambda<Func<T, TKey>>(
            ReplacingExpressionVisitor.Replace(key.Parameters[1], ReplacingExpressionVisitor.Replace(of.Parameters[0], key.Parameters[0], of.Body), key.Body),
            key.Parameters[0]);
        return (await facts.GroupBy(keyOfRow).Select(SumProjection<T, TKey>(counters)).ToListAsync(ct))
            .Select(r => (buckets.DayOf(bucket(r.Key)), group(r.Key), (ReportDailyCounters)r)).ToList();
    }

    /// <summary>x => new FactSum&lt;TKey&gt; { Key = key(x), Day = x.Day, C = x.C, … } for the chosen counters.</summary>
    private static Expression<Func<T, FactSum<TKey>>> RowProjection<T, TKey>(Expression<Func<T, TKey>> key, IReadOnlySet<string> counters)
    {
        var x = key.Parameters[0];
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(FactSum<TKey>).GetProperty(nameof(FactSum<TKey>.Key))!, key.Body),
            Expression.Bind(typeof(FactSum<TKey>).GetProperty(nameof(ReportDailyCounters.Day))!, Expression.Property(x, nameof(ReportDailyCounters.Day))),
        };
        foreach (var property in ReportDailyCounters.CounterProperties.Where(p => counters.Contains(p.Name)))
            bindings.Add(Expression.Bind(typeof(FactSum<TKey>).GetProperty(property.Name)!, Expression.Property(x, property.Name)));
        return Expression.Lambda<Func<T, FactSum<TKey>>>(Expression.MemberInit(Expression.New(typeof(FactSum<TKey>)), bindings), x);
    }

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The one ticket dimension a query filters or groups by ("" for none), whose rollup table answers it
    /// (<see cref="ReportRollups"/>); null when it has several (the wide table, slower at a large desk).</summary>
    internal static string? RollupOf(KpiQuery q)
    {
        var dimensions = new HashSet<string>();
        if (q.GroupBy is not null and not "tag") dimensions.Add(q.GroupBy);
        if (q.GroupId is not null) dimensions.Add("group");
        if (q.AgentId is not null) dimensions.Add("agent");
        if (q.Channel is not null) dimensions.Add("channel");
        if (q.CompanyId is not null) dimensions.Add("company");
        if (q.Type is not null) dimensions.Add("type");
        if (q.Priority is not null) dimensions.Add("priority");
        return dimensions.Count switch { 0 => "", 1 => dimensions.Single(), _ => null };
    }

    /// <summary>How a report reads one table sliced by one dimension: its key column and how the key shows.</summary>
    private abstract class Slice
    {
        public abstract Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> SumAsync(OknoDb db, KpiQuery q, DateOnly first, DateOnly last,
            bool grouped, IReadOnlySet<string> counters, Bucketing buckets, CancellationToken ct);

        /// <summary>Up to <paramref name="take"/> ids of the dimension after <paramref name="after"/>, in order, that have a row
        /// in first..last (from the beginning when <paramref name="first"/> is null: a backlog still open counts).</summary>
        public abstract Task<List<long>> KeysAsync(OknoDb db, KpiQuery q, DateOnly? first, DateOnly last, long after, int take, CancellationToken ct);

        /// <summary>The open tickets at the start of <paramref name="first"/> per key: the deltas of every earlier day.</summary>
        public abstract Task<Dictionary<string, long>> BacklogBeforeAsync(OknoDb db, KpiQuery q, DateOnly first, bool grouped, CancellationToken ct);
    }

    /// <param name="rowPerDayAndKey">The table has one row per day × key (a rollup, unique on both), not several (the wide table).</param>
    private sealed class Slice<T, TKey>(Expression<Func<T, TKey>> key, Func<TKey, string> name, bool rowPerDayAndKey) : Slice where T : ReportDailyCounters
    {
        private async Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> ReadRowsAsync(IQueryable<T> rows, Func<TKey, string> group,
            IReadOnlySet<string> counters, CancellationToken ct) =>
            (await rows.Select(RowProjection(key, counters)).ToListAsync(ct)).Select(r => (r.Day, group(r.Key), (ReportDailyCounters)r)).ToList();

        public override Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> SumAsync(OknoDb db, KpiQuery q, DateOnly first, DateOnly last,
            bool grouped, IReadOnlySet<string> counters, Bucketing buckets, CancellationToken ct)
        {
            var rows = Filter(db.Set<T>().AsNoTracking().Where(f => f.Day >= first && f.Day <= last), q);
            if (rowPerDayAndKey && !buckets.ByMonth && !buckets.Whole)
                // Days of a rollup are its rows already: read as they are. A GROUP BY sorted the year's rows (85 columns
                // each) and summed each alone — SQLite at 1M tickets, overview by day × a page of 25 groups: 150 → 60 ms.
                return ReadRowsAsync(rows, grouped ? name : _ => "", counters, ct);
            return grouped
                ? KpiReport.SumAsync(rows, WithKey((T x, int b) => new { B = b, K = KeyPlaceholder<TKey>() }, key), k => k.B, k => name(k.K), counters, buckets, ct)
                : KpiReport.SumAsync(rows, (T x, int b) => new { B = b }, k => k.B, _ => "", counters, buckets, ct);
        }

        public override async Task<List<long>> KeysAsync(OknoDb db, KpiQuery q, DateOnly? first, DateOnly last, long after, int take, CancellationToken ct)
        {
            if (key is not Expression<Func<T, long>> id) throw new InvalidOperationException("Only id dimensions are paged.");
            var rows = Filter(db.Set<T>().AsNoTracking().Where(x => x.Day <= last), q);
            if (first is { } from) rows = rows.Where(x => x.Day >= from);
            return await rows.Select(id).Where(k => k > after).Distinct().OrderBy(k => k).Take(take).ToListAsync(ct);
        }

        public override async Task<Dictionary<string, long>> BacklogBeforeAsync(OknoDb db, KpiQuery q, DateOnly first, bool grouped, CancellationToken ct)
        {
            var rows = Filter(db.Set<T>().AsNoTracking().Where(x => x.Day < first), q);
            if (!grouped) return new() { [""] = await rows.SumAsync(x => (long)x.BacklogDelta, ct) };
            return (await rows.GroupBy(key).Select(g => new { g.Key, Sum = g.Sum(x => (long)x.BacklogDelta) }).ToListAsync(ct))
                .ToDictionary(r => name(r.Key), r => r.Sum);
        }
    }

    /// <summary>Stands for the slice's key column in a grouping shape until <see cref="WithKey"/> puts the column in.</summary>
    private static TKey KeyPlaceholder<TKey>() => throw new InvalidOperationException("Only inside an expression.");

    /// <summary>The shape with <see cref="KeyPlaceholder"/> replaced by the key column (so one generic method groups by
    /// an anonymous type, which EF translates, whatever the column's type).</summary>
    private static Expression<Func<T, int, TShape>> WithKey<T, TKey, TShape>(Expression<Func<T, int, TShape>> shape, Expression<Func<T, TKey>> key)
    {
        var column = ReplacingExpressionVisitor.Replace(key.Parameters[0], shape.Parameters[0], key.Body);
        return (Expression<Func<T, int, TShape>>)new PlaceholderReplacer(column).Visit(shape);
    }

    private sealed class PlaceholderReplacer(Expression column) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(KeyPlaceholder) && node.Method.DeclaringType == typeof(KpiReport) ? column : base.VisitMethodCall(node);
    }

    /// <summary>Per dimension: its rollup table and the wide table sliced by it ("" for none).</summary>
    private static readonly Dictionary<string, (Slice Rollup, Slice Wide)> Slices = new()
    {
        [""] = (new Slice<ReportDailyTotal, int>(x => 0, _ => "", true), new Slice<ReportDailyFact, int>(x => 0, _ => "", false)),
        ["group"] = (new Slice<ReportDailyGroupFact, long>(x => x.GroupId, Str, true), new Slice<ReportDailyFact, long>(x => x.GroupId, Str, false)),
        ["agent"] = (new Slice<ReportDailyAssigneeFact, long>(x => x.AssigneeId, Str, true), new Slice<ReportDailyFact, long>(x => x.AssigneeId, Str, false)),
        ["company"] = (new Slice<ReportDailyCompanyFact, long>(x => x.CompanyId, Str, true), new Slice<ReportDailyFact, long>(x => x.CompanyId, Str, false)),
        ["channel"] = (new Slice<ReportDailyChannelFact, string>(x => x.Channel, k => k, true), new Slice<ReportDailyFact, string>(x => x.Channel, k => k, false)),
        ["type"] = (new Slice<ReportDailyTypeFact, TicketType>(x => x.Type, k => k.ToSnakeCase(), true),
            new Slice<ReportDailyFact, TicketType>(x => x.Type, k => k.ToSnakeCase(), false)),
        ["priority"] = (new Slice<ReportDailyPriorityFact, TicketPriority>(x => x.Priority, k => k.ToSnakeCase(), true),
            new Slice<ReportDailyFact, TicketPriority>(x => x.Priority, k => k.ToSnakeCase(), false)),
    };

    /// <summary>The table a ticket-dimension query reads: the rollup of its one dimension, else the wide table.</summary>
    private static Slice SliceOf(KpiQuery q) => RollupOf(q) is { } rollup ? Slices[rollup].Rollup : Slices[q.GroupBy ?? ""].Wide;

    private Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> FactsAsync(KpiQuery q, DateOnly first, DateOnly last,
        IReadOnlySet<string> counters, Bucketing buckets, CancellationToken ct) =>
        SliceOf(q).SumAsync(db, q, first, last, q.GroupBy is not null, counters, buckets, ct);

    /// <summary>The rows of the tag counters (of one tag when filtered).</summary>
    private IQueryable<ReportDailyTagFact> TagRows(KpiQuery q)
    {
        var rows = db.Set<ReportDailyTagFact>().AsNoTracking();
        return q.Tag is null ? rows : rows.Where(t => t.Tag == q.Tag);
    }

    /// <summary>The rows of one custom field's counters (of one value when filtered), by value when grouped by the field.</summary>
    private IQueryable<ReportDailyFieldFact> FieldRows(KpiQuery q)
    {
        var key = q.Field!;
        var rows = db.Set<ReportDailyFieldFact>().AsNoTracking().Where(f => f.Field == key);
        if (q.FieldValue is { } value) rows = rows.Where(f => f.Value == value);
        return rows;
    }

    private Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> LabelFactsAsync(KpiQuery q, DateOnly first, DateOnly last, CancellationToken ct) =>
        q.ByTag ? LabelFactsAsync(TagRows(q), q.GroupBy == "tag" ? t => t.Tag : _ => "", first, last, ct)
            : LabelFactsAsync(FieldRows(q), q.FieldGroupBy is not null ? f => f.Value : _ => "", first, last, ct);

    /// <summary>A label slice's days: the counters are unique per day × label (a tag; a field's value) and a slice reads one
    /// label or groups by it, so its rows are read as they are.</summary>
    private static async Task<List<(DateOnly Day, string Group, ReportDailyCounters Sum)>> LabelFactsAsync<T>(IQueryable<T> rows, Func<T, string> group,
        DateOnly first, DateOnly last, CancellationToken ct) where T : ReportLabelCounters =>
        (await rows.Where(r => r.Day >= first && r.Day <= last).ToListAsync(ct))
            .Select(r => (r.Day, group(r), (ReportDailyCounters)new ReportDailyFact
            {
                Created = r.Created, Solved = r.Solved, Reopened = r.Reopened, BacklogDelta = r.BacklogDelta,
            }))
            .ToList();

    /// <summary>A label slice's open tickets at the start of <paramref name="first"/> per label (one sum when not grouped).</summary>
    private static async Task<Dictionary<string, long>> LabelBacklogBeforeAsync<T>(IQueryable<T> rows, Expression<Func<T, string>> label, bool grouped,
        DateOnly first, CancellationToken ct) where T : ReportLabelCounters =>
        (await rows.Where(r => r.Day < first).GroupBy(label).Select(g => new { g.Key, Sum = g.Sum(x => (long)x.BacklogDelta) }).ToListAsync(ct))
            .GroupBy(r => grouped ? r.Key : "").ToDictionary(g => g.Key, g => g.Sum(r => r.Sum));

    /// <summary>The open tickets at the start of <paramref name="first"/> per group key: the deltas of every earlier day.</summary>
    private async Task<Dictionary<string, long>> BacklogBeforeAsync(KpiQuery q, DateOnly first, CancellationToken ct) =>
        q.ByField ? await LabelBacklogBeforeAsync(FieldRows(q), f => f.Value, q.FieldGroupBy is not null, first, ct)
        : q.ByTag ? await LabelBacklogBeforeAsync(TagRows(q), t => t.Tag, q.GroupBy == "tag", first, ct)
        : await SliceOf(q).BacklogBeforeAsync(db, q, first, q.GroupBy is not null, ct);

    /// <summary>The help-center search report's days (UTC days, as that report counts them).</summary>
    private async Task<List<(DateOnly Day, long Visits, long Without, long Bot)>> HelpCenterAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var view = await helpCenter.BuildAsync(new ReportPeriod(first, last, TimeZoneInfo.Utc), ct);
        return view.Deflection.Select(d => (d.Day, (long)d.Visits, (long)d.VisitsWithoutTicket, (long)d.SolvedByBot)).ToList();
    }

    private async Task<Dictionary<string, string>> GroupNamesAsync(string? groupBy, IEnumerable<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var names = groupBy switch
        {
            "group" => await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => Str(g.Id), g => g.Name, ct),
            "agent" => await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => Str(a.Id), a => a.Name, ct),
            "company" => await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => Str(c.Id), c => c.Name, ct),
            _ => [],
        };
        if (groupBy is "group" or "agent" or "company") names.TryAdd("0", "—");
        return names;
    }
}
