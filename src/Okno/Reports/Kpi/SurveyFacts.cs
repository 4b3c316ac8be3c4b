using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Surveys;
using Okno.Surveys.Nps;
using Okno.Tickets;

namespace Okno.Reports.Kpi;

/// <summary>A CSAT answer as the reports count it: its day's key (the dimensions the survey froze at resolution, the
/// ticket's type and priority) and the rating.</summary>
public readonly record struct CsatFact(FactKey Key, int Rating);

/// <summary>An NPS answer as the reports count it.</summary>
public readonly record struct NpsFact(DateOnly Day, long CompanyId, int Score);

/// <summary>Bumps the survey counters (<see cref="ReportDailyFact.CsatRatings"/>…, <see cref="ReportDailyNps"/>) in the
/// transaction that records an answer. Answers come from concurrent web requests and messenger buttons, so the row of a
/// key is upserted by one atomic statement (INSERT … ON CONFLICT DO UPDATE, the same on SQLite and PostgreSQL), never
/// read and written back (two answers at once would lose one).</summary>
public static class SurveyFactWriter
{
    private static readonly string[] NpsKeyColumns = [nameof(ReportDailyNps.Day), nameof(ReportDailyNps.CompanyId)];
    private static readonly string[] NpsColumns = [nameof(ReportDailyNps.Promoters), nameof(ReportDailyNps.Passives), nameof(ReportDailyNps.Detractors)];

    public static FactKey CsatKey(ReportsOptions options, DateTimeOffset answeredAt, long? groupId, long? agentId, string channel, long? companyId,
        TicketType type, TicketPriority priority) =>
        new(DayOf(options, answeredAt), groupId ?? 0, agentId ?? 0, channel, companyId ?? 0, type, priority);

    public static DateOnly DayOf(ReportsOptions options, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, options.Zone).DateTime);

    /// <summary>Adds the upserts to <paramref name="statements"/> (sent with the save's other statements).</summary>
    public static async Task AddAsync(StatementBatch statements, IEnumerable<CsatFact> csat, IEnumerable<NpsFact> nps, CancellationToken ct)
    {
        var db = statements.Db;
        var rollups = new List<(FactKey, ReportDailyCounters)>();
        foreach (var group in csat.GroupBy(c => c.Key))
        {
            var sum = new ReportDailyFact();
            foreach (var c in group) sum.AddCsat(c.Rating);
            rollups.Add((group.Key, sum));
        }
        await ReportRollups.AddAsync(statements, rollups, ct);
        foreach (var group in nps.GroupBy(n => (n.Day, n.CompanyId)))
        {
            var sum = new ReportDailyNps();
            foreach (var n in group) sum.Add(n.Score);
            await statements.AddAsync(Upsert(db.Model.FindEntityType(typeof(ReportDailyNps))!, NpsKeyColumns, NpsColumns),
                Values(db, typeof(ReportDailyNps), NpsKeyColumns, [group.Key.Day, group.Key.CompanyId])
                    .Concat([sum.Promoters, sum.Passives, sum.Detractors]).ToList(), ct);
        }
    }

    /// <summary>Writes at once (inside the caller's transaction).</summary>
    public static async Task WriteAsync(OknoDb db, IEnumerable<CsatFact> csat, IEnumerable<NpsFact> nps, CancellationToken ct)
    {
        var statements = new StatementBatch(db);
        await AddAsync(statements, csat, nps, ct);
        await statements.FlushAsync(ct);
    }

    /// <summary>The key values as the columns store them (enums by member name, through the model's converters).</summary>
    private static IEnumerable<object> Values(OknoDb db, Type entity, string[] columns, object[] values)
    {
        var type = db.Model.FindEntityType(entity)!;
        return columns.Select((c, i) => type.FindProperty(c)!.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(values[i])! : values[i]);
    }

    /// <summary>INSERT of the key and the counters (every other counter 0) or, when the key's row exists, the counters
    /// added to it. Columns named from the model, so counters added later are zero-filled too.</summary>
    private static string Upsert(IEntityType type, string[] keys, string[] counters)
    {
        var table = type.GetTableName()!;
        var id = StoreObjectIdentifier.Table(table, type.GetSchema());
        string Col(string property) => "\"" + type.FindProperty(property)!.GetColumnName(id) + "\"";
        var others = type.GetProperties().Where(p => !p.IsPrimaryKey() && !keys.Contains(p.Name) && !counters.Contains(p.Name)).ToList();
        var columns = keys.Concat(counters).Select(Col).Concat(others.Select(p => "\"" + p.GetColumnName(id) + "\""));
        var values = Enumerable.Range(0, keys.Length + counters.Length).Select(StatementBatch.Placeholder).Concat(others.Select(_ => "0"));
        var set = counters.Select(c => $"{Col(c)} = \"{table}\".{Col(c)} + excluded.{Col(c)}");
        return $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) " +
            $"ON CONFLICT ({string.Join(", ", keys.Select(Col))}) DO UPDATE SET {string.Join(", ", set)}";
    }
}

/// <summary>Counts the answers a save records through tracked entities: a CSAT survey becoming answered (the messenger
/// button), an NPS answer added. The answer by the survey link's token is a conditional update and calls
/// <see cref="SurveyFactWriter"/> itself.</summary>
internal sealed class SurveyFactsHook(IOptions<ReportsOptions> options) : ISaveHook
{
    private sealed record Staged(List<CsatFact> Csat, List<NpsFact> Nps);

    public async ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken)
    {
        if (!options.Value.Maintain) return null;
        List<CsatSurvey>? answered = null;
        List<NpsFact>? nps = null;
        foreach (var entry in db.ChangeTracker.Entries<CsatSurvey>())
            if (entry.State == EntityState.Modified && entry.Entity is { Status: CsatStatus.Answered, Rating: not null, AnsweredAt: not null }
                && entry.Property(s => s.Status).OriginalValue != CsatStatus.Answered)
                (answered ??= []).Add(entry.Entity);
        foreach (var entry in db.ChangeTracker.Entries<NpsAnswer>())
            if (entry.State == EntityState.Added)
                (nps ??= []).Add(new NpsFact(SurveyFactWriter.DayOf(options.Value, entry.Entity.AnsweredAt), entry.Entity.CompanyId ?? 0, entry.Entity.Score));
        if (answered is null && nps is null) return null;
        var csat = new List<CsatFact>();
        if (answered is not null)
        {
            var ids = answered.Select(s => s.TicketId).Distinct().ToList();
            var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Type, t.Priority })
                .ToDictionaryAsync(t => t.Id, cancellationToken);
            foreach (var s in answered)
                if (tickets.TryGetValue(s.TicketId, out var t))
                    csat.Add(new CsatFact(SurveyFactWriter.CsatKey(options.Value, s.AnsweredAt!.Value, s.GroupId, s.AgentId, s.Channel.Value, s.CompanyId,
                        t.Type, t.Priority), s.Rating!.Value));
        }
        return new Staged(csat, nps ?? []);
    }

    public Task AfterSaveAsync(StatementBatch statements, object staged, CancellationToken cancellationToken)
    {
        var s = (Staged)staged;
        return SurveyFactWriter.AddAsync(statements, s.Csat, s.Nps, cancellationToken);
    }
}
