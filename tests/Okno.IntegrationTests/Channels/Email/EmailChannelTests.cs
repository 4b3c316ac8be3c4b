using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>The email channel against the real servers scripts/test-deps starts (Dovecot, the SMTP sink), on both
/// databases. The jobs are off: each test fetches, processes and delivers by hand.</summary>
public sealed class EmailChannelTests
{
    private static OknoFactory App(string provider) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" });

    private static object Settings(string folder, string? password = null, int? imapPort = null, string imapSecurity = "none",
        int maxMegabytes = 25, string? intakeSecret = null) => new
    {
        imapHost = TestMail.Imap.Host, imapPort = imapPort ?? TestMail.Imap.Port, imapSecurity, imapUser = TestMail.Support,
        imapPassword = password ?? TestMail.Password, imapFolder = folder,
        smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
        fromName = "Служба поддержки", fromAddress = TestMail.Support, maxMessageMegabytes = maxMegabytes, intakeSecret,
    };

    private static async Task<long> MailboxAsync(HttpClient admin, object settings, string name = "Support mailbox") =>
        (await admin.PostJsonAsync("/api/v1/channels/email", new { name, settings }, HttpStatusCode.Created)).Id();

    private static Task<int> PollAsync(OknoFactory app) => app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    [Theory]
    [BothDatabases]
    public async Task A_mail_in_the_mailbox_becomes_one_ticket_of_its_sender_and_is_flagged_seen_only_after_it_is_stored(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var account = await MailboxAsync(admin, Settings(folder));
        var sender = $"ivan.{Guid.NewGuid():N}@example.org";
        var mail = TestMail.Mail(sender, "Иван Петров", TestMail.Support, "Принтер не печатает — срочно", "Здравствуйте!\nПринтер в бухгалтерии не печатает, горит ошибка «E-03».");
        var uid = await TestMail.AppendAsync(folder, mail);

        // The adapter alone reads the mail but flags nothing: \Seen waits until the item is stored.
        var settings = app.Services.GetRequiredService<ChannelSettingsCodec>()
            .Unprotect<EmailSettings>(await app.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Id == account).Select(a => a.Settings).SingleAsync()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<EmailAdapter>().FetchAsync(settings, null, CancellationToken.None);
            Assert.Equal("msgid:" + mail.MessageId, Assert.Single(batch.Items).ExternalId);
        }
        Assert.False((await TestMail.FlagsAsync(folder, uid)).HasFlag(MessageFlags.Seen));

