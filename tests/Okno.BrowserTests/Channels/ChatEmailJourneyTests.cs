using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Okno.Channels.Chat;
using Okno.Testing;
using Quartz;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>A chat that continues by email (issue 17, S2): the visitor leaves before the agent answers, gets the answer
/// by mail from the chat channel's mailbox, replies by mail, and sees that reply in the widget when they come back.
/// Everything is real: the widget on a shop's page of another origin, Dovecot and the SMTP sink of scripts/test-deps,
/// the delivery and inbound jobs. Okno runs on an app of its own with short chat timings (an answer waits 2 s unseen,
/// presence beats every 2 s), so the leaving visitor counts as gone within seconds.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChatEmailJourneyTests(OknoInChromium okno)
{
    private const string Shop = "https://shop.test";
    private const float LiveTimeout = 30_000;
    /// <summary>The mail's way through the delivery queue and the SMTP sink, or the inbound job after a fetch, on a busy machine.</summary>
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_visitor_who_left_gets_the_answer_by_email_and_their_email_reply_shows_in_the_widget_next_visit()
    {
        var app = OknoFactory.Sqlite(new()
        {
            ["Okno:Channels:JobInterval"] = "00:00:01",
            ["Okno:Chat:MailAfter"] = "00:00:02",
            ["Okno:Chat:StreamBeat"] = "00:00:02",
        });
        await using var _ = app;
        var baseUrl = OknoInChromium.ServeOnLoopback(app);
        var admin = await app.AdminClientAsync();
        // The desk has two mailboxes; the chat names the second, so its mail must not come from the desk's first.
        await TestMail.CreateMailboxAsync(admin, "Sales", await TestMail.NewFolderAsync(), "sales@example.test", pollSeconds: 5);
        var folder = await TestMail.NewFolderAsync();
        var mailbox = await TestMail.CreateMailboxAsync(admin, "Support", folder, TestMail.Support, pollSeconds: 5);
        var key = await ChatChannelAsync(admin, mailbox);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var customer = $"customer+chat.{tag}@example.test";

        await okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
        {
            await agent.SignInAsync(returnUrl: "/inbox");
            await WaitUntilOnlineAsync(app, key);

            // The visitor gives their address in the pre-chat form and writes.
            await ServeShopAsync(visitor.Page.Context, baseUrl, key);
            await OpenShopAsync(visitor.Page);
            var w = Widget(visitor.Page);
            await w("#okno-launcher").ClickAsync();
            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-mode", "prechat");
            await w("#okno-prechat-email").FillAsync(customer);
            await w("#okno-prechat-submit").ClickAsync();
            await Expect(w("#okno-composer")).ToBeVisibleAsync();
            var question = $"Do you deliver to Kazan? {tag}";
            await w("#okno-input").FillAsync(question);
            await w("#okno-input").PressAsync("Enter");
            await Expect(w(".m[data-author=visitor][data-id]")).ToHaveAttributeAsync("data-state", "sent");
            var ticketId = await ChatTicketWithAsync(admin, tag);

            // …and leaves: the page closes, the context (and so the shop's localStorage with the widget's token) stays.
            var context = visitor.Page.Context;
            await visitor.Page.CloseAsync();
            await WaitUntilGoneAsync(app, ticketId);

            // The agent answers in the ticket page.
            await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToContainTextAsync(question);
            await Expect(agent.Page.Locator("#chat-panel")).ToHaveAttributeAsync("data-on-site", "false");
            var number = (await agent.Page.Locator("#ticket-number").TextContentAsync())!.Trim().TrimStart('#');
            const string answer = "Yes, in two days, free of charge.";
            await agent.Page.Locator("#reply-body").FillAsync(answer);
            await agent.Page.Locator("#reply-send").ClickAsync();
            await Expect(agent.Page.Locator("#timeline .timeline-out")).ToContainTextAsync(answer);

            // The answer went unseen: it goes by email, from the chat's mailbox, with the ticket's number in the subject.
            var sent = await MissedAnswerMailAsync(app, customer);
            Assert.Contains($"[#{number}]", sent.Subject, StringComparison.Ordinal);
            // The title the visitor saw in the widget, not the channel's name in the admin.
            Assert.Contains("Shop chat", sent.Subject, StringComparison.Ordinal);
            Assert.Equal(TestMail.Support, sent.From.Mailboxes.Single().Address);
            Assert.Contains(answer, sent.TextBody, StringComparison.Ordinal);

            // The customer answers that mail by SMTP; the sink puts it in support@'s INBOX, moved into the mailbox's own
            // folder (what the channel reads), and Okno fetches it.
            var reply = TestMail.Mail(customer, "", TestMail.Support, "Re: " + sent.Subject, $"Great, then please send it to Kazan. {tag}",
                inReplyTo: sent.MessageId);
            await SendBySmtpAsync(reply);
            await MoveToFolderAsync(reply.MessageId!, folder);
            await admin.PostJsonAsync($"/api/v1/channels/{mailbox}/fetch", new { }, HttpStatusCode.OK);
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToHaveCountAsync(2, new() { Timeout = LiveTimeout });
            await Expect(agent.Page.Locator("#timeline .timeline-in").Last).ToContainTextAsync("please send it to Kazan");

            // The visitor comes back in a new page of the same browser: the widget keeps its token and shows the whole
            // conversation, the email reply included, each message once.
            var back = new BrowserTab(await context.NewPageAsync(), $"{nameof(ChatEmailJourneyTests)}.back");
            await OpenShopAsync(back.Page);
            var again = Widget(back.Page);
            await again("#okno-launcher").ClickAsync();
            var messages = again(".m[data-id]");
            await Expect(messages).ToHaveCountAsync(3, new() { Timeout = LiveTimeout });
            await Expect(messages.Nth(0)).ToContainTextAsync(question);
            await Expect(messages.Nth(1)).ToHaveAttributeAsync("data-author", "agent");
            await Expect(messages.Nth(1)).ToContainTextAsync(answer);
            await Expect(messages.Nth(2)).ToHaveAttributeAsync("data-author", "visitor");
            await Expect(messages.Nth(2)).ToContainTextAsync("Great, then please send it to Kazan.");
            await back.ScreenshotAsync();
            Assert.Empty(back.Problems);

            // The answer reached the visitor by mail once: the chat's mail, no other mail about it (not one per job run,
            // and no generic "agent replied" notification besides — the chat's own mail is how a chat goes on by email).
            var mails = await MailsToAsync(customer);
            Assert.True(mails.Count == 1, $"Expected only the chat's mail to {customer}, got {mails.Count}: " +
                string.Join("; ", mails.Select(m => $"\"{m.Subject}\" from {m.From}")));
        }, baseUrl, baseUrl);
    }

    /// <summary>The shop's page with the widget's tag, served by Playwright on https://shop.test for every page of the
    /// context. Okno is on loopback here, and Chromium asks a public site's permission before it calls loopback (Local
    /// Network Access); a real shop calls a public Okno and needs none.</summary>
    private static async Task ServeShopAsync(IBrowserContext context, string baseUrl, string key)
    {
        await context.GrantPermissionsAsync(["local-network-access"], new() { Origin = Shop });
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
            <body><h1>Shop</h1><p>Everything for the garden.</p>
            <script src="{{baseUrl}}/widget.js" data-channel="{{key}}" async></script>
            </body></html>
            """;
        await context.RouteAsync(Shop + "/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
    }

    private static async Task OpenShopAsync(IPage page)
    {
        await page.GotoAsync(Shop + "/garden");
        await Expect(page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
    }

    private static Func<string, ILocator> Widget(IPage page) => selector => page.Locator("okno-chat").Locator(selector);

    /// <summary>A chat channel on the shop's origin that asks for an email and sends mail from <paramref name="mailbox"/>.</summary>
    private static async Task<string> ChatChannelAsync(HttpClient admin, long mailbox)
    {
        var account = await admin.PostJsonAsync("/api/v1/channels/chat", new
        {
            name = "Garden site " + Guid.NewGuid().ToString("N")[..6],
            groupId = (long?)null,
            settings = new
            {
                allowedOrigins = new[] { Shop }, title = "Shop chat", greeting = "Hello! How can we help?", accent = "#1565c0",
                prechatName = "off", prechatEmail = "required", prechatPhone = "off", calendarId = (long?)null, emailAccountId = mailbox,
                offlineText = "We answer on weekdays from 9 to 18.", invitations = Array.Empty<object>(),
            },
        }, HttpStatusCode.Created);
        return account.GetProperty("settings").Str("key");
    }

    /// <summary>Waits until the channel counts the signed-in agent online (their workspace has beaten), so the widget
    /// opened next is online. Each look is a new visitor's session: looked at twice a second, within the per-address limit.</summary>
    private static async Task WaitUntilOnlineAsync(OknoFactory app, string key)
    {
        using var client = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/v1/{key}/session") { Content = JsonContent.Create(new { lang = "en" }) };
            request.Headers.Add("Origin", Shop);
            using var response = await client.SendAsync(request);
            if ((await response.JsonAsync(HttpStatusCode.OK)).GetProperty("config").GetProperty("online").GetBoolean()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The chat channel never counted an agent online.");
            await Task.Delay(500);
        }
    }

    private static async Task<long> ChatTicketWithAsync(HttpClient admin, string marker) =>
        long.Parse(await JobHelpers.EventuallyAsync(async () =>
        {
            foreach (var ticket in (await admin.GetJsonAsync("/api/v1/tickets?channel=chat&view=all_open&limit=50")).Items())
                if ((await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages?limit=50")).Items()
                    .Any(m => m.GetProperty("bodyText").GetString()?.Contains(marker, StringComparison.Ordinal) == true))
                    return ticket.Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }, 30), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until Okno counts the ticket's visitor gone: their stream ended when the page closed (at the latest,
    /// presence runs out two beats, 4 s here, after the last).</summary>
    private static Task WaitUntilGoneAsync(OknoFactory app, long ticketId) =>
        JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
        {
            // The conversation is recorded from the ticket events, a moment after the message (later on a busy machine).
            var visitor = await db.Set<ChatConversation>().Where(c => c.TicketId == ticketId)
                .Join(db.Set<ChatVisitor>(), c => c.VisitorId, v => v.Id, (c, v) => v).FirstOrDefaultAsync();
            return visitor is not null && !visitor.IsConnected(DateTimeOffset.UtcNow);
        }), 20);

    /// <summary>The answer the visitor missed, mailed by the missed-answers job. The job runs every minute; the test
    /// triggers it every few seconds instead (each run leaves a visitor who is still connected, or an answer not yet
    /// due, for the next).</summary>
    private static async Task<MimeMessage> MissedAnswerMailAsync(OknoFactory app, string customer)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await scheduler.TriggerJob(new JobKey("chat-missed-answers"));
            await Task.Delay(1000);
            if ((await MailsToAsync(customer)).FirstOrDefault(m => m.Subject?.Contains("New answer in your chat", StringComparison.Ordinal) == true) is { } mail) return mail;
            if (watch.Elapsed > MailWait) throw new TimeoutException($"The missed answer was not mailed to {customer} within {MailWait}.");
        }
    }

    /// <summary>Every mail to <paramref name="to"/> in customer@'s INBOX, where the SMTP sink puts it.</summary>
    private static async Task<List<MimeMessage>> MailsToAsync(string to)
    {
        using var client = await TestMail.ConnectAsync(TestMail.Customer);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var mails = new List<MimeMessage>();
        foreach (var uid in await client.Inbox.SearchAsync(SearchQuery.ToContains(to))) mails.Add(await client.Inbox.GetMessageAsync(uid));
        await client.DisconnectAsync(true);
        return mails;
    }

    private static async Task SendBySmtpAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(TestMail.Smtp.Host, TestMail.Smtp.Port, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>Moves the mail the SMTP sink put into support@'s INBOX into the test's folder: a mailbox on INBOX would
    /// read every earlier run's mail too.</summary>
    private static async Task MoveToFolderAsync(string messageId, string folder)
    {
        using var client = await TestMail.ConnectAsync(TestMail.Support);
        var target = await client.GetFolderAsync(folder);
        await JobHelpers.UntilAsync(async () =>
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var found = await client.Inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId));
            if (found.Count == 0) return false;
            await client.Inbox.MoveToAsync(found, target);
            return true;
        }, 20);
        await client.DisconnectAsync(true);
    }
}
