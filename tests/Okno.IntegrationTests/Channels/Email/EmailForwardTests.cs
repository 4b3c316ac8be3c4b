using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>Forwarding a ticket to an outside address (POST /api/v1/tickets/{id}/forward) against the real Dovecot and
/// SMTP sink, on both databases, with the jobs off (each test fetches, processes and delivers by hand).</summary>
public sealed class EmailForwardTests
{
    private static OknoFactory App(string provider, Dictionary<string, string?>? settings = null) =>
        OknoFactory.For(provider, new Dictionary<string, string?>(settings ?? []) { ["Okno:Channels:RunJobs"] = "false" });

    private static object Settings(string folder, int? smtpPort = null) => new
    {
        imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
        imapPassword = TestMail.Password, imapFolder = folder,
        smtpHost = TestMail.Smtp.Host, smtpPort = smtpPort ?? TestMail.Smtp.Port, smtpSecurity = "none",
        fromName = "Поддержка", fromAddress = TestMail.Support,
    };

    private static async Task<(HttpClient Admin, string Folder, long Account)> MailboxAsync(OknoFactory app, long? groupId = null, int? smtpPort = null)
    {
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var account = (await admin.PostJsonAsync("/api/v1/channels/email", new { name = "Support", groupId, settings = Settings(folder, smtpPort) },
            HttpStatusCode.Created)).Id();
        return (admin, folder, account);
    }

    private static async Task DeliverAsync(OknoFactory app, string folder, params MimeMessage[] mails)
    {
        foreach (var mail in mails) await TestMail.AppendAsync(folder, mail);
        await app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    }

    private static Task<int> SendAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    private static string Unique(string name) => $"customer+{name}.{Guid.NewGuid():N}@example.test";

    private static readonly byte[] Invoice = Encoding.UTF8.GetBytes("%PDF-1.4 счёт №42 " + new string('x', 3000));

    /// <summary>The customer's first mail: text and a PDF.</summary>
    private static MimeMessage MailWithInvoice(string customer)
    {
        var mail = TestMail.Mail(customer, "Анна", TestMail.Support, "Счёт не сходится", "");
        var body = new BodyBuilder { TextBody = "В счёте №42 лишняя строка." };
        body.Attachments.Add("schet-42.pdf", Invoice, new ContentType("application", "pdf"));
        mail.Body = body.ToMessageBody();
        return mail;
    }

    private static async Task<long> TicketOfAsync(OknoFactory app) => await app.WithDbAsync(db => db.Tickets.Select(t => t.Id).SingleAsync());

