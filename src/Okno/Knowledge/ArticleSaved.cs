using Okno.Platform.Search;

namespace Okno.Knowledge;

/// <summary>Called once for every saved article translation (create, update, restore), inside the transaction that
/// saves it, after the row has its final content (its text rendered before that transaction opened): the translation goes into the search index (kind "article", one
/// entry per translation) as plain text, so a change is searchable as soon as it commits and never when it rolls back.
/// Every visibility is indexed; whoever searches filters by visibility.</summary>
public sealed class ArticleSaved(SearchIndex index)
{
    public const string SearchKind = "article";

    /// <summary><paramref name="text"/> is the body's plain text, rendered before the transaction.</summary>
    public Task OnSavedAsync(ArticleTranslation translation, string text, CancellationToken cancellationToken) =>
        index.UpsertAsync(SearchKind, translation.Id, translation.Language, translation.Title, text, cancellationToken);
}
