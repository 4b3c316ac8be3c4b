namespace Okno.Knowledge;

/// <summary>THE seam for search: called once for every saved article translation (create, update, restore), inside
/// the transaction that saves it, after the row has its final content. The search index plugs in here
/// (<c>SearchIndex.UpsertAsync("article", translation.ArticleId, translation.Language, translation.Title, text)</c>),
/// so a change is searchable as soon as it commits and never when it rolls back. It does nothing yet.</summary>
public sealed class ArticleSaved(ArticleMarkdown markdown)
{
    public Task OnSavedAsync(ArticleTranslation translation, CancellationToken cancellationToken)
    {
        _ = markdown; // the indexer will want the plain text: markdown.ToText(translation.Body)
        _ = translation;
        return Task.CompletedTask;
    }
}
