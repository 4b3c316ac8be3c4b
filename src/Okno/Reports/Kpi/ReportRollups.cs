using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Reports.Kpi;

/// <summary>The counters of every ticket on a day (no dimension): what an unsliced report reads.</summary>
public sealed class ReportDailyTotal : ReportDailyCounters;

/// <summary>The counters per day × group (0: none).</summary>
public sealed class ReportDailyGroupFact : ReportDailyCounters
{
    public long GroupId { get; set; }
}

/// <summary>The counters per day × assignee (0: none).</summary>
public sealed class ReportDailyAssigneeFact : ReportDailyCounters
{
    public long AssigneeId { get; set; }
}

/// <summary>The counters per day × channel.</summary>
public sealed class ReportDailyChannelFact : ReportDailyCounters
{
    public string Channel { get; set; } = "";
}

/// <summary>The counters per day × company (0: none).</summary>
public sealed class ReportDailyCompanyFact : ReportDailyCounters
{
    public long CompanyId { get; set; }
}

/// <summary>The counters per day × ticket type.</summary>
public sealed class ReportDailyTypeFact : ReportDailyCounters
{
    public TicketType Type { get; set; }
}

/// <summary>The counters per day × priority.</summary>
public sealed class ReportDailyPriorityFact : ReportDailyCounters
{
    public TicketPriority Priority { get; set; }
}

/// <summary>One-dimension rollups of <see cref="ReportDailyFact"/>: the wide table has about a row per ticket at a large
/// desk (every combination of group, assignee, channel, company, type and priority), so a report with at most one
/// dimension (a filter or a grouping) reads the much smaller table of that dimension instead (or the day totals).
/// The wide rows and the rollups are moved by the same deltas, each row by one upsert (INSERT … ON CONFLICT DO UPDATE:
/// concurrent writers — the event handler, a CSAT answer — never read a row back nor lose each other's counts); the
/// rebuild recomputes the rollups from the wide table in SQL.</summary>
public static class ReportRollups
{
    /// <summary>An aggregate table: its entity, its key properties after the day (named as in the wide table, so the
    /// report's filters apply unchanged) and the report dimension it serves ("" for none; null for the wide table).</summary>
    public sealed record Rollup(Type Entity, string[] KeyProperties, string? Dimension, Func<FactKey, object[]> KeyOf);

    /// <summary>The wide table, written first (a CSAT answer and the handler deadlocked on PostgreSQL when they wrote the
    /// tables in different orders).</summary>
    public static readonly Rollup Wide = new(typeof(ReportDailyFact),
        [nameof(ReportDailyFact.GroupId), nameof(ReportDailyFact.AssigneeId), nameof(ReportDailyFact.Channel), nameof(ReportDailyFact.CompanyId),
            nameof(ReportDailyFact.Type), nameof(ReportDailyFact.Priority)], null,
        k => [k.GroupId, k.AssigneeId, k.Channel, k.CompanyId, k.Type, k.Priority]);

    public static readonly Rollup[] All =
    [
        new(typeof(ReportDailyTotal), [], "", _ => []),
        new(typeof(ReportDailyGroupFact), [nameof(ReportDailyFact.GroupId)], "group", k => [k.GroupId]),
        new(typeof(ReportDailyAssigneeFact), [nameof(ReportDailyFact.AssigneeId)], "agent", k => [k.AssigneeId]),
        new(typeof(ReportDailyChannelFact), [nameof(ReportDailyFact.Channel)], "channel", k => [k.Channel]),
        new(typeof(ReportDailyCompanyFact), [nameof(ReportDailyFact.CompanyId)], "company", k => [k.CompanyId]),
        new(typeof(ReportDailyTypeFact), [nameof(ReportDailyFact.Type)], "type", k => [k.Type]),
        new(typeof(ReportDailyPriorityFact), [nameof(ReportDailyFact.Priority)], "priority", k => [k.Priority]),
    ];

    private static readonly string[] Counters = ReportDailyCounters.CounterProperties.Select(p => p.Name).ToArray();

