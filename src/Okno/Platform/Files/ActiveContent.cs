using System.Text;

namespace Okno.Platform.Files;

/// <summary>Tells whether a stored file is something a browser would run or render as a document (HTML, XHTML, XML
/// with stylesheets, SVG with its scripts, JavaScript, Flash) if it were served with its own type. Decided from all
/// three things that can say so: the declared type, the file name's extension, and the first bytes of the content
/// (a ".png" that is really HTML). Decided at serve time, so files stored before this check are covered too.</summary>
public static class ActiveContent
{
    public const string SafeType = "application/octet-stream";

    /// <summary>How many bytes of the content <see cref="Looks"/> reads.</summary>
    public const int SniffLength = 1024;

    private static readonly HashSet<string> ActiveTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/xml", "application/xml", "image/svg+xml", "text/xsl", "application/xslt+xml",
        "text/javascript", "application/javascript", "application/x-javascript", "application/ecmascript", "text/ecmascript",
        "text/jscript", "application/json+javascript", "text/x-javascript", "module/javascript",
        "application/x-shockwave-flash", "application/vnd.adobe.flash.movie", "multipart/x-mixed-replace",
        "application/x-mimearchive", "multipart/related", "text/x-component", "application/hta",
    };

    private static readonly HashSet<string> ActiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".shtml", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".svg", ".svgz", ".js", ".mjs", ".cjs", ".jsx",
        ".swf", ".mht", ".mhtml", ".hta", ".htc",
    };

    /// <summary>Starts of content that a browser treats as markup (the HTML sniffing patterns of the MIME Sniffing
    /// standard, plus XML and SVG).</summary>
    private static readonly string[] MarkupStarts =
    [
        "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style",
        "<title", "<b", "<br", "<p", "<!--", "<?xml", "<svg", "<img", "<object", "<embed", "<meta", "<link", "<form", "<xsl",
    ];

    /// <summary>True when the file must not be served under its own type.</summary>
    public static bool IsActive(string? contentType, string? fileName, ReadOnlySpan<byte> head) =>
        IsActiveType(contentType) || IsActiveName(fileName) || Looks(head);

    public static bool IsActiveType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var type = contentType.Split(';')[0].Trim();
        // Any XML dialect (application/rss+xml, …) can pull in a stylesheet that renders it as a page.
        return ActiveTypes.Contains(type) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("/xml", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsActiveName(string? fileName) =>
        !string.IsNullOrEmpty(fileName) && ActiveExtensions.Contains(Path.GetExtension(fileName));

    /// <summary>True when the first bytes look like markup, after a byte-order mark and white space, in UTF-8 or UTF-16.</summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return false;
        string text;
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            text = (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..]);
        else
        {
            if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) head = head[3..];
            text = Encoding.Latin1.GetString(head);
        }
        var start = text.AsSpan().TrimStart(" \t\r\n\f\0\uFEFF");
        foreach (var pattern in MarkupStarts)
        {
            if (!start.StartsWith(pattern, StringComparison.OrdinalIgnoreCase)) continue;
            // "<b" must be the tag b, not "<body"… (that has its own entry) or "<bdi"; the standard wants a space or ">" next.
            if (start.Length == pattern.Length) return true;
            var next = start[pattern.Length];
            if (pattern.EndsWith('-') || pattern.StartsWith("<?") || next is ' ' or '>' or '\t' or '\n' or '\r' or '\f' or '/') return true;
        }
        return false;
    }
}
