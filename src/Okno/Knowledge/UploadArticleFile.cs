using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Knowledge;

public sealed record ArticleFileView(long Id, long ArticleId, string FileName, string ContentType, long Size, string Url, string Markdown);

/// <summary>Stores an image or attachment for an article, with the same checks and size limit as ticket attachments.</summary>
public sealed class UploadArticleFile(OknoDb db, AttachmentIntake intake, TimeProvider clock)
{
    public async Task<ArticleFileView> ExecuteAsync(long articleId, AttachmentInput? input, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (!await db.Set<Article>().AnyAsync(a => a.Id == articleId, cancellationToken)) throw new OknoException(new NotFound(KnowledgeErrorCodes.ArticleNotFound, "Article", articleId));
        var errors = new FieldErrors();
        if (input is null) errors.Required("body");
        var files = input is null ? [] : intake.Read([input], errors);
        // The intake names fields as for a message's list; here the body is the one file.
        errors.ThrowIfAny();
        var stored = (await intake.SaveAsync(files, cancellationToken)).Single();
        var file = await db.WriteAsync(async ct =>
        {
            var row = new ArticleFile
            {
                ArticleId = articleId, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
                UploadedById = agent.Id, CreatedAt = clock.GetUtcNow(),
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            return row;
        }, cancellationToken);
        return ToView(file);
    }

    public static ArticleFileView ToView(ArticleFile file)
    {
        var url = $"/api/v1/kb/files/{file.Id}";
        var isImage = file.ContentType.StartsWith("image/", StringComparison.Ordinal) && file.ContentType != "image/svg+xml";
        var label = file.FileName.Replace("[", "").Replace("]", "");
        return new ArticleFileView(file.Id, file.ArticleId, file.FileName, file.ContentType, file.Size, url,
            isImage ? $"![{label}]({url})" : $"[{label}]({url})");
    }
}
