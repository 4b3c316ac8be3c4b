using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>Every page carries a Content-Security-Policy that lets only Okno's own scripts run (no inline handlers, no
/// remote images); API data and pages are never stored by a cache, static files keep theirs.</summary>
public sealed partial class SecurityHeadersTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private static readonly string[] Required =
    [
        "default-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-ancestors 'none'",
    ];

    public static string PolicyOf(HttpResponseMessage response)
    {
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Single(policies);
        return policies[0];
    }

    public static string ScriptSrc(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [Theory]
    [InlineData("/signin")]
    [InlineData("/help/en")]
    [InlineData("/api/docs/")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Every_answer_has_a_policy_that_runs_only_okno_scripts_and_loads_no_remote_images(string url)
    {
        using var client = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var policy = PolicyOf(response);
        foreach (var directive in Required) Assert.Contains(directive, policy);
        var scripts = ScriptSrc(policy);
        Assert.StartsWith("script-src 'self'", scripts);
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        Assert.DoesNotContain("http", policy);
        Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_only_inline_script_of_a_page_carries_the_nonce_of_its_own_answer()
    {
        using var client = okno.App.CreateClient();
        var first = await client.GetAsync("/signin");
        var second = await client.GetAsync("/signin");
        var nonce = Nonce().Match(ScriptSrc(PolicyOf(first))).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.NotEqual(nonce, Nonce().Match(ScriptSrc(PolicyOf(second))).Groups[1].Value);
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", m.Value));
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Fact]
    public async Task Api_docs_page_allows_exactly_the_hash_of_its_own_inline_script()
    {
        using var client = okno.App.CreateClient();
        var response = await client.GetAsync("/api/docs/");
        var html = await response.Content.ReadAsStringAsync();
        var inline = Regex.Match(html, "<script type=\"module\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(inline.Success, html);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline.Groups[1].Value)));
        Assert.Equal($"script-src 'self' 'sha256-{hash}'", ScriptSrc(PolicyOf(response)));
        // Works offline: the page names no outside host.
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task Api_data_errors_and_pages_are_no_store_and_static_files_keep_their_caching()
    {
        foreach (var url in new[] { "/api/v1/tickets", "/api/v1/no-such-thing", "/api/v1/search?q=printer" })
            Assert.Contains("no-store", (await okno.Admin.GetAsync(url)).Headers.CacheControl?.ToString());
        using var client = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("no-store", (await client.GetAsync("/signin")).Headers.CacheControl?.ToString());
        Assert.Contains("no-store", (await client.GetAsync("/api/v1/tickets")).Headers.CacheControl?.ToString());

        var page = await (await client.GetAsync("/signin")).Content.ReadAsStringAsync();
        var fingerprinted = Regex.Match(page, "href=\"(_content/MudBlazor/MudBlazor\\.min\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(fingerprinted);
        foreach (var asset in new[] { "/" + fingerprinted, "/app.css", "/favicon.svg" })
        {
            var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.CacheControl?.NoStore ?? false, asset);
        }
    }

    [Fact]
    public async Task Signed_in_pages_and_the_ui_download_route_carry_the_policy_and_no_store()
    {
        using var browser = await okno.App.CookieClientAsync();
        foreach (var url in new[] { "/inbox", "/search?q=printer", "/admin/agents" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, url);
            Assert.StartsWith("script-src 'self' 'nonce-", ScriptSrc(PolicyOf(response)));
        }
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
