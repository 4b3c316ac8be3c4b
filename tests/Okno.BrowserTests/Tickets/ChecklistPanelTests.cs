using System.Net.Http.Json;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>The checklist on the ticket page (issue 20): resolving is refused with a message while a required item is
/// open; ticking it (who and when shown, a line in the timeline) lets the ticket be resolved.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChecklistPanelTests(OknoInChromium okno)
{
    private const string AdminName = "Administrator";

    [Fact]
    public Task Resolving_waits_for_the_required_item_to_be_ticked() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        // A type the other browser tests do not open, and the template removed after: the app is shared.
        await (await admin.PutAsJsonAsync("/api/v1/checklist-templates/unclear_feature",
            new { items = new[] { new { text = "Reproduce it", required = true } } })).JsonAsync(System.Net.HttpStatusCode.OK);
        try
        {
            var ticket = await admin.CreateTicketAsync("Odd behaviour " + Guid.NewGuid().ToString("N")[..6], extra: new { type = "unclear_feature" });
            await tab.SignInAsync(returnUrl: $"/tickets/{ticket.Id()}");
            var page = tab.Page;
            var panel = page.Locator("#checklist-panel");
            await Expect(panel.Locator(".checklist-item")).ToHaveCountAsync(1);
            await Expect(panel.Locator("#checklist-open-required")).ToBeVisibleAsync();

            await page.ChooseAsync("#status-select", "Resolved");
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Tick the required checklist items first");
            await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("New");

            await panel.Locator(".checklist-item input[type=checkbox]").ClickAsync();
            await Expect(panel.Locator(".checklist-item")).ToHaveAttributeAsync("data-done", "true");
            await Expect(panel.Locator(".checklist-done-by")).ToContainTextAsync(AdminName);
            await Expect(panel.Locator("#checklist-open-required")).ToHaveCountAsync(0);
            await Expect(page.Locator("#timeline .timeline-event[data-field=checklist]")).ToContainTextAsync($"{AdminName} ticked «Reproduce it»");
            await tab.ScreenshotAsync("ticket-checklist");

            await page.ChooseAsync("#status-select", "Resolved");
            await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Resolved");
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/checklist-templates/unclear_feature", new { items = Array.Empty<object>() });
        }
    });
}
