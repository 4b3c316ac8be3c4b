using Microsoft.EntityFrameworkCore;
using Okno.Channels;
using Okno.Channels.Telegram;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>The Telegram form of the channel dialog: its fields, an error at its field in Russian, the webhook address,
/// and a bot that cannot be reached saved anyway with the account saying so.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class TelegramDialogTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_adds_a_Telegram_bot_sees_a_wrong_token_at_its_field_and_the_saved_bot_says_it_cannot_be_reached() =>
        okno.InPageAsync("ru-RU", async tab =>
        {
            var page = tab.Page;
            var name = "Бот " + Guid.NewGuid().ToString("N")[..6];
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/channels");

            await page.Locator("#channel-create").ClickAsync();
            await page.ChooseAsync("#channel-kind", "telegram");
            await Expect(page.Locator("#channel-settings")).ToHaveCountAsync(0);
            await Expect(page.Locator("#telegram-webhook-url")).ToContainTextAsync("появится после сохранения");
            await page.Locator("#channel-name").FillAsync(name);
            await page.Locator("#telegram-botToken").FillAsync("12345");
            await page.ChooseAsync("#telegram-mode", "Опрос (служба спрашивает Telegram)");
            await Expect(page.Locator("#telegram-webhook-url")).ToHaveCountAsync(0);
            // A closed port: the connection fails at once.
            await page.Locator("#telegram-apiBaseUrl").FillAsync("http://127.0.0.1:9");
            await page.Locator("#channel-save").ClickAsync();

            await Expect(page.FieldError("telegram-botToken")).ToContainTextAsync("Это не токен бота");
            Assert.False(await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().AnyAsync(a => a.Name == name)));

            await page.Locator("#telegram-botToken").FillAsync("7000000009:AAH-browser_test_token_0123456789abcdef");
            await page.Locator("#channel-save").ClickAsync();
            await Expect(page.Locator("#channel-dialog")).ToHaveCountAsync(0);
            var row = page.Locator("#channels-table tbody tr", new() { HasText = name });
            await Expect(row.Locator(".channel-health")).ToHaveAttributeAsync("data-health", "failing");
            var settings = await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Name == name).Select(a => a.Settings).SingleAsync());
            Assert.DoesNotContain("browser_test_token", settings);
            Assert.Contains($"\"mode\":\"{TelegramSettings.Polling}\"", settings);
            await tab.ScreenshotAsync();
        });
}
