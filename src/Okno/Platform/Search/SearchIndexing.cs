using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using static Okno.Platform.Data.StatementBatch;

namespace Okno.Platform.Search;

/// <summary>Keeps <see cref="SearchEntry"/> rows in step with <see cref="ISearchable"/> entities. OknoDb calls
/// <see cref="Collect"/> before a save and <see cref="StageAsync"/> after it (ids are known then), both inside one
/// transaction: the entity and its index entry commit together or not at all.</summary>
internal static class SearchIndexing
{
    internal sealed record Pending(List<ISearchable> Upserts, List<(string Kind, long OwnerId)> Removals);

    /// <summary>The searchable entities this save adds, changes in a searched property, or deletes; null if none.</summary>
    public static Pending? Collect(OknoDb db)
    {
        List<ISearchable>? upserts = null;
        List<(string, long)>? removals = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not ISearchable searchable) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    (upserts ??= []).Add(searchable);
                    break;
                case EntityState.Modified when searchable.SearchedProperties.Any(p => entry.Property(p).IsModified):
                    (upserts ??= []).Add(searchable);
                    break;
                case EntityState.Deleted:
                    (removals ??= []).Add((searchable.SearchKind, Convert.ToInt64(entry.Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
                    break;
            }
        }
        return upserts is null && removals is null ? null : new Pending(upserts ?? [], removals ?? []);
    }

    /// <summary>Removes the deleted entries now and adds the upserts to <paramref name="statements"/>, which the save
    /// flushes with the rest of what it writes after its entities.</summary>
    public static async Task StageAsync(StatementBatch statements, Pending pending, CancellationToken cancellationToken)
    {
        foreach (var (kind, ownerId) in pending.Removals)
            await RemoveAsync(statements.Db, kind, ownerId, cancellationToken);
        await AddUpsertsAsync(statements, pending.Upserts.Select(s => s.ToSearchDocument()).ToList(), cancellationToken);
    }

    public static async Task RemoveAsync(OknoDb db, string kind, long ownerId, CancellationToken cancellationToken)
    {
        await db.SearchEntries.Where(e => e.Kind == kind && e.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
        foreach (var tracked in db.ChangeTracker.Entries<SearchEntry>().Where(e => e.Entity.Kind == kind && e.Entity.OwnerId == ownerId).ToList())
            tracked.State = EntityState.Detached;
    }

    /// <summary>Adds or replaces the entries of <paramref name="documents"/> now, in the current transaction, and adds
    /// their terms to the vocabulary. One multi-row INSERT … ON CONFLICT DO UPDATE per 200 entries: SQLite's FTS5
    /// flushes its pending terms at every statement, so row-by-row inserts (what EF would send) cost a segment each and
    /// made a bulk backfill slow down as the index grew; an upsert also settles a race between two writers of one entry.</summary>
    public static async Task UpsertAsync(OknoDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        var batch = new StatementBatch(db);
        await AddUpsertsAsync(batch, documents, cancellationToken);
        await batch.FlushAsync(cancellationToken);
    }

    private static async Task AddUpsertsAsync(StatementBatch batch, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        var rows = documents.GroupBy(d => (d.Kind, d.OwnerId)).Select(g => g.Last())
            .Select(d => (Document: d, Title: TextAnalyzer.Analyze(d.Title), Body: TextAnalyzer.Analyze(d.Body))).ToList();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
            foreach (var t in (row.Title + " " + row.Body).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (IsVocabularyTerm(t)) vocabulary.Add(t);

        // The entries and their terms go in as few commands as possible (one for a ticket or a message): each
        // command is a round trip inside the writer's transaction.
        foreach (var chunk in rows.Chunk(200))
        {
            var sql = new System.Text.StringBuilder(
                "INSERT INTO \"SearchEntries\" (\"Kind\", \"OwnerId\", \"TicketId\", \"Language\", \"Title\", \"Body\") VALUES ");
            var parameters = new List<object>(chunk.Length * 6);
            foreach (var (doc, title, body) in chunk)
            {
                if (parameters.Count > 0) sql.Append(", ");
                var p = parameters.Count;
                parameters.Add(doc.Kind);
                parameters.Add(doc.OwnerId);
                // A null goes in as the NULL literal: EF cannot type a null raw-SQL parameter.
                var ticket = doc.TicketId is null ? "NULL" : Placeholder(p + 2);
                if (doc.TicketId is { } id) parameters.Add(id);
                var n = parameters.Count;
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"({Placeholder(p)}, {Placeholder(p + 1)}, {ticket}, {Placeholder(n)}, {Placeholder(n + 1)}, {Placeholder(n + 2)})");
                parameters.Add(doc.Language);
                parameters.Add(title);
                parameters.Add(body);
            }
            sql.Append(" ON CONFLICT (\"Kind\", \"OwnerId\") DO UPDATE SET \"TicketId\" = excluded.\"TicketId\", " +
                       "\"Language\" = excluded.\"Language\", \"Title\" = excluded.\"Title\", \"Body\" = excluded.\"Body\"");
            await batch.AddAsync(sql.ToString(), parameters, cancellationToken);
        }
        foreach (var chunk in vocabulary.Order(StringComparer.Ordinal).Chunk(300))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO \"SearchTerms\" (\"Term\", \"Prefix\", \"Length\") VALUES ");
            var parameters = new List<object>(chunk.Length * 3);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"({Placeholder(i * 3)}, {Placeholder(i * 3 + 1)}, {Placeholder(i * 3 + 2)})");
                parameters.Add(chunk[i]);
                parameters.Add(chunk[i][..1]);
                parameters.Add(chunk[i].Length);
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            await batch.AddAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    internal static bool IsVocabularyTerm(string term) => term.Length >= 3 && term.All(char.IsLetter);
}
