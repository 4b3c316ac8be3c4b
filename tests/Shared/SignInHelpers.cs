using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.Testing;

/// <summary>Signing in through the agent UI's form (with its antiforgery token), and client addresses for tests: the
/// in-memory server has no remote address, so a request's <c>X-Test-Address</c> header stands for it (only in apps
/// made with <see cref="TestAddresses.Register"/>).</summary>
public static partial class SignInHelpers
{
    public static HttpClient Browser(this OknoFactory app, string? address = null)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (address is not null) browser.DefaultRequestHeaders.Add(TestAddresses.Header, address);
        return browser;
    }

    public static async Task<HttpResponseMessage> PageSignInAsync(this HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var url = "/signin" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = AntiforgeryTokenOf(await browser.GetStringAsync(url));
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
    }

    /// <summary>Posts the sign-out form of a page the browser is signed in on.</summary>
    public static async Task<HttpResponseMessage> PageSignOutAsync(this HttpClient browser)
    {
        var token = AntiforgeryTokenOf(await browser.GetStringAsync("/inbox"));
        return await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>Whether a page answers as signed in (the agent menu is there), not with the sign-in redirect.</summary>
    public static async Task<bool> IsSignedInAsync(this HttpClient browser)
    {
        var response = await browser.GetAsync("/inbox");
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("id=\"signed-in-as\"");
    }

    /// <summary>The cookies a response set, as one Cookie header value.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    public static string AntiforgeryTokenOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}

public static class TestAddresses
{
    public const string Header = "X-Test-Address";

    /// <summary>Adds, before everything else, a step that takes the client address from the test header.</summary>
    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (http.Request.Headers[Header] is [{ } address] && IPAddress.TryParse(address, out var ip)) http.Connection.RemoteIpAddress = ip;
                return following(http);
            });
            next(app);
        };
    }
}