        Assert.Equal(1, await PollAsync(app));
        Assert.True((await TestMail.FlagsAsync(folder, uid)).HasFlag(MessageFlags.Seen));
        // Fetched again (the cursor lost, as after a crash before it was saved): the same item, not a second one.
        Assert.Equal(0, await PollAsync(app));
        await app.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Id == account).ExecuteUpdateAsync(s => s.SetProperty(a => a.Cursor, (string?)null)));
        Assert.Equal(0, await PollAsync(app));
        Assert.Equal(1, await ProcessAsync(app));

        var (ticket, message, emails, health) = await app.WithDbAsync(async db => (
            await db.Tickets.SingleAsync(), await db.Messages.SingleAsync(),
            await db.ContactEmails.Select(e => new { e.ContactId, e.Address }).ToListAsync(),
            await db.Set<ChannelAccount>().Where(a => a.Id == account).Select(a => a.LastHealth).SingleAsync()));
        Assert.Equal(("email", "Принтер не печатает — срочно"), (ticket.Channel.Value, ticket.Subject));
        Assert.Contains("горит ошибка «E-03»", message.BodyText, StringComparison.Ordinal);
        Assert.Equal(("msgid:" + mail.MessageId, account), (message.ExternalId!, message.ChannelAccountId!.Value));
        var email = Assert.Single(emails);
        Assert.Equal((ticket.ContactId, sender), (email.ContactId, email.Address));
        Assert.Equal(ChannelHealth.Ok, health);
        var contact = await admin.GetJsonAsync($"/api/v1/contacts/{ticket.ContactId}");
        Assert.Equal("Иван Петров", contact.Str("name"));
    }

    [Theory]
    [BothDatabases]
    public async Task An_agents_reply_goes_out_by_smtp_threaded_and_the_customers_answer_lands_in_the_same_ticket(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await MailboxAsync(admin, Settings(folder));
        var customer = $"customer+{Guid.NewGuid():N}@example.test";
        var first = TestMail.Mail(customer, "Анна", TestMail.Support, "Счёт за ноябрь", "Пришлите, пожалуйста, счёт.");
        await TestMail.AppendAsync(folder, first);
        await PollAsync(app);
        await ProcessAsync(app);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());

        // The reply's file goes out with it, byte for byte.
        var invoice = "%PDF-1.4 счёт №118"u8.ToArray();
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new
        {
            body = "Счёт во вложении.",
            attachments = new[] { new { fileName = "счёт-118.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(invoice) } },
        }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var sent = await TestMail.WaitForMailToAsync(customer);
        Assert.Equal(first.MessageId, sent.InReplyTo);
        Assert.Contains($"[#{ticket.Number}]", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Счёт за ноябрь", sent.Subject, StringComparison.Ordinal);
        Assert.Equal(TestMail.Support, sent.From.Mailboxes.Single().Address);
        Assert.Contains("Счёт во вложении", sent.TextBody, StringComparison.Ordinal);
        var file = Assert.IsType<MimePart>(Assert.Single(sent.Attachments));
        Assert.Equal(("счёт-118.pdf", "application/pdf"), (file.FileName, file.ContentType.MimeType));
        using (var bytes = new MemoryStream())
        {
            file.Content!.DecodeTo(bytes);
            Assert.Equal(invoice, bytes.ToArray());
        }
        var reply = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Out));
        Assert.Equal("msgid:" + sent.MessageId, reply.ExternalId);

        // The customer answers our mail (In-Reply-To our Message-ID, a subject of their own): the same ticket.
        await TestMail.AppendAsync(folder, TestMail.Mail(customer, "Анна", TestMail.Support, "Re: другое", "Спасибо, получила.", inReplyTo: sent.MessageId));
        // The token alone, from the same customer: the same ticket; from someone else: a ticket of their own.
        await TestMail.AppendAsync(folder, TestMail.Mail(customer, "Анна", TestMail.Support, $"[#{ticket.Number}] ещё вопрос", "И акт тоже нужен."));
        var stranger = $"stranger.{Guid.NewGuid():N}@example.org";
        await TestMail.AppendAsync(folder, TestMail.Mail(stranger, "Чужой", TestMail.Support, $"Re: [#{ticket.Number}] Счёт за ноябрь", "Я тоже хочу счёт."));
        Assert.Equal(3, await PollAsync(app));
        Assert.Equal(3, await ProcessAsync(app));
        var tickets = await app.WithDbAsync(db => db.Tickets.Select(t => new { t.Id, Messages = t.Messages.Count(m => m.Direction == MessageDirection.In) }).ToListAsync());
        Assert.Equal(2, tickets.Count);
        Assert.Equal(3, tickets.Single(t => t.Id == ticket.Id).Messages);
    }

    [Theory]
    [BothDatabases]
    public async Task The_mta_intake_takes_a_raw_mail_with_the_mailboxs_secret_and_refuses_a_wrong_secret_and_an_oversized_mail(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        const string secret = "intake-secret-0123456789";
        var account = await MailboxAsync(admin, Settings(folder, maxMegabytes: 1, intakeSecret: secret));
        var shown = await admin.GetJsonAsync($"/api/v1/channels/{account}");
        Assert.True(shown.GetProperty("settings").GetProperty("intakeSecret").GetProperty("set").GetBoolean());
        Assert.DoesNotContain(secret, shown.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestMail.Password, shown.GetProperty("settings").GetProperty("imapPassword").GetRawText(), StringComparison.Ordinal);
        var anonymous = app.CreateClient();
        var mail = TestMail.Mail($"olga.{Guid.NewGuid():N}@example.org", "Ольга", TestMail.Support, "Доступ к VPN", "Не могу подключиться к VPN.");

        HttpRequestMessage Post(byte[] body, string? key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ChannelsEndpoints.InboundUrl(account)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
            if (key is not null) request.Headers.Add(EmailAdapter.IntakeSecretHeader, key);
            return request;
        }
        var raw = Encoding.UTF8.GetBytes(mail.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Post(raw, "wrong-secret-0123456789"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Post(raw, null))).StatusCode);
        var big = TestMail.Mail("big@example.org", "Big", TestMail.Support, "Big", new string('x', 1_200_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await anonymous.SendAsync(Post(Encoding.UTF8.GetBytes(big.ToString()), secret))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));

        var accepted = await (await anonymous.SendAsync(Post(raw, secret))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, accepted.GetProperty("stored").GetInt32());
        // The same mail also in the IMAP folder (delivered both ways): still one item.
        await TestMail.AppendAsync(folder, mail);
        Assert.Equal(0, await PollAsync(app));
        Assert.Equal(1, await ProcessAsync(app));
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.Equal(("email", "Доступ к VPN"), (ticket.Channel.Value, ticket.Subject));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_over_the_size_limit_is_never_downloaded_and_is_quarantined_at_once_with_the_reason(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await MailboxAsync(admin, Settings(folder, maxMegabytes: 1));
        var uid = await TestMail.AppendAsync(folder, TestMail.Mail("big@example.org", "Big", TestMail.Support, "Огромный файл", new string('я', 700_000)));
        await TestMail.AppendAsync(folder, TestMail.Mail("small@example.org", "Small", TestMail.Support, "Маленькое", "Привет"));

        Assert.Equal(2, await PollAsync(app));
        Assert.True((await TestMail.FlagsAsync(folder, uid)).HasFlag(MessageFlags.Seen));
        await ProcessAsync(app);
        var items = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([InboundStatus.Quarantined, InboundStatus.Done], items.Select(i => i.Status));
        Assert.Equal(1, items[0].Attempts);
        Assert.Contains("over the limit", items[0].LastError, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<EmailPayload>(items[0].Payload, JsonSerializerOptions.Web)!.Raw);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task Test_connection_says_what_is_wrong_with_a_code(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var good = await MailboxAsync(admin, Settings(folder));
        Assert.True((await admin.PostJsonAsync($"/api/v1/channels/{good}/test", new { }, HttpStatusCode.OK)).GetProperty("ok").GetBoolean());

        async Task<JsonElement> FailsAsync(object settings, string name)
        {
            var id = await MailboxAsync(admin, settings, name);
            var problem = await (await admin.PostAsync($"/api/v1/channels/{id}/test", null)).JsonAsync(HttpStatusCode.Conflict);
            return problem;
        }
        var wrongPassword = await FailsAsync(Settings(folder, password: "not-the-password"), "Wrong password");
        Assert.Equal("channel.connection.authentication_failed", wrongPassword.Str("code"));
        Assert.Equal("IMAP", wrongPassword.GetProperty("parameters").Str("server"));
        Assert.Equal("channel.connection.folder_not_found", (await FailsAsync(Settings("no-such-folder"), "No folder")).Str("code"));
        // Dovecot's implicit-TLS port has a self-signed certificate.
        Assert.Equal("channel.connection.certificate_rejected",
            (await FailsAsync(Settings(folder, imapPort: TestMail.Imaps.Port, imapSecurity: "tls"), "Self-signed")).Str("code"));
        Assert.Equal("channel.connection.refused", (await FailsAsync(Settings(folder, imapPort: 1), "Closed port")).Str("code"));

        // Fetching with the wrong password marks the mailbox failing with the reason.
        var bad = (await admin.GetJsonAsync("/api/v1/channels")).Items().Single(a => a.Str("name") == "Wrong password").Id();
        await (await admin.PostAsync($"/api/v1/channels/{bad}/fetch", null)).JsonAsync(HttpStatusCode.Conflict);
        var shown = await admin.GetJsonAsync($"/api/v1/channels/{bad}");
        Assert.Equal("failing", shown.Str("health"));
        Assert.Contains("user name or password", shown.Str("lastError"), StringComparison.Ordinal);
        var health = await admin.GetJsonAsync("/health");
        var channels = health.GetProperty("checks").GetProperty("channels");
        Assert.Equal("degraded", channels.Str("status"));
        Assert.Equal("failing", channels.GetProperty("data").GetProperty("Wrong password").Str("health"));
        Assert.Equal("unknown", channels.GetProperty("data").GetProperty("Closed port").Str("health"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mailbox_whose_server_never_answers_does_not_delay_another_mailbox(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        // A server that takes the connection and never says a word (a hung mail server).
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () => { while (true) held.Add(await silent.AcceptTcpClientAsync()); });
        var folder = await TestMail.NewFolderAsync();
        var hung = await MailboxAsync(admin, Settings(folder, imapPort: ((IPEndPoint)silent.LocalEndpoint).Port), "Hung");
        var good = await MailboxAsync(admin, Settings(folder), "Good");
        await TestMail.AppendAsync(folder, TestMail.Mail("fast@example.org", "Fast", TestMail.Support, "Быстро", "Дошло"));

        var started = DateTime.UtcNow;
        await app.Services.GetRequiredService<ChannelPolling>().StartDueAsync(CancellationToken.None);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "starting the fetches waited for them");
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<ChannelAccount>().AnyAsync(a => a.Id == good && a.LastHealth == ChannelHealth.Ok)), seconds: 10);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync(i => i.AccountId == good)));
        // The hung one is still waiting for its server (no error yet), and the good one is done.
        var health = await app.WithDbAsync(db => db.Set<ChannelAccount>().OrderBy(a => a.Id).Select(a => new { a.Id, a.LastHealth }).ToListAsync());
        Assert.Equal(ChannelHealth.Unknown, health.Single(a => a.Id == hung).LastHealth);
        Assert.Equal(ChannelHealth.Ok, health.Single(a => a.Id == good).LastHealth);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task On_postgresql_a_mailbox_another_node_is_fetching_is_skipped()
    {
        await using var app = App("postgres");
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var account = await MailboxAsync(admin, Settings(folder));
        await TestMail.AppendAsync(folder, TestMail.Mail("node@example.org", "Node", TestMail.Support, "Узел", "Текст"));
        var polling = app.Services.GetRequiredService<ChannelPolling>();

        // Another node holds the mailbox's lock (a session of its own on the same database).
        // Not pooled: closing it ends the session, and with it the lock.
        await using (var other = new Npgsql.NpgsqlConnection(app.ConnectionString + ";Pooling=false"))
        {
            await other.OpenAsync();
            await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({ChannelPolling.FetchLockKey(account)})", other)) await take.ExecuteNonQueryAsync();
            var skipped = await polling.FetchNowAsync(account, CancellationToken.None);
            Assert.Equal(new FetchReport(0, 0, Skipped: true), skipped);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));
            // Released before the session ends: a closed connection's backend may outlive the close for a moment
            // on a busy machine, still holding the lock.
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({ChannelPolling.FetchLockKey(account)})", other);
            await release.ExecuteNonQueryAsync();
        }
        // The other node let go: this node fetches.
        Assert.Equal(new FetchReport(1, 1, Skipped: false), await polling.FetchNowAsync(account, CancellationToken.None));
    }

    [Theory]
    [BothDatabases]
    public async Task Auto_replies_list_mail_and_our_own_mail_never_open_a_ticket(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await MailboxAsync(admin, Settings(folder));
        var vacation = TestMail.Mail("away@example.org", "Away", TestMail.Support, "Автоответ: в отпуске", "Я в отпуске до понедельника.");
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var newsletter = TestMail.Mail("news@example.org", "News", TestMail.Support, "Новости недели", "Подписка");
        newsletter.Headers.Add("List-Id", "<news.example.org>");
        var own = TestMail.Mail(TestMail.Support, "Служба поддержки", "someone@example.org", "Копия нашего письма", "Это мы.");
        foreach (var mail in new[] { vacation, newsletter, own }) await TestMail.AppendAsync(folder, mail);

        Assert.Equal(3, await PollAsync(app));
        await ProcessAsync(app);
        var items = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).ToListAsync());
        Assert.All(items, i => Assert.Equal(InboundStatus.Ignored, i.Status));
        Assert.Contains("automatic", items[0].LastError, StringComparison.Ordinal);
        Assert.Contains("our own", items[2].LastError, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task With_the_jobs_running_a_new_mail_becomes_a_ticket_by_itself(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:JobInterval"] = "00:00:01" });
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await MailboxAsync(admin, Settings(folder));
        await TestMail.AppendAsync(folder, TestMail.Mail($"auto.{Guid.NewGuid():N}@example.org", "Сам", TestMail.Support, "Само пришло", "Без кнопок"));

        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Само пришло")), seconds: 30);
    }
}
