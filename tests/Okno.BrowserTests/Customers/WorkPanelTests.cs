using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Customers;

/// <summary>Logging work with the timer on the ticket page (issue 20): start it (shown on the page and in the app bar),
/// stop it (the line prefilled with the measured minutes, rounded up), save the line, see it in the panel with its total.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class WorkPanelTests(OknoInChromium okno)
{
    [Fact]
    public Task The_timer_is_started_stopped_and_its_minutes_logged_as_a_line() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var list = await admin.PostJsonAsync("/api/v1/price-lists", new { name = "Work " + tag });
        await admin.PostJsonAsync($"/api/v1/price-lists/{list.Id()}/items",
            new { kind = "service", code = "H-" + tag, name = "Engineer hour", unit = "hour", price = 6000m });
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Work " + tag, domain = $"w{tag}.test" });
        await admin.PostJsonAsync("/api/v1/contracts", new
        {
            companyId = company.Id(), number = "W-" + tag, kind = "per_incident", startsOn = "2020-01-01", priceListId = list.Id(),
        });
        var ticket = await admin.CreateTicketAsync("Server down " + tag, $"ivan@w{tag}.test");
        await tab.SignInAsync(returnUrl: $"/tickets/{ticket.Id()}");
        var page = tab.Page;
        var panel = page.Locator("#work-panel");
        await Expect(panel.Locator("#work-empty")).ToBeVisibleAsync();

        await panel.Locator("#work-timer-start").ClickAsync();
        await Expect(panel.Locator("#work-timer-running")).ToBeVisibleAsync();
        await Expect(page.Locator("#app-timer")).ToContainTextAsync($"#{ticket.GetProperty("number").GetInt64()}");

        await panel.Locator("#work-timer-stop").ClickAsync();
        await Expect(panel.Locator("#work-timer-start")).ToBeVisibleAsync();
        await Expect(page.Locator("#app-timer")).ToHaveCountAsync(0);
        // A few seconds round up to one minute; the line waits to be saved.
        await Expect(panel.Locator("#work-minutes")).ToHaveValueAsync("1");
        await panel.Locator("#work-comment").FillAsync("Restarted the service");
        await panel.Locator("#work-save").ClickAsync();

        var line = panel.Locator(".work-line");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToHaveAttributeAsync("data-coverage", "billable");
        await Expect(line.Locator(".work-line-total")).ToContainTextAsync("100.00");
        await Expect(panel.Locator("#work-total")).ToHaveAttributeAsync("data-total", "100.00");
        await Expect(page.Locator("#timeline .timeline-event[data-field=work]")).ToContainTextAsync("Engineer hour");
        await tab.ScreenshotAsync("ticket-work-panel");
    });
}
