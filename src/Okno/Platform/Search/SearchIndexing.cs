using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Search;

/// <summary>Keeps <see cref="SearchEntry"/> rows in step with <see cref="ISearchable"/> entities. OknoDb calls
/// <see cref="Collect"/> before a save and <see cref="StageAsync"/> after it (ids are known then) and saves again, both
/// inside one transaction: the entity and its index entry commit together or not at all.</summary>
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

    public static async Task StageAsync(OknoDb db, Pending pending, CancellationToken cancellationToken)
    {
        foreach (var (kind, ownerId) in pending.Removals)
            await RemoveAsync(db, kind, ownerId, cancellationToken);
        await UpsertAsync(db, pending.Upserts.Select(s => s.ToSearchDocument()).ToList(), cancellationToken);
    }

    public static async Task RemoveAsync(OknoDb db, string kind, long ownerId, CancellationToken cancellationToken)
    {
        await db.SearchEntries.Where(e => e.Kind == kind && e.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
        foreach (var tracked in db.ChangeTracker.Entries<SearchEntry>().Where(e => e.Entity.Kind == kind && e.Entity.OwnerId == ownerId).ToList())
            tracked.State = EntityState.Detached;
    }

    /// <summary>Adds or updates the entries of <paramref name="documents"/> in the context (saved by the caller's next
    /// SaveChanges) and records their terms in the vocabulary now, in the current transaction.</summary>
    public static async Task UpsertAsync(OknoDb db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        var existing = new Dictionary<(string, long), SearchEntry>();
        foreach (var group in documents.GroupBy(d => d.Kind))
        {
            var kind = group.Key;
            foreach (var chunk in group.Select(d => d.OwnerId).Distinct().Chunk(500))
            {
                var ids = chunk.ToList();
                foreach (var e in await db.SearchEntries.Where(e => e.Kind == kind && ids.Contains(e.OwnerId)).ToListAsync(cancellationToken))
                    existing[(e.Kind, e.OwnerId)] = e;
            }
        }
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            if (!existing.TryGetValue((doc.Kind, doc.OwnerId), out var entry))
            {
                entry = new SearchEntry { Kind = doc.Kind, OwnerId = doc.OwnerId };
                db.SearchEntries.Add(entry);
                existing[(doc.Kind, doc.OwnerId)] = entry;
            }
            entry.TicketId = doc.TicketId;
            entry.Language = doc.Language;
            entry.Title = TextAnalyzer.Analyze(doc.Title);
            entry.Body = TextAnalyzer.Analyze(doc.Body);
            foreach (var t in (entry.Title + " " + entry.Body).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (IsVocabularyTerm(t)) vocabulary.Add(t);
        }
        await AddTermsAsync(db, vocabulary, cancellationToken);
    }

    internal static bool IsVocabularyTerm(string term) => term.Length >= 3 && term.All(char.IsLetter);

    private static async Task AddTermsAsync(OknoDb db, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        foreach (var chunk in terms.Order(StringComparer.Ordinal).Chunk(300))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO \"SearchTerms\" (\"Term\", \"Prefix\", \"Length\") VALUES ");
            var parameters = new object[chunk.Length * 3];
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{i * 3}}}, {{{i * 3 + 1}}}, {{{i * 3 + 2}}})");
                parameters[i * 3] = chunk[i];
                parameters[i * 3 + 1] = chunk[i][..1];
                parameters[i * 3 + 2] = chunk[i].Length;
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }
}
