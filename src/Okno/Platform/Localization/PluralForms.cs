using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Okno.Platform.Localization;

/// <summary>Picks the resource for a count in the language's plural form: English has "one" and "other", Russian "one"
/// (1, 21, 101…), "few" (2–4, 22–24…) and "many" (5–20, 25…, 0). A resource <c>Key</c> is written as <c>Key_one</c>,
/// <c>Key_few</c>, <c>Key_many</c> and <c>Key_other</c>, as many as the language uses; {0} is the count.</summary>
public static class PluralForms
{
    public static string Category(long count, CultureInfo culture)
    {
        var n = Math.Abs(count);
        if (culture.TwoLetterISOLanguageName != "ru") return n == 1 ? "one" : "other";
        var (tens, units) = (n % 100, n % 10);
        if (units == 1 && tens != 11) return "one";
        if (units is >= 2 and <= 4 && tens is < 12 or > 14) return "few";
        return "many";
    }

    /// <summary>The count's form of <paramref name="key"/> in the current UI culture, with the count put in.</summary>
    public static string Plural(this IStringLocalizer strings, string key, long count, params object[] more)
    {
        var culture = CultureInfo.CurrentUICulture;
        var form = strings[$"{key}_{Category(count, culture)}"];
        var text = form.ResourceNotFound ? strings[$"{key}_other"] : form;
        return string.Format(CultureInfo.CurrentCulture, text, [count, .. more]);
    }
}
