using Markdig;
using Okno.Platform.Text;

namespace Okno.Knowledge;

/// <summary>Renders an article's Markdown to HTML that is safe to show: Markdig with a few safe extensions (pipe tables,
/// autolinks, task lists), then the same allow-list sanitizer as message bodies. Raw HTML inside the Markdown is
/// parsed like any other HTML and goes through the sanitizer: scripts, event handlers, javascript: links and
/// iframes never survive.</summary>
public sealed class ArticleMarkdown(MessageBodies bodies)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseTaskLists().Build();

    // The task-list extension renders disabled checkboxes; the sanitizer drops every input, so they become marks.
    private const string Checked = "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" />";
    private const string Unchecked = "<input disabled=\"disabled\" type=\"checkbox\" />";

    public string ToHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline).Replace(Checked, "☑ ").Replace(Unchecked, "☐ ");
        return bodies.Sanitize(html);
    }

    /// <summary>Readable plain text of an article, for inserting into a reply or for an index.</summary>
    public string ToText(string markdown) => bodies.TextOf(ToHtml(markdown));
}
