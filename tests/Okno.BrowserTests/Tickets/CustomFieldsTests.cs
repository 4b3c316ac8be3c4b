using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>Custom fields (issue 20): an admin defines a list field, an agent sets it on the ticket page (a history entry
/// says so) and filters the inbox by it.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class CustomFieldsTests(OknoInChromium okno)
{
    [Fact]
    public Task A_list_field_is_defined_set_on_a_ticket_and_filters_the_inbox() => okno.InPageAsync("en-US", async tab =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var key = "device_" + suffix;
        var label = "Device " + suffix;
        var api = await okno.App.AdminClientAsync();
        var tag = "cf" + suffix;
        var target = await api.CreateTicketAsync("Printer jams " + suffix, extra: new { tags = new[] { tag } });
        await api.CreateTicketAsync("Other request " + suffix, extra: new { tags = new[] { tag } });

        await tab.SignInAsync();
        var page = tab.Page;
        await tab.GotoInteractiveAsync("/admin/custom-fields");
        await Expect(page.Locator("#custom-fields-title")).ToHaveTextAsync("Custom fields");
        await page.Locator("#cf-key").FillAsync(key);
        await page.Locator("#cf-label-ru").FillAsync("Устройство " + suffix);
        await page.Locator("#cf-label-en").FillAsync(label);
        await page.ChooseAsync("#cf-type", "One from a list");
        await page.Locator("#cf-options").FillAsync("printer; Принтер; Printer\nscanner; Сканер; Scanner");
        await page.Locator("#cf-save").ClickAsync();
        await Expect(page.Locator($".cf-row[data-key='{key}']")).ToContainTextAsync(label);

        await tab.GotoInteractiveAsync($"/tickets/{target.Id()}");
        await Expect(page.Locator("#custom-fields-ticket")).ToContainTextAsync(label);
        await page.ChooseAsync($".custom-field[data-key='{key}']", "Printer");
        await page.Locator("#custom-fields-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Saved" })).ToBeVisibleAsync();
        var saved = await api.GetJsonAsync($"/api/v1/tickets/{target.Id()}");
        Assert.Equal("printer", saved.GetProperty("customFields").Str(key));
        var history = (await api.GetJsonAsync($"/api/v1/tickets/{target.Id()}/history?limit=50")).Items();
        Assert.Contains(history, e => e.GetProperty("field").GetString() == "cf." + key && e.Str("newValue") == "printer");

        await tab.GotoInteractiveAsync($"/inbox?view=all_open&tag={tag}");
        var rows = page.Locator("#inbox-table tr.inbox-row");
        await Expect(rows).ToHaveCountAsync(2);
        await page.ChooseAsync("#filter-cf", label);
        await page.ChooseAsync("#filter-cf-value", "Printer");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"cf={key}.*cfv=printer|cfv=printer.*cf={key}"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Printer jams " + suffix);
    });
}
