using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Admin;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels;

/// <summary>The review of an account's inbound items on both databases: the list (states, paging, validation), the
/// item as received, retry of a quarantined item, release of a held one, and that only admins may do any of it. The
/// jobs are off; each test drives the pipeline by hand.</summary>
public sealed class InboundReviewTests
{
    private static OknoFactory App(string provider, Dictionary<string, string?>? settings = null) =>
        OknoFactory.For(provider, new Dictionary<string, string?>(settings ?? [])
        {
            ["Okno:Channels:RunJobs"] = "false",
        }, services => services.AddScoped<IInboundFilter, HoldingFilter>());

    /// <summary>Holds items whose text says "hold" (as the lead's threading filters hold a stranger's reply) — unless an
    /// agent released the item.</summary>
    private sealed class HoldingFilter : IInboundFilter
    {
        public Task RunAsync(InboundContext context, CancellationToken cancellationToken)
        {
            if (!context.IsReleased && context.Message.Text.Contains("hold", StringComparison.Ordinal)) context.HeldBecause = "the test says hold";
            return Task.CompletedTask;
        }
    }

    private static async Task<long> LogAccountAsync(HttpClient admin, string name = "Log") =>
        (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name, settings = new { label = "test" } })).Id();

    private static RawInboundItem Item(string id, string from, string text, string? subject = null, bool automatic = false) =>
        new(id, JsonSerializer.Serialize(new { from, name = "Visitor " + from, text, subject, automatic }));

    private static Task<int> StoreAsync(OknoFactory app, long account, params RawInboundItem[] items) =>
        app.Services.GetRequiredService<InboundStore>().StoreAsync(account, items, CancellationToken.None);

    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);

    private static Task<long> ItemIdAsync(OknoFactory app, string externalId) =>
        app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.ExternalId == externalId).Select(i => i.Id).SingleAsync());

    private static object MailboxSettings(string? intakeSecret = null) => new
    {
        imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
        imapPassword = TestMail.Password, smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
        fromAddress = TestMail.Support, intakeSecret, pollSeconds = 3600,
    };

    private static async Task<HttpStatusCode> IntakeAsync(OknoFactory app, long account, string secret, byte[] raw)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ChannelsEndpoints.InboundUrl(account)) { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        request.Headers.Add(EmailAdapter.IntakeSecretHeader, secret);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    [Theory]
    [BothDatabases]
    public async Task The_list_shows_an_accounts_items_in_every_state_newest_first_paged_and_filtered_and_refuses_bad_queries(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:InboundAttempts"] = "1" });
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        var other = await LogAccountAsync(admin, "Other log");
        await StoreAsync(app, account,
            Item("a1", "visitor-1", "Принтер не печатает", "Принтер\u0007 в бухгалтерии"),
            Item("auto", "robot", "I am away", automatic: true),
            Item("h1", "stranger", "please hold this", "Подозрительное"),
            new RawInboundItem("garbage", "{not json"),
            Item("a2", "visitor-2", "Second"));
        await StoreAsync(app, other, Item("o1", "visitor-9", "Elsewhere"));
        await ProcessAsync(app);
        await StoreAsync(app, account, Item("later", "visitor-3", "Not processed yet"));

        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.InRange(page.Items().Count, 1, 2);
            all.AddRange(page.Items());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(["later", "a2", "garbage", "h1", "auto", "a1"], all.Select(i => i.Str("externalId")));
        Assert.Equal(["pending", "imported", "quarantined", "held", "ignored", "imported"], all.Select(i => i.Str("state")));

        var imported = (await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?state=imported")).Items();
        Assert.Equal(["a2", "a1"], imported.Select(i => i.Str("externalId")));
        var first = imported[1];
        Assert.Equal(("visitor-1", "Принтер  в бухгалтерии"), (first.Str("sender"), first.Str("subject")));
        var ticketId = first.GetProperty("ticketId").GetInt64();
        var (number, messageId) = await app.WithDbAsync(async db => (
            await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Number).SingleAsync(),
            await db.Messages.Where(m => m.TicketId == ticketId).Select(m => m.Id).SingleAsync()));
        Assert.Equal((number, messageId), (first.GetProperty("ticketNumber").GetInt64(), first.GetProperty("ticketMessageId").GetInt64()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("mailMessageId").ValueKind);
        Assert.True(first.TryGetProperty("processedAt", out var processed) && processed.ValueKind == JsonValueKind.String);

        var held = Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?state=held")).Items());
        Assert.Equal(("h1", "stranger", "Подозрительное", "Held: the test says hold."), (held.Str("externalId"), held.Str("sender"), held.Str("subject"), held.Str("reason")));
        Assert.Equal(JsonValueKind.Null, held.GetProperty("ticketId").ValueKind);
        var ignored = Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?state=ignored")).Items());
        Assert.Equal("robot", ignored.Str("sender"));
        Assert.StartsWith("Ignored:", ignored.Str("reason"), StringComparison.Ordinal);
        // An item that could not be read has no sender or subject, and says why.
        var quarantined = Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?state=Quarantined")).Items());
        Assert.Equal(JsonValueKind.Null, quarantined.GetProperty("sender").ValueKind);
        Assert.Equal(1, quarantined.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(quarantined.Str("reason")));
        Assert.Equal("later", Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound?state=pending")).Items()).Str("externalId"));
        Assert.Equal(["o1"], (await admin.GetJsonAsync($"/api/v1/channels/{other}/inbound")).Items().Select(i => i.Str("externalId")));

        // /health counts what waits for an admin, per account.
        var health = (await admin.GetJsonAsync("/health")).GetProperty("checks").GetProperty("channels").GetProperty("data");
        Assert.Equal((1, 1), (health.GetProperty("Log").GetProperty("held").GetInt32(), health.GetProperty("Log").GetProperty("quarantined").GetInt32()));
        Assert.Equal((0, 0), (health.GetProperty("Other log").GetProperty("held").GetInt32(), health.GetProperty("Other log").GetProperty("quarantined").GetInt32()));

        async Task<JsonElement> BadAsync(string query) => await (await admin.GetAsync($"/api/v1/channels/{account}/inbound?{query}")).JsonAsync(HttpStatusCode.BadRequest);
        var badState = await BadAsync("state=done");
        Assert.Equal(["state"], badState.ErrorFields());
        Assert.Equal("field.not_one_of", badState.GetProperty("errorCodes").GetProperty("state")[0].Str("code"));
        Assert.Equal(["limit"], (await BadAsync("limit=0")).ErrorFields());
        Assert.Equal(["limit"], (await BadAsync("limit=101")).ErrorFields());
        Assert.Equal(["cursor"], (await BadAsync("cursor=%25%25%25")).ErrorFields());
        var missing = await (await admin.GetAsync("/api/v1/channels/999999/inbound")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(ChannelErrorCodes.AccountNotFound, missing.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_downloads_as_the_raw_eml_it_arrived_as_and_a_mail_never_downloaded_says_it_stayed_on_the_server(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        const string secret = "intake-secret-0123456789";
        var mailbox = (await admin.PostJsonAsync("/api/v1/channels/email", new { name = "Support", settings = MailboxSettings(secret) })).Id();
        var mail = TestMail.Mail($"olga.{Guid.NewGuid():N}@example.org", "Ольга", TestMail.Support, "Доступ к VPN", "Не могу подключиться к VPN.");
        var raw = Encoding.UTF8.GetBytes(mail.ToString());
        Assert.Equal(HttpStatusCode.OK, await IntakeAsync(app, mailbox, secret, raw));
        await ProcessAsync(app);

        var item = Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{mailbox}/inbound")).Items());
        Assert.Equal(("imported", mail.MessageId), (item.Str("state"), item.Str("mailMessageId")));
        Assert.Equal(mail.From.Mailboxes.Single().Address, item.Str("sender"));
        Assert.Equal("Доступ к VPN", item.Str("subject"));

        var download = await admin.GetAsync($"/api/v1/channels/{mailbox}/inbound/{item.Id()}/raw");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{item.Id()}.eml", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(raw, await download.Content.ReadAsByteArrayAsync());

        // A mail over the size limit left on the server: the item holds only what the envelope said.
        var oversized = await app.WithDbAsync(async db =>
        {
            var row = new InboundItem
            {
                AccountId = mailbox, ExternalId = "imap:1:99", Status = InboundStatus.Quarantined, Attempts = 1, ReceivedAt = DateTimeOffset.UtcNow,
                NextAttemptAt = DateTimeOffset.UtcNow, LastError = "over the limit",
                Payload = JsonSerializer.Serialize(new EmailPayload(null, 30_000_000, "1:99", 26_214_400, "big@example.org", "Huge"), JsonSerializerOptions.Web),
            };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var left = await (await admin.GetAsync($"/api/v1/channels/{mailbox}/inbound/{oversized}/raw")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(ChannelErrorCodes.RawMailLeftOnServer, left.Str("code"));

        // Another kind's item downloads as its stored payload; an item of another account is not found through this one.
        var log = await LogAccountAsync(admin);
        var payload = Item("l1", "visitor-1", "Привет");
        await StoreAsync(app, log, payload);
        var logItem = await ItemIdAsync(app, "l1");
        var json = await admin.GetAsync($"/api/v1/channels/{log}/inbound/{logItem}/raw");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(payload.Payload, await json.Content.ReadAsStringAsync());
        var elsewhere = await (await admin.GetAsync($"/api/v1/channels/{mailbox}/inbound/{logItem}/raw")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(ChannelErrorCodes.InboundItemNotFound, elsewhere.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_without_a_sender_is_quarantined_after_its_attempts_and_a_retry_sends_it_through_again_from_zero(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:InboundAttempts"] = "3", ["Okno:Channels:InboundBackoff"] = "00:00:00" });
        var admin = await app.AdminClientAsync();
        const string secret = "intake-secret-0123456789";
        var mailbox = (await admin.PostJsonAsync("/api/v1/channels/email", new { name = "Support", settings = MailboxSettings(secret) })).Id();
        var noFrom = $"To: {TestMail.Support}\r\nSubject: =?UTF-8?B?0JHQtdC3INC+0YLQv9GA0LDQstC40YLQtdC70Y8=?=\r\nMessage-ID: <nofrom.{Guid.NewGuid():N}@example.org>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nНет поля From.\r\n";
        Assert.Equal(HttpStatusCode.OK, await IntakeAsync(app, mailbox, secret, Encoding.UTF8.GetBytes(noFrom)));
        for (var i = 0; i < 3; i++) await ProcessAsync(app);

        var item = Assert.Single((await admin.GetJsonAsync($"/api/v1/channels/{mailbox}/inbound?state=quarantined")).Items());
        Assert.Equal(3, item.GetProperty("attempts").GetInt32());
        Assert.Contains("no sender", item.Str("reason"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("sender").ValueKind);

        var before = DateTimeOffset.UtcNow;
        await (await admin.PostAsync($"/api/v1/channels/{mailbox}/inbound/{item.Id()}/retry", null)).JsonAsync(HttpStatusCode.NoContent);
        var retried = await app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().SingleAsync());
        Assert.Equal((InboundStatus.Pending, 0), (retried.Status, retried.Attempts));
        Assert.InRange(retried.NextAttemptAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains("no sender", retried.LastError, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "channel.inbound_retried" && a.Target == $"inbound:{item.Id()}")));
        // Still without a sender: it goes back to quarantine after its attempts, counted from zero.
        for (var i = 0; i < 3; i++) await ProcessAsync(app);
        var again = await app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().SingleAsync());
        Assert.Equal((InboundStatus.Quarantined, 3), (again.Status, again.Attempts));

        // Only a quarantined or ignored item goes through again; an imported one is a conflict with a code.
        var log = await LogAccountAsync(admin);
        await StoreAsync(app, log, Item("ok", "visitor-1", "Hello"));
        await ProcessAsync(app);
        var done = await ItemIdAsync(app, "ok");
        var conflict = await (await admin.PostAsync($"/api/v1/channels/{log}/inbound/{done}/retry", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(ChannelErrorCodes.InboundItemNotRetryable, conflict.Str("code"));
        Assert.Equal("imported", conflict.GetProperty("parameters").Str("status"));
        var notHeld = await (await admin.PostAsync($"/api/v1/channels/{log}/inbound/{done}/release", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(ChannelErrorCodes.InboundItemNotHeld, notHeld.Str("code"));
        // The item is known only under its own account.
        await (await admin.PostAsync($"/api/v1/channels/{mailbox}/inbound/{done}/retry", null)).JsonAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task A_held_item_released_by_an_admin_becomes_a_message_and_is_not_held_again(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        await StoreAsync(app, account, Item("h1", "stranger-1", "please hold me", "Чужой ответ"));
        Assert.Equal(1, await ProcessAsync(app));
        var held = await app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().SingleAsync());
        Assert.Equal((InboundStatus.Held, "Held: the test says hold.", "stranger-1", "Чужой ответ"), (held.Status, held.LastError, held.Sender, held.Subject));
        Assert.NotNull(held.ProcessedAt);
        Assert.Null(held.LeaseToken);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        // Held is not due: the pipeline leaves it alone.
        Assert.Equal(0, await ProcessAsync(app));

        // An item an admin set held by hand (as another filter would) is released the same way.
        await StoreAsync(app, account, Item("h2", "stranger-2", "a normal text"));
        var second = await ItemIdAsync(app, "h2");
        await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.Id == second).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboundStatus.Held)));

        var adminId = (await admin.GetJsonAsync("/api/v1/me")).Id();
        var before = DateTimeOffset.UtcNow;
        foreach (var id in new[] { held.Id, second })
            await (await admin.PostAsync($"/api/v1/channels/{account}/inbound/{id}/release", null)).JsonAsync(HttpStatusCode.NoContent);
        var released = await app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().SingleAsync(i => i.Id == held.Id));
        Assert.Equal((InboundStatus.Pending, adminId), (released.Status, released.ReleasedBy));
        Assert.InRange(released.ReleasedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "channel.inbound_released")));

        Assert.Equal(2, await ProcessAsync(app));
        var items = (await admin.GetJsonAsync($"/api/v1/channels/{account}/inbound")).Items();
        Assert.All(items, i => Assert.Equal("imported", i.Str("state")));
        Assert.All(items, i => Assert.Equal(JsonValueKind.String, i.GetProperty("releasedAt").ValueKind));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("reason").ValueKind));
        Assert.Equal(2, await app.WithDbAsync(db => db.Messages.CountAsync()));
        var again = await (await admin.PostAsync($"/api/v1/channels/{account}/inbound/{held.Id}/release", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("imported", ChannelErrorCodes.InboundItemNotHeld), (again.GetProperty("parameters").Str("status"), again.Str("code")));
    }

    [Theory]
    [BothDatabases]
    public async Task Only_admins_review_inbound_items(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:InboundAttempts"] = "1" });
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        await StoreAsync(app, account, Item("h1", "stranger", "hold"), new RawInboundItem("garbage", "{not json"));
        await ProcessAsync(app);
        var (heldId, quarantinedId) = (await ItemIdAsync(app, "h1"), await ItemIdAsync(app, "garbage"));

        foreach (var role in new[] { "agent", "supervisor" })
        {
            var (_, agent) = await app.CreateAgentAsync(admin, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/channels/{account}/inbound")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/channels/{account}/inbound/{heldId}/raw")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/v1/channels/{account}/inbound/{quarantinedId}/retry", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/v1/channels/{account}/inbound/{heldId}/release", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/channels/{account}/inbound")).StatusCode);
        Assert.Equal((InboundStatus.Held, InboundStatus.Quarantined), await app.WithDbAsync(async db => (
            await db.Set<InboundItem>().Where(i => i.Id == heldId).Select(i => i.Status).SingleAsync(),
            await db.Set<InboundItem>().Where(i => i.Id == quarantinedId).Select(i => i.Status).SingleAsync())));
    }
}
