using System.Text.Json;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

/// <summary>The pages work under Okno's Content-Security-Policy without a single violation, an injected inline
/// handler or script does not run, and a customer's tracking pixel is not fetched when an agent opens the ticket
/// (only after "Show images", and then by Okno's proxy, not by the agent's browser).</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ContentSecurityPolicyTests(OknoInChromium okno)
{
    /// <summary>Collects every CSP violation the page reports (Playwright's init scripts are not subject to the policy).</summary>
    private const string ListenForViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    private const string TinyPng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static async Task<string[]> ViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__csp || []");

    private static async Task AssertNoViolationsAsync(BrowserTab tab, string where)
    {
        var violations = await ViolationsAsync(tab.Page);
        Assert.True(violations.Length == 0, $"{where}: {string.Join("; ", violations)}");
        var reported = tab.Problems.Where(p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(reported.Count == 0, $"{where}: {string.Join("; ", reported)}");
    }

    private static void AssertPolicyOn(IResponse? response)
    {
        Assert.NotNull(response);
        var policy = response.Headers.GetValueOrDefault("content-security-policy") ?? "";
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("style-src")[0]);
    }

    [Fact]
    public Task Inbox_ticket_page_help_center_and_api_docs_work_with_no_policy_violation() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        await page.AddInitScriptAsync(ListenForViolations);
        var admin = await okno.App.AdminClientAsync();
        var subject = "Policy check " + Guid.NewGuid().ToString("N")[..6];
        var ticket = await admin.CreateTicketAsync(subject, extra: new { body = (string?)null, bodyHtml = $"<p>Screenshot: <img src=\"{TinyPng}\" alt=\"inline\"></p>" });

        var signIn = await page.GotoAsync("/signin");
        AssertPolicyOn(signIn);
        await AssertNoViolationsAsync(tab, "sign-in");
        await tab.SignInAsync();
        await Expect(page.Locator("#inbox-table tr.inbox-row").First).ToBeVisibleAsync();
        await AssertNoViolationsAsync(tab, "inbox");

        AssertPolicyOn(await page.GotoAsync($"/tickets/{ticket.Id()}"));
        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync(subject);
        // An inline data: image in a customer's message is shown as before.
        var inline = page.Locator("#timeline .timeline-in img[alt=inline]");
        await Expect(inline).ToBeVisibleAsync();
        Assert.True(await inline.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Expect(page.Locator("#timeline .timeline-images-hidden")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(tab, "ticket page");

        AssertPolicyOn(await page.GotoAsync("/help/en"));
        await Expect(page.Locator("body")).ToContainTextAsync("Help");
        await AssertNoViolationsAsync(tab, "help center");

        AssertPolicyOn(await page.GotoAsync("/api/docs/"));
        await Expect(page.Locator("#app")).ToContainTextAsync("/api/v1/tickets", new() { Timeout = 30_000 });
        await tab.ScreenshotAsync("api-docs");
        await AssertNoViolationsAsync(tab, "API docs");
    });

    [Fact]
    public Task Injected_inline_handler_script_and_javascript_link_do_not_run() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        await page.AddInitScriptAsync(ListenForViolations);
        await tab.SignInAsync();
        // What a hole in the sanitizer would let through, written straight into the live page.
        await page.EvaluateAsync($$"""
            () => {
                window.__ran = [];
                document.body.insertAdjacentHTML('beforeend', '<img id="injected" src="data:image/png;base64,AAAA" onerror="window.__ran.push(\'onerror\')">');
                const script = document.createElement('script');
                script.textContent = "window.__ran.push('script')";
                document.body.appendChild(script);
                const link = document.createElement('a');
                link.href = "javascript:window.__ran.push('href')";
                document.body.appendChild(link);
                link.click();
            }
            """);
        await page.WaitForFunctionAsync("() => window.__csp.length >= 2");
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__ran"));
        var violations = await ViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("script-src-attr ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("script-src-elem ", StringComparison.Ordinal));
        // The page itself still works.
        await Expect(page.Locator("#signed-in-as")).ToBeVisibleAsync();
    });

    [Fact]
    public async Task Tracking_pixel_is_not_fetched_when_the_ticket_opens_and_is_shown_through_the_proxy_after_show_images()
    {
        // The image proxy refuses loopback addresses; this desk allows them so that a local server can play the sender.
        await using var app = OknoFactory.Sqlite(new() { ["Okno:RemoteImages:AllowPrivateNetworks"] = "true" });
        var baseUrl = OknoInChromium.ServeOnLoopback(app);
        await using var sender = await RemoteServer.StartAsync();
        var admin = await app.AdminClientAsync();
        var html = $"<p>Hello!</p><p><img src=\"{sender.BaseUrl}/pixel.gif?id=42\" alt=\"pixel\" width=\"1\" height=\"1\"></p>" +
                   $"<div style=\"background-image: url({sender.BaseUrl}/background.gif)\">Offer</div>" +
                   $"<p><img src=\"{TinyPng}\" alt=\"inline\"></p>";
        var ticket = await admin.CreateTicketAsync("Newsletter " + Guid.NewGuid().ToString("N")[..6], extra: new { body = (string?)null, bodyHtml = html });
        var other = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages",
            new { bodyHtml = $"<p>Second<img src=\"{sender.BaseUrl}/second.gif\" alt=\"second\"></p>" });

        await okno.InPageAsync("en-US", async tab =>
        {
            var page = tab.Page;
            await page.AddInitScriptAsync(ListenForViolations);
            var straightToSender = new List<string>();
            page.Request += (_, r) => { if (r.Url.StartsWith(sender.BaseUrl, StringComparison.Ordinal)) straightToSender.Add(r.Url); };
            await tab.SignInAsync(returnUrl: $"/tickets/{ticket.Id()}");
            var message = page.Locator("#timeline .timeline-in");
            await Expect(message).ToContainTextAsync("Hello!");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            Assert.Empty(sender.Requests);
            Assert.Empty(straightToSender);
            await Expect(message.Locator(".timeline-images-hidden")).ToContainTextAsync("Images are hidden");
            await Expect(message.Locator("img[alt=pixel]")).Not.ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("."));
            Assert.True(await message.Locator("img[alt=inline]").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
            await tab.ScreenshotAsync("images-hidden");

            await message.Locator(".timeline-show-images").ClickAsync();
            var pixel = message.Locator("img[alt=pixel]");
            await Expect(pixel).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/images/remote\\?u="));
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await pixel.ElementHandleAsync());
            await Expect(message.Locator(".timeline-images-hidden")).ToHaveCountAsync(0);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Contains("/pixel.gif?id=42", sender.Requests);
            Assert.Contains("/background.gif", sender.Requests);
            // An agent's reply keeps no remote image at all (the reply editor's allow-list), so nothing of it is fetched.
            Assert.DoesNotContain("/second.gif", sender.Requests);
            await Expect(page.Locator($"#timeline [data-message-id='{other.Id()}'] img")).ToHaveCountAsync(0);
            // The agent's browser itself never talked to the sender, and the page policy was never broken.
            Assert.Empty(straightToSender);
            await AssertNoViolationsAsync(tab, "ticket page with images");
        }, baseUrl);
    }
}
