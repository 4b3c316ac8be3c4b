using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Search;

/// <summary>A ranked hit of <see cref="SearchIndex.QueryAsync"/>: the owner (kind + id), its rank (higher is better,
/// comparable within one query only) and an HTML snippet of its original text with the matched words in
/// &lt;mark&gt; (everything else escaped; null when no <see cref="ISearchTextSource"/> serves the kind).</summary>
public sealed record SearchHit(string Kind, long OwnerId, long? TicketId, double Rank, string? Snippet);

/// <summary>The terms a query ran with: the analyzed query, or the typo-corrected one when the first found nothing.</summary>
public sealed record SearchQueryTerms(IReadOnlyList<string> Terms, bool Corrected);

/// <summary>Gives <see cref="SearchIndex"/> the original text of owners of one kind, for snippets. Register one per
/// kind in DI (scoped or singleton): <c>services.AddScoped&lt;ISearchTextSource, ArticleSearchText&gt;()</c>.</summary>
public interface ISearchTextSource
{
    string Kind { get; }

    /// <summary>Title and body of each owner found among <paramref name="ownerIds"/>.</summary>
    Task<IReadOnlyDictionary<long, (string Title, string Body)>> TextsAsync(OknoDb db, IReadOnlyCollection<long> ownerIds, CancellationToken cancellationToken);
}

/// <summary>Full-text search over the database index, for any feature. Text goes in through <see cref="TextAnalyzer"/>
/// (Russian and English word forms), on SQLite (FTS5) and PostgreSQL (tsvector) alike.
/// <para>Writing: an entity that implements <see cref="ISearchable"/> is indexed automatically by every SaveChanges;
/// otherwise call <see cref="UpsertAsync"/> / <see cref="RemoveAsync"/> inside the <see cref="OknoDb.WriteAsync{T}"/>
/// that changes the owner, after the owner is saved (its id is known): the entry is written at once in that transaction
/// and commits or rolls back with the change.</para>
/// <para>Reading: <see cref="QueryAsync"/> — every query word must match (AND), title hits rank above body hits among
/// the newest <see cref="Candidates"/> matches, user
/// text is always data (quotes, operators, SQL give a result or an empty list, never an error), and when nothing
/// matches, each unknown word is corrected to the nearest indexed term and the query is retried once.</para></summary>
public sealed class SearchIndex(OknoDb db, IEnumerable<ISearchTextSource> textSources)
{
    /// <summary>Longer queries are cut: a query is a few words, and each term is one more index lookup.</summary>
    public const int MaxQueryLength = 500;
    public const int MaxTerms = 12;
    /// <summary>How many matches are ranked at most: the newest ones. A word found in a million messages would otherwise
    /// make every query rank a million rows (seconds); a query whose matches are fewer is ranked in full. Newest first is
    /// also what an agent wants among equals. The cost of finding them grows with this bound: SQLite walks the word's
    /// list newest first and stops; PostgreSQL either walks the entries newest first testing each (common words: about
    /// bound ÷ share of entries that match) or reads every match through the index (rarer words), whichever its
    /// statistics say is cheaper — at most about √(bound × entries) rows either way (~35,000 at 6M entries).</summary>
    public const int Candidates = 200;
    /// <summary>How many vocabulary terms a typo correction reads at most per word.</summary>
    private const int MaxCandidates = 5000;

    /// <summary>Adds or replaces the entry of (<paramref name="kind"/>, <paramref name="ownerId"/>). The original
    /// title and body are analyzed here; the entry is written now, in the caller's transaction (call it inside
    /// <see cref="OknoDb.WriteAsync{T}"/>). A second call for the same owner replaces the entry.
    /// <paramref name="language"/> is "ru", "en" or "" (unknown), for <see cref="QueryAsync"/>'s language filter.</summary>
    public Task UpsertAsync(string kind, long ownerId, string language, string title, string body, CancellationToken cancellationToken, long? ticketId = null) =>
        SearchIndexing.UpsertAsync(db, [new SearchDocument(kind, ownerId, ticketId, language, title, body)], cancellationToken);

    /// <summary>Removes the entry of (<paramref name="kind"/>, <paramref name="ownerId"/>) now, in the current transaction.</summary>
    public Task RemoveAsync(string kind, long ownerId, CancellationToken cancellationToken) =>
        SearchIndexing.RemoveAsync(db, kind, ownerId, cancellationToken);

    /// <summary>The best <paramref name="limit"/> entries of the given kinds (and language, when given) that hold
    /// every word of <paramref name="text"/>, best first, with snippets. Empty for a blank query or no match.</summary>
    public async Task<IReadOnlyList<SearchHit>> QueryAsync(IReadOnlyCollection<string> kinds, string? text, string? language, int limit,
        CancellationToken cancellationToken)
    {
        var kindList = kinds.ToList();
        var (terms, rows) = await RunAsync(text, t => Newest(Filter(db.SearchMatches(t, kindList), language))
            .OrderByDescending(m => m.Rank).ThenBy(m => m.EntryId).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken), cancellationToken);
        if (rows.Count == 0) return [];

