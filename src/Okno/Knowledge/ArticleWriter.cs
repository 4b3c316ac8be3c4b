using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>What every save of a translation shares: checking the fields, and writing the row plus a revision and
/// calling <see cref="ArticleSaved"/> in the caller's transaction. CreateArticle, SaveArticle and RestoreRevision
/// all save through here, so there is one place where a translation changes.</summary>
public sealed partial class ArticleWriter(OknoDb db, ArticleSaved saved)
{
    public static string? CheckLanguage(string? language, FieldErrors errors, string field = "language")
    {
        if (string.IsNullOrWhiteSpace(language)) { errors.Required(field); return null; }
        language = language.Trim().ToLowerInvariant();
        if (!LanguageCode().IsMatch(language)) { errors.Add(field, ErrorCodes.InvalidLanguageCode, "A two-letter language code, e.g. ru or en."); return null; }
        return language;
    }

    public static void CheckContent(string? title, string? body, ArticleVisibility? visibility, string? slug, FieldErrors errors)
    {
        errors.Text("title", title?.Trim(), ArticleTranslation.TitleMaxLength);
        if (body is null) errors.Required("body");
        else if (body.Length > ArticleTranslation.BodyMaxLength) errors.TooLong("body", ArticleTranslation.BodyMaxLength);
        else if (FieldErrors.HasControlCharacters(body)) errors.ControlCharacters("body");
        if (visibility is null) errors.Required("visibility");
        if (slug is not null && !Slugs.IsValid(slug))
            errors.Add("slug", KnowledgeErrorCodes.InvalidSlug, $"Lower-case latin letters, digits and single hyphens, at most {ArticleTranslation.SlugMaxLength} characters.", ("max", ArticleTranslation.SlugMaxLength));
    }

    /// <summary>Sets the translation's content and appends a revision. Call inside <see cref="OknoDb.WriteAsync{T}"/>, with
    /// the body already rendered (<see cref="ArticleMarkdown.Render"/>) before the transaction opened: nothing slow runs
    /// while the write lock is held.</summary>
    public async Task SaveAsync(ArticleTranslation translation, string title, string body, RenderedArticle rendered, ArticleVisibility visibility, string? slug,
        int? restoredFrom, long agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        title = title.Trim();
        // A translation keeps its slug (links to it keep working) unless the client asks for another one.
        var wanted = slug ?? (translation.Slug.Length > 0 ? translation.Slug : Slugs.FromTitle(title));
        if (wanted != translation.Slug)
        {
            var clash = await db.Set<ArticleTranslation>().AnyAsync(t => t.Language == translation.Language && t.Slug == wanted
                && t.Id != translation.Id, cancellationToken);
            if (clash)
                throw new OknoException(new Duplicate(KnowledgeErrorCodes.SlugTaken, "slug",
                    $"Another '{translation.Language}' article already has the slug '{wanted}'; change the title or give a slug.",
                    ("slug", wanted), ("language", translation.Language)));
            translation.Slug = wanted;
        }
        translation.Title = title;
        translation.Body = body;
        translation.Html = rendered.Html;
        translation.Visibility = visibility;
        translation.UpdatedById = agentId;
        translation.UpdatedAt = now;
        translation.RevisionCount++;
        if (translation.Id == 0) await db.SaveChangesAsync(cancellationToken);
        db.Add(new ArticleRevision
        {
            TranslationId = translation.Id, ArticleId = translation.ArticleId, Language = translation.Language, Number = translation.RevisionCount,
            Title = title, Body = body, Visibility = visibility, RestoredFrom = restoredFrom, AuthorId = agentId, CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await saved.OnSavedAsync(translation, rendered.Text, cancellationToken);
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();
}
