using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Okno.Platform.Text;

/// <summary>The plain-text twin of formatted (sanitized) HTML, as a mail's text/plain part: paragraphs apart by a
/// blank line, list items as "- " or "1. " (nested ones indented), links as "text (url)", quotes as "> ", code blocks
/// as written, an image as its alt text in brackets.</summary>
public static partial class PlainText
{
    public static string Of(IElement body)
    {
        var text = new StringBuilder();
        Walk(body, text, 0);
        var lines = string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd()));
        return BlankLines().Replace(lines, "\n\n").Trim('\n');
    }

    private static void Walk(INode node, StringBuilder text, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    var words = Spaces().Replace(t.Data.Replace('\u00A0', ' '), " ");
                    // A line starts with its first word, not with the space the HTML's layout left there.
                    if (text.Length == 0 || text[^1] == '\n') words = words.TrimStart();
                    text.Append(words);
                    break;
                case IElement { TagName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement { TagName: "UL" or "OL" } list:
                    Block(text, depth);
                    var number = 1;
                    foreach (var item in list.Children.Where(c => c.TagName == "LI"))
                    {
                        var inner = new StringBuilder();
                        Walk(item, inner, depth + 1);
                        var lines = BlankLines().Replace(inner.ToString().Trim('\n'), "\n").Replace("\n\n", "\n");
                        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
                        text.Append(' ', depth * 2).Append(list.TagName == "OL" ? $"{number++}. " : "- ").Append(lines.TrimStart()).Append('\n');
                    }
                    Block(text, depth);
                    break;
                case IElement { TagName: "BLOCKQUOTE" } quote:
                    var quoted = new StringBuilder();
                    Walk(quote, quoted, depth);
                    Block(text, depth);
                    foreach (var line in BlankLines().Replace(quoted.ToString().Trim('\n'), "\n\n").Split('\n'))
                        text.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
                    Block(text, depth);
                    break;
                case IElement { TagName: "PRE" } pre:
                    Block(text, depth);
                    text.Append(pre.TextContent.Trim('\n'));
                    Block(text, depth);
                    break;
                case IElement { TagName: "A" } link:
                    var label = Spaces().Replace(link.TextContent, " ").Trim();
                    var href = link.GetAttribute("href");
                    Walk(link, text, depth);
                    if (!string.IsNullOrEmpty(href) && href != label && href != "mailto:" + label)
                        text.Append(label.Length == 0 ? href : $" ({href})");
                    break;
                case IElement { TagName: "IMG" } image:
                    if (image.GetAttribute("alt") is { Length: > 0 } alt) text.Append('[').Append(alt).Append(']');
                    break;
                case IElement { TagName: "P" or "DIV" or "LI" or "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TR" } block:
                    Block(text, depth);
                    Walk(block, text, depth);
                    Block(text, depth);
                    break;
                default:
                    Walk(child, text, depth);
                    break;
            }
        }
    }

    /// <summary>Ends what came before with a blank line (inside a list item, with a line break).</summary>
    private static void Block(StringBuilder text, int depth)
    {
        if (text.Length == 0) return;
        if (text[^1] != '\n') text.Append('\n');
        if (depth == 0 && (text.Length < 2 || text[^2] != '\n')) text.Append('\n');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("\n{3,}")]
    private static partial Regex BlankLines();
}
