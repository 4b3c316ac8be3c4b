using Microsoft.AspNetCore.Localization;

namespace Okno.Knowledge.HelpCenter;

/// <summary>The anonymous visit id of the help center: a random id in the <c>okno.visit</c> cookie, nothing personal.</summary>
public static class HelpVisit
{
    public const string CookieName = "okno.visit";
    public const int IdLength = 32;
    private const string ItemKey = "okno.visit";

    /// <summary>The visit id of this request; a new one is issued in a cookie when there is none (or a malformed one).</summary>
    public static string Of(HttpContext http)
    {
        if (http.Items[ItemKey] is string known) return known;
        var id = http.Request.Cookies[CookieName];
        if (id is null || id.Length != IdLength || !id.All(char.IsAsciiHexDigitLower))
        {
            id = Guid.NewGuid().ToString("N");
            if (!http.Response.HasStarted)
                http.Response.Cookies.Append(CookieName, id, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(30), IsEssential = true, Path = "/",
                });
        }
        http.Items[ItemKey] = id;
        return id;
    }

    /// <summary>ru or en: the culture cookie first, then Accept-Language, then English.</summary>
    public static string LanguageOf(HttpContext http)
    {
        var cookie = http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        var fromCookie = cookie is null ? null : CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value;
        if (Normalize(fromCookie) is { } c) return c;
        foreach (var value in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
            if (Normalize(value.Value.Value) is { } l) return l;
        return "en";
    }

    public static string? Normalize(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture)) return null;
        var two = culture.Split('-')[0].Trim().ToLowerInvariant();
        return HelpCenterSite.Languages.Contains(two) ? two : null;
    }
}
