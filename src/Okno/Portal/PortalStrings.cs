using System.Globalization;
using System.Resources;

namespace Okno.Portal;

/// <summary>The portal's strings in PortalStrings.resx (English) and PortalStrings.ru.resx (Russian). The portal's language
/// is the user's choice (a cookie) or else their browser's, read per request (<see cref="PortalLanguage"/>), so pages read
/// them for an explicit language as the help center does.</summary>
public sealed class PortalStrings
{
    private static readonly ResourceManager Resources = new(typeof(PortalStrings).FullName!, typeof(PortalStrings).Assembly);

    public static string Get(string name, string language) =>
        Resources.GetString(name, CultureInfo.GetCultureInfo(language)) ?? name;

    public static string Format(string name, string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language), Get(name, language), args);
}

/// <summary>The portal's language: the <c>okno.portal.lang</c> cookie the language links set, else the first of the
/// browser's Accept-Language that the portal speaks, else English.</summary>
public static class PortalLanguage
{
    public const string Cookie = "okno.portal.lang";
    public static readonly string[] Languages = ["ru", "en"];

    public static string Of(HttpContext http)
    {
        if (http.Request.Cookies[Cookie] is { } chosen && Languages.Contains(chosen)) return chosen;
        foreach (var value in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            var two = tag.Length >= 2 ? tag[..2].ToLowerInvariant() : tag;
            if (Languages.Contains(two)) return two;
        }
        return "en";
    }

    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(Cookie, language, new CookieOptions
        {
            Path = "/portal", HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
}
