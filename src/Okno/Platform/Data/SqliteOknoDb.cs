using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Okno.Platform.Data;

/// <summary>The embedded default: one SQLite file, one writer at a time.</summary>
public sealed class SqliteOknoDb(DbContextOptions<SqliteOknoDb> options) : OknoDb(options)
{
    public const string FoldFunction = "okno_fold";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Safe because SQLite write transactions here start with BEGIN IMMEDIATE: no other writer can take
    // the same number before this one commits. The unique index on Number is the last line of defence.
    public override async Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken cancellationToken)
    {
        var next = await Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"Number\"), 10000) + 1 AS \"Value\" FROM \"Tickets\"")
            .SingleAsync(cancellationToken);
        return Enumerable.Range(0, count).Select(i => next + i).ToList();
    }

    // Nothing to do: a write transaction here already holds the database's single write lock (BEGIN IMMEDIATE).
    public override Task LockTicketAsync(long ticketId, CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    // synchronous=NORMAL for this connection's next commits (WAL: atomic, lost only on power loss); SQLite refuses to
    // change it inside a transaction, so it is set first, and every later open of the pooled connection sets FULL again
    // (SqliteConnectionSetup).
    public override async Task<IDbContextTransaction> BeginUnflushedTransactionAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
        return await Database.BeginTransactionAsync(cancellationToken);
    }

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDbFunction(typeof(OknoDb).GetMethod(nameof(Fold))!).HasName(FoldFunction);
        // The FTS5 triggers (SearchSchema): EF must not use RETURNING on a table with triggers.
        modelBuilder.Entity<Search.SearchEntry>().ToTable(t => t.HasTrigger("SearchEntries_ai"));
    }

    // FTS5 over the analyzed text: the kinds as a filter on the "Kind" column (one token each, SearchSchema.KindInDocument)
    // and the terms, each quoted (a term is letters and digits only, and quotes are doubled anyway), restricted to Title and
    // Body; bm25 with the title weighted 10 to 1 over the body and the kind not at all; bm25 is lower-is-better, so it is
    // negated. bm25 comes through FTS5's rank column (configured per query), not a bm25() call: a function call cannot run
    // once SQLite moves it into an outer GROUP BY or filter ("unable to use function bm25 in the requested context").
    // EntryId is the FTS rowid itself, so ordering by it (the newest candidates) is done by FTS5 and stops at the LIMIT.
    // anyTerm: the terms joined by OR (a sentence's words, of which some match), else by FTS5's implicit AND.
    public override IQueryable<Search.SearchMatch> SearchMatches(IReadOnlyList<string> terms, IReadOnlyCollection<string> kinds, bool kindsAreFew = true,
        bool anyTerm = false)
    {
        if (terms.Count == 0) throw new ArgumentException("At least one term.", nameof(terms));
        var checkedKinds = CheckedKinds(kinds);
        var words = string.Join(anyTerm ? " OR " : " ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var match = $"{{Title Body}} : ({words})";
        if (kindsAreFew)
            match = $"{{Kind}} : ({string.Join(" OR ", checkedKinds.Select(k => "\"" + Search.SearchSchema.KindInDocument.SqliteKindToken(k) + "\""))}) AND " + match;
        var matches = Database.SqlQueryRaw<Search.SearchMatch>(
            """
            SELECT "SearchFts".rowid AS "EntryId", e."Kind", e."OwnerId", e."TicketId", e."Language", -"SearchFts"."rank" AS "Rank"
            FROM "SearchFts" JOIN "SearchEntries" AS e ON e."Id" = "SearchFts".rowid
            WHERE "SearchFts" MATCH {0} AND "SearchFts"."rank" MATCH 'bm25(0.0, 10.0, 1.0)'
            """, match);
        if (kindsAreFew) return matches;
        var kindList = checkedKinds.ToList();
        return matches.Where(m => kindList.Contains(m.Kind));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; all our times are UTC, so store UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>Sets each new SQLite connection up: durable writes that do not block readers, and the
/// Unicode case-folding function that <see cref="OknoDb.Fold"/> maps to.</summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection);
        return Task.CompletedTask;
    }

    private static void Setup(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        sqlite.CreateFunction(SqliteOknoDb.FoldFunction, (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        using var command = sqlite.CreateCommand();
        // synchronous=FULL makes an acknowledged commit survive power loss (WAL mode itself is set once, at start).
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }
}