    /// <summary>Adds the upserts of the wide rows and of the rollup rows the deltas move to <paramref name="statements"/>
    /// (summed per key first; a key whose deltas cancel out, like a move between two groups for the channel rollup, is
    /// not written; only the counters that move are named, the others inserted as 0).</summary>
    public static async Task AddAsync(StatementBatch statements, IEnumerable<(FactKey Key, ReportDailyCounters Delta)> deltas, CancellationToken ct)
    {
        var list = deltas as IReadOnlyCollection<(FactKey Key, ReportDailyCounters Delta)> ?? deltas.ToList();
        if (list.Count == 0) return;
        var db = statements.Db;
        foreach (var rollup in All.Prepend(Wide))
        {
            var type = db.Model.FindEntityType(rollup.Entity)!;
            // The rows that move the same counters go in one statement of many rows (a batch of creations moves ~90 wide
            // rows, and a statement each cost SQLite a prepare each: 27 ms of the report handler's 40 ms round); rows in key
            // order within a statement. The other writers (a CSAT answer) move one row per table, so no two writers
            // lock two rows of a table in opposite orders.
            var rows = new Dictionary<string, (string[] Moved, List<object> Values, int Count)>(StringComparer.Ordinal);
            foreach (var group in list.GroupBy(d => (d.Key.Day, Key: KeyText(rollup.KeyOf(d.Key))))
                .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Key, StringComparer.Ordinal))
            {
                var sum = new ReportDailyTotal();
                foreach (var (_, delta) in group) sum.Add(delta);
                var counters = sum.CounterValues();
                var moved = Enumerable.Range(0, Counters.Length).Where(i => Convert.ToDouble(counters[i], CultureInfo.InvariantCulture) != 0).ToArray();
                if (moved.Length == 0) continue;
                var keyValues = rollup.KeyOf(group.First().Key);
                var movedNames = moved.Select(i => Counters[i]).ToArray();
                var set = string.Join(',', movedNames);
                var perRow = 1 + rollup.KeyProperties.Length + moved.Length;
                if (rows.TryGetValue(set, out var pending) && (pending.Count + 1) * perRow > MaxParametersPerStatement)
                {
                    await statements.AddAsync(Upsert(type, [nameof(ReportDailyCounters.Day), .. rollup.KeyProperties], pending.Moved, pending.Count), pending.Values, ct);
                    rows.Remove(set);
                }
                if (!rows.TryGetValue(set, out pending)) pending = (movedNames, [], 0);
                pending.Values.Add(Provider(type, nameof(ReportDailyCounters.Day), group.Key.Day));
                pending.Values.AddRange(rollup.KeyProperties.Select((p, i) => Provider(type, p, keyValues[i])));
                pending.Values.AddRange(moved.Select(i => counters[i]));
                rows[set] = pending with { Count = pending.Count + 1 };
            }
            foreach (var (moved, values, count) in rows.Values)
                await statements.AddAsync(Upsert(type, [nameof(ReportDailyCounters.Day), .. rollup.KeyProperties], moved, count), values, ct);
        }
    }

    /// <summary>Well under both databases' limits (and <see cref="StatementBatch"/>'s per command).</summary>
    private const int MaxParametersPerStatement = 2000;

    private static string KeyText(object[] key) => string.Join("\n", key.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)));

    /// <summary>Clears the rollups and sums them again from the wide table, one INSERT … SELECT … GROUP BY each, in one
    /// transaction (the rebuild's last step). A live write waits until it commits (SQLite: one writer; PostgreSQL: the
    /// tables locked against writes, not reads, in the order the live writers write them, so no deadlock), then adds
    /// to the summed rows.</summary>
    public static async Task RecomputeAsync(OknoDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresOknoDb)
            foreach (var rollup in All)
            {
                var lockTable = $"LOCK TABLE \"{db.Model.FindEntityType(rollup.Entity)!.GetTableName()}\" IN EXCLUSIVE MODE";
                await db.Database.ExecuteSqlRawAsync(lockTable, ct);
            }
        var wide = db.Model.FindEntityType(typeof(ReportDailyFact))!;
        var wideTable = wide.GetTableName()!;
        var wideId = StoreObjectIdentifier.Table(wideTable, wide.GetSchema());
        string WideCol(string property) => "\"" + wide.FindProperty(property)!.GetColumnName(wideId) + "\"";
        foreach (var rollup in All)
        {
            var type = db.Model.FindEntityType(rollup.Entity)!;
            var table = type.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, type.GetSchema());
            string Col(string property) => "\"" + type.FindProperty(property)!.GetColumnName(id) + "\"";
            string[] keys = [nameof(ReportDailyCounters.Day), .. rollup.KeyProperties];
            // Names from the model only, no outside input.
            var delete = $"DELETE FROM \"{table}\"";
            await db.Database.ExecuteSqlRawAsync(delete, ct);
            var columns = keys.Concat(Counters).Select(Col);
            var select = keys.Select(WideCol).Concat(Counters.Select(c => $"SUM({WideCol(c)})"));
            var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) SELECT {string.Join(", ", select)} FROM \"{wideTable}\" " +
                $"GROUP BY {string.Join(", ", keys.Select(WideCol))}";
            await db.Database.ExecuteSqlRawAsync(insert, ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>A key value as its column stores it (enums by member name, through the model's converter).</summary>
    private static object Provider(IEntityType type, string property, object value) =>
        type.FindProperty(property)!.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value)! : value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), (string Insert, string[] RowValues, string OnConflict)> UpsertSql = new();

    /// <summary>INSERT of <paramref name="rows"/> rows of the key and the moved counters (every other counter 0) or, for a
    /// key whose row exists, the moved counters added to it; the parameters row by row ({0}… numbered across the rows).
    /// The parts are cached per table and set of counters (events move few distinct sets).</summary>
    private static string Upsert(IEntityType type, string[] keys, string[] moved, int rows)
    {
        var (insert, rowValues, onConflict) = UpsertSql.GetOrAdd((type.ClrType, string.Join(',', moved)), _ =>
        {
            var table = type.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, type.GetSchema());
            string Col(string property) => "\"" + type.FindProperty(property)!.GetColumnName(id) + "\"";
            var zero = Counters.Except(moved).ToList();
            var columns = keys.Concat(moved).Concat(zero).Select(Col);
            var set = moved.Select(c => $"{Col(c)} = \"{table}\".{Col(c)} + excluded.{Col(c)}");
            return ($"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ", zero.Select(_ => "0").ToArray(),
                $" ON CONFLICT ({string.Join(", ", keys.Select(Col))}) DO UPDATE SET {string.Join(", ", set)}");
        });
        var perRow = keys.Length + moved.Length;
        var sql = new System.Text.StringBuilder(insert);
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(').AppendJoin(", ", Enumerable.Range(r * perRow, perRow).Select(StatementBatch.Placeholder).Concat(rowValues)).Append(')');
        }
        return sql.Append(onConflict).ToString();
    }
}

