using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Okno.Testing;

/// <summary>A client signed in through the sign-in form, with the cookie the agent UI's routes (downloads, the image
/// proxy) accept; the API itself takes bearer tokens only.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> CookieClientAsync(this OknoFactory app, string email = OknoFactory.AdminEmail,
        string password = OknoFactory.AdminPassword)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = AntiforgeryInput().Match(await browser.GetStringAsync("/signin")).Groups[1].Value;
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {response.StatusCode}.");
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
