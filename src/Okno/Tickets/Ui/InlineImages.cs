using System.Net;
using System.Text.RegularExpressions;

namespace Okno.Tickets.Ui;

/// <summary>Shows a mail's inline images in place: each <c>cid:</c> image source in (sanitized) message HTML becomes the
/// download address of the message's attachment with that Content-ID, an address of Okno's own that the page's
/// Content-Security-Policy (img-src 'self') allows. A <c>cid:</c> that names no attachment is left as it is: a browser
/// loads nothing for it.</summary>
public static partial class InlineImages
{
    /// <summary>The HTML with <c>cid:</c> images pointing at their attachments, and the ids of the attachments shown so.</summary>
    public static (string Html, IReadOnlySet<long> Shown) Rewrite(string html, IReadOnlyList<AttachmentView> attachments, Func<long, string> urlFor)
    {
        var shown = new HashSet<long>();
        if (!html.Contains("cid:", StringComparison.OrdinalIgnoreCase)) return (html, shown);
        var byId = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in attachments)
            if (a.ContentId is { Length: > 0 } cid) byId.TryAdd(cid, a.Id);
        if (byId.Count == 0) return (html, shown);
        var rewritten = CidSource().Replace(html, m =>
        {
            var cid = WebUtility.HtmlDecode(m.Groups["cid"].Value).Trim().Trim('<', '>');
            if (!byId.TryGetValue(cid, out var id)) return m.Value;
            shown.Add(id);
            return $"src=\"{WebUtility.HtmlEncode(urlFor(id))}\"";
        });
        return (rewritten, shown);
    }

    // The sanitizer writes every attribute double-quoted, so this is the only form a stored cid: source takes.
    [GeneratedRegex(@"\bsrc=""cid:(?<cid>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CidSource();
}
