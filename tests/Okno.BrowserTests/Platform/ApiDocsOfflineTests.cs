using System.Collections.Concurrent;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

/// <summary>The API docs page works with no internet: every request it makes goes to Okno, and it shows none of
/// Scalar's vendor buttons ("Deploy", "Ask AI", "Generate SDK"), which Scalar otherwise shows on a loopback address.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ApiDocsOfflineTests(OknoInChromium okno)
{
    [Fact]
    public Task Api_docs_render_offline_without_the_vendor_buttons() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var outside = new ConcurrentQueue<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host == "127.0.0.1") await route.ContinueAsync();
            else
            {
                outside.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });

        await page.GotoAsync("/api/docs/");
        await Expect(page.Locator("#app")).ToContainTextAsync("/api/v1/tickets", new() { Timeout = 30_000 });
        // Scalar adds its toolbar and sidebar buttons after the first render.
        await page.WaitForTimeoutAsync(1_000);
        await tab.ScreenshotAsync("api-docs-offline");

        foreach (var button in new[] { "Deploy", "Ask AI", "Generate SDK" })
            await Expect(page.GetByText(button)).ToHaveCountAsync(0);
        Assert.True(outside.IsEmpty, "requests to other hosts: " + string.Join(", ", outside));
    });
}
