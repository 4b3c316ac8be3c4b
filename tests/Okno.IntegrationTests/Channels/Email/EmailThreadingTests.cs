using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>Who a mail belongs to: threading by headers and token, participants (CC) and who may write into a
/// conversation, replies to closed tickets, bounces and storms — against the real Dovecot and SMTP sink, on both
/// databases, with the jobs off (each test fetches, processes and delivers by hand).</summary>
public sealed class EmailThreadingTests
{
    private static OknoFactory App(string provider, int perSenderPerHour = 30) =>
        OknoFactory.For(provider, new Dictionary<string, string?>
        {
            ["Okno:Channels:RunJobs"] = "false",
            ["Okno:Channels:NewTicketsPerSenderPerHour"] = perSenderPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static object Settings(string folder, string replyToClosed = "follow_up") => new
    {
        imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
        imapPassword = TestMail.Password, imapFolder = folder,
        smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
        fromName = "Поддержка", fromAddress = TestMail.Support, replyToClosed,
    };

    private static async Task<(OknoFactory App, HttpClient Admin, string Folder, long Account)> MailboxAsync(string provider,
        string replyToClosed = "follow_up", int perSenderPerHour = 30)
    {
        var app = App(provider, perSenderPerHour);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var account = (await admin.PostJsonAsync("/api/v1/channels/email", new { name = "Support", settings = Settings(folder, replyToClosed) },
            HttpStatusCode.Created)).Id();
        return (app, admin, folder, account);
    }

    /// <summary>Puts the mails into the mailbox, fetches them and processes everything due.</summary>
    private static async Task DeliverAsync(OknoFactory app, string folder, params MimeMessage[] mails)
    {
        foreach (var mail in mails) await TestMail.AppendAsync(folder, mail);
        await app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    }

    private static Task<int> SendRepliesAsync(OknoFactory app) =>
        app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    private static string Unique(string name) => $"customer+{name}.{Guid.NewGuid():N}@example.test";

    [Theory]
    [BothDatabases]
    public async Task Cc_addresses_join_the_ticket_are_copied_on_replies_and_a_participants_answer_lands_in_it_as_theirs(string provider)
    {
        var (app, admin, folder, _) = await MailboxAsync(provider);
        await using var _app = app;
        var customer = Unique("anna");
        var colleague = Unique("boris");
        var first = TestMail.Mail(customer, "Анна", TestMail.Support, "Не работает касса", "Касса №2 не печатает чеки.");
        first.Cc.Add(new MailboxAddress("Борис", colleague));
        // The mailbox itself on the Cc line is not a participant.
        first.Cc.Add(MailboxAddress.Parse(TestMail.Support));
        await DeliverAsync(app, folder, first);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        var participants = await app.WithDbAsync(db => db.TicketParticipants.Where(p => p.TicketId == ticket.Id).ToListAsync());
        Assert.Equal((colleague, "Борис"), (Assert.Single(participants).Address, participants[0].Name));

        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Перезагрузите кассу, пожалуйста." }, HttpStatusCode.Created);
        Assert.Equal(1, await SendRepliesAsync(app));
        var sent = await TestMail.WaitForMailToAsync(customer);
        Assert.Equal(colleague, Assert.Single(sent.Cc.Mailboxes).Address);
        Assert.Equal(first.MessageId, sent.InReplyTo);
        Assert.Equal(first.MessageId, Assert.Single(sent.References));

        // Boris answers our reply (In-Reply-To it, References the whole thread): the same ticket, written as Boris.
        var answer = TestMail.Mail(colleague, "Борис", TestMail.Support, "Re: Не работает касса", "Перезагрузили, работает.", inReplyTo: sent.MessageId);
        answer.References.Clear();
        answer.References.Add(first.MessageId!);
        answer.References.Add(sent.MessageId!);
        await DeliverAsync(app, folder, answer);
        var written = await app.WithDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.In).OrderBy(m => m.Id)
            .Select(m => new { m.TicketId, m.AuthorId, m.BodyText }).ToListAsync());
        Assert.Equal(2, written.Count);
        Assert.Equal(ticket.Id, written[1].TicketId);
        var borisContact = await app.WithDbAsync(db => db.ContactEmails.Where(e => e.Address == colleague).Select(e => e.ContactId).SingleAsync());
        Assert.Equal(borisContact, written[1].AuthorId);
        Assert.NotEqual(ticket.ContactId, borisContact);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_that_answers_a_ticket_from_someone_outside_its_conversation_is_held_and_once_released_joins_it(string provider)
    {
        var (app, admin, folder, _) = await MailboxAsync(provider);
        await using var _app = app;
        var customer = Unique("irina");
        var first = TestMail.Mail(customer, "Ирина", TestMail.Support, "Доступ к порталу", "Не пускает на портал.");
        await DeliverAsync(app, folder, first);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());

        // Someone the thread was forwarded to answers the customer's mail by its headers.
        var outsider = Unique("forwarded");
        await DeliverAsync(app, folder, TestMail.Mail(outsider, "Посторонний", TestMail.Support, "Re: Доступ к порталу", "У меня тоже.", inReplyTo: first.MessageId));
        var held = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).LastAsync());
        Assert.Equal(InboundStatus.Held, held.Status);
        Assert.Contains($"#{ticket.Number}", held.LastError, StringComparison.Ordinal);
        Assert.Equal(outsider, held.Sender);
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync()));
        // Nothing more happens to it by itself.
        Assert.Equal(0, await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None));

        // An agent releases it (as the review's release does): it goes on in the ticket, and the sender joins it.
        await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.Id == held.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, InboundStatus.Pending).SetProperty(i => i.ReleasedAt, DateTimeOffset.UtcNow).SetProperty(i => i.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None));
        var message = await app.WithDbAsync(db => db.Messages.OrderBy(m => m.Id).LastAsync());
        Assert.Equal((ticket.Id, "У меня тоже."), (message.TicketId, message.BodyText.Trim()));
        Assert.True(await app.WithDbAsync(db => db.TicketParticipants.AnyAsync(p => p.TicketId == ticket.Id && p.Address == outsider)));
        Assert.Equal(InboundStatus.Done, await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.Id == held.Id).Select(i => i.Status).SingleAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_found_only_through_its_references_goes_on_in_the_ticket(string provider)
    {
        var (app, _, folder, _) = await MailboxAsync(provider);
        await using var _app = app;
        var customer = Unique("petr");
        var first = TestMail.Mail(customer, "Пётр", TestMail.Support, "Сломался ноутбук", "Не включается.");
        await DeliverAsync(app, folder, first);
        // Its In-Reply-To names a mail Okno never saw (a copy the customer sent elsewhere); References still lead home.
        var later = TestMail.Mail(customer, "Пётр", TestMail.Support, "Re: Re: другой заголовок", "Уже включился.", inReplyTo: $"{Guid.NewGuid():N}@elsewhere.test");
        later.References.Insert(0, first.MessageId!);
        await DeliverAsync(app, folder, later);

        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Messages.CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_to_a_closed_ticket_opens_a_linked_follow_up_or_reopens_it_as_the_mailbox_says(string provider)
    {
        foreach (var (setting, reopens) in new[] { ("follow_up", false), ("reopen", true) })
        {
            var (app, admin, folder, _) = await MailboxAsync(provider, replyToClosed: setting);
            await using var _app = app;
            var customer = Unique("olga");
            var first = TestMail.Mail(customer, "Ольга", TestMail.Support, "Пароль", "Сбросьте пароль.");
            await DeliverAsync(app, folder, first);
            var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
            foreach (var status in new[] { "resolved", "closed" })
                await admin.PatchAsync($"/api/v1/tickets/{ticket.Id}", new { status });

            await DeliverAsync(app, folder, TestMail.Mail(customer, "Ольга", TestMail.Support, "Re: Пароль", "Снова не пускает.", inReplyTo: first.MessageId));
            var tickets = await app.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => new { t.Id, t.Status, t.ClosedAt }).ToListAsync());
            if (reopens)
            {
                var only = Assert.Single(tickets);
                Assert.Equal((TicketStatus.Open, (DateTimeOffset?)null), (only.Status, only.ClosedAt));
                Assert.Equal(2, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticket.Id)));
            }
            else
            {
                Assert.Equal(2, tickets.Count);
                Assert.Equal(TicketStatus.Closed, tickets[0].Status);
                Assert.True(await app.WithDbAsync(db => db.TicketLinks.AnyAsync(l => l.TicketId == ticket.Id && l.OtherTicketId == tickets[1].Id)));
            }
        }
    }

    [Theory]
    [BothDatabases]
    public async Task A_bounce_of_our_reply_marks_it_failed_with_what_the_server_said_and_opens_no_ticket(string provider)
    {
        var (app, admin, folder, _) = await MailboxAsync(provider);
        await using var _app = app;
        var customer = Unique("nobody");
        await DeliverAsync(app, folder, TestMail.Mail(customer, "Некто", TestMail.Support, "Вопрос", "Есть вопрос."));
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Ответ." }, HttpStatusCode.Created);
        await SendRepliesAsync(app);
        var sent = await TestMail.WaitForMailToAsync(customer);

        await DeliverAsync(app, folder, await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Bounce(sent.MessageId!, customer)))));

        var reply = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Out && !m.IsInternal));
        Assert.Equal(DeliveryState.Failed, reply.Delivery);
        Assert.Contains("550", reply.DeliveryError, StringComparison.Ordinal);
        var item = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).LastAsync());
        Assert.Equal(InboundStatus.Ignored, item.Status);
        Assert.Contains("bounce", item.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    /// <summary>A Postfix delivery status notification for our mail <paramref name="messageId"/> to <paramref name="to"/>.</summary>
    private static string Bounce(string messageId, string to) => $"""
        Return-Path: <>
        Message-ID: <{Guid.NewGuid():N}@mx.okno.test>
        Date: Fri, 4 Dec 2026 09:00:01 +0000
        From: MAILER-DAEMON@mx.okno.test (Mail Delivery System)
        To: {TestMail.Support}
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

        --B0UND
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.okno.test.

        <{to}>: host mx.example.org[198.51.100.7] said: 550 5.1.1 User unknown

        --B0UND
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.okno.test

        Final-Recipient: rfc822; {to}
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 User unknown

        --B0UND
        Content-Type: text/rfc822-headers

        Message-ID: <{messageId}>
        From: {TestMail.Support}
        To: {to}
        Subject: Re: Вопрос

        --B0UND--

        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    [Theory]
    [BothDatabases]
    public async Task A_storm_from_one_sender_is_held_after_the_hourly_limit_while_their_replies_still_go_through(string provider)
    {
        var (app, _, folder, _) = await MailboxAsync(provider, perSenderPerHour: 2);
        await using var _app = app;
        var robot = Unique("robot");
        var storm = Enumerable.Range(1, 3).Select(i => TestMail.Mail(robot, "Robot", TestMail.Support, $"Alert {i}", $"Disk full ({i})")).ToArray();
        await DeliverAsync(app, folder, storm);

        var items = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([InboundStatus.Done, InboundStatus.Done, InboundStatus.Held], items.Select(i => i.Status).ToArray());
        Assert.Contains("within an hour", items[2].LastError, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // A reply to one of their tickets is not a new ticket: it is not held.
        await DeliverAsync(app, folder, TestMail.Mail(robot, "Robot", TestMail.Support, "Re: Alert 1", "Resolved", inReplyTo: storm[0].MessageId));
        Assert.Equal(InboundStatus.Done, await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).Select(i => i.Status).LastAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    /// <summary>Items are processed several at once (Okno:Channels:InboundParallelism): a mail and the answers to it
    /// that arrive in the same fetch must still be processed in order, or an answer processed before its mail's ticket
    /// exists would open a ticket of its own. Here 24 customers each write, a colleague on Cc answers all (In-Reply-To
    /// only, no ticket token), and the customer adds a line answering the colleague; all 72 mails in one fetch.</summary>
    [Theory]
    [BothDatabases]
    public async Task Mails_and_their_answers_fetched_together_are_processed_in_order_while_unrelated_ones_go_at_once(string provider)
    {
        var (app, _, folder, _) = await MailboxAsync(provider);
        await using var _app = app;
        var mails = new List<MimeMessage>();
        var threads = new List<(string Customer, string Subject)>();
        for (var i = 0; i < 24; i++)
        {
            var customer = Unique($"order{i}");
            var colleague = Unique($"colleague{i}");
            var first = TestMail.Mail(customer, $"Клиент {i}", TestMail.Support, $"Заявка {i}", $"Не работает терминал №{i}.");
            first.Cc.Add(MailboxAddress.Parse(colleague));
            var answer = TestMail.Mail(colleague, $"Коллега {i}", TestMail.Support, $"Re: Заявка {i}", "Подтверждаю, терминал не работает.", inReplyTo: first.MessageId);
            var more = TestMail.Mail(customer, $"Клиент {i}", TestMail.Support, $"Re: Re: Заявка {i}", "И второй тоже.", inReplyTo: answer.MessageId);
            mails.AddRange([first, answer, more]);
            threads.Add((customer, $"Заявка {i}"));
        }
        await DeliverAsync(app, folder, [.. mails]);

        var items = await app.WithDbAsync(db => db.Set<InboundItem>().ToListAsync());
        Assert.Equal(72, items.Count);
        Assert.All(items, i => Assert.Equal(InboundStatus.Done, i.Status));
        var tickets = await app.WithDbAsync(db => db.Tickets.Select(t => new { t.Id, t.Subject, Messages = t.Messages.Count }).ToListAsync());
        Assert.Equal(threads.Select(t => t.Subject).Order(), tickets.Select(t => t.Subject).Order());
        Assert.All(tickets, t => Assert.Equal(3, t.Messages));
    }
}
