using System.Text.RegularExpressions;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>Issue 14: an agent keeps a filtered inbox as a saved view, watches its counter move live, changes its
/// filter and deletes it.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SavedViewTests(OknoInChromium okno)
{
    [Fact]
    public Task An_agent_saves_a_filtered_list_sees_its_counter_move_live_changes_it_and_deletes_it() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var tag = "batch-" + Guid.NewGuid().ToString("N")[..8];
        await api.CreateTicketAsync("Warehouse scanner offline " + tag, extra: new { priority = "urgent", tags = new[] { tag } });
        await api.CreateTicketAsync("Warehouse printer offline " + tag, extra: new { priority = "urgent", tags = new[] { tag } });
        var third = await api.CreateTicketAsync("Warehouse label question " + tag);

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync("/inbox?tag=" + tag);
        var page = tab.Page;
        await Expect(page.Locator("#inbox-table .inbox-row")).ToHaveCountAsync(2);
        await page.OpenAsync("#inbox-save-view", "#save-view-name");
        await page.Locator("#save-view-name").FillAsync("Warehouse " + tag);
        await page.Locator("#save-view-shared").ClickAsync();
        await page.Locator("#save-view-confirm").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]saved=\d+"));
        var link = page.Locator(".okno-saved-view").Filter(new() { HasText = "Warehouse " + tag });
        await Expect(link).ToHaveAttributeAsync("aria-current", "page");
        await Expect(link.Locator(".okno-count")).ToHaveTextAsync("2", new() { Timeout = 30_000 });

        // Tagged elsewhere (the API): the counter moves without a reload.
        await api.PatchAsync($"/api/v1/tickets/{third.Id()}", new { addTags = new[] { tag } });
        await Expect(link.Locator(".okno-count")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await tab.ScreenshotAsync("counted");

        // Narrowed to urgent and saved: counted afresh.
        await page.ChooseAsync("#inbox-filters .mud-select:has(label:text-is('Priority'))", "Urgent");
        await Expect(page.Locator("#inbox-edit-view")).ToContainTextAsync("Save changes");
        await page.Locator("#inbox-edit-view").ClickAsync();
        await Expect(page.Locator("#save-view-name")).ToHaveValueAsync("Warehouse " + tag);
        await page.Locator("#save-view-confirm").ClickAsync();
        await Expect(link.Locator(".okno-count")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await Expect(page.Locator("#inbox-edit-view")).ToContainTextAsync("Edit view");

        // Opened from the side list: the same filter and order come back.
        await page.Locator("#view-all_open").ClickAsync();
        await Expect(page.Locator("#inbox-edit-view")).ToHaveCountAsync(0);
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("priority=urgent"));
        await Expect(page.Locator("#inbox-table .inbox-row")).ToHaveCountAsync(2);

        await page.Locator("#inbox-delete-view").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Delete view" }).ClickAsync();
        await Expect(link).ToHaveCountAsync(0);
        Assert.DoesNotContain((await api.GetJsonAsync("/api/v1/saved-views")).Items(), v => v.Str("name") == "Warehouse " + tag);
        Assert.Empty(tab.Problems);
    });
}
