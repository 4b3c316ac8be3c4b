using System.Net;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Okno.Platform.Search;

/// <summary>A word of a text as the analyzer sees it: where it stands in the original text and the term it indexes
/// as (null for a stop word).</summary>
public readonly record struct AnalyzedWord(int Start, int Length, string? Term);

/// <summary>The one text analyzer of search. Everything that goes into the index and every query goes through it,
/// so SQLite and PostgreSQL see the same terms: lower-cased, ё folded to е, split into words of letters and digits,
/// Cyrillic words stemmed with the Snowball Russian stemmer and Latin words with the English (Porter2) stemmer,
/// a few stop words dropped. Numbers (ticket numbers) and mixed letter-digit words are kept as they are. The output is
/// a plain space-separated list of terms that both engines tokenize into the same words (FTS5 unicode61 and the
/// PostgreSQL 'simple' configuration do not stem again).</summary>
public static class TextAnalyzer
{
    /// <summary>Longer words are dropped: no one searches for them and PostgreSQL refuses lexemes over 2 KB.</summary>
    public const int MaxWordLength = 64;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "of", "on", "or",
        "not", "no", "so", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will",
        "with",
        // Russian
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да",
        "ты", "к", "у", "же", "вы", "за", "бы", "по", "ее", "мне", "было", "вот", "от", "меня", "еще", "нет", "о", "из",
        "ему", "ли", "если", "или", "ни", "быть", "был", "до", "для", "мы", "при", "это", "об",
    };

    [ThreadStatic] private static RussianStemmer? _russian;
    [ThreadStatic] private static EnglishStemmer? _english;

    /// <summary>The analyzed form of <paramref name="text"/>: its terms separated by spaces, in order, repeats kept
    /// (repeats matter to ranking).</summary>
    public static string Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var word in Words(text))
        {
            if (word.Term is null) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word.Term);
        }
        return sb.ToString();
    }

    /// <summary>The distinct terms of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var word in Words(text))
            if (word.Term is not null && seen.Add(word.Term)) terms.Add(word.Term);
        return terms;
    }

    /// <summary>Every word of <paramref name="text"/> with its position, so a snippet can mark the original words.</summary>
    public static IEnumerable<AnalyzedWord> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var length = i - start;
            var term = length > MaxWordLength ? null : Term(text.Substring(start, length));
            yield return new AnalyzedWord(start, length, term);
        }
    }

    /// <summary>The term one word indexes as, or null for a stop word.</summary>
    public static string? Term(string word)
    {
        var lower = new char[word.Length];
        bool cyrillic = false, latin = false, digit = false, other = false;
        for (var k = 0; k < word.Length; k++)
        {
            var c = char.ToLowerInvariant(word[k]);
            if (c == 'ё') c = 'е';
            lower[k] = c;
            if (c is >= '0' and <= '9' || char.IsDigit(c)) digit = true;
            else if (c is >= 'а' and <= 'я') cyrillic = true;
            else if (c is >= 'a' and <= 'z') latin = true;
            else other = true;
        }
        var term = new string(lower);
        if (StopWords.Contains(term)) return null;
        if (digit || other || (cyrillic && latin)) return term;   // numbers, codes, other alphabets: as written
        if (term.Length < 3) return term;
        if (cyrillic)
        {
            var stemmer = _russian ??= new RussianStemmer();
            stemmer.SetCurrent(term);
            stemmer.Stem();
            return stemmer.Current;
        }
        var english = _english ??= new EnglishStemmer();
        english.SetCurrent(term);
        english.Stem();
        return english.Current;
    }

    /// <summary>"ru" when the text is mostly Cyrillic, "en" when mostly Latin, "" when it has no letters of either.</summary>
    public static string DetectLanguage(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        int cyrillic = 0, latin = 0;
        foreach (var ch in text.Length > 4000 ? text.AsSpan(0, 4000) : text.AsSpan())
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'а' and <= 'я' or 'ё') cyrillic++;
            else if (c is >= 'a' and <= 'z') latin++;
        }
        return cyrillic == 0 && latin == 0 ? "" : cyrillic >= latin ? "ru" : "en";
    }

    /// <summary>A short HTML excerpt of <paramref name="text"/> around the words whose terms are in
    /// <paramref name="terms"/>, each such word wrapped in &lt;mark&gt;; everything else is HTML-escaped. Computed from
    /// the original text in C#, so both databases give the same snippet.</summary>
    public static string Snippet(string? text, IReadOnlyCollection<string> terms, int maxWords = 24)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var words = Words(text).ToList();
        if (words.Count == 0) return WebUtility.HtmlEncode(text.Length > 200 ? text[..200] + "…" : text);
        var set = terms as IReadOnlySet<string> ?? terms.ToHashSet(StringComparer.Ordinal);

        // The window of maxWords words with the most distinct matched terms (the first such window wins).
        var matched = new List<int>();
        for (var k = 0; k < words.Count; k++)
            if (words[k].Term is { } t && set.Contains(t)) matched.Add(k);
        var best = 0;
        if (matched.Count > 0)
        {
            var bestCount = -1;
            foreach (var first in matched)
            {
                var distinct = new HashSet<string>(StringComparer.Ordinal);
                foreach (var k in matched)
                    if (k >= first && k < first + maxWords) distinct.Add(words[k].Term!);
                if (distinct.Count > bestCount) { bestCount = distinct.Count; best = first; }
                if (bestCount == set.Count) break;
            }
            best = Math.Max(0, best - 4);
        }
        var last = Math.Min(words.Count, best + maxWords) - 1;

        var sb = new StringBuilder();
        if (best > 0) sb.Append('…');
        var from = best == 0 ? 0 : words[best].Start;
        for (var k = best; k <= last; k++)
        {
            var w = words[k];
            sb.Append(WebUtility.HtmlEncode(text[from..w.Start]));
            var original = text.Substring(w.Start, w.Length);
            if (w.Term is { } t && set.Contains(t)) sb.Append("<mark>").Append(WebUtility.HtmlEncode(original)).Append("</mark>");
            else sb.Append(WebUtility.HtmlEncode(original));
            from = w.Start + w.Length;
        }
        if (last < words.Count - 1) sb.Append('…');
        else sb.Append(WebUtility.HtmlEncode(text[from..]));
        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