public sealed class ReportRollupsConfiguration : IEntityTypeConfiguration<ReportDailyTotal>, IEntityTypeConfiguration<ReportDailyGroupFact>,
    IEntityTypeConfiguration<ReportDailyAssigneeFact>, IEntityTypeConfiguration<ReportDailyChannelFact>, IEntityTypeConfiguration<ReportDailyCompanyFact>,
    IEntityTypeConfiguration<ReportDailyTypeFact>, IEntityTypeConfiguration<ReportDailyPriorityFact>
{
    public void Configure(EntityTypeBuilder<ReportDailyTotal> b)
    {
        b.ToTable("ReportDailyTotals");
        b.HasIndex(f => f.Day).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportDailyGroupFact> b)
    {
        b.ToTable("ReportDailyGroupFacts");
        b.HasIndex(f => new { f.Day, f.GroupId }).IsUnique();
        b.HasIndex(f => new { f.GroupId, f.Day });   // a page of groups or one of them: its days only
    }

    public void Configure(EntityTypeBuilder<ReportDailyAssigneeFact> b)
    {
        b.ToTable("ReportDailyAssigneeFacts");
        b.HasIndex(f => new { f.Day, f.AssigneeId }).IsUnique();
        b.HasIndex(f => new { f.AssigneeId, f.Day });   // a page of agents or one of them: its days only
    }

    public void Configure(EntityTypeBuilder<ReportDailyChannelFact> b)
    {
        b.ToTable("ReportDailyChannelFacts");
        b.Property(f => f.Channel).HasMaxLength(ReportTicketState.ChannelMaxLength);
        b.HasIndex(f => new { f.Day, f.Channel }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportDailyCompanyFact> b)
    {
        b.ToTable("ReportDailyCompanyFacts");
        b.HasIndex(f => new { f.Day, f.CompanyId }).IsUnique();
        b.HasIndex(f => new { f.CompanyId, f.Day });   // a page of companies or one of them: its days only
    }

    public void Configure(EntityTypeBuilder<ReportDailyTypeFact> b)
    {
        b.ToTable("ReportDailyTypeFacts");
        b.HasIndex(f => new { f.Day, f.Type }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportDailyPriorityFact> b)
    {
        b.ToTable("ReportDailyPriorityFacts");
        b.HasIndex(f => new { f.Day, f.Priority }).IsUnique();
    }
}
