using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Automation.Webhooks;

/// <summary>The webhooks admin page (issue 16). The app is shared by the collection: the webhook made here has a name of
/// its own and is found by it.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class WebhooksPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_creates_a_webhook_sees_its_secret_once_and_finds_it_listed_active() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var name = "CRM " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-webhooks");
        await Expect(page.Locator("#webhooks-title")).ToHaveTextAsync("Webhooks");
        await page.Locator("#webhook-create").ClickAsync();

        // A bad URL is refused at its field, in words.
        await page.Locator("#webhook-name").FillAsync(name);
        await page.Locator("#webhook-url").FillAsync("ftp://crm.example.com/okno");
        await page.Locator("#webhook-save").ClickAsync();
        await Expect(page.Locator("#webhook-dialog")).ToContainTextAsync("An absolute http or https URL");

        await page.Locator("#webhook-url").FillAsync("https://crm.example.com/okno");
        await page.Locator("#webhook-event-sla_breach input[type=checkbox]").ClickAsync();
        await page.Locator("#webhook-save").ClickAsync();
        await Expect(page.Locator("#webhook-secret-alert")).ToContainTextAsync("shown only this once");
        var secret = await page.Locator("#webhook-secret").InputValueAsync();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        await tab.ScreenshotAsync("secret");
        await page.Locator("#webhook-done").ClickAsync();

        var row = page.Locator("#webhooks-table tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("https://crm.example.com/okno");
        await Expect(row).ToContainTextAsync("ticket created, SLA breach");
        await Expect(row).ToContainTextAsync("active");
        // The secret is never on the page again.
        await Expect(page.Locator("body")).Not.ToContainTextAsync(secret);

        await row.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/webhooks/\d+$"));
        await Expect(page.Locator("#webhook-title")).ToHaveTextAsync(name);
        await Expect(page.Locator("#deliveries-empty")).ToBeVisibleAsync();
    });
}
