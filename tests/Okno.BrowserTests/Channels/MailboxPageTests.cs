using System.Net;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

[Collection(ChromiumCollection.Name)]
public sealed class MailboxPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_tests_a_mailbox_with_a_wrong_password_and_reads_why_in_russian_then_fetches_it_now() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var name = "Ящик " + Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var id = (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name,
            settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = "not-the-password", smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
                fromAddress = TestMail.Support, pollSeconds = 3600,
            },
        }, HttpStatusCode.Created)).Id();
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/channels");

        await page.Locator($"#channel-test-{id}").ClickAsync();
        await Expect(page.Locator("#channels-error")).ToContainTextAsync("не принял имя пользователя или пароль");
        await page.Locator($"#channel-fetch-{id}").ClickAsync();
        var row = page.Locator("#channels-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".channel-health")).ToHaveAttributeAsync("data-health", "failing");
        await Expect(row.Locator(".channel-error")).ToContainTextAsync("user name or password");
        await tab.ScreenshotAsync();
    });
}
