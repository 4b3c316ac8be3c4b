using Okno.Platform.Search;

namespace Okno.Knowledge;

/// <summary>Called once for every saved article translation (create, update, restore), inside the transaction that
/// saves it, after the row has its final content: the translation goes into the search index (kind "article", one
/// entry per translation) as plain text, so a change is searchable as soon as it commits and never when it rolls back.
/// Every visibility is indexed; whoever searches filters by visibility.</summary>
public sealed class ArticleSaved(ArticleMarkdown markdown, SearchIndex index)
{
    public const string SearchKind = "article";

    public Task OnSavedAsync(ArticleTranslation translation, CancellationToken cancellationToken) =>
        index.UpsertAsync(SearchKind, translation.Id, translation.Language, translation.Title, markdown.ToText(translation.Body), cancellationToken);
}
