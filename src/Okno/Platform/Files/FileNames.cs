using System.Globalization;
using System.Text;

namespace Okno.Platform.Files;

public static class FileNames
{
    public const int MaxLength = 200;

    /// <summary>Makes a file name from outside safe to store and to send back: no directories, no control,
    /// zero-width or direction-override characters, no leading dots, not too long, never empty.</summary>
    public static string Clean(string? name)
    {
        name ??= "";
        name = name.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned) continue;
            if (rune.Value is '"' or '<' or '>' or '|' or ':' or '*' or '?') { kept.Append('_'); continue; }
            kept.Append(rune.ToString());
        }
        var cleaned = kept.ToString().TrimStart('.', ' ').Trim();
        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            if (extension.Length > 20) extension = "";
            cleaned = CutToLength(cleaned, MaxLength - extension.Length).TrimEnd() + extension;
        }
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }

    /// <summary>At most <paramref name="length"/> chars, cut between whole characters (never inside an emoji or a
    /// letter with combining marks).</summary>
    private static string CutToLength(string text, int length)
    {
        var info = new StringInfo(text);
        var end = 0;
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var next = end + info.SubstringByTextElements(i, 1).Length;
            if (next > length) break;
            end = next;
        }
        return text[..end];
    }
}
