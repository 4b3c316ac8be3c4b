using System.Net;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>The email channel end to end, with everything real and nothing driven by hand: the jobs run (IMAP fetch and
/// IDLE, inbound processing, delivery), Dovecot holds the mailbox, the SMTP sink takes what Okno sends, and Chromium
/// shows what an agent sees.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class EmailEndToEndTests(OknoInChromium okno)
{
    /// <summary>Mail arrives by the mailbox's watch or its 5-second poll, then the inbound job: a few seconds on a busy machine.</summary>
    private const float MailTimeout = 45_000;

    private static async Task<(OknoFactory App, string BaseUrl, HttpClient Admin, string Folder)> DeskWithMailboxAsync()
    {
        var app = OknoFactory.Sqlite(new() { ["Okno:Channels:JobInterval"] = "00:00:01" });
        var baseUrl = OknoInChromium.ServeOnLoopback(app);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = TestMail.Password, imapFolder = folder,
                smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
                fromName = "Support", fromAddress = TestMail.Support, pollSeconds = 5,
            },
        }, HttpStatusCode.Created);
        return (app, baseUrl, admin, folder);
    }

    [Fact]
    public async Task A_customers_mail_shows_up_live_the_agent_replies_in_the_ui_and_the_customers_answer_lands_on_the_open_ticket()
    {
        var (app, baseUrl, admin, folder) = await DeskWithMailboxAsync();
        await using var _ = app;
        var customer = $"customer+e2e.{Guid.NewGuid():N}@example.test";
        var subject = "Printer in accounting " + Guid.NewGuid().ToString("N")[..6];
        var first = TestMail.Mail(customer, "Anna Petrova", TestMail.Support, subject, "The printer has not printed since this morning.");

        await okno.InPageAsync("en-US", async tab =>
        {
            var page = tab.Page;
            await tab.SignInAsync(returnUrl: "/inbox?view=all_open");
            await Expect(page.Locator("#inbox-table, #inbox-empty")).ToBeVisibleAsync();
            var navigations = 0;
            page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

            // The customer's mail lands in the mailbox; the open inbox shows its ticket without a reload.
            await TestMail.AppendAsync(folder, first);
            var row = page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject });
            await row.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = MailTimeout });
            Assert.Equal(0, navigations);
            await Expect(row).ToContainTextAsync("Anna Petrova");

            await row.Locator("a.inbox-subject").ClickAsync();
            await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync(subject);
            var number = (await page.Locator("#ticket-number").TextContentAsync())!.Trim().TrimStart('#');
            await Expect(page.Locator("#timeline .timeline-in")).ToContainTextAsync("The printer has not printed since this morning.");
            await Expect(page.Locator("#timeline .timeline-in .timeline-address-from")).ToHaveTextAsync($"From: {customer}");

            // The agent replies in the UI; the delivery job sends it at once and the page follows its state.
            await page.Locator("#reply-body").FillAsync("We replaced the toner cartridge, please try again.");
            await page.Locator("#reply-send").ClickAsync();
            var reply = page.Locator("#timeline .timeline-out");
            await Expect(reply).ToContainTextAsync("We replaced the toner cartridge");
            await Expect(reply.Locator(".timeline-delivery")).ToHaveAttributeAsync("data-delivery", "sent", new() { Timeout = MailTimeout });
            var sent = await TestMail.WaitForMailToAsync(customer);
            Assert.Equal(first.MessageId, sent.InReplyTo);
            Assert.Contains($"[#{number}]", sent.Subject, StringComparison.Ordinal);
            Assert.Contains("We replaced the toner cartridge", sent.TextBody, StringComparison.Ordinal);

            // The customer answers the reply: the same ticket, shown on the open page without a reload.
            var onTicket = navigations;
            await TestMail.AppendAsync(folder, TestMail.Mail(customer, "Anna Petrova", TestMail.Support, "Re: " + sent.Subject,
                "Thank you, it prints again!", inReplyTo: sent.MessageId));
            var incoming = page.Locator("#timeline .timeline-in");
            await Expect(incoming).ToHaveCountAsync(2, new() { Timeout = MailTimeout });
            await Expect(incoming.Last).ToContainTextAsync("Thank you, it prints again!");
            Assert.Equal(onTicket, navigations);
            var tickets = (await admin.GetJsonAsync("/api/v1/tickets?view=all_open")).Items().Where(t => t.Str("subject") == subject).ToList();
            Assert.Single(tickets);
            await tab.ScreenshotAsync();
        }, baseUrl);
    }

    [Fact]
    public async Task An_agent_forwards_the_ticket_from_its_page_and_sees_the_forward_sent_then_the_recipients_answer()
    {
        var (app, baseUrl, _, folder) = await DeskWithMailboxAsync();
        await using var _ = app;
        var customer = $"customer+fwdui.{Guid.NewGuid():N}@example.test";
        var contractor = $"customer+contractor.{Guid.NewGuid():N}@example.test";
        var subject = "Broken door lock " + Guid.NewGuid().ToString("N")[..6];
        await TestMail.AppendAsync(folder, TestMail.Mail(customer, "Boris", TestMail.Support, subject, "The lock of door 12 is broken."));

        await okno.InPageAsync("ru-RU", async tab =>
        {
            var page = tab.Page;
            await tab.SignInAsync(returnUrl: "/inbox?view=all_open");
            var row = page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject });
            await row.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = MailTimeout });
            await row.Locator("a.inbox-subject").ClickAsync();
            await Expect(page.Locator("#timeline .timeline-in")).ToContainTextAsync("The lock of door 12 is broken.");

            await page.Locator("#forward-open").ClickAsync();
            await Expect(page.Locator("#forward-dialog")).ToBeVisibleAsync();
            // A bad address is refused in the agent's language, and nothing is written.
            await page.Locator("#forward-to").FillAsync("root@127.0.0.1");
            await page.Locator("#forward-send").ClickAsync();
            await Expect(page.Locator("#forward-error")).ToContainTextAsync("не адрес в публичном почтовом домене");
            await page.Locator("#forward-to").FillAsync(contractor);
            await page.Locator("#forward-note").FillAsync("Please repair the lock of door 12.");
            await page.Locator("#forward-send").ClickAsync();
            await Expect(page.Locator("#forward-dialog")).ToHaveCountAsync(0);

            var record = page.Locator("#timeline .timeline-forward-record");
            await Expect(record).ToHaveCountAsync(1);
            await Expect(record.Locator(".timeline-address-to")).ToContainTextAsync(contractor);
            await Expect(record.Locator(".timeline-delivery")).ToHaveAttributeAsync("data-delivery", "sent", new() { Timeout = MailTimeout });
            // Redrawn by the live update of the delivery (published by the delivery job, not by this agent's circuit),
            // the page stays in the agent's language.
            await Expect(record.Locator(".timeline-kind")).ToHaveTextAsync("Пересылка (внутренняя)");
            var sent = await TestMail.WaitForMailToAsync(contractor);
            Assert.StartsWith("Fwd: " + subject, sent.Subject, StringComparison.Ordinal);
            Assert.Contains("The lock of door 12 is broken.", sent.TextBody, StringComparison.Ordinal);

            await TestMail.AppendAsync(folder, TestMail.Mail(contractor, "Locksmith", TestMail.Support, "Re: " + sent.Subject,
                "Repaired this afternoon.", inReplyTo: sent.MessageId));
            await Expect(page.Locator("#timeline .timeline-in").Last).ToContainTextAsync("Repaired this afternoon.", new() { Timeout = MailTimeout });
            await tab.ScreenshotAsync();
        }, baseUrl);
    }
}
