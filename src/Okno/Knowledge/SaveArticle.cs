using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>PUT body: the whole content of one translation (<see cref="Language"/>); a missing translation is added.
/// <see cref="SectionId"/>, when given, moves the whole article.</summary>
public sealed record SaveArticleRequest(string? Language, string? Title, string? Body, ArticleVisibility? Visibility, string? Slug, long? SectionId);

/// <summary>Replaces (or adds) one translation of an article; every save appends a revision.</summary>
public sealed class SaveArticle(OknoDb db, ArticleWriter writer, ArticleMarkdown markdown, ArticleQueries queries, TimeProvider clock)
{
    public async Task<ArticleView> ExecuteAsync(long id, SaveArticleRequest request, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var language = ArticleWriter.CheckLanguage(request.Language, errors);
        ArticleWriter.CheckContent(request.Title, request.Body, request.Visibility, request.Slug, errors);
        if (request.SectionId is { } sectionId && !await db.Set<Section>().AnyAsync(s => s.Id == sectionId, cancellationToken))
            errors.Add("sectionId", KnowledgeErrorCodes.SectionNotFound, $"There is no section {sectionId}.", ("id", sectionId));
        errors.ThrowIfAny();
        // Rendered before the transaction: a costly body never holds the write lock (and is refused with a 400 first).
        var rendered = markdown.Render(request.Body!);

        await db.WriteAsync(async ct =>
        {
            var article = await db.Set<Article>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.ArticleNotFound, "Article", id));
            var now = clock.GetUtcNow();
            var translation = await db.Set<ArticleTranslation>().SingleOrDefaultAsync(t => t.ArticleId == id && t.Language == language, ct);
            if (translation is null)
            {
                translation = new ArticleTranslation { ArticleId = id, Language = language! };
                db.Add(translation);
            }
            if (request.SectionId is { } moveTo) article.SectionId = moveTo;
            article.UpdatedAt = now;
            await writer.SaveAsync(translation, request.Title!, request.Body!, rendered, request.Visibility!.Value, request.Slug, null, agent.Id, now, ct);
            return id;
        }, cancellationToken);
        return await queries.GetAsync(id, language, cancellationToken);
    }
}
