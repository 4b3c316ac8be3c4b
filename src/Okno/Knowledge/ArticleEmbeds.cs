using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Okno.Knowledge;

/// <summary>What an article's sanitized HTML gains for readers: a bare link to a video on YouTube, Rutube or VK Video,
/// alone in its paragraph, becomes that host's embedded player, and an image becomes a link to itself at full size.
/// It runs after the sanitizer, which still refuses every iframe written in an article (it allows none): the players
/// are built here, only from a video id read out of a link to one of these hosts and matched character by character,
/// and only on those hosts' embed addresses — so no text an author types can choose where a frame points. The frames
/// are sandboxed (scripts for the player, nothing to navigate the page), lazy, and 16:9 by CSS.</summary>
public static partial class ArticleEmbeds
{
    /// <summary>The origins the players load from: the help center's article pages allow exactly these as frame sources.</summary>
    public static readonly string[] FrameSources = ["https://www.youtube-nocookie.com", "https://rutube.ru", "https://vk.com"];

    private const string Sandbox = "allow-scripts allow-same-origin allow-presentation allow-popups";

    public static string Enhance(string html)
    {
        if (!html.Contains("<a ", StringComparison.Ordinal) && !html.Contains("<img", StringComparison.Ordinal)) return html;
        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = html;
        var changed = false;
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            if (BareLink(paragraph) is not { } link || EmbedOf(link.GetAttribute("href")) is not { } embed) continue;
            var frame = document.CreateElement("iframe");
            frame.SetAttribute("src", embed.Url);
            frame.SetAttribute("title", embed.Host);
            frame.SetAttribute("loading", "lazy");
            frame.SetAttribute("sandbox", Sandbox);
            frame.SetAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
            frame.SetAttribute("allowfullscreen", "");
            frame.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            var box = document.CreateElement("div");
            box.ClassName = "article-video";
            box.AppendChild(frame);
            paragraph.Replace(box);
            changed = true;
        }
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src");
            // Inline data: images stay as they are (a link to one would be a data: navigation); linked images keep their link.
            if (string.IsNullOrEmpty(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || image.Closest("a") is not null) continue;
            var link = document.CreateElement("a");
            link.SetAttribute("href", src);
            link.SetAttribute("target", "_blank");
            link.SetAttribute("rel", "noopener noreferrer");
            link.ClassName = "article-image";
            image.Replace(link);
            link.AppendChild(image);
            changed = true;
        }
        return changed ? body.InnerHtml : html;
    }

    /// <summary>The link of a paragraph that holds only a link whose text is its own address (a URL on a line of its own).</summary>
    private static IElement? BareLink(IElement paragraph)
    {
        var nodes = paragraph.ChildNodes.Where(n => n is not IText t || !string.IsNullOrWhiteSpace(t.Data)).ToList();
        if (nodes is not [IElement { TagName: "A" } link] || link.Children.Length > 0) return null;
        var href = link.GetAttribute("href");
        return href is not null && link.TextContent.Trim() is var text && (text == href || "http://" + text == href || "https://" + text == href) ? link : null;
    }

    public sealed record Embed(string Host, string Url);

    /// <summary>The player for a link to a video on an allowed host; null for anything else.</summary>
    public static Embed? EmbedOf(string? href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !uri.IsDefaultPort) return null;
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        switch (host)
        {
            case "youtu.be":
                return YouTube(path.TrimStart('/'));
            case "youtube.com" or "www.youtube.com" or "m.youtube.com":
                if (path == "/watch") return YouTube(query["v"]);
                return YouTubePath().Match(path) is { Success: true } y ? YouTube(y.Groups[1].Value) : null;
            case "rutube.ru" or "www.rutube.ru":
                return RutubePath().Match(path) is { Success: true } r ? new Embed("Rutube", $"https://rutube.ru/play/embed/{r.Groups[1].Value}") : null;
            case "vk.com" or "m.vk.com" or "vkvideo.ru" or "www.vkvideo.ru":
                return VkPath().Match(path) is { Success: true } v
                    ? new Embed("VK Video", $"https://vk.com/video_ext.php?oid={v.Groups[1].Value}&id={v.Groups[2].Value}&hd=2")
                    : null;
            default:
                return null;
        }
    }

    private static Embed? YouTube(string? id) =>
        id is not null && YouTubeId().IsMatch(id) ? new Embed("YouTube", $"https://www.youtube-nocookie.com/embed/{id}") : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^/(?:shorts|embed|live)/([A-Za-z0-9_-]{11})$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex("^/video/([0-9a-f]{32})$")]
    private static partial Regex RutubePath();

    [GeneratedRegex("^/video(-?[0-9]{1,20})_([0-9]{1,20})$")]
    private static partial Regex VkPath();
}
