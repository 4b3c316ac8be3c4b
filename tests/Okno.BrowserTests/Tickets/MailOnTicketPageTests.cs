using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>A mail on the ticket page: its addresses, its inline image in place (not listed again), its files, the .eml
/// download, and the participants an agent adds and removes.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class MailOnTicketPageTests(OknoInChromium okno)
{
    private const string Secret = "intake-secret-0123456789";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_agent_sees_a_mails_addresses_inline_image_files_and_eml_and_adds_and_removes_a_participant()
    {
        await using var app = OknoFactory.Sqlite(new() { ["Okno:Channels:RunJobs"] = "false" });
        var baseUrl = OknoInChromium.ServeOnLoopback(app);
        var admin = await app.AdminClientAsync();
        var account = (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new { smtpHost = "127.0.0.1", smtpPort = 1, smtpSecurity = "none", fromName = "Support", fromAddress = "support@example.test", intakeSecret = Secret },
        }, HttpStatusCode.Created)).Id();

        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("Olga", "olga@example.org"));
        mail.To.Add(new MailboxAddress("Support", "support@example.test"));
        mail.Cc.Add(new MailboxAddress("Boss", "boss@example.org"));
        mail.Subject = "Screenshot";
        var builder = new BodyBuilder { HtmlBody = "<p>See the logo:</p><img src=\"cid:logo@okno\" alt=\"logo\">", TextBody = "See the logo." };
        builder.LinkedResources.Add("logo.png", Png, new ContentType("image", "png")).ContentId = "logo@okno";
        builder.Attachments.Add("invoice.pdf", "%PDF-1.4 test"u8.ToArray(), new ContentType("application", "pdf"));
        mail.Body = builder.ToMessageBody();
        using var buffer = new MemoryStream();
        await mail.WriteToAsync(buffer);
        var request = new HttpRequestMessage(HttpMethod.Post, ChannelsEndpoints.InboundUrl(account)) { Content = new ByteArrayContent(buffer.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        request.Headers.Add(EmailAdapter.IntakeSecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        Assert.Equal(1, await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None));
        var ticket = (await admin.GetJsonAsync("/api/v1/tickets")).Items().Single();

        await okno.InPageAsync("en-US", async tab =>
        {
            var page = tab.Page;
            await tab.SignInAsync(returnUrl: $"/tickets/{ticket.Id()}");
            var message = page.Locator("#timeline .timeline-in");
            await Expect(message).ToContainTextAsync("See the logo:");
            await Expect(message.Locator(".timeline-address-from")).ToHaveTextAsync("From: olga@example.org");
            await Expect(message.Locator(".timeline-address-cc")).ToHaveTextAsync("Cc: boss@example.org");
            var logo = message.Locator("img[alt=logo]");
            await Expect(logo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/tickets/attachments/\\d+$"));
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await logo.ElementHandleAsync());
            await Expect(message.Locator("a.timeline-attachment")).ToHaveCountAsync(1);
            await Expect(message.Locator("a.timeline-attachment")).ToContainTextAsync("invoice.pdf");
            var eml = message.Locator("a.timeline-raw");
            await Expect(eml).ToHaveTextAsync("Download .eml");
            var download = await page.APIRequest.GetAsync(baseUrl + await eml.GetAttributeAsync("href"));
            Assert.True(download.Ok, $"{download.Status}");
            Assert.Equal(buffer.ToArray(), await download.BodyAsync());
            await tab.ScreenshotAsync("mail-on-ticket");

            // The mail's Cc joined the ticket as a participant when it was imported.
            var boss = page.Locator("#ticket-participants .participant-chip[data-address='boss@example.org']");
            await Expect(boss).ToBeVisibleAsync();
            await page.Locator("#participant-address").FillAsync("IT@example.org");
            await page.Locator("#participant-add").ClickAsync();
            var chip = page.Locator("#ticket-participants .participant-chip[data-address='it@example.org']");
            await Expect(chip).ToBeVisibleAsync();
            await page.Locator("#participant-address").FillAsync("olga@example.org");
            await page.Locator("#participant-address").PressAsync("Enter");
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("customer's own address");
            await chip.Locator(".mud-chip-close-button").ClickAsync();
            await Expect(chip).ToHaveCountAsync(0);
            await Expect(page.Locator("#ticket-participants .participant-chip")).ToHaveCountAsync(1);
            await boss.Locator(".mud-chip-close-button").ClickAsync();
            await Expect(page.Locator("#participants-empty")).ToBeVisibleAsync();
        }, baseUrl);
    }
}
