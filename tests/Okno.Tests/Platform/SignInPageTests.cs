using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Testing;
using Okno.Admin;

namespace Okno.Tests.Platform;

/// <summary>The agent UI's cookie sign-in: a server-rendered form with antiforgery, the sign-in throttle (SignInThrottlingTests), safe return
/// addresses, and a cookie that opens pages but never the API.</summary>
public sealed partial class SignInPageTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Browser() => okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Right_password_signs_in_with_a_cookie_that_opens_pages_but_not_the_api()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/?from=test");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/?from=test", response.Headers.Location!.PathAndQuery);
        Assert.Contains("okno.auth=", string.Join(";", response.Headers.GetValues("Set-Cookie")));

        Assert.Contains("Administrator", await browser.GetStringAsync("/inbox"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_shows_one_message_and_sets_no_cookie()
    {
        var browser = Browser();
        var wrong = await SignInAsync(browser, OknoFactory.AdminEmail, "not-the-password");
        var unknown = await SignInAsync(browser, "nobody@test.okno", "not-the-password");
        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"signin-error\"", await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("okno.auth=")));
        }
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Return_address_off_the_site_goes_home_instead(string returnUrl)
    {
        var response = await SignInAsync(Browser(), OknoFactory.AdminEmail, OknoFactory.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.PathAndQuery);
        Assert.Equal("localhost", response.Headers.Location.Host);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var browser = Browser();
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["Input.Email"] = OknoFactory.AdminEmail, ["Input.Password"] = OknoFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_page_token_and_ends_the_session()
    {
        var browser = Browser();
        await SignInAsync(browser, OknoFactory.AdminEmail, OknoFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/signout", new FormUrlEncodedContent([]))).StatusCode);

        var token = TokenOf(await browser.GetStringAsync("/inbox"));
        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("id=\"signed-in-as\"", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task Chosen_language_is_kept_in_the_profile_and_comes_back_at_the_next_sign_in()
    {
        var (id, _) = await okno.App.CreateAgentAsync(okno.Admin);
        var email = (await okno.Admin.GetJsonAsync($"/api/v1/agents/{id}")).Str("email");
        var first = Browser();
        await SignInAsync(first, email, "agent-password-1");
        var switched = await first.GetAsync("/culture/ru?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("ru", await okno.App.WithDbAsync(db => db.Agents.Where(a => a.Id == id).Select(a => a.Language).SingleAsync()));

        var second = Browser();
        second.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await SignInAsync(second, email, "agent-password-1");
        Assert.Contains("Входящие", await second.GetStringAsync("/inbox"));
    }

    [Fact]
    public async Task A_deactivated_agents_cookie_stops_working_at_once()
    {
        // The clock stands still: no periodic re-check helps; the revoked session does it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = OknoFactory.Sqlite();
        using var timed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var api = timed.CreateClient();
        var token = await (await api.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new
        {
            email = OknoFactory.AdminEmail, password = OknoFactory.AdminPassword,
        }))).JsonAsync(HttpStatusCode.OK);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("token"));
        var agent = await api.PostJsonAsync("/api/v1/agents", new { email = "leaving@test.okno", name = "Leaving", password = "agent-password-1" });

        var browser = timed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(browser, "leaving@test.okno", "agent-password-1");
        Assert.Contains("id=\"signed-in-as\"", await browser.GetStringAsync("/inbox"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/agents/{agent.Id()}")).StatusCode);
        Assert.DoesNotContain("id=\"signed-in-as\"", await browser.GetStringAsync("/"));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var url = "/signin" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = TokenOf(await browser.GetStringAsync(url));
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
    }

    private static string TokenOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
