using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Admin;

namespace Okno.Knowledge;

/// <summary>An article in one language as the API answers it. <see cref="Language"/> is the language answered in;
/// <see cref="IsFallback"/> says it is not the one asked for (that one does not exist).</summary>
public sealed record ArticleView(
    long Id, long SectionId, long CategoryId, string FallbackLanguage, string Language, string? RequestedLanguage, bool IsFallback,
    string Title, string Slug, string Body, string Html, ArticleVisibility Visibility, int Revision, IReadOnlyList<string> Languages,
    string HelpCenterPath, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ArticleBotStats? Bot = null);

/// <summary>The answer bot's counters of an article: offers, requests it solved, ones it did not help; the hit rate is
/// solved ÷ (solved + did not help), null before any answer.</summary>
public sealed record ArticleBotStats(int Offered, int Solved, int Rejected, double? HitRate);

public sealed record ArticleListItem(
    long Id, long TranslationId, string Language, string Title, string Slug, ArticleVisibility Visibility, long SectionId, long CategoryId,
    string FallbackLanguage, DateTimeOffset UpdatedAt);

public sealed record RevisionView(
    long Id, long ArticleId, string Language, int Number, string Title, string? Body, ArticleVisibility Visibility, int? RestoredFrom,
    long AuthorId, string AuthorName, DateTimeOffset CreatedAt);

public sealed record DiffLine(string Kind, string Text);

/// <summary>A line diff of two revisions' bodies (and titles); <see cref="Text"/> is the unified "+ / - / space" rendering.</summary>
public sealed record RevisionDiff(long FromId, int FromNumber, long ToId, int ToNumber, string Language, string? TitleFrom, string? TitleTo,
    IReadOnlyList<DiffLine> Lines, string Text);

/// <summary>Filters of the agents' article list; <see cref="NoDrafts"/> leaves drafts out (for inserting into a reply).</summary>
public sealed record ArticleListFilter(long? CategoryId, long? SectionId, string? Language, ArticleVisibility? Visibility, string? Title = null,
    bool NoDrafts = false);

/// <summary>The help-center address of a translation (the pages are in Okno.Knowledge.HelpCenter).</summary>
public static class HelpCenterPaths
{
    public static string PathOf(long articleId, string language, string slug) => $"/help/{language}/articles/{articleId}-{slug}";
}

