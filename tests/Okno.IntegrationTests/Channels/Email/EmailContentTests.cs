using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Platform.Text;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>What a mail carries shows up on its ticket: files (inline images with their Content-ID, empty files kept,
/// files over the limit dropped with a line saying so), the HTML sanitized, the addresses, and the raw mail as an .eml.</summary>
public sealed class EmailContentTests
{
    private const int AttachmentLimit = 50_000;
    private const string Secret = "intake-secret-0123456789";

    private static OknoFactory App(string provider) => OknoFactory.For(provider, new Dictionary<string, string?>
    {
        ["Okno:Channels:RunJobs"] = "false", ["Okno:Limits:MaxAttachmentBytes"] = AttachmentLimit.ToString(),
    });

    private static async Task<long> MailboxAsync(HttpClient admin) =>
        (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support mailbox",
            settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = TestMail.Password, imapFolder = await TestMail.NewFolderAsync(),
                smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
                fromName = "Support", fromAddress = TestMail.Support, intakeSecret = Secret,
            },
        }, HttpStatusCode.Created)).Id();

    /// <summary>Delivers a raw mail the way an MTA does, then runs the inbound pipeline once.</summary>
    private static async Task DeliverAsync(OknoFactory app, long account, byte[] raw)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ChannelsEndpoints.InboundUrl(account)) { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        request.Headers.Add(EmailAdapter.IntakeSecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        Assert.Equal(1, await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None));
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static MimeMessage RichMail(string from, byte[] pdf)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("Ольга", from));
        mail.To.Add(new MailboxAddress("Support", TestMail.Support));
        mail.Cc.Add(new MailboxAddress("Boss", "Boss@Example.org"));
        mail.Subject = "Счёт и скриншот";
        mail.MessageId = $"{Guid.NewGuid():N}@example.org";
        var builder = new BodyBuilder
        {
            TextBody = "Смотрите вложения.",
            HtmlBody = "<p>Смотрите вложения.</p><script>alert('x')</script><p onclick=\"steal()\">Логотип:</p>" +
                       "<img src=\"cid:logo@okno\" alt=\"logo\"><img src=\"https://tracker.example/pixel.gif?u=olga\" width=\"1\" height=\"1\">",
        };
        var logo = builder.LinkedResources.Add("logo.png", Png, new ContentType("image", "png"));
        logo.ContentId = "logo@okno";
        builder.Attachments.Add("invoice.pdf", pdf, new ContentType("application", "pdf"));
        builder.Attachments.Add("empty.txt", Array.Empty<byte>(), new ContentType("text", "plain"));
        builder.Attachments.Add("huge.bin", new byte[AttachmentLimit + 1], new ContentType("application", "octet-stream"));
        mail.Body = builder.ToMessageBody();
        return mail;
    }

    [Theory]
    [BothDatabases]
    public async Task A_mails_files_inline_image_addresses_and_raw_copy_show_on_its_ticket_and_a_file_over_the_limit_is_dropped_with_a_note(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await MailboxAsync(admin);
        var from = $"olga.{Guid.NewGuid():N}@example.org";
        var pdf = RandomNumberGenerator.GetBytes(20_000);
        using var buffer = new MemoryStream();
        await RichMail(from, pdf).WriteToAsync(buffer);
        var raw = buffer.ToArray();

        await DeliverAsync(app, account, raw);

        var ticket = (await admin.GetJsonAsync("/api/v1/tickets?limit=5")).Items().Single();
        var message = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items().Single();
        var files = message.GetProperty("attachments").EnumerateArray().ToDictionary(a => a.Str("fileName"));
        Assert.Equal(["empty.txt", "invoice.pdf", "logo.png"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((20_000L, Convert.ToHexStringLower(SHA256.HashData(pdf)), false, "application/pdf"),
            (files["invoice.pdf"].GetProperty("size").GetInt64(), files["invoice.pdf"].Str("sha256"),
                files["invoice.pdf"].GetProperty("inline").GetBoolean(), files["invoice.pdf"].Str("contentType")));
        Assert.Equal((true, "logo@okno", (long)Png.Length), (files["logo.png"].GetProperty("inline").GetBoolean(),
            files["logo.png"].Str("contentId"), files["logo.png"].GetProperty("size").GetInt64()));
        Assert.Equal(0, files["empty.txt"].GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), files["empty.txt"].Str("sha256"));
        // The file over the limit is not kept, and the message says so; the mail itself was imported.
        Assert.Contains("huge.bin", message.Str("bodyText"), StringComparison.Ordinal);
        Assert.Contains("was not kept", message.Str("bodyText"), StringComparison.Ordinal);

        // Addresses, channel, raw copy.
        Assert.Equal(from, message.Str("from"));
        Assert.Equal([TestMail.Support], message.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["boss@example.org"], message.GetProperty("cc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((account, "email"), (message.GetProperty("channel").GetProperty("accountId").GetInt64(),
            message.GetProperty("channel").Str("kind")));
        var rawUrl = message.Str("rawUrl");
        var download = await admin.GetAsync(rawUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"message-{message.Id()}.eml", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(raw, await download.Content.ReadAsByteArrayAsync());

        // Stored sanitized: no script, no handler; the inline image and the remote one are kept for display time.
        var html = message.Str("bodyHtml");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cid:logo@okno", html, StringComparison.Ordinal);

        // Shown as the ticket page shows it: the tracking pixel loads nothing until allowed, the cid image comes from
        // the desk's own attachment address.
        var views = JsonSerializer.Deserialize<List<AttachmentView>>(message.GetProperty("attachments").GetRawText(), JsonSerializerOptions.Web)!;
        var hidden = RemoteContent.Rewrite(html);
        var (shown, inline) = InlineImages.Rewrite(hidden.Html, views, TicketUiEndpoints.AttachmentUrl);
        Assert.Equal(1, hidden.Hidden);
        Assert.DoesNotContain("tracker.example", shown, StringComparison.Ordinal);
        var logoId = files["logo.png"].Id();
        Assert.Contains($"src=\"{TicketUiEndpoints.AttachmentUrl(logoId)}\"", shown, StringComparison.Ordinal);
        Assert.Equal([logoId], inline);
        // The inline image's own download answers with the image.
        var image = await admin.GetAsync(files["logo.png"].Str("url"));
        Assert.Equal((HttpStatusCode.OK, "image/png"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_whose_html_is_too_deep_or_too_long_is_imported_with_its_text(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await MailboxAsync(admin);
        foreach (var (html, marker) in new[]
                 {
                     (string.Concat(Enumerable.Repeat("<div>", 2_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 2_000)), "Deep one"),
                     ("<p>" + new string('x', Message.BodyMaxLength + 10) + "</p>", "Long one"),
                 })
        {
            var mail = new MimeMessage();
            mail.From.Add(new MailboxAddress("Ivan", $"ivan.{Guid.NewGuid():N}@example.org"));
            mail.To.Add(new MailboxAddress("Support", TestMail.Support));
            mail.Subject = marker;
            mail.Body = new BodyBuilder { TextBody = marker + " in text.", HtmlBody = html }.ToMessageBody();
            using var buffer = new MemoryStream();
            await mail.WriteToAsync(buffer);
            await DeliverAsync(app, account, buffer.ToArray());
        }
        var tickets = (await admin.GetJsonAsync("/api/v1/tickets?limit=5")).Items();
        Assert.Equal(2, tickets.Count);
        foreach (var ticket in tickets)
        {
            var message = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items().Single();
            Assert.Equal($"<p>{ticket.Str("subject")} in text.</p>", message.Str("bodyHtml"));
        }
    }

    [Theory]
    [BothDatabases]
    public async Task A_message_that_never_was_a_mail_has_no_raw_copy_and_answers_404_with_a_code(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Printer");
        var message = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items().Single();
        Assert.Equal(JsonValueKind.Null, message.GetProperty("rawUrl").ValueKind);
        var problem = await (await admin.GetAsync($"/api/v1/tickets/{ticket.Id()}/messages/{message.Id()}/raw")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(TicketErrorCodes.RawNotFound, problem.Str("code"));
    }
}
