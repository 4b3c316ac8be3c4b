using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;

namespace Okno.Knowledge;

public sealed record ArticleSearchItem(long ArticleId, long TranslationId, string Language, string Title, ArticleVisibility Visibility,
    string HelpCenterPath, string? Snippet, double Rank);

/// <summary>Knowledge-base search through the one database index: every word must match in any of its Russian or
/// English forms, title hits first, snippets with the matched words marked. Agents see every visibility (the answer
/// says which); <paramref name="publicOnly"/> is for the help center.</summary>
public sealed class SearchArticles(OknoDb db, SearchIndex index)
{
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<ArticleSearchItem>> ExecuteAsync(string? q, string? language, int limit, bool publicOnly,
        CancellationToken cancellationToken)
    {
        var lang = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        // Read a few more than asked: hidden translations are dropped after ranking.
        var hits = await index.QueryAsync([ArticleSaved.SearchKind], q, lang, Math.Clamp(limit, 1, MaxLimit) * (publicOnly ? 3 : 1),
            cancellationToken);
        if (hits.Count == 0) return [];
        var ids = hits.Select(h => h.OwnerId).ToList();
        var translations = await db.Set<ArticleTranslation>().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.ArticleId, t.Language, t.Title, t.Slug, t.Visibility })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        return hits.Where(h => translations.TryGetValue(h.OwnerId, out var t) && (!publicOnly || t.Visibility == ArticleVisibility.Public))
            .Select(h =>
            {
                var t = translations[h.OwnerId];
                return new ArticleSearchItem(t.ArticleId, t.Id, t.Language, t.Title, t.Visibility, HelpCenterPaths.PathOf(t.ArticleId, t.Language, t.Slug),
                    h.Snippet, h.Rank);
            })
            .Take(Math.Clamp(limit, 1, MaxLimit)).ToList();
    }
}

/// <summary>The original text of article translations, for search snippets.</summary>
internal sealed class ArticleSearchText(ArticleMarkdown markdown) : ISearchTextSource
{
    public string Kind => ArticleSaved.SearchKind;

    public async Task<IReadOnlyDictionary<long, (string Title, string Body)>> TextsAsync(OknoDb db, IReadOnlyCollection<long> ownerIds,
        CancellationToken cancellationToken)
    {
        var ids = ownerIds.ToList();
        var rows = await db.Set<ArticleTranslation>().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Title, t.Body })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Title, markdown.ToText(r.Body)));
    }
}
