using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Knowledge;

[Collection(ChromiumCollection.Name)]
public sealed class ActingMacroTests(OknoInChromium okno)
{
    [Fact]
    public Task An_agent_makes_a_macro_that_acts_and_applies_it_on_a_ticket_in_one_step() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/macros");

        await page.Locator("#macro-new").ClickAsync();
        await page.Locator("#macro-name").FillAsync($"Ждём поставщика {suffix}");
        await page.Locator("#macro-body").FillAsync("{{customer.name}}, передали вопрос поставщику.");
        await page.ChooseAsync("#macro-status", "Отложена");
        await page.ChooseAsync("#macro-priority", "Высокий");
        await page.ChooseAsync("#macro-assignee", "Назначить тому, кто применяет");
        await page.Locator("#macro-tags").FillAsync("поставщик");
        await page.Locator("#macro-save").ClickAsync();
        var row = page.Locator("#macros-table tr", new() { HasText = $"Ждём поставщика {suffix}" });
        await Expect(row.Locator(".macro-actions")).ToContainTextAsync("Назначить тому, кто применяет");
        await tab.ScreenshotAsync("macros");

        var ticket = await admin.CreateTicketAsync("Сервер не отвечает " + suffix);
        await tab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        await page.Locator("#reply-insert").ClickAsync();
        var item = page.Locator("#insert-list .mud-list-item", new() { HasText = $"Ждём поставщика {suffix}" });
        await Expect(item.Locator(".macro-acts")).ToBeVisibleAsync();
        await item.ClickAsync();

        await Expect(page.Locator("#reply-body")).ToHaveTextAsync("Test Customer, передали вопрос поставщику.", new() { UseInnerText = true });
        // The page follows the change live: status and the marked history entries.
        await Expect(page.Locator("#ticket-status")).ToContainTextAsync("Отложена");
        await Expect(page.Locator("#timeline .timeline-macro").First).ToContainTextAsync($"шаблон «Ждём поставщика {suffix}»");
        var read = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(("on_hold", "high"), (read.Str("status"), read.Str("priority")));
        Assert.Contains("поставщик", read.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(tab.Problems);
    });
}