        var snippets = new Dictionary<(string, long), string>();
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            var source = textSources.FirstOrDefault(s => s.Kind == group.Key);
            if (source is null) continue;
            var texts = await source.TextsAsync(db, group.Select(r => r.OwnerId).ToList(), cancellationToken);
            foreach (var (id, (title, body)) in texts) snippets[(group.Key, id)] = Snippet(title, body, terms.Terms);
        }
        return rows.Select(r => new SearchHit(r.Kind, r.OwnerId, r.TicketId, r.Rank, snippets.GetValueOrDefault((r.Kind, r.OwnerId)))).ToList();
    }

    /// <summary>Runs <paramref name="search"/> with the analyzed query; if it finds nothing and a word is not in the
    /// vocabulary, once more with each such word corrected. For features that compose their own query over
    /// <see cref="OknoDb.SearchMatches"/> (ticket search adds its access rules).</summary>
    public async Task<(SearchQueryTerms Terms, List<T> Rows)> RunAsync<T>(string? text, Func<IReadOnlyList<string>, Task<List<T>>> search,
        CancellationToken cancellationToken)
    {
        var terms = Analyze(text);
        if (terms.Count == 0) return (new SearchQueryTerms([], false), []);
        var rows = await search(terms);
        if (rows.Count > 0) return (new SearchQueryTerms(terms, false), rows);
        var corrected = await CorrectAsync(terms, cancellationToken);
        if (corrected is null) return (new SearchQueryTerms(terms, false), rows);
        return (new SearchQueryTerms(corrected, true), await search(corrected));
    }

    /// <summary>The distinct terms of a user's query, bounded in length and count.</summary>
    public static IReadOnlyList<string> Analyze(string? text)
    {
        var query = (text ?? "").Trim();
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        return TextAnalyzer.Terms(query).Take(MaxTerms).ToList();
    }

    /// <summary>A snippet from the body when it holds a query word, else from the title.</summary>
    public static string Snippet(string title, string body, IReadOnlyList<string> terms)
    {
        var set = terms.ToHashSet(StringComparer.Ordinal);
        bool Holds(string s) => TextAnalyzer.Words(s).Any(w => w.Term is { } t && set.Contains(t));
        return !string.IsNullOrEmpty(body) && (Holds(body) || !Holds(title)) ? TextAnalyzer.Snippet(body, set) : TextAnalyzer.Snippet(title, set);
    }

    private static IQueryable<SearchMatch> Filter(IQueryable<SearchMatch> matches, string? language) =>
        string.IsNullOrEmpty(language) ? matches : matches.Where(m => m.Language == language);

    /// <summary>The newest <see cref="Candidates"/> matches, to be ranked. Apply after every filter and before ranking.</summary>
    public static IQueryable<SearchMatch> Newest(IQueryable<SearchMatch> matches) =>
        matches.OrderByDescending(m => m.EntryId).Take(Candidates);

    /// <summary>Each term that is not in the vocabulary and is a word of letters is replaced by the nearest vocabulary
    /// term with the same first letter and a length within the allowed distance (Damerau-Levenshtein ≤ 1 for words of up
    /// to 5 letters, ≤ 2 for longer ones; ties go to the closer length, then alphabetical). Null when nothing changes.</summary>
    internal async Task<IReadOnlyList<string>?> CorrectAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var candidates = terms.Where(SearchIndexing.IsVocabularyTerm).ToList();
        if (candidates.Count == 0) return null;
        var known = (await db.SearchTerms.Where(t => candidates.Contains(t.Term)).Select(t => t.Term).ToListAsync(cancellationToken)).ToHashSet();
        var changed = false;
        var result = new List<string>();
        foreach (var term in terms)
        {
            if (!SearchIndexing.IsVocabularyTerm(term) || known.Contains(term)) { result.Add(term); continue; }
            var max = term.Length <= 5 ? 1 : 2;
            var prefix = term[..1];
            int minLength = term.Length - max, maxLength = term.Length + max;
            var vocabulary = await db.SearchTerms.Where(t => t.Prefix == prefix && t.Length >= minLength && t.Length <= maxLength)
                .Select(t => t.Term).Take(MaxCandidates).ToListAsync(cancellationToken);
            var best = vocabulary.Select(v => (Term: v, Distance: DamerauLevenshtein(term, v, max)))
                .Where(x => x.Distance <= max)
                .OrderBy(x => x.Distance).ThenBy(x => Math.Abs(x.Term.Length - term.Length)).ThenBy(x => x.Term, StringComparer.Ordinal)
                .Select(x => x.Term).FirstOrDefault();
            if (best is null) { result.Add(term); continue; }
            result.Add(best);
            changed = true;
        }
        return changed ? result.Distinct().ToList() : null;
    }

    /// <summary>Optimal-string-alignment distance (a transposition of neighbours costs 1); stops early past
    /// <paramref name="max"/> and then returns max + 1.</summary>
    internal static int DamerauLevenshtein(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
