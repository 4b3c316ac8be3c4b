using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Knowledge;

public sealed record CreateArticleRequest(long? SectionId, string? Language, string? Title, string? Body, ArticleVisibility? Visibility, string? Slug);

/// <summary>Creates an article with its first translation; that translation's language becomes the fallback language.</summary>
public sealed class CreateArticle(OknoDb db, ArticleWriter writer, ArticleMarkdown markdown, ArticleQueries queries, TimeProvider clock)
{
    public async Task<ArticleView> ExecuteAsync(CreateArticleRequest request, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.SectionId is null) errors.Required("sectionId");
        else if (!await db.Set<Section>().AnyAsync(s => s.Id == request.SectionId, cancellationToken))
            errors.Add("sectionId", KnowledgeErrorCodes.SectionNotFound, $"There is no section {request.SectionId}.", ("id", request.SectionId));
        var language = ArticleWriter.CheckLanguage(request.Language, errors);
        ArticleWriter.CheckContent(request.Title, request.Body, request.Visibility, request.Slug, errors);
        errors.ThrowIfAny();
        // Rendered before the transaction: a costly body never holds the write lock (and is refused with a 400 first).
        var rendered = markdown.Render(request.Body!);

        var id = await db.WriteAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var article = new Article
            {
                SectionId = request.SectionId!.Value, FallbackLanguage = language!, CreatedById = agent.Id, CreatedAt = now, UpdatedAt = now,
            };
            db.Add(article);
            await db.SaveChangesAsync(ct);
            var translation = new ArticleTranslation { ArticleId = article.Id, Language = language! };
            db.Add(translation);
            await writer.SaveAsync(translation, request.Title!, request.Body!, rendered, request.Visibility!.Value, request.Slug, null, agent.Id, now, ct);
            return article.Id;
        }, cancellationToken);
        return await queries.GetAsync(id, language, cancellationToken);
    }
}
