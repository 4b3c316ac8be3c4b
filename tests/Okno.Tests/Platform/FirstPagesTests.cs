using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>The pages a newcomer meets first: the anonymous home page leads to the agent sign-in and the help center,
/// and an agent who loads a page their role does not open is told so (403), with the way back.</summary>
public sealed partial class FirstPagesTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Theory]
    [InlineData("en-US", "Sign in to the workspace", "Open the help center")]
    [InlineData("ru-RU", "Войти в рабочее место", "Открыть справку")]
    public async Task The_anonymous_home_page_leads_to_the_agent_sign_in_and_the_help_center(string language, string signIn, string helpCenter)
    {
        using var visitor = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await visitor.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(signIn, LinkText(html, "/signin", "home-signin"));
        Assert.Equal(helpCenter, LinkText(html, "/help", "home-help"));
        // The API is still findable, but it is no longer what the page is about.
        Assert.Contains("href=\"/api/docs\"", html);
        Assert.DoesNotContain("/api/v1/auth/token", html);
    }

    [Theory]
    [InlineData("en-US", "No access", "Back to the inbox")]
    [InlineData("ru-RU", "Нет доступа", "Вернуться во входящие")]
    public async Task An_agent_loading_an_admin_page_gets_a_403_no_access_page_with_the_way_back(string language, string title, string back)
    {
        var email = $"plain-{Guid.NewGuid():N}@test.okno";
        await okno.Admin.PostJsonAsync("/api/v1/agents", new { email, name = "Plain Agent", role = "agent", password = "agent-password-1", groupIds = Array.Empty<long>() });
        using var browser = await okno.App.CookieClientAsync(email, "agent-password-1");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        foreach (var path in new[] { "/admin/agents", "/admin/channels", "/admin/calendars", "/admin/calendars/1", "/admin/sla-preview",
                     "/admin/sla-policies", "/admin/sla-policies/new", "/admin/sla-policies/1",
                     "/admin/triggers", "/admin/triggers/new", "/admin/triggers/1" })
        {
            var refused = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            var to = refused.Headers.Location!.OriginalString;
            Assert.StartsWith("/no-access", new Uri(new Uri("http://okno"), to).AbsolutePath);

            var page = await browser.GetAsync(to);

            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($">{title}<", html);
            Assert.Equal(back, LinkText(html, "/inbox", "no-access-back"));
            Assert.Contains("id=\"signed-in-as\"", html);   // still signed in, in the workspace's frame
        }
    }

    /// <summary>The text of the link with this id, which must go to <paramref name="href"/>.</summary>
    private static string LinkText(string html, string href, string id)
    {
        var link = Regex.Match(html, $"<a (?=[^>]*id=\"{id}\")[^>]*>(.*?)</a>", RegexOptions.Singleline);
        Assert.True(link.Success, $"No link #{id}.");
        Assert.Contains($"href=\"{href}\"", link.Value[..link.Value.IndexOf('>')]);
        return WebUtility.HtmlDecode(Regex.Replace(link.Groups[1].Value, "<[^>]+>", "")).Trim();
    }
}
