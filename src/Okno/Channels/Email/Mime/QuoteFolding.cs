using System.Text.RegularExpressions;

namespace Okno.Channels.Email.Mime;

/// <summary>The new part of a reply: the text above the earlier mail the client quoted, without the signature. It cuts at
/// the first line that starts a quote in the style of a known client (Outlook's separator and header block, the
/// "On … wrote:" / "… пишет:" attribution of Gmail, Thunderbird and Apple Mail, Yandex's and Mail.ru's date-and-address
/// lines), drops the remaining "&gt;" lines (an inline answer between quoted lines is kept), then cuts at the standard
/// signature delimiter "-- ". Anything else — "С уважением," included — stays: folding too much would hide what the
/// customer wrote. When nothing would be left, the whole text is the new text.</summary>
internal static partial class QuoteFolding
{
    public static string NewText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var end = QuoteStart(lines);
        var kept = lines.Take(end).Where(l => !l.TrimStart().StartsWith('>')).ToList();
        var signature = kept.FindIndex(l => l is "-- " or "--");
        if (signature >= 0) kept.RemoveRange(signature, kept.Count - signature);
        var result = string.Join('\n', kept).Trim();
        return result.Length > 0 ? result : text.Trim();
    }

    private static int QuoteStart(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Unstar(lines[i].Trim());
            if (line.Length == 0) continue;
            if (Separator().IsMatch(line)) return i;
            if (HeaderBlock(lines, i)) return i > 0 && Rule().IsMatch(lines[i - 1].Trim()) ? i - 1 : i;
            if (Attribution(line, lines, i)) return i;
            // An attribution wrapped over up to three lines by the client ("On … Ivan Petrov <\nivan@…> wrote:"), only
            // from a line that starts like one, so the last sentence before a quote is never taken for its start.
            if (!AttributionStart().IsMatch(line)) continue;
            var joined = line;
            for (var j = i + 1; j < Math.Min(lines.Length, i + 3); j++)
            {
                var next = lines[j].Trim();
                if (next.Length == 0 || next.StartsWith('>')) break;
                joined += " " + next;
                if (Attribution(joined, lines, j)) return i;
            }
        }
        return lines.Length;
    }

    private static bool Attribution(string line, string[] lines, int last)
    {
        if (line.Length > 400 || !line.EndsWith(':')) return false;
        // "… wrote:" with a date, a time or an address in it, or right above quoted lines; "Here is what I wrote:" alone
        // above an unquoted paste stays.
        if (Wrote().IsMatch(line)) return line.Contains('@') || Time().IsMatch(line) || NextIsQuoted(lines, last);
        // Yandex ("01.12.2026, 10:00, "Name" <a@b>:"), Mail.ru ("Понедельник, 1 декабря 2026, 10:00 +03:00 от Имя <a@b>:")
        // and other "date … address:" lines count only when quoted lines follow, so a sentence ending with a colon stays.
        return DateAndAddress().IsMatch(line) && NextIsQuoted(lines, last);
    }

    private static bool NextIsQuoted(string[] lines, int after)
    {
        for (var k = after + 1; k < lines.Length; k++)
            if (lines[k].Trim().Length > 0) return lines[k].TrimStart().StartsWith('>');
        return false;
    }

    /// <summary>Outlook's header block: "From:" then, within the next lines, "Sent:"/"Date:" and "To:"/"Subject:".</summary>
    private static bool HeaderBlock(string[] lines, int i)
    {
        if (!From().IsMatch(Unstar(lines[i].Trim()))) return false;
        bool sent = false, to = false;
        for (var k = i + 1; k < Math.Min(lines.Length, i + 6); k++)
        {
            var line = Unstar(lines[k].Trim());
            if (Sent().IsMatch(line)) sent = true;
            if (ToOrSubject().IsMatch(line)) to = true;
        }
        return sent && to;
    }

    // Gmail writes the header labels in bold when it turns Outlook's HTML quote into text: "*From:* Name".
    private static string Unstar(string line) => line.Replace("*", "");

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Исходное сообщение|Ursprüngliche Nachricht|Message d'origine|Reply message|Ответ на сообщение)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(On|Am|Le|El)\s|^\d|^\p{L}{2,11},\s*\d")]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"\d{1,2}:\d{2}|\d{4}")]
    private static partial Regex Time();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(From|От|Von|De):\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [GeneratedRegex(@"^(Sent|Date|Отправлено|Дата|Gesendet):\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex Sent();

    [GeneratedRegex(@"^(To|Subject|Кому|Тема|An|Betreff):", RegexOptions.IgnoreCase)]
    private static partial Regex ToOrSubject();

    [GeneratedRegex(@"(\bwrote|пишет|написал|написала|написал\(а\)|schrieb|a écrit)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Wrote();

    [GeneratedRegex(@"\d{1,4}[./ -]\s*(\d{1,2}|[\p{L}]{3,}\.?)[./ -]\s*\d{2,4}.*\d{1,2}:\d{2}.*(<[^<>@\s]+@[^<>\s]+>|\S+@\S+\.\S+)\s*:$")]
    private static partial Regex DateAndAddress();
}
