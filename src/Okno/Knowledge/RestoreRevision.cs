using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>Brings an old revision's content back as a new revision; history is never rewritten.</summary>
public sealed class RestoreRevision(OknoDb db, ArticleWriter writer, ArticleMarkdown markdown, ArticleQueries queries, TimeProvider clock)
{
    public async Task<ArticleView> ExecuteAsync(long articleId, long revisionId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        // A revision never changes, so it is read and rendered before the transaction (nothing slow under the write lock).
        var old = await db.Set<ArticleRevision>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, cancellationToken)
            ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.RevisionNotFound, "Revision", revisionId));
        var rendered = markdown.Render(old.Body);
        var language = await db.WriteAsync(async ct =>
        {
            var translation = await db.Set<ArticleTranslation>().SingleAsync(t => t.Id == old.TranslationId, ct);
            var article = await db.Set<Article>().SingleAsync(a => a.Id == articleId, ct);
            var now = clock.GetUtcNow();
            article.UpdatedAt = now;
            await writer.SaveAsync(translation, old.Title, old.Body, rendered, old.Visibility, null, old.Number, agent.Id, now, ct);
            return translation.Language;
        }, cancellationToken);
        return await queries.GetAsync(articleId, language, cancellationToken);
    }
}