/// <summary>Reads articles for agents: lists, one article in a language with fallback, revisions and diffs.</summary>
public sealed class ArticleQueries(OknoDb db)
{
    public async Task<Page<ArticleListItem>> ListAsync(ArticleListFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Paging.Decode(cursor, 1);
        var query = db.Set<ArticleTranslation>().AsNoTracking().AsQueryable();
        if (filter.Language is { } language) query = query.Where(t => t.Language == language);
        if (filter.Visibility is { } visibility) query = query.Where(t => t.Visibility == visibility);
        if (filter.NoDrafts) query = query.Where(t => t.Visibility != ArticleVisibility.Draft);
        if (filter.SectionId is { } sectionId) query = query.Where(t => t.Article.SectionId == sectionId);
        if (filter.CategoryId is { } categoryId) query = query.Where(t => t.Article.Section.CategoryId == categoryId);
        if (!string.IsNullOrWhiteSpace(filter.Title))
        {
            var pattern = "%" + Escape(filter.Title.Trim().ToLowerInvariant()) + "%";
            query = query.Where(t => EF.Functions.Like(OknoDb.Fold(t.Title), pattern, "\\"));
        }
        if (after is not null) query = query.Where(t => t.Id < after[0]);
        var rows = await query.OrderByDescending(t => t.Id).Take(limit + 1)
            .Select(t => new ArticleListItem(t.ArticleId, t.Id, t.Language, t.Title, t.Slug, t.Visibility, t.Article.SectionId,
                t.Article.Section.CategoryId, t.Article.FallbackLanguage, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, r => Paging.Encode(r.TranslationId));
    }

    /// <summary>The article in <paramref name="language"/>, or in its fallback language when it has no such translation.</summary>
    public async Task<ArticleView> GetAsync(long id, string? language, CancellationToken cancellationToken)
    {
        var article = await db.Set<Article>().AsNoTracking().Include(a => a.Section).Include(a => a.Translations)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.ArticleNotFound, "Article", id));
        var translation = article.Translations.FirstOrDefault(t => t.Language == language)
            ?? article.Translations.FirstOrDefault(t => t.Language == article.FallbackLanguage)
            ?? article.Translations.OrderBy(t => t.Id).First();
        return new ArticleView(article.Id, article.SectionId, article.Section.CategoryId, article.FallbackLanguage, translation.Language,
            language, language is not null && translation.Language != language, translation.Title, translation.Slug, translation.Body,
            translation.Html, translation.Visibility, translation.RevisionCount,
            article.Translations.OrderBy(t => t.Id).Select(t => t.Language).ToList(),
            HelpCenterPaths.PathOf(article.Id, translation.Language, translation.Slug), article.CreatedAt, translation.UpdatedAt,
            await BotStatsAsync(article.Id, cancellationToken));
    }

    /// <summary>The answer bot's counters of the article (zeros when it was never offered).</summary>
    public async Task<ArticleBotStats> BotStatsAsync(long articleId, CancellationToken cancellationToken)
    {
        var stats = await db.Set<Bots.Answer.BotArticleStats>().AsNoTracking().SingleOrDefaultAsync(s => s.ArticleId == articleId, cancellationToken);
        return stats is null ? new ArticleBotStats(0, 0, 0, null)
            : new ArticleBotStats(stats.Offered, stats.Solved, stats.Rejected, Bots.Answer.BotArticleStats.HitRate(stats.Solved, stats.Rejected));
    }

    public async Task<Page<RevisionView>> RevisionsAsync(long articleId, string? language, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var after = Paging.Decode(cursor, 1);
        var fallback = await db.Set<Article>().Where(a => a.Id == articleId).Select(a => a.FallbackLanguage).SingleOrDefaultAsync(cancellationToken)
            ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.ArticleNotFound, "Article", articleId));
        language ??= fallback;
        if (!await db.Set<ArticleTranslation>().AnyAsync(t => t.ArticleId == articleId && t.Language == language, cancellationToken))
            throw new OknoException(new NotFound(KnowledgeErrorCodes.TranslationNotFound, $"Translation '{language}' of article", articleId));
        var query = db.Set<ArticleRevision>().Where(r => r.ArticleId == articleId && r.Language == language);
        if (after is not null) query = query.Where(r => r.Id < after[0]);
        var rows = await query.OrderByDescending(r => r.Id).Take(limit + 1)
            .Select(r => new RevisionView(r.Id, r.ArticleId, r.Language, r.Number, r.Title, null, r.Visibility, r.RestoredFrom, r.AuthorId,
                db.Set<Agent>().Where(a => a.Id == r.AuthorId).Select(a => a.Name).FirstOrDefault() ?? "", r.CreatedAt))
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, r => Paging.Encode(r.Id));
    }

    public async Task<RevisionView> RevisionAsync(long articleId, long revisionId, CancellationToken cancellationToken) =>
        await db.Set<ArticleRevision>().Where(r => r.Id == revisionId && r.ArticleId == articleId)
            .Select(r => new RevisionView(r.Id, r.ArticleId, r.Language, r.Number, r.Title, r.Body, r.Visibility, r.RestoredFrom, r.AuthorId,
                db.Set<Agent>().Where(a => a.Id == r.AuthorId).Select(a => a.Name).FirstOrDefault() ?? "", r.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.RevisionNotFound, "Revision", revisionId));

    public async Task<RevisionDiff> DiffAsync(long articleId, long? fromId, long? toId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (fromId is null) errors.Required("from");
        if (toId is null) errors.Required("to");
        errors.ThrowIfAny();
        var from = await RevisionAsync(articleId, fromId!.Value, cancellationToken);
        var to = await RevisionAsync(articleId, toId!.Value, cancellationToken);
        if (from.Language != to.Language)
            throw new OknoException(InvalidInput.Field("to", KnowledgeErrorCodes.RevisionsOfDifferentLanguages, "Both revisions must be of the same language."));
        var lines = RevisionDiffer.Lines(from.Body!, to.Body!);
        return new RevisionDiff(from.Id, from.Number, to.Id, to.Number, from.Language,
            from.Title, to.Title, lines, RevisionDiffer.Render(lines));
    }

    internal static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
