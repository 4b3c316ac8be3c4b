using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Tickets;
using Expr = System.Linq.Expressions.Expression;

namespace Okno.Reports.Kpi;

/// <summary>The dimensions of one aggregate row: a day in the desk's report time zone and the ticket's group, assignee,
/// channel, company, type and priority at the moment of the change. None is stored as 0, not NULL, so the key is one
/// unique index on both databases (NULLs are distinct in a unique index).</summary>
public readonly record struct FactKey(DateOnly Day, long GroupId, long AssigneeId, string Channel, long CompanyId, TicketType Type,
    TicketPriority Priority);

/// <summary>Daily counters per <see cref="FactKey"/>: what every KPI except the tags sums (percentiles from its duration buckets). Maintained
/// by <see cref="ReportsEventHandler"/> from the ticket event stream (and recomputed by <see cref="ReportsRebuild"/>);
/// a report reads these, never the tickets.</summary>
public sealed class ReportDailyFact : ReportDailyCounters
{
    public long GroupId { get; set; }
    public long AssigneeId { get; set; }
    public string Channel { get; set; } = "";
    public long CompanyId { get; set; }
    public TicketType Type { get; set; }
    public TicketPriority Priority { get; set; }

    public FactKey Key => new(Day, GroupId, AssigneeId, Channel, CompanyId, Type, Priority);

    public static ReportDailyFact For(FactKey key) => new()
    {
        Day = key.Day, GroupId = key.GroupId, AssigneeId = key.AssigneeId, Channel = key.Channel, CompanyId = key.CompanyId,
        Type = key.Type, Priority = key.Priority,
    };
}

