using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;

namespace Okno.Knowledge.HelpCenter;

public sealed record HelpArticleLink(long ArticleId, string Title, string Language, bool IsFallback, string Url);
/// <param name="NameLanguage">The language the name is in: the visitor's, or another when it has no name in theirs.</param>
public sealed record HelpSectionView(long Id, string Name, string NameLanguage, IReadOnlyList<HelpArticleLink> Articles);
public sealed record HelpCategoryView(long Id, string Name, string? Description, string NameLanguage, IReadOnlyList<HelpSectionView> Sections);
public sealed record HelpArticle(long ArticleId, long TranslationId, string Language, string Title, string Slug, string Html,
    LocalizedName CategoryName, LocalizedName SectionName, long SectionId, IReadOnlyList<(string Language, string Url)> OtherLanguages, DateTimeOffset UpdatedAt);
public sealed record HelpSearchResult(long SearchId, IReadOnlyList<ArticleSearchItem> Items);
public sealed record HelpSuggestion(string Title, string Url);

/// <summary>What the public help center reads and records: public articles only, every search and visit step logged
/// against the anonymous visit id.</summary>
public sealed class HelpCenterSite(OknoDb db, SearchArticles search, TimeProvider clock)
{
    public static readonly string[] Languages = ["ru", "en"];
    public const int SuggestLimit = 8;

    public static string Url(string language) => $"/help/{language}";

