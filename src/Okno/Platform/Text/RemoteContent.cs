using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Okno.Platform.Text;

/// <summary>A message's HTML as shown: with <see cref="Hidden"/> remote images (or other remote resources) taken out.</summary>
public sealed record ShownHtml(string Html, int Hidden);

/// <summary>Takes remote content out of (already sanitized) message HTML at display time, so that opening a message
/// never tells its sender that, when and from which address it was read (tracking pixels). Because it runs when a
/// message is shown, messages stored before it existed are covered too. Everything that makes a browser fetch
/// something without a click is handled: <c>src</c>, <c>srcset</c>, <c>background</c>, <c>poster</c>, <c>lowsrc</c>,
/// <c>dynsrc</c>, <c>data</c>, <c>href</c> of anything but a link, <c>url()</c> and <c>@import</c> in CSS. Inline
/// <c>data:</c> images and <c>cid:</c> references stay; relative addresses (which would point at Okno itself) go.
/// When the agent has allowed images for a message, each remote http(s) address is replaced by the address
/// <paramref name="proxy"/> gives (Okno's own image proxy), never left pointing outside: the page's
/// Content-Security-Policy (img-src 'self' data: blob:) would block it anyway.</summary>
public static partial class RemoteContent
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] FetchingAttributes = ["src", "srcset", "background", "poster", "lowsrc", "dynsrc", "data", "imagesrcset", "href", "xlink:href"];

    /// <summary>The HTML with remote content hidden (<paramref name="proxy"/> null) or routed through the proxy.</summary>
    public static ShownHtml Rewrite(string html, Func<Uri, string>? proxy = null)
    {
        if (!MayFetch().IsMatch(html)) return new ShownHtml(html, 0);
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var hidden = 0;
        foreach (var element in document.Body!.QuerySelectorAll("*").ToList())
        {
            foreach (var name in FetchingAttributes)
            {
                if (name is "href" or "xlink:href" && element.LocalName is "a" or "area") continue;
                var value = element.GetAttribute(name);
                if (value is null) continue;
                if (name is "srcset" or "imagesrcset") { hidden += RewriteSrcset(element, name, value, proxy); continue; }
                var (kept, wasRemote) = Address(value, proxy);
                if (wasRemote && proxy is null) hidden++;
                if (kept is null) element.RemoveAttribute(name);
                else if (kept != value) element.SetAttribute(name, kept);
            }
            if (element.GetAttribute("style") is { } style)
            {
                var (css, count) = RewriteCss(style, proxy);
                hidden += count;
                if (css is null) element.RemoveAttribute("style");
                else if (css != style) element.SetAttribute("style", css);
            }
            if (element.LocalName == "style")
            {
                var (css, count) = RewriteCss(element.TextContent, proxy);
                hidden += count;
                element.TextContent = css ?? "";
            }
            if (element.LocalName == "img" && element.GetAttribute("src") is null) element.ClassList.Add("okno-image-hidden");
        }
        return new ShownHtml(document.Body.InnerHtml, hidden);
    }

    /// <summary>An address kept as is (inline), routed through the proxy (remote, allowed), or dropped (null).</summary>
    private static (string? Kept, bool WasRemote) Address(string value, Func<Uri, string>? proxy)
    {
        var address = value.Trim();
        if (address.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || address.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            return (value, false);
        if (address.StartsWith("//", StringComparison.Ordinal)) address = "https:" + address;
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return (proxy?.Invoke(uri), true);
        return (null, false);
    }

    private static int RewriteSrcset(IElement element, string name, string value, Func<Uri, string>? proxy)
    {
        var hidden = 0;
        var candidates = new List<string>();
        foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = candidate.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var (kept, wasRemote) = Address(parts[0], proxy);
            if (wasRemote && proxy is null) hidden++;
            if (kept is not null) candidates.Add(parts.Length > 1 ? kept + " " + parts[1] : kept);
        }
        // A data: URL has commas of its own; a srcset that does not split cleanly is dropped rather than guessed at.
        if (candidates.Count == 0 || value.Contains("data:", StringComparison.OrdinalIgnoreCase)) element.RemoveAttribute(name);
        else element.SetAttribute(name, string.Join(", ", candidates));
        return hidden;
    }

    /// <summary>CSS with remote url() hidden or proxied and @import gone; null when the CSS hides what it says behind
    /// escapes or comments (the whole declaration list is then dropped rather than parsed again).</summary>
    private static (string? Css, int Hidden) RewriteCss(string css, Func<Uri, string>? proxy)
    {
        if (css.Contains('\\') || css.Contains("/*", StringComparison.Ordinal) || css.Contains("image-set", StringComparison.OrdinalIgnoreCase))
            return (null, RemoteInCss().Matches(css).Count);
        var hidden = 0;
        css = Imports().Replace(css, _ => { hidden++; return ""; });
        css = CssUrl().Replace(css, m =>
        {
            var value = m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["u"].Value;
            var (kept, wasRemote) = Address(value, proxy);
            if (wasRemote && proxy is null) hidden++;
            return kept is null ? "none" : $"url(\"{kept.Replace("\"", "%22")}\")";
        });
        return (css, hidden);
    }

    [GeneratedRegex(@"src|background|poster|data=|href|url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex MayFetch();

    [GeneratedRegex(@"url\(\s*(?:(?<d>[""'])(?<q>.*?)\k<d>|(?<u>[^)\s]*))\s*\)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"@import[^;]*;?", RegexOptions.IgnoreCase)]
    private static partial Regex Imports();

    [GeneratedRegex(@"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteInCss();
}