/// <summary>The counters of a day's row, shared by the wide <see cref="ReportDailyFact"/> and its one-dimension rollups
/// (<see cref="ReportRollups"/>), which sum the same counters over fewer keys.</summary>
public abstract class ReportDailyCounters
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }

    public int Created { get; set; }
    public int Solved { get; set; }
    public int Reopened { get; set; }
    public int OneTouch { get; set; }
    /// <summary>Open tickets entering this bucket minus those leaving it that day (created, reopened, moved in: +1;
    /// solved, moved out: −1): the backlog at the end of a day is the sum of all deltas up to it.</summary>
    public int BacklogDelta { get; set; }
    public int FirstResponses { get; set; }
    public double FirstResponseMinutes { get; set; }
    public double FirstResponseBusinessMinutes { get; set; }
    public int Resolutions { get; set; }
    public double ResolutionMinutes { get; set; }
    public double ResolutionBusinessMinutes { get; set; }
    public int FirstResponseMet { get; set; }
    public int FirstResponseBreached { get; set; }
    public int NextResponseMet { get; set; }
    public int NextResponseBreached { get; set; }
    public int ResolutionMet { get; set; }
    public int ResolutionBreached { get; set; }
    public int Escalations { get; set; }
    /// <summary>CSAT answers recorded on the day (by answer time) under the dimensions the survey froze at resolution
    /// (group, agent, channel, company) and the ticket's type and priority: how many, how many rated 4–5, the ratings' sum.</summary>
    public int CsatRatings { get; set; }
    public int CsatSatisfied { get; set; }
    public int CsatRatingSum { get; set; }

    // How many durations fell into each bucket of DurationBuckets, per metric (ReportDuration order): medians and
    // percentiles cannot be summed, bucket counts can. Columns of the same row as the other counters, so a rollup row
    // answers a percentile too (a separate histogram table had ~3 rows per ticket at 1M tickets: 3–17 s per report).
    public int FirstResponseBucket00 { get; set; }
    public int FirstResponseBucket01 { get; set; }
    public int FirstResponseBucket02 { get; set; }
    public int FirstResponseBucket03 { get; set; }
    public int FirstResponseBucket04 { get; set; }
    public int FirstResponseBucket05 { get; set; }
    public int FirstResponseBucket06 { get; set; }
    public int FirstResponseBucket07 { get; set; }
    public int FirstResponseBucket08 { get; set; }
    public int FirstResponseBucket09 { get; set; }
    public int FirstResponseBucket10 { get; set; }
    public int FirstResponseBucket11 { get; set; }
    public int FirstResponseBucket12 { get; set; }
    public int FirstResponseBucket13 { get; set; }
    public int FirstResponseBucket14 { get; set; }
    public int FirstResponseBucket15 { get; set; }
    public int FirstResponseBusinessBucket00 { get; set; }
    public int FirstResponseBusinessBucket01 { get; set; }
    public int FirstResponseBusinessBucket02 { get; set; }
    public int FirstResponseBusinessBucket03 { get; set; }
    public int FirstResponseBusinessBucket04 { get; set; }
    public int FirstResponseBusinessBucket05 { get; set; }
    public int FirstResponseBusinessBucket06 { get; set; }
    public int FirstResponseBusinessBucket07 { get; set; }
    public int FirstResponseBusinessBucket08 { get; set; }
    public int FirstResponseBusinessBucket09 { get; set; }
    public int FirstResponseBusinessBucket10 { get; set; }
    public int FirstResponseBusinessBucket11 { get; set; }
    public int FirstResponseBusinessBucket12 { get; set; }
    public int FirstResponseBusinessBucket13 { get; set; }
    public int FirstResponseBusinessBucket14 { get; set; }
    public int FirstResponseBusinessBucket15 { get; set; }
    public int ResolutionBucket00 { get; set; }
    public int ResolutionBucket01 { get; set; }
    public int ResolutionBucket02 { get; set; }
    public int ResolutionBucket03 { get; set; }
    public int ResolutionBucket04 { get; set; }
    public int ResolutionBucket05 { get; set; }
    public int ResolutionBucket06 { get; set; }
    public int ResolutionBucket07 { get; set; }
    public int ResolutionBucket08 { get; set; }
    public int ResolutionBucket09 { get; set; }
    public int ResolutionBucket10 { get; set; }
    public int ResolutionBucket11 { get; set; }
    public int ResolutionBucket12 { get; set; }
    public int ResolutionBucket13 { get; set; }
    public int ResolutionBucket14 { get; set; }
    public int ResolutionBucket15 { get; set; }
    public int ResolutionBusinessBucket00 { get; set; }
    public int ResolutionBusinessBucket01 { get; set; }
    public int ResolutionBusinessBucket02 { get; set; }
    public int ResolutionBusinessBucket03 { get; set; }
    public int ResolutionBusinessBucket04 { get; set; }
    public int ResolutionBusinessBucket05 { get; set; }
    public int ResolutionBusinessBucket06 { get; set; }
    public int ResolutionBusinessBucket07 { get; set; }
    public int ResolutionBusinessBucket08 { get; set; }
    public int ResolutionBusinessBucket09 { get; set; }
    public int ResolutionBusinessBucket10 { get; set; }
    public int ResolutionBusinessBucket11 { get; set; }
    public int ResolutionBusinessBucket12 { get; set; }
    public int ResolutionBusinessBucket13 { get; set; }
    public int ResolutionBusinessBucket14 { get; set; }
    public int ResolutionBusinessBucket15 { get; set; }

    /// <summary>The counter properties (every int or double: the totals above and the duration buckets), in declaration
    /// order; what the rollups, the upserts and the report's sums enumerate.</summary>
    public static readonly System.Reflection.PropertyInfo[] CounterProperties = typeof(ReportDailyCounters).GetProperties()
        .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(double)).ToArray();

    /// <summary>The bucket properties, [metric × DurationBuckets.Bounds.Length + bucket].</summary>
    private static readonly System.Reflection.PropertyInfo[] BucketProperties = Enum.GetValues<ReportDuration>()
        .SelectMany(m => Enumerable.Range(0, DurationBuckets.Bounds.Length)
            .Select(b => typeof(ReportDailyCounters).GetProperty(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m}Bucket{b:00}"))!))
        .ToArray();

    private static readonly Func<ReportDailyCounters, int>[] BucketGetters = BucketProperties
        .Select(p => (Func<ReportDailyCounters, int>)p.GetMethod!.CreateDelegate(typeof(Func<ReportDailyCounters, int>))).ToArray();
    private static readonly Action<ReportDailyCounters, int>[] BucketSetters = BucketProperties
        .Select(p => (Action<ReportDailyCounters, int>)p.SetMethod!.CreateDelegate(typeof(Action<ReportDailyCounters, int>))).ToArray();

    private static int BucketIndex(ReportDuration metric, int bucket) => (int)metric * DurationBuckets.Bounds.Length + bucket;

    public int BucketCount(ReportDuration metric, int bucket) => BucketGetters[BucketIndex(metric, bucket)](this);

    /// <summary>Counts one duration of <paramref name="metric"/> in its bucket.</summary>
    public void CountDuration(ReportDuration metric, double minutes)
    {
        var i = BucketIndex(metric, DurationBuckets.Of(minutes));
        BucketSetters[i](this, BucketGetters[i](this) + 1);
    }

    /// <summary>The metric's counts per bucket (for <see cref="DurationBuckets.Percentile"/>).</summary>
    public Dictionary<int, long> Buckets(ReportDuration metric) =>
        Enumerable.Range(0, DurationBuckets.Bounds.Length).ToDictionary(b => b, b => (long)BucketCount(metric, b));

    /// <summary>Every counter's value, in <see cref="CounterProperties"/> order.</summary>
    public object[] CounterValues()
    {
        var values = new object[CounterGetters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = CounterGetters[i](this);
        return values;
    }

    /// <summary>Compiled once: <c>PropertyInfo.GetValue</c> for 85 counters on every upsert of the event handler's hot path
    /// costs reflection per counter per row.</summary>
    private static readonly Func<ReportDailyCounters, object>[] CounterGetters = CounterProperties.Select(p =>
    {
        var row = Expr.Parameter(typeof(ReportDailyCounters));
        return Expr.Lambda<Func<ReportDailyCounters, object>>(
            Expr.Convert(Expr.Property(row, p), typeof(object)), row).Compile();
    }).ToArray();

    public void Add(ReportDailyCounters d)
    {
        Created += d.Created; Solved += d.Solved; Reopened += d.Reopened; OneTouch += d.OneTouch; BacklogDelta += d.BacklogDelta;
        FirstResponses += d.FirstResponses; FirstResponseMinutes += d.FirstResponseMinutes;
        FirstResponseBusinessMinutes += d.FirstResponseBusinessMinutes;
        Resolutions += d.Resolutions; ResolutionMinutes += d.ResolutionMinutes; ResolutionBusinessMinutes += d.ResolutionBusinessMinutes;
        FirstResponseMet += d.FirstResponseMet; FirstResponseBreached += d.FirstResponseBreached;
        NextResponseMet += d.NextResponseMet; NextResponseBreached += d.NextResponseBreached;
        ResolutionMet += d.ResolutionMet; ResolutionBreached += d.ResolutionBreached; Escalations += d.Escalations;
        CsatRatings += d.CsatRatings; CsatSatisfied += d.CsatSatisfied; CsatRatingSum += d.CsatRatingSum;
        for (var i = 0; i < BucketGetters.Length; i++) BucketSetters[i](this, BucketGetters[i](this) + BucketGetters[i](d));
    }

    /// <summary>One CSAT answer (1–5); 4 and 5 count as satisfied.</summary>
    public void AddCsat(int rating)
    {
        CsatRatings++;
        if (rating >= CsatSatisfiedFrom) CsatSatisfied++;
        CsatRatingSum += rating;
    }

    public const int CsatSatisfiedFrom = 4;
}

/// <summary>Which duration a set of bucket counters counts.</summary>
public enum ReportDuration { FirstResponse, FirstResponseBusiness, Resolution, ResolutionBusiness }

/// <summary>The counters kept per label of a ticket — a tag, or a value of a list or yes/no custom field: a ticket has
/// many labels, so these cannot be a dimension of <see cref="ReportDailyFact"/> without counting it many times. Created,
/// solved, reopened and the backlog delta.</summary>
public abstract class ReportLabelCounters
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int Created { get; set; }
    public int Solved { get; set; }
    public int Reopened { get; set; }
    public int BacklogDelta { get; set; }

    public void Add(ReportLabelCounters d)
    {
        Created += d.Created;
        Solved += d.Solved;
        Reopened += d.Reopened;
        BacklogDelta += d.BacklogDelta;
    }
}

/// <summary>Daily label counters per tag.</summary>
public sealed class ReportDailyTagFact : ReportLabelCounters
{
    public string Tag { get; set; } = "";
}

/// <summary>Daily label counters per value of a ticket custom field that has few values (one or several from a list: an
/// option key; yes/no: "true" or "false"; see <see cref="ReportFieldValues"/>). A several-from-a-list ticket counts
/// under each option it has, like tags.</summary>
public sealed class ReportDailyFieldFact : ReportLabelCounters
{
    public string Field { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>NPS answers per day (report time zone, by answer time) × the person's company (0: none): NPS is a person's
/// answer, not a ticket's, so it has no other dimension. Bumped in the transaction that records an answer.</summary>
public sealed class ReportDailyNps
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public long CompanyId { get; set; }
    public int Promoters { get; set; }
    public int Passives { get; set; }
    public int Detractors { get; set; }

    /// <summary>9–10 promoter, 7–8 passive, 0–6 detractor.</summary>
    public void Add(int score)
    {
        if (score >= 9) Promoters++;
        else if (score >= 7) Passives++;
        else Detractors++;
    }
}

/// <summary>What the reports remember of each ticket between its events: the dimensions it is counted under now and the
/// progress of its responses, resolution and SLA targets. Lets each event move the right counters without reading the
/// ticket, which may already be further on than the event.</summary>
public sealed class ReportTicketState
{
    public long TicketId { get; set; }
    public long LastVersion { get; set; }
    public long GroupId { get; set; }
    public long AssigneeId { get; set; }
    public string Channel { get; set; } = "";
    public long CompanyId { get; set; }
    public TicketType Type { get; set; }
    public TicketPriority Priority { get; set; }
    /// <summary>Tag names joined by '\n' (tags hold no line breaks).</summary>
    public string Tags { get; set; } = "";
    /// <summary>The values the ticket is counted under per reportable custom field, "key=value" lines joined by '\n'
    /// (keys and option keys are [a-z0-9_]); see <see cref="ReportFieldValues"/>.</summary>
    public string Fields { get; set; } = "";
    public bool Open { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Responded { get; set; }
    /// <summary>When the first response and the last resolution happened (null: not yet, or reopened since): what the
    /// drill-down of those KPIs lists by, over an index.</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int AgentReplies { get; set; }
    public int Reopens { get; set; }
    /// <summary>Since when a customer message after the first response waits for an agent's reply.</summary>
    public DateTimeOffset? AwaitingSince { get; set; }
    public bool FirstResponseBreached { get; set; }
    public DateOnly? FirstResponseMetDay { get; set; }
    public bool NextResponseBreached { get; set; }
    public DateOnly? NextResponseMetDay { get; set; }
    public DateTimeOffset? NextResponseMetAt { get; set; }
    public bool ResolutionBreached { get; set; }
    public DateOnly? ResolutionMetDay { get; set; }

    public const int ChannelMaxLength = 32;

    public FactKey KeyOn(DateOnly day) => new(day, GroupId, AssigneeId, Channel, CompanyId, Type, Priority);
    public IReadOnlyList<string> TagList => Tags.Length == 0 ? [] : Tags.Split('\n');
    public IReadOnlyList<(string Field, string Value)> FieldList => ReportFieldValues.Decode(Fields);
}

public sealed class ReportFactsConfiguration : IEntityTypeConfiguration<ReportDailyFact>,
    IEntityTypeConfiguration<ReportDailyTagFact>, IEntityTypeConfiguration<ReportTicketState>, IEntityTypeConfiguration<ReportDailyNps>,
    IEntityTypeConfiguration<ReportDailyFieldFact>
{
    public void Configure(EntityTypeBuilder<ReportDailyFieldFact> b)
    {
        b.ToTable("ReportDailyFieldFacts");
        b.Property(f => f.Field).HasMaxLength(Tickets.CustomFields.CustomFieldDefinition.KeyMaxLength);
        b.Property(f => f.Value).HasMaxLength(ReportFieldValues.ValueMaxLength);
        b.HasIndex(f => new { f.Field, f.Value, f.Day }).IsUnique();
        b.HasIndex(f => new { f.Field, f.Day });
    }

    public void Configure(EntityTypeBuilder<ReportDailyNps> b)
    {
        b.ToTable("ReportDailyNps");
        b.HasIndex(f => new { f.Day, f.CompanyId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportDailyFact> b)
    {
        b.ToTable("ReportDailyFacts");
        b.Property(f => f.Channel).HasMaxLength(ReportTicketState.ChannelMaxLength);
        b.Ignore(f => f.Key);
        b.HasIndex(f => new { f.Day, f.GroupId, f.AssigneeId, f.Channel, f.CompanyId, f.Type, f.Priority }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportDailyTagFact> b)
    {
        b.ToTable("ReportDailyTagFacts");
        b.Property(f => f.Tag).HasMaxLength(Tag.NameMaxLength);
        b.HasIndex(f => new { f.Tag, f.Day }).IsUnique();
        b.HasIndex(f => f.Day);
    }

    public void Configure(EntityTypeBuilder<ReportTicketState> b)
    {
        b.ToTable("ReportTicketStates");
        b.HasKey(s => s.TicketId);
        b.Property(s => s.TicketId).ValueGeneratedNever();
        b.Property(s => s.Channel).HasMaxLength(ReportTicketState.ChannelMaxLength);
        b.Property(s => s.Tags).HasMaxLength(8000);
        b.Property(s => s.Fields).HasMaxLength(8000);
        b.Ignore(s => s.TagList);
        b.Ignore(s => s.FieldList);
        b.HasIndex(s => new { s.CreatedAt, s.TicketId });
        b.HasIndex(s => new { s.FirstResponseAt, s.TicketId });
        b.HasIndex(s => new { s.ResolvedAt, s.TicketId });
        b.HasIndex(s => new { s.Open, s.CreatedAt, s.TicketId });
    }
}