    [Theory]
    [BothDatabases]
    public async Task A_forward_arrives_with_the_conversation_inline_and_its_files_and_the_recipients_answer_lands_on_the_ticket(string provider)
    {
        await using var app = App(provider);
        var (admin, folder, account) = await MailboxAsync(app);
        var customer = Unique("anna");
        var first = MailWithInvoice(customer);
        await DeliverAsync(app, folder, first);
        var ticketId = await TicketOfAsync(app);
        var number = await app.WithDbAsync(db => db.Tickets.Select(t => t.Number).SingleAsync());
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Проверяем счёт." });
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Секретная заметка для своих", @internal = true });
        Assert.Equal(1, await SendAsync(app));

        var contractor = Unique("buh");
        var colleague = Unique("fin");
        var record = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/forward",
            new { to = new[] { contractor.ToUpperInvariant() }, cc = new[] { colleague }, note = "Коллеги, посмотрите, пожалуйста." });
        Assert.True(record.GetProperty("internal").GetBoolean());
        Assert.True(record.GetProperty("forward").GetBoolean());
        Assert.Equal("queued", record.Str("delivery"));
        Assert.Equal([contractor], record.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal([colleague], record.GetProperty("cc").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("schet-42.pdf", Assert.Single(record.GetProperty("attachments").EnumerateArray().ToList()).Str("fileName"));
        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/history")).Items();
        var entry = history.Single(e => e.GetProperty("field").ValueKind == JsonValueKind.String && e.Str("field") == "forward");
        Assert.Equal(record.Id(), entry.GetProperty("messageId").GetInt64());
        Assert.Equal($"{contractor}, {colleague}", entry.Str("newValue"));

        Assert.Equal(1, await SendAsync(app));
        var sent = await TestMail.WaitForMailToAsync(contractor);
        Assert.Equal($"Fwd: Счёт не сходится [#{number}]", sent.Subject);
        Assert.Equal(colleague, Assert.Single(sent.Cc.Mailboxes).Address);
        Assert.Equal(TestMail.Support, Assert.Single(sent.From.Mailboxes).Address);
        Assert.EndsWith("@example.test", sent.MessageId, StringComparison.Ordinal);
        var text = sent.TextBody ?? "";
        Assert.StartsWith("Коллеги, посмотрите, пожалуйста.", text, StringComparison.Ordinal);
        Assert.Contains("---------- Forwarded message ----------", text, StringComparison.Ordinal);
        Assert.Contains("В счёте №42 лишняя строка.", text, StringComparison.Ordinal);
        Assert.Contains("Проверяем счёт.", text, StringComparison.Ordinal);
        Assert.Contains(customer, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Секретная", text, StringComparison.Ordinal);
        Assert.Contains("<blockquote", sent.HtmlBody, StringComparison.Ordinal);
        var file = Assert.Single(sent.Attachments.OfType<MimePart>());
        Assert.Equal("schet-42.pdf", file.FileName);
        using (var content = new MemoryStream())
        {
            await file.Content!.DecodeToAsync(content);
            Assert.Equal(Invoice, content.ToArray());
        }
        var delivered = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages/{record.Id()}"));
        Assert.Equal("sent", delivered.Str("delivery"));
        Assert.Equal(account, delivered.GetProperty("channelAccountId").GetInt64());

        // The contractor answers the forward (reply-all, so the colleague is on Cc): it lands on the ticket as theirs;
        // neither of them joins the conversation, so the customer's replies are not copied to them.
        var answer = TestMail.Mail(contractor, "Бухгалтерия", TestMail.Support, "Re: " + sent.Subject, "Строка лишняя, счёт исправим.", inReplyTo: sent.MessageId);
        answer.Cc.Add(MailboxAddress.Parse(colleague));
        await DeliverAsync(app, folder, answer);
        var last = await app.WithDbAsync(db => db.Messages.OrderBy(m => m.Id).Select(m => new { m.TicketId, m.Direction, m.AuthorId, m.BodyText }).LastAsync());
        Assert.Equal((ticketId, MessageDirection.In), (last.TicketId, last.Direction));
        Assert.StartsWith("Строка лишняя", last.BodyText, StringComparison.Ordinal);
        var contractorContact = await app.WithDbAsync(db => db.ContactEmails.Where(e => e.Address == contractor).Select(e => e.ContactId).SingleAsync());
        Assert.Equal(contractorContact, last.AuthorId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.TicketParticipants.ToListAsync()));
        Assert.Equal(InboundStatus.Done, await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).Select(i => i.Status).LastAsync()));