    /// <summary>Categories with their sections and public articles; a missing translation falls back to the article's
    /// fallback language when that one is public.</summary>
    public async Task<IReadOnlyList<HelpCategoryView>> HomeAsync(string language, CancellationToken cancellationToken)
    {
        var categories = await db.Set<Category>().AsNoTracking().AsSplitQuery().Include(c => c.Translations)
            .Include(c => c.Sections).ThenInclude(s => s.Translations).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var rows = await db.Set<ArticleTranslation>().AsNoTracking().Where(t => t.Visibility == ArticleVisibility.Public)
            .Select(t => new { t.ArticleId, t.Article.SectionId, t.Article.FallbackLanguage, t.Language, t.Title, t.Slug })
            .ToListAsync(cancellationToken);
        var links = rows.GroupBy(r => r.ArticleId).Select(g =>
            {
                var chosen = g.FirstOrDefault(r => r.Language == language) ?? g.FirstOrDefault(r => r.Language == r.FallbackLanguage) ?? g.First();
                return (chosen.SectionId, Link: new HelpArticleLink(chosen.ArticleId, chosen.Title, chosen.Language, chosen.Language != language,
                    HelpCenterPaths.PathOf(chosen.ArticleId, chosen.Language, chosen.Slug)));
            })
            .ToLookup(x => x.SectionId, x => x.Link);
        return categories.Select(c =>
            {
                var name = NameIn(c.Translations, language);
                return new HelpCategoryView(c.Id, name.Name, name.Description, name.Language, c.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id)
                    .Select(s =>
                    {
                        var sectionName = NameIn(s.Translations, language);
                        return new HelpSectionView(s.Id, sectionName.Name, sectionName.Language,
                            links[s.Id].OrderBy(l => l.Title, StringComparer.CurrentCultureIgnoreCase).ToList());
                    })
                    .Where(s => s.Articles.Count > 0).ToList());
            })
            .Where(c => c.Sections.Count > 0).ToList();
    }

    /// <summary>The name in the visitor's language, else in the language it was first written in.</summary>
    private static LocalizedName NameIn<T>(IEnumerable<T> translations, string language) where T : ILocalizedName =>
        LocalizedNames.Pick(CategoryQueries.Names(translations), language) ?? new LocalizedName(language, "", null);

    /// <summary>The public translation of an article in a language, or null (unknown, internal, draft).</summary>
    public async Task<HelpArticle?> ArticleAsync(long articleId, string language, CancellationToken cancellationToken)
    {
        var translations = await db.Set<ArticleTranslation>().AsNoTracking()
            .Where(t => t.ArticleId == articleId && t.Visibility == ArticleVisibility.Public)
            .Select(t => new { t.Id, t.Language, t.Title, t.Slug, t.Html, t.UpdatedAt, t.Article.SectionId })
            .ToListAsync(cancellationToken);
        var t = translations.FirstOrDefault(x => x.Language == language);
        if (t is null) return null;
        var section = await db.Set<Section>().AsNoTracking().AsSplitQuery().Include(s => s.Translations).Include(s => s.Category).ThenInclude(c => c.Translations)
            .SingleAsync(s => s.Id == t.SectionId, cancellationToken);
        return new HelpArticle(articleId, t.Id, t.Language, t.Title, t.Slug, t.Html, NameIn(section.Category.Translations, language),
            NameIn(section.Translations, language), t.SectionId,
            translations.Where(x => x.Language != language).OrderBy(x => x.Language)
                .Select(x => (x.Language, HelpCenterPaths.PathOf(articleId, x.Language, x.Slug))).ToList(), t.UpdatedAt);
    }

    /// <summary>Ranked public articles, logged as one <see cref="HelpSearch"/> of the visit.</summary>
    public async Task<HelpSearchResult> SearchAsync(string? q, string language, string visitId, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length > HelpSearch.QueryMaxLength) query = query[..HelpSearch.QueryMaxLength];
        var items = query.Length == 0 ? [] : await search.ExecuteAsync(query, language, 20, publicOnly: true, cancellationToken);
        var row = new HelpSearch
        {
            VisitId = visitId, Query = query, NormalizedQuery = string.Join(' ', SearchIndex.Analyze(query)), Language = language,
            ResultCount = items.Count, At = clock.GetUtcNow(),
        };
        if (row.NormalizedQuery.Length > 2000) row.NormalizedQuery = row.NormalizedQuery[..2000];
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new HelpSearchResult(row.Id, items);
    }

    public async Task<IReadOnlyList<HelpSuggestion>> SuggestAsync(string? q, string language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > HelpSearch.QueryMaxLength) return [];
        var items = await search.ExecuteAsync(q, language, SuggestLimit, publicOnly: true, cancellationToken);
        return items.Take(SuggestLimit).Select(i => new HelpSuggestion(i.Title, i.HelpCenterPath)).ToList();
    }

    /// <summary>Records an opened article; <paramref name="searchId"/> is kept only when it is a search of the same visit.</summary>
    public async Task ArticleOpenedAsync(HelpArticle article, string visitId, long? searchId, CancellationToken cancellationToken)
    {
        if (searchId is { } s && !await db.Set<HelpSearch>().AnyAsync(x => x.Id == s && x.VisitId == visitId, cancellationToken)) searchId = null;
        db.Add(new HelpVisitEvent
        {
            VisitId = visitId, Kind = HelpVisitEventKind.ArticleOpened, ArticleId = article.ArticleId, TranslationId = article.TranslationId,
            SearchId = searchId, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<bool> HasVotedAsync(long articleId, string visitId, CancellationToken cancellationToken) =>
        db.Set<ArticleFeedback>().AnyAsync(f => f.ArticleId == articleId && f.VisitId == visitId, cancellationToken);

    /// <summary>Stores a vote unless this visit already voted on this article; false when it had.</summary>
    public async Task<bool> VoteAsync(HelpArticle article, string visitId, bool helpful, string? comment, CancellationToken cancellationToken)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > ArticleFeedback.CommentMaxLength) comment = comment[..ArticleFeedback.CommentMaxLength];
        try
        {
            return await db.WriteAsync(async ct =>
            {
                if (await HasVotedAsync(article.ArticleId, visitId, ct)) return false;
                var now = clock.GetUtcNow();
                db.Add(new ArticleFeedback
                {
                    ArticleId = article.ArticleId, TranslationId = article.TranslationId, Helpful = helpful, Comment = comment, VisitId = visitId, At = now,
                });
                db.Add(new HelpVisitEvent
                {
                    VisitId = visitId, Kind = HelpVisitEventKind.FeedbackGiven, ArticleId = article.ArticleId, TranslationId = article.TranslationId, At = now,
                });
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
