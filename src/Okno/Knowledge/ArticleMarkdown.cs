using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>An article body rendered once, before the transaction that stores it: the safe HTML and its plain text
/// (for the search index).</summary>
public sealed record RenderedArticle(string Html, string Text);

/// <summary>Renders an article's Markdown to HTML that is safe to show, through the bounded text gate
/// (<see cref="MessageBodies.Markdown"/>): Markdig with a few safe extensions (pipe tables, autolinks, task lists), then
/// the same allow-list sanitizer as message bodies. Raw HTML inside the Markdown is parsed like any other HTML and goes
/// through the sanitizer: scripts, event handlers, javascript: links and iframes never survive; video players and
/// full-size image links are added afterwards from links only (<see cref="ArticleEmbeds"/>). Markdown that is too
/// deep or too costly is refused (400 naming the field), never rendered inside a write transaction.</summary>
public sealed class ArticleMarkdown(MessageBodies bodies)
{
    /// <summary>HTML and text of a body about to be saved; throws the 400 for <paramref name="field"/> when refused.</summary>
    public RenderedArticle Render(string markdown, string field = "body")
    {
        var html = bodies.Markdown(markdown, field);
        return new RenderedArticle(ArticleEmbeds.Enhance(html), bodies.TextOf(html));
    }

    public string ToHtml(string markdown, string field = "body") => ArticleEmbeds.Enhance(bodies.Markdown(markdown, field));

    /// <summary>The preview of the editor: the HTML, or why the text is refused.</summary>
    public (string? Html, FieldError? Error) TryToHtml(string markdown) => bodies.TryMarkdown(markdown);

    /// <summary>Readable plain text of a stored article, for inserting into a reply or for an index. A body stored before
    /// the gate existed that it would now refuse is given as written (plain text), never rendered.</summary>
    public string ToText(string markdown)
    {
        var (html, error) = bodies.TryMarkdown(markdown);
        return error is null ? bodies.TextOf(html!) : markdown;
    }
}
