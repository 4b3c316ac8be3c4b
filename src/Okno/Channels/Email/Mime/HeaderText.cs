using System.Globalization;
using System.Text;

namespace Okno.Channels.Email.Mime;

/// <summary>Cleaning of single-line values that come from (or go into) mail headers.</summary>
internal static class HeaderText
{
    /// <summary>One line: CR, LF, other control and format characters become spaces, runs of spaces one space, trimmed,
    /// at most <paramref name="max"/> characters (cut between whole characters).</summary>
    public static string OneLine(string? value, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = new StringBuilder((int)Math.Min(value.Length, (long)max + 1));
        var space = false;
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var blank = Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
            if (blank) { space = text.Length > 0; continue; }
            if (space) { text.Append(' '); space = false; }
            if (text.Length + rune.Utf16SequenceLength > max) break;
            text.Append(rune.ToString());
        }
        return text.ToString();
    }

    /// <summary>A message id as stored: no brackets, no whitespace or control characters; null when nothing usable is
    /// left or it is absurdly long (ids go into indexed columns).</summary>
    public static string? MessageId(string? id)
    {
        if (id is null) return null;
        var text = new StringBuilder(id.Length);
        foreach (var c in id)
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && c is not '<' and not '>') text.Append(c);
        return text.Length is 0 or > MaxIdLength ? null : text.ToString();
    }

    public const int MaxIdLength = 500;
}
