using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Channels;
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
        // Twice in a row a loaded CI run waited past the 30 s default for the refused fetch to show (cause not pinned down;
        // the suspect is Dovecot's growing delay for repeated failed log-ins from one address, which this suite makes).
        await Expect(row.Locator(".channel-health")).ToHaveAttributeAsync("data-health", "failing", new() { Timeout = 90_000 });
        await Expect(row.Locator(".channel-error")).ToContainTextAsync("user name or password");
        await tab.ScreenshotAsync();
    });

    [Fact]
    public Task An_admin_adds_a_mailbox_field_by_field_sees_a_wrong_host_at_its_field_and_edits_it_keeping_the_stored_password() =>
        okno.InPageAsync("ru-RU", async tab =>
        {
            var page = tab.Page;
            var name = "Поля " + Guid.NewGuid().ToString("N")[..6];
            // A folder of its own: the mailbox polls once it exists, and must find nothing another test wrote.
            var folder = await TestMail.NewFolderAsync();
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/channels");

            await page.Locator("#channel-create").ClickAsync();
            await page.ChooseAsync("#channel-kind", "email");
            await Expect(page.Locator("#channel-settings")).ToHaveCountAsync(0);
            await page.Locator("#channel-name").FillAsync(name);
            await page.Locator("#email-imapHost").FillAsync("imap host!");
            await page.Locator("#email-imapPort").FillAsync(TestMail.Imap.Port.ToString(CultureInfo.InvariantCulture));
            await page.ChooseAsync("#email-imapSecurity", "Нет (открытый текст)");
            await page.Locator("#email-imapUser").FillAsync(TestMail.Support);
            await page.Locator("#email-imapPassword").FillAsync(TestMail.Password);
            await page.Locator("#email-imapFolder").FillAsync(folder);
            await page.Locator("#email-smtpHost").FillAsync(TestMail.Smtp.Host);
            await page.Locator("#email-smtpPort").FillAsync(TestMail.Smtp.Port.ToString(CultureInfo.InvariantCulture));
            await page.ChooseAsync("#email-smtpSecurity", "Нет (открытый текст)");
            await page.Locator("#email-fromAddress").FillAsync(TestMail.Support);
            await page.Locator("#email-pollSeconds").FillAsync("3600");
            await page.Locator("#channel-save").ClickAsync();

            // Refused: the message is under the host field, in Russian, and nothing was stored.
            await Expect(page.FieldError("email-imapHost")).ToHaveTextAsync("Это не имя хоста и не IP-адрес.");
            await Expect(page.Locator("#channel-dialog")).ToBeVisibleAsync();
            Assert.False(await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().AnyAsync(a => a.Name == name)));

            await page.Locator("#email-imapHost").FillAsync(TestMail.Imap.Host);
            await page.Locator("#channel-save").ClickAsync();
            await Expect(page.Locator("#channel-dialog")).ToHaveCountAsync(0);
            var row = page.Locator("#channels-table tbody tr", new() { HasText = name });
            var id = await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
            await row.Locator($"#channel-test-{id}").ClickAsync();
            await Expect(page.Locator(".mud-snackbar", new() { HasText = "Подключение работает" })).ToBeVisibleAsync();

            // Edit: the stored password is not shown; left empty, it is kept while another field changes.
            await row.Locator($"#channel-edit-{id}").ClickAsync();
            await Expect(page.Locator("#email-imapPassword")).ToHaveValueAsync("");
            await Expect(page.Locator("#email-imapFolder")).ToHaveValueAsync(folder);
            await Expect(page.Locator("#email-settings")).ToContainTextAsync("Значение сохранено; оставьте поле пустым");
            await page.Locator("#email-pollSeconds").FillAsync("600");
            await page.Locator("#email-fromName").FillAsync("Служба поддержки");
            await tab.ScreenshotAsync("edit");
            await page.Locator("#channel-save").ClickAsync();
            await Expect(page.Locator("#channel-dialog")).ToHaveCountAsync(0);

            var admin = await okno.App.AdminClientAsync();
            var settings = (await admin.GetJsonAsync($"/api/v1/channels/{id}")).GetProperty("settings");
            Assert.Equal(600, settings.GetProperty("pollSeconds").GetInt32());
            Assert.Equal("Служба поддержки", settings.Str("fromName"));
            Assert.Equal(folder, settings.Str("imapFolder"));
            Assert.True(settings.GetProperty("imapPassword").GetProperty("set").GetBoolean());
            Assert.False(settings.GetProperty("smtpPassword").GetProperty("set").GetBoolean());
            // The kept password still signs in.
            var test = await admin.PostJsonAsync($"/api/v1/channels/{id}/test", new { }, HttpStatusCode.OK);
            Assert.True(test.GetProperty("ok").GetBoolean());
            await tab.ScreenshotAsync();
        });
}
