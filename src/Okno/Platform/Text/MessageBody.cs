using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.Extensions.Options;
using Okno.Platform.Web;

namespace Okno.Platform.Text;

/// <summary>A message body as stored: the plain text and a sanitized HTML rendering of it.</summary>
public sealed record MessageBody(string Text, string Html);

/// <summary>Turns bodies from outside into <see cref="MessageBody"/>, and is the one gate every Markdown and HTML text
/// passes on its way in: plain text is never interpreted as markup; HTML goes through an allow-list sanitizer before it
/// is stored or shown; Markdown is rendered by <see cref="SafeMarkdown"/> and then sanitized. Each step's work is
/// bounded (<see cref="TextOptions"/>): HTML deeper than the limit (<see cref="HtmlShape"/>, a linear pre-scan) and
/// Markdown too deep or too costly are refused with an <see cref="OknoException"/> naming the field (400), so nothing
/// slow reaches the parser. Call it before a write transaction opens, never inside one.</summary>
public sealed partial class MessageBodies
{
    private readonly HtmlSanitizer _sanitizer = new();
    private readonly HtmlSanitizer _formatting = FormattingOnly();
    private readonly HtmlParser _parser = new();
    private readonly TextOptions _limits;
    private readonly SafeMarkdown _markdown;

    public MessageBodies() : this(Options.Create(new OknoOptions())) { }

    public MessageBodies(IOptions<OknoOptions> options)
    {
        _limits = options.Value.Text;
        _markdown = new SafeMarkdown(_limits);
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
            // A mail's inline image names its part (cid:…); shown in place from the message's own attachment at display time.
            if (e.SanitizedUrl is null && e.Tag is { TagName: "IMG" } && MailPart().IsMatch(e.OriginalUrl)) e.SanitizedUrl = e.OriginalUrl;
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

    /// <summary>Sanitized HTML and its text; throws the 400 for <paramref name="field"/> when the HTML is over a bound.</summary>
    public MessageBody FromHtml(string html, string field = "bodyHtml")
    {
        var safe = Sanitize(html, field);
        return new MessageBody(TextOf(safe), safe);
    }

    /// <summary>What the reply editor (or an API client writing as an agent) sends: first the same gate as every HTML,
    /// then narrowed to formatting alone — p, br, strong/b, em/i, ul/ol/li, a (http, https, mailto), blockquote, code,
    /// pre and img naming a part of the message (<c>cid:</c>, see <see cref="FormattingOnly"/>). The text is derived
    /// for the plain-text part of a mail: list items as "- " or "1. ", links as "text (url)", quotes as "> ".</summary>
    public MessageBody FromFormattedHtml(string html, string field = "bodyHtml")
    {
        var safe = _formatting.Sanitize(Sanitize(html, field));
        return new MessageBody(PlainText.Of(_parser.ParseDocument(safe).Body!), safe);
    }

    /// <summary>The narrow allow-list of <see cref="FromFormattedHtml"/>. Text of any other element is kept (a div
    /// or a heading becomes a paragraph); the wide pass before it has already dropped scripts and styles whole.</summary>
    private static HtmlSanitizer FormattingOnly()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true, AllowDataAttributes = false };
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "img" })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "src", "alt" }) sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.FilterUrl += (_, e) =>
        {
            // An image is the message's own part or nothing: a remote one would tell its host who read the mail.
            if (e.Tag is { TagName: "IMG" }) e.SanitizedUrl = MailPart().IsMatch(e.OriginalUrl) ? e.OriginalUrl : null;
            // A link leaves for a full address; a relative one would point at the desk itself.
            // (By its scheme: on Unix "/admin" is an absolute file: URI to System.Uri.)
            else if (e.SanitizedUrl is not null && !LinkScheme().IsMatch(e.SanitizedUrl)) e.SanitizedUrl = null;
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.TagName is not ("DIV" or "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "SECTION" or "ARTICLE" or "TR")) return;
            var paragraph = e.Tag.Owner!.CreateElement("p");
            while (e.Tag.FirstChild is { } child) paragraph.AppendChild(child);
            e.Tag.Replace(paragraph);
            e.Cancel = true;
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            // An image whose address was refused shows nothing; the element goes with it.
            foreach (var image in e.Document.QuerySelectorAll("img:not([src])").ToList()) image.Remove();
            // A link whose address was refused is its text alone.
            foreach (var link in e.Document.QuerySelectorAll("a:not([href])").ToList()) link.Replace(link.ChildNodes.ToArray());
        };
        return sanitizer;
    }

    /// <summary>The allow-listed HTML; throws the 400 for <paramref name="field"/> when the HTML is over a bound.</summary>
    public string Sanitize(string html, string field = "bodyHtml")
    {
        if (CheckHtml(html) is { } error) throw TextRefusal.For(field, error);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Why this HTML would cost too much to parse, or null.</summary>
    public FieldError? CheckHtml(string html)
    {
        var (depth, children) = HtmlShape.Measure(html, _limits.MaxHtmlDepth, _limits.MaxHtmlChildren);
        return depth > _limits.MaxHtmlDepth ? TextErrors.TooDeep(_limits.MaxHtmlDepth)
            : children > _limits.MaxHtmlChildren ? TextErrors.TooComplex()
            : null;
    }

    /// <summary>Markdown rendered and sanitized, or the refusal (for the UI, which shows it instead of a preview).</summary>
    public (string? Html, FieldError? Error) TryMarkdown(string markdown)
    {
        var (html, error) = _markdown.ToHtml(markdown);
        if (error is not null) return (null, error);
        if (CheckHtml(html!) is { } deep) return (null, deep);
        return (_sanitizer.Sanitize(html!), null);
    }

    /// <summary>Markdown rendered and sanitized; throws the 400 for <paramref name="field"/> when it is over a bound.</summary>
    public string Markdown(string markdown, string field)
    {
        var (html, error) = TryMarkdown(markdown);
        return error is null ? html! : throw TextRefusal.For(field, error);
    }

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

    [System.Text.RegularExpressions.GeneratedRegex(@"^cid:[^\s""'<>]{1,255}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MailPart();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(https?://|mailto:)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LinkScheme();

    [System.Text.RegularExpressions.GeneratedRegex("\n{3,}")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();

    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
