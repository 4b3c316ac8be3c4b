using System.Net;
using System.Net.Http.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Channels.Chat;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Chat;

/// <summary>A chat that continues by email (issue 17), against the real mail servers scripts/test-deps starts: when the
/// visitor left an email and is no longer connected, an agent's reply is also sent by email from the chat's mailbox;
/// the visitor's email reply lands in the same ticket and shows in the widget next time; a connected visitor who saw the
/// reply gets no mail. The jobs are off: the test delivers, runs the missed-answers job, polls and processes by hand.</summary>
public sealed class ChatEmailContinuityTests
{
    private const string Site = "https://shop.test";
    private const string MailAfter = "00:00:02";

    private static OknoFactory App(string provider) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false", ["Okno:Chat:MailAfter"] = MailAfter });

    /// <summary>Two mailboxes: the desk's first (which Okno falls back to) and the one the chat channel names; the chat's
    /// mail must leave from the latter.</summary>
    private static async Task<(string Key, long Mailbox, string Folder)> DeskAsync(HttpClient admin)
    {
        await TestMail.CreateMailboxAsync(admin, "Другой ящик", await TestMail.NewFolderAsync(), "other-desk@example.test");
        var folder = await TestMail.NewFolderAsync();
        var mailbox = await TestMail.CreateMailboxAsync(admin, "Ящик чата", folder, TestMail.Support);
        var (key, _) = await ChatWidgetApiTests.CreateChannelAsync(admin,
            new { allowedOrigins = new[] { Site }, title = "Магазин", prechatEmail = "optional", emailAccountId = mailbox });
        return (key, mailbox, folder);
    }

    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);
    private static Task<int> PollAsync(OknoFactory app) => app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);

    private static async Task<int> MissedAnswersAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // The job is scheduled (and so registered) only when the jobs run.
        return await ActivatorUtilities.CreateInstance<ChatMissedAnswers>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    /// <summary>The visitor's first message (with the pre-chat email), and the chat ticket once its conversation is recorded.</summary>
    private static async Task<(HttpClient Visitor, string Token, Ticket Ticket)> VisitorWritesAsync(OknoFactory app, string key, string email)
    {
        var (visitor, session) = await ChatWidgetApiTests.StartAsync(app, key);
        var first = await (await visitor.PostAsJsonAsync("messages", new { clientId = "mail-0001", text = "Когда привезут заказ №77?", name = "Анна", email }))
            .JsonAsync(HttpStatusCode.OK);
        var firstId = first.Id();
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Messages.Any(m => m.Id == firstId)));
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => db.Set<ChatConversation>().AnyAsync(c => c.TicketId == ticket.Id)), 20);
        return (visitor, session.Str("token"), ticket);
    }

    /// <summary>An agent's reply, delivered through the chat (the widget's stream, if open).</summary>
    private static async Task<long> AgentRepliesAsync(OknoFactory app, HttpClient admin, long ticketId, string body)
    {
        var reply = (await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body })).Id();
        await JobHelpers.UntilAsync(async () =>
        {
            await DeliverAsync(app);
            return await app.WithDbAsync(db => db.Messages.Where(m => m.Id == reply).Select(m => m.Delivery).SingleAsync()) == DeliveryState.Sent;
        }, 20);
        return reply;
    }

    /// <summary>Whether the (test's one) visitor holds a live stream, as the nodes record it.</summary>
    private static Task<bool> Connected(Okno.Platform.Data.OknoDb db)
    {
        var now = DateTimeOffset.UtcNow;
        return db.Set<ChatVisitor>().AnyAsync(v => v.ConnectedUntil > now);
    }

    private static async Task DeliveredAsync(OknoFactory app, int expected)
    {
        var delivered = await DeliverAsync(app);
        Assert.True(delivered == expected, $"{delivered} delivered, not {expected}; the queue:\n{await OutboxAsync(app)}");
    }

    /// <summary>The queue's rows, for a failing assertion to show.</summary>
    private static async Task<string> OutboxAsync(OknoFactory app) =>
        string.Join("\n", await app.WithDbAsync(db => db.Set<ChannelDelivery>().OrderBy(d => d.Id)
            .Select(d => $"{d.Id} {d.Kind} ticket {d.TicketId} account {d.AccountId} to {d.Recipient} «{d.Subject}» {d.Status} {d.DedupeKey}").ToListAsync()));

    private static async Task<int> MailsToAsync(string to)
    {
        using var client = await TestMail.ConnectAsync(TestMail.Customer);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var found = await client.Inbox.SearchAsync(SearchQuery.ToContains(to));
        await client.DisconnectAsync(true);
        return found.Count;
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_the_visitor_missed_goes_by_email_and_their_email_answer_lands_in_the_chat_and_shows_in_the_widget(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var (key, mailbox, folder) = await DeskAsync(admin);
        var customer = $"customer+{Guid.NewGuid():N}@example.test";
        var (visitor, token, ticket) = await VisitorWritesAsync(app, key, customer);

        // The visitor had the widget open, then left.
        using (var stream = await SseReader.OpenAsync(visitor, "events"))
            await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => Connected(db)), 10);
        await JobHelpers.UntilAsync(async () => !await app.WithDbAsync(db => Connected(db)), 10);

        var reply = await AgentRepliesAsync(app, admin, ticket.Id, "Заказ №77 привезут завтра до 18:00.");
        Assert.Equal(0, await MissedAnswersAsync(app));   // not yet: they may come back within MailAfter
        await Task.Delay(TimeSpan.Parse(MailAfter) + TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, await MissedAnswersAsync(app));
        await DeliveredAsync(app, 1);
        var mail = await TestMail.WaitForMailToAsync(customer);
        Assert.Contains($"[#{ticket.Number}]", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(TestMail.Support, mail.From.Mailboxes.Single().Address);
        Assert.Contains("привезут завтра до 18:00", mail.TextBody, StringComparison.Ordinal);
        var outbox = await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.TicketId == ticket.Id && d.Kind == DeliveryKind.Notification)
            .Select(d => new { d.AccountId, d.Recipient, d.Status }).SingleAsync());
        Assert.Equal((mailbox, customer, DeliveryStatus.Sent), (outbox.AccountId, outbox.Recipient!, outbox.Status));
        // Once: the job again sends nothing more.
        await Task.Delay(TimeSpan.Parse(MailAfter));
        Assert.Equal(0, await MissedAnswersAsync(app));
        await DeliveredAsync(app, 0);

        // The customer answers the mail by SMTP; the MTA puts it in the chat mailbox's folder, Okno fetches it.
        var answer = TestMail.Mail(customer, "Анна", TestMail.Support, "Re: " + mail.Subject, "Спасибо! А можно после 19:00?", inReplyTo: mail.MessageId);
        await SendAndFileAsync(answer, folder);
        Assert.Equal(1, await PollAsync(app));
        Assert.Equal(1, await ProcessAsync(app));
        var incoming = await app.WithDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.In).OrderBy(m => m.Id)
            .Select(m => new { m.TicketId, m.BodyText }).ToListAsync());
        Assert.Equal(2, incoming.Count);
        Assert.Equal(ticket.Id, incoming[1].TicketId);
        Assert.Contains("после 19:00", incoming[1].BodyText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // Next time on the site, the widget shows the whole conversation, the email answer too.
        var back = await (await ChatWidgetApiTests.Widget(app, key).PostAsJsonAsync("session", new { token })).JsonAsync(HttpStatusCode.OK);
        var shown = back.GetProperty("messages").EnumerateArray().Select(m => (Author: m.Str("author"), Id: m.Id(), Text: m.Str("text"))).ToList();
        Assert.Equal(["visitor", "agent", "visitor"], shown.Select(m => m.Author));
        Assert.Equal(reply, shown[1].Id);
        Assert.Contains("после 19:00", shown[2].Text, StringComparison.Ordinal);
        Assert.Equal(1, await MailsToAsync(customer));
    }

    [Theory]
    [BothDatabases]
    public async Task A_connected_visitor_who_saw_the_reply_gets_no_email(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var (key, _, _) = await DeskAsync(admin);
        var customer = $"customer+{Guid.NewGuid():N}@example.test";
        var (visitor, _, ticket) = await VisitorWritesAsync(app, key, customer);
        var first = await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == ticket.Id).Select(m => m.Id).SingleAsync());

        using var stream = await SseReader.OpenAsync(visitor, "events", lastEventId: first);
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => Connected(db)), 10);
        var reply = await AgentRepliesAsync(app, admin, ticket.Id, "Заказ №77 привезут завтра.");
        var live = await stream.NextAsync("message");
        Assert.Equal((reply, "agent"), (live.Id(), live.Str("author")));

        // Connected but not yet shown (the panel closed): the job waits another round rather than mail it.
        await Task.Delay(TimeSpan.Parse(MailAfter) + TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, await MissedAnswersAsync(app));
        // The widget shows it and says so: nothing is left to mail, even after the visitor leaves.
        (await visitor.PostAsJsonAsync("seen", new { upTo = reply })).EnsureSuccessStatusCode();
        stream.Dispose();
        await JobHelpers.UntilAsync(async () => !await app.WithDbAsync(db => Connected(db)), 10);
        await Task.Delay(TimeSpan.Parse(MailAfter) + TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, await MissedAnswersAsync(app));
        await DeliveredAsync(app, 0);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ChannelDelivery>().CountAsync(d => d.TicketId == ticket.Id && d.Kind != DeliveryKind.Reply)));
        Assert.Null(await app.WithDbAsync(db => db.Set<ChatConversation>().Where(c => c.TicketId == ticket.Id).Select(c => c.MailDueAt).SingleAsync()));
        // The only delivery of the reply was the chat's; the sink got nothing for the customer.
        var deliveries = await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.TicketId == ticket.Id)
            .Join(db.Set<ChannelAccount>(), d => d.AccountId, a => a.Id, (d, a) => a.Kind).ToListAsync());
        Assert.Equal(["chat"], deliveries.Select(k => k.Value));
        await Task.Delay(1000);
        Assert.Equal(0, await MailsToAsync(customer));
    }

    /// <summary>Sends the mail through the test SMTP server (it lands in support@'s INBOX) and moves it to the mailbox's
    /// own folder, as a mail server's filter would: the folder is this test's alone, so tests running at once never read
    /// each other's mail.</summary>
    private static async Task SendAndFileAsync(MimeMessage mail, string folder)
    {
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestMail.Smtp.Host, TestMail.Smtp.Port, SecureSocketOptions.None);
            await smtp.SendAsync(mail);
            await smtp.DisconnectAsync(true);
        }
        using var imap = await TestMail.ConnectAsync(TestMail.Support);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = await imap.Inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", mail.MessageId!));
            if (found.Count > 0)
            {
                await imap.Inbox.MoveToAsync(found[0], await imap.GetFolderAsync(folder));
                break;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The mail {mail.MessageId} did not arrive in {TestMail.Support}'s INBOX.");
            await Task.Delay(200);
        }
        await imap.DisconnectAsync(true);
    }
}
