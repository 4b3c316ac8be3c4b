using System.Text;

namespace Okno.Platform.Ui;

public static class LocalUrl
{
    /// <summary>A return address from outside, kept only if it stays on this site: "/x", never "//evil", "/\\evil",
    /// "https://…", nor anything with a control or invisible character (a browser drops tabs and line breaks, so "/\t/evil" would
    /// become "//evil", and CR/LF has no place in a Location header); anything else goes home ("/"). Letters beyond
    /// ASCII are percent-encoded, since a response header may carry ASCII only.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(IsInvisible) && !url.Contains('\\') && !url.Any(char.IsSurrogate) ? AsciiOnly(url) : "/";

    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator;

    private static string AsciiOnly(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var text = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) { text.Append((char)rune.Value); continue; }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
