using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace Okno.Platform.Data;

/// <summary>Production: PostgreSQL, shared by several Okno nodes.</summary>
public sealed class PostgresOknoDb(DbContextOptions<PostgresOknoDb> options) : OknoDb(options)
{
    private const string TicketNumbers = "TicketNumbers";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    // A sequence never blocks concurrent creators; a gap after a rollback is acceptable for ticket numbers.
    public override async Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken cancellationToken) =>
        (await Database.SqlQueryRaw<long>($"SELECT nextval('\"{TicketNumbers}\"') AS \"Value\" FROM generate_series(1, {{0}})", count)
            .ToListAsync(cancellationToken)).Order().ToList();

    public override async Task LockTicketAsync(long ticketId, CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT 1 FROM \"Tickets\" WHERE \"Id\" = {ticketId} FOR UPDATE", cancellationToken);

    public override async Task<IDbContextTransaction> BeginUnflushedTransactionAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO OFF", cancellationToken);
        return transaction;
    }

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    // The generated "Document" tsvector (SearchSchema) against a tsquery of quoted lexemes joined by AND, built with
    // the 'simple' configuration (no second stemming), and the kinds as "kind:…" lexemes (cast directly, so the parser
    // never splits them); ts_rank of the terms only, weights [D, C, B, A]: title (A) 1.0, body (B) 0.1.
    // anyTerm: the lexemes joined by | (a sentence's words, of which some match) instead of &.
    public override IQueryable<Search.SearchMatch> SearchMatches(IReadOnlyList<string> terms, IReadOnlyCollection<string> kinds, bool kindsAreFew = true,
        bool anyTerm = false)
    {
        if (terms.Count == 0) throw new ArgumentException("At least one term.", nameof(terms));
        var query = string.Join(anyTerm ? " | " : " & ", terms.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'"));
        var kindQuery = string.Join(" | ", CheckedKinds(kinds).Select(k => "'" + Search.SearchSchema.KindInDocument.PostgresKindPrefix + k + "'"));
        return Database.SqlQueryRaw<Search.SearchMatch>(
            """
            SELECT e."Id" AS "EntryId", e."Kind", e."OwnerId", e."TicketId", e."Language",
                   ts_rank(ARRAY[0.1, 0.1, 0.1, 1.0]::float4[], e."Document", q)::float8 AS "Rank"
            FROM "SearchEntries" AS e, to_tsquery('simple'::regconfig, {0}) AS q, CAST({1} AS tsquery) AS k
            WHERE e."Document" @@ (q && k)
            """, query, kindQuery);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(TicketNumbers).StartsAt(10001);
        // The writer's transaction id, which tells the dispatcher when all earlier writers are done (OutboxQueries).
        modelBuilder.Entity<Outbox.OutboxEvent>().Property(e => e.TxId).HasDefaultValueSql("pg_current_xact_id()::text::bigint");
        modelBuilder.HasDbFunction(typeof(OknoDb).GetMethod(nameof(Fold))!).HasName("lower").IsBuiltIn();
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
            if (property.PropertyInfo?.IsDefined(typeof(OrdinalTextAttribute), false) == true) property.SetCollation("C");
    }
}
