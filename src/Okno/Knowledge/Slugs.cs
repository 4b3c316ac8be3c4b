using System.Globalization;
using System.Text;

namespace Okno.Knowledge;

/// <summary>URL slugs from titles: lower-case Latin letters, digits and hyphens; Cyrillic is transliterated
/// (Russian passport-style, as Yandex and most Russian sites do: "Принтер не печатает" → "printer-ne-pechataet").</summary>
public static class Slugs
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
        ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    };

    public static string FromTitle(string title)
    {
        var text = new StringBuilder();
        // Accents go (é → e); everything else that is not a letter or digit becomes one hyphen.
        foreach (var c in title.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Cyrillic.TryGetValue(c, out var latin)) text.Append(latin);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') text.Append(c);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var slug = text.ToString().Normalize(NormalizationForm.FormC);
        // Й decomposes to И + breve, so the loop above saw "и"; fine for slugs.
        if (slug.Length > ArticleTranslation.SlugMaxLength)
        {
            slug = slug[..ArticleTranslation.SlugMaxLength];
            var cut = slug.LastIndexOf('-');
            if (cut > ArticleTranslation.SlugMaxLength / 2) slug = slug[..cut];
        }
        slug = slug.Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>A slug a client chose itself must already be in the form <see cref="FromTitle"/> produces.</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= ArticleTranslation.SlugMaxLength && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--")
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