        // One message forwarded on its own, without files: only that text, no attachment.
        var customerMessage = await app.WithDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.In).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var second = Unique("lawyer");
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/forward", new { to = new[] { second }, messageId = customerMessage, includeAttachments = false });
        Assert.Equal(1, await SendAsync(app));
        var single = await TestMail.WaitForMailToAsync(second);
        Assert.Contains("В счёте №42 лишняя строка.", single.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Проверяем счёт.", single.TextBody, StringComparison.Ordinal);
        Assert.Empty(single.Attachments);
    }

    /// <summary>A forward sent through another mailbox, and its recipient's answer that comes back through it, do not
    /// move the conversation: the agent's next reply still goes to the customer from the mailbox the customer wrote to.</summary>
    [Theory]
    [BothDatabases]
    public async Task A_forward_through_another_mailbox_and_its_answer_leave_the_customers_replies_on_the_customers_mailbox(string provider)
    {
        await using var app = App(provider);
        var (admin, folder, account) = await MailboxAsync(app);
        var otherFolder = await TestMail.NewFolderAsync();
        const string sales = "sales@example.test";
        var other = (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Sales", settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = TestMail.Password, imapFolder = otherFolder, smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port,
                smtpSecurity = "none", fromName = "Продажи", fromAddress = sales,
            },
        }, HttpStatusCode.Created)).Id();
        var customer = Unique("olga");
        await DeliverAsync(app, folder, TestMail.Mail(customer, "Ольга", TestMail.Support, "Нужен счёт", "Пришлите счёт, пожалуйста."));
        var ticketId = await TicketOfAsync(app);

        var contractor = Unique("partner");
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/forward", new { to = new[] { contractor }, accountId = other });
        Assert.Equal(1, await SendAsync(app));
        var forward = await TestMail.WaitForMailToAsync(contractor);
        Assert.Equal(sales, Assert.Single(forward.From.Mailboxes).Address);
        await DeliverAsync(app, otherFolder, TestMail.Mail(contractor, "Партнёр", sales, "Re: " + forward.Subject, "Счёт готов.", inReplyTo: forward.MessageId));
        Assert.Equal(other, await app.WithDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.In).OrderBy(m => m.Id)
            .Select(m => m.ChannelAccountId).LastAsync()));

        var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Счёт во вложении к следующему письму." });
        Assert.Equal(account, await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.MessageId == reply.Id()).Select(d => d.AccountId).SingleAsync()));
        Assert.Equal(1, await SendAsync(app));
        var sent = await TestMail.WaitForMailToAsync(customer);
        Assert.Equal(TestMail.Support, Assert.Single(sent.From.Mailboxes).Address);
    }

    [Theory]
    [BothDatabases]
    public async Task A_bad_forward_is_refused_with_its_code_and_writes_nothing(string provider)
    {
        await using var app = App(provider);
        var (admin, folder, _) = await MailboxAsync(app);
        await DeliverAsync(app, folder, TestMail.Mail(Unique("oleg"), "Олег", TestMail.Support, "Вопрос", "Текст"));
        var ticketId = await TicketOfAsync(app);
        var note = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "только для своих", @internal = true });
        async Task<(int Messages, int Deliveries, int History)> CountsAsync() => await app.WithDbAsync(async db =>
            (await db.Messages.CountAsync(), await db.Set<ChannelDelivery>().CountAsync(d => d.Kind == DeliveryKind.Forward), await db.Set<TicketEvent>().CountAsync()));
        var before = await CountsAsync();

        var cases = new (object Body, string Field, string Code)[]
        {
            (new { to = Array.Empty<string>() }, "to", "field.required"),
            (new { to = new[] { "не адрес" } }, "to[0]", "field.invalid_email"),
            (new { to = new[] { "a@example.test\r\nBcc: victim@example.org" } }, "to[0]", "field.control_characters"),
            (new { to = new[] { "ok@example.test" }, cc = new[] { "root@127.0.0.1" } }, "cc[0]", "forward.address_not_public"),
            (new { to = new[] { "admin@[10.0.0.1]" } }, "to[0]", "forward.address_not_public"),
            (new { to = new[] { "svc@db.internal" } }, "to[0]", "forward.address_not_public"),
            (new { to = new[] { TestMail.Support.ToUpperInvariant() } }, "to[0]", "forward.own_address"),
            (new { to = Enumerable.Range(0, 15).Select(i => $"p{i}@example.test").ToArray(), cc = Enumerable.Range(0, 6).Select(i => $"c{i}@example.test").ToArray() },
                "to", "forward.too_many_recipients"),
            (new { to = new[] { "ok@example.test" }, messageId = note.Id() }, "messageId", "forward.message_not_forwardable"),
            (new { to = new[] { "ok@example.test" }, accountId = 987654 }, "accountId", "forward.mailbox_not_usable"),
        };
        foreach (var (body, field, code) in cases)
        {
            var problem = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/forward", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("invalid_input", problem.Str("code"));
            Assert.True(problem.GetProperty("errorCodes").TryGetProperty(field, out var codes), $"{field} in {problem}");
            Assert.Equal(code, codes[0].Str("code"));
        }
        Assert.Equal(before, await CountsAsync());
        // An unknown ticket is a 404, as for a reply.
        await (await admin.PostAsJsonAsync("/api/v1/tickets/999999/forward", new { to = new[] { "ok@example.test" } })).JsonAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task An_agent_who_may_not_see_the_ticket_gets_404_as_for_a_reply_and_one_who_may_forwards(string provider)
    {
        await using var app = App(provider);
        var setupAdmin = await app.AdminClientAsync();
        var sales = await setupAdmin.CreateGroupAsync("Sales");
        var support = await setupAdmin.CreateGroupAsync("Support");
        var (admin, folder, _) = await MailboxAsync(app, groupId: support);
        await DeliverAsync(app, folder, TestMail.Mail(Unique("vera"), "Вера", TestMail.Support, "Доступ", "Текст"));
        var ticketId = await TicketOfAsync(app);
        var (_, outsider) = await app.CreateAgentAsync(admin, groupIds: [sales]);
        var (_, member) = await app.CreateAgentAsync(admin, groupIds: [support]);

        var refusedReply = await (await outsider.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "x" })).JsonAsync(HttpStatusCode.NotFound);
        var refused = await (await outsider.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/forward", new { to = new[] { "ok@example.test" } }))
            .JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(refusedReply.Str("code"), refused.Str("code"));
        // (A notification of the new ticket to the group's members may be queued meanwhile: only forwards count here.)
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ChannelDelivery>().CountAsync(d => d.Kind == DeliveryKind.Forward)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync()));

        var record = await member.PostJsonAsync($"/api/v1/tickets/{ticketId}/forward", new { to = new[] { Unique("partner") } });
        Assert.Equal("queued", record.Str("delivery"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_forward_through_a_failing_smtp_stays_queued_is_retried_and_goes_out_once_the_server_answers(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:DeliveryAttempts"] = "3", ["Okno:Channels:DeliveryBackoff"] = "00:00:30" });
        var (admin, folder, account) = await MailboxAsync(app, smtpPort: ClosedPort());
        await DeliverAsync(app, folder, TestMail.Mail(Unique("ivan"), "Иван", TestMail.Support, "Сервер", "Не отвечает."));
        var ticketId = await TicketOfAsync(app);
        var contractor = Unique("admins");
        var record = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/forward", new { to = new[] { contractor }, note = "Посмотрите сервер" });

        var started = DateTimeOffset.UtcNow;
        Assert.Equal(1, await SendAsync(app));
        var delivery = await app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().SingleAsync(d => d.Kind == DeliveryKind.Forward));
        Assert.Equal((DeliveryKind.Forward, DeliveryStatus.Pending, 1), (delivery.Kind, delivery.Status, delivery.Attempts));
        Assert.InRange(delivery.NextAttemptAt, started.AddSeconds(29), DateTimeOffset.UtcNow.AddSeconds(31));
        var waiting = await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages/{record.Id()}");
        Assert.Equal("queued", waiting.Str("delivery"));
        Assert.False(string.IsNullOrEmpty(waiting.Str("deliveryError")));
        // Not due yet: nothing is tried.
        Assert.Equal(0, await SendAsync(app));

        // The admin fixes the port; the retry that comes due sends it.
        await (await admin.PutAsJsonAsync($"/api/v1/channels/{account}", new { name = "Support", settings = Settings(folder) })).JsonAsync(HttpStatusCode.OK);
        await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.Kind == DeliveryKind.Forward)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await SendAsync(app));
        var sent = await TestMail.WaitForMailToAsync(contractor);
        Assert.StartsWith("Посмотрите сервер", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal("sent", (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages/{record.Id()}")).Str("delivery"));
        var done = await app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().SingleAsync(d => d.Kind == DeliveryKind.Forward));
        Assert.Equal((DeliveryStatus.Sent, 2), (done.Status, done.Attempts));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
