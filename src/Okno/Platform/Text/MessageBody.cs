using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Okno.Platform.Text;

/// <summary>A message body as stored: the plain text and a sanitized HTML rendering of it.</summary>
public sealed record MessageBody(string Text, string Html);

/// <summary>Turns bodies from outside into <see cref="MessageBody"/>. Plain text is never interpreted as
/// markup; HTML goes through an allow-list sanitizer before it is stored or shown.</summary>
public sealed partial class MessageBodies
{
    private readonly HtmlSanitizer _sanitizer = new();
    private readonly HtmlParser _parser = new();

    public MessageBodies()
    {
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("tel");
        _sanitizer.AllowDataAttributes = false;
        // A message may format text, never ask for input: a form in a customer's HTML could phish agents.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "fieldset", "label", "legend" })
            _sanitizer.AllowedTags.Remove(tag);
        // Images pasted into a message (data:image/png;base64,…) load nothing from outside: they stay, on <img> only
        // and as raster types only (remote images are hidden at display time, see RemoteContent).
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is null && e.Tag is { TagName: "IMG" } && InlineImage().IsMatch(e.OriginalUrl)) e.SanitizedUrl = e.OriginalUrl;
        };
        // Links open outside and tell the target nothing about the desk.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
    }

    public MessageBody FromText(string text)
    {
        text = NormalizeNewlines(text).Trim();
        var html = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim('\n')).Replace("\n", "<br>")).Append("</p>");
        return new MessageBody(text, html.ToString());
    }

    public MessageBody FromHtml(string html)
    {
        var safe = Sanitize(html);
        return new MessageBody(TextOf(safe), safe);
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>The readable text of (sanitized) HTML, keeping line and paragraph breaks.</summary>
    public string TextOf(string html)
    {
        var document = _parser.ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body!, text);
        var lines = string.Join('\n', NormalizeNewlines(text.ToString()).Split('\n').Select(l => l.TrimEnd()));
        return BlankLines().Replace(lines, "\n\n").Trim();
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t: text.Append(t.Data); break;
                case IElement { TagName: "BR" }: text.Append('\n'); break;
                case IElement { TagName: "P" or "DIV" or "LI" or "TR" or "H1" or "H2" or "H3" or "H4" or "BLOCKQUOTE" or "PRE" } e:
                    text.Append('\n');
                    Walk(e, text);
                    text.Append('\n');
                    break;
                default: Walk(child, text); break;
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$")]
    private static partial System.Text.RegularExpressions.Regex InlineImage();

    [System.Text.RegularExpressions.GeneratedRegex("\n{3,}")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();

    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
