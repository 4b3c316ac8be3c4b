using System.Text;

namespace Okno.Platform.Text;

/// <summary>Text from outside (a visitor's search query, a name) put into Markdown so that it shows as written and is
/// never read as markup: every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of
/// them), which also breaks autolinks (<c>http\:</c>, <c>www\.</c>), and line breaks and other control characters
/// become spaces, so the text stays on its line and cannot start a block.</summary>
public static class MarkdownText
{
    public static string Literal(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c)) escaped.Append(' ');
            else if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 0x7F) escaped.Append(c);
            else escaped.Append('\\').Append(c);
        }
        return escaped.ToString();
    }
}
