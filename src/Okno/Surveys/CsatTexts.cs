using System.Globalization;
using System.Net;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Okno.Surveys;

/// <summary>Marker for the customer-facing survey texts (SurveyStrings.resx, SurveyStrings.ru.resx). A survey is in the
/// customer's language, not the reader's UI culture, so they are read for an explicit language.</summary>
public sealed class SurveyStrings
{
    private static readonly ResourceManager Resources = new(typeof(SurveyStrings).FullName!, typeof(SurveyStrings).Assembly);

    public static string Get(string name, string language) => Resources.GetString(name, CultureInfo.GetCultureInfo(Language(language))) ?? name;

    public static string Format(string name, string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(Language(language)), Get(name, language), args);

    public static string Language(string? language) => language == "ru" ? "ru" : "en";
}

/// <summary>What the survey says: the template with its placeholders filled, the mail with its five links, the
/// messenger text and buttons.</summary>
public static partial class CsatTexts
{
    public const string Placeholders = "{ticket}, {subject}, {name}";
    private static readonly string[] Known = ["{ticket}", "{subject}", "{name}"];

    [GeneratedRegex(@"\{[^{}\s]{0,40}\}")]
    private static partial Regex Placeholder();

    public static string? UnknownPlaceholder(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).FirstOrDefault(p => !Known.Contains(p, StringComparer.Ordinal));

    /// <summary>The button payload of a rating on a messenger: "csat:{survey}:{rating}".</summary>
    public static string Payload(long surveyId, int rating) => string.Create(CultureInfo.InvariantCulture, $"csat:{surveyId}:{rating}");

    public static bool TryReadPayload(string? payload, out long surveyId, out int rating)
    {
        surveyId = 0;
        rating = 0;
        if (payload is null || !payload.StartsWith("csat:", StringComparison.Ordinal)) return false;
        var parts = payload.Split(':');
        return parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out surveyId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out rating) && rating is >= 1 and <= 5;
    }

    public static string Render(string? template, string language, string ticket, string subject, string? name)
    {
        var text = string.IsNullOrWhiteSpace(template) ? SurveyStrings.Get("DefaultText", language) : template;
        var who = string.IsNullOrWhiteSpace(name) ? SurveyStrings.Get("Customer", language) : name.Trim();
        return text.Replace("{ticket}", ticket, StringComparison.Ordinal).Replace("{subject}", subject, StringComparison.Ordinal)
            .Replace("{name}", who, StringComparison.Ordinal);
    }

    public static string Link(string baseUrl, string token, int? rating) =>
        $"{baseUrl.TrimEnd('/')}/survey/csat/{token}" + (rating is { } r ? string.Create(CultureInfo.InvariantCulture, $"?r={r}") : "");

    /// <summary>The mail: the text, then a link per rating (plain text and HTML).</summary>
    public static (string Subject, string Text, string Html) Mail(string body, string language, string ticket, string baseUrl, string token)
    {
        var subject = SurveyStrings.Format("MailSubject", language, ticket);
        var text = new StringBuilder(body).Append("\n\n").Append(SurveyStrings.Get("MailLinksIntro", language)).Append('\n');
        var html = new StringBuilder();
        foreach (var line in body.Split('\n')) html.Append("<p>").Append(WebUtility.HtmlEncode(line.TrimEnd('\r'))).Append("</p>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(SurveyStrings.Get("MailLinksIntro", language))).Append("</p><p>");
        for (var r = 5; r >= 1; r--)
        {
            var label = RatingLabel(r, language);
            var url = Link(baseUrl, token, r);
            text.Append(CultureInfo.InvariantCulture, $"{r} — {label}: {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"display:inline-block;margin:0 6px 6px 0;padding:6px 12px;border:1px solid #888;border-radius:4px;text-decoration:none\">{r} — {WebUtility.HtmlEncode(label)}</a>");
        }
        html.Append("</p>");
        return (subject, text.ToString(), html.ToString());
    }

    public static string RatingLabel(int rating, string language) =>
        SurveyStrings.Get("Rating_" + rating.ToString(CultureInfo.InvariantCulture), language);
}

/// <summary>A survey link's secret: 256 random bits, URL-safe; only its SHA-256 is stored.</summary>
public static class CsatTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Only strings that could be a token are hashed and looked up.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
