using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

[Collection(ChromiumCollection.Name)]
public sealed class KeyboardAndThemeTests(OknoInChromium okno)
{
    [Fact]
    public Task Question_mark_lists_the_shortcuts_and_the_ticket_page_keys_note_assign_and_walk_the_inbox() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tag = "keys" + suffix;
        var older = await admin.CreateTicketAsync("Клавиши первая " + suffix, extra: new { tags = new[] { tag } });
        var newer = await admin.CreateTicketAsync("Клавиши вторая " + suffix, extra: new { tags = new[] { tag } });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/inbox?view=all_open&tag={tag}&sort=created");
        await Expect(page.Locator("#inbox-table .inbox-row")).ToHaveCountAsync(2);

        // Both listeners are bound once the page is interactive.
        await Expect(page.Locator("html[data-help-key='on'][data-okno-keys='inbox']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("?");
        var overlay = page.Locator("#shortcuts-overlay");
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(overlay).ToContainTextAsync("Написать внутреннюю заметку");
        await Expect(overlay.Locator("[data-section='ShortcutsTicket'] kbd")).ToHaveTextAsync(["r", "n", "a", "s", "j / k"]);
        await Expect(overlay.Locator("[data-section='ShortcutsEditor'] kbd")).ToHaveTextAsync(["Ctrl+B", "Ctrl+I", "Ctrl+K", "Ctrl+Enter"]);
        await tab.ScreenshotAsync("shortcuts");
        await page.Locator("#shortcuts-close").ClickAsync();
        await Expect(overlay).ToHaveCountAsync(0);

        // Open the first row (the newer ticket), then j walks to the next one of the same list.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync("Клавиши вторая " + suffix);
        await Expect(page.Locator("html[data-okno-keys='ticket']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync("Клавиши первая " + suffix);
        await Expect(page.Locator("html[data-okno-keys='ticket']")).ToHaveCountAsync(1);

        // a: assign to me; n: an internal note, cursor in the text.
        await page.Keyboard.PressAsync("a");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Заявка назначена на вас." })).ToBeVisibleAsync();
        await JobHelpers.UntilAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{older.Id()}")).GetProperty("assigneeId").ValueKind
            == System.Text.Json.JsonValueKind.Number, 15);
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#note-tab")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#reply-body")).ToBeFocusedAsync();
        _ = newer;
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task The_theme_follows_the_system_and_a_choice_is_kept() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        var toggle = page.Locator("#theme-toggle");
        await Expect(toggle).ToHaveAttributeAsync("data-theme-choice", "system");
        await Expect(toggle).ToHaveAttributeAsync("data-dark", "true");
        var background = () => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var dark = await background();
        await tab.ScreenshotAsync("dark");

        // The system turns light: the page follows at once.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(toggle).ToHaveAttributeAsync("data-dark", "false");
        Assert.NotEqual(dark, await background());

        // Chosen dark (system → light → dark), kept after a reload even though the system is light.
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("data-theme-choice", "light");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("data-theme-choice", "dark");
        await Expect(toggle).ToHaveAttributeAsync("data-dark", "true");
        await tab.GotoInteractiveAsync("/inbox");
        await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("data-dark", "true");
        Assert.Equal(dark, await background());
        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("data-theme-choice", "system");
        Assert.Empty(tab.Problems);
    });
}
