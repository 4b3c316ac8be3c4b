using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Customers;
using Okno.Channels.Connectors;
using Okno.Platform.Files;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Connectors;

/// <summary>The connector API end to end on both databases: a bridge's signed JSON in (signature and timestamp checked
/// before anything is stored, resends stored once, files by base64 and by URL — a private address refused), agents'
/// replies out to the callback URL signed the same way (verified here as a bridge would), retried on a 5xx, buttons or a
/// text menu, files as signed links; the push endpoint's rate limit. The jobs are off: the tests process and deliver by hand.</summary>
public sealed class ConnectorApiTests
{
    private static OknoFactory App(string provider, int pushPerMinute = 600) => OknoFactory.For(provider, new Dictionary<string, string?>
    {
        ["Okno:Channels:RunJobs"] = "false", ["Okno:Channels:InboundAttempts"] = "1", ["Okno:Channels:DeliveryBackoff"] = "00:00:00",
        ["Okno:Channels:PushRequestsPerMinute"] = pushPerMinute.ToString(CultureInfo.InvariantCulture),
    });

    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    private static async Task<(long Id, string Secret)> ConnectorAsync(HttpClient admin, string callbackUrl, bool supportsButtons = false)
    {
        var created = await admin.PostJsonAsync("/api/v1/channels/connector", new
        {
            name = "WhatsApp через мост", settings = new { callbackUrl, supportsButtons, messenger = "WhatsApp" },
        }, HttpStatusCode.Created);
        return (created.GetProperty("account").Id(), created.Str("secret"));
    }

    /// <summary>What a bridge does: the body, signed with the timestamp given (now by default).</summary>
    private static async Task<HttpResponseMessage> PushAsync(HttpClient client, long account, string secret, string body, long? timestamp = null,
        string? signature = null)
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{account}/inbound")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Okno-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Okno-Signature", signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{ts}.{body}"))));
        return await client.SendAsync(request);
    }

    private static string Item(string conversation, string user, string messageId, string text, object[]? attachments = null, string? buttonPayload = null) =>
        JsonSerializer.Serialize(new { conversationId = conversation, userId = user, userName = "Анна Смирнова", messageId, text, attachments, buttonPayload });

    [Theory]
    [BothDatabases]
    public async Task Only_a_signed_fresh_valid_message_is_stored_once_with_its_file_and_the_endpoint_is_rate_limited(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = App(provider, pushPerMinute: 12);
        var admin = await app.AdminClientAsync();
        var (account, secret) = await ConnectorAsync(admin, receiver.BaseUrl + "/okno");
        Assert.Equal(43, secret.Length);
        // Shown once: a read says only that it is set.
        var view = await admin.GetAsync($"/api/v1/channels/{account}");
        Assert.DoesNotContain(secret, await view.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bridge = app.CreateClient();
        var body = Item("wa-7999", "wa:79991234567", "wamid.1", "Здравствуйте, заказ не пришёл",
            [new { fileName = "чек.txt", contentType = "text/plain", base64 = Convert.ToBase64String("Чек №5"u8.ToArray()) }]);

        var forged = await PushAsync(bridge, account, "not-the-secret-of-this-account", body);
        Assert.Equal("connector.bad_signature", (await forged.JsonAsync(HttpStatusCode.Unauthorized)).Str("code"));
        var stale = await PushAsync(bridge, account, secret, body, DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());
        Assert.Equal("connector.stale_timestamp", (await stale.JsonAsync(HttpStatusCode.Unauthorized)).Str("code"));
        // The body changed after signing (one more character): the signature no longer fits.
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signed = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}.{body}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(bridge, account, secret, body + " ", ts, signed)).StatusCode);
        var broken = await PushAsync(bridge, account, secret, "{\"conversationId\": ");
        Assert.Equal("connector.invalid_message", (await broken.JsonAsync(HttpStatusCode.BadRequest)).Str("code"));
        var noUser = await PushAsync(bridge, account, secret, JsonSerializer.Serialize(new { conversationId = "c", messageId = "m", text = "x" }));
        var problem = await noUser.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("connector.invalid_message", problem.Str("code"));
        Assert.Contains("userId", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));

        var first = await (await PushAsync(bridge, account, secret, body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        // The bridge resends (its answer was lost): stored once.
        var again = await (await PushAsync(bridge, account, secret, body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("stored").GetInt32());
        Assert.Equal(1, await ProcessAsync(app));
        var (ticket, message, file, contact) = await app.WithDbAsync(async db => (
            await db.Tickets.SingleAsync(), await db.Messages.SingleAsync(), await db.Set<Attachment>().SingleAsync(),
            await db.Contacts.Select(c => new { c.Name, Ids = c.ExternalIds.Select(x => x.Channel.Value + "/" + x.ExternalId).ToList() }).SingleAsync()));
        Assert.Equal(ChannelKind.Connector, ticket.Channel);
        Assert.Equal("Здравствуйте, заказ не пришёл", message.BodyText.Trim());
        Assert.Equal(("чек.txt", "text/plain"), (file.FileName, file.ContentType));
        Assert.Equal("Анна Смирнова", contact.Name);
        Assert.Equal(["connector/wa:79991234567"], contact.Ids);

        // The next message of the conversation continues the ticket.
        await (await PushAsync(bridge, account, secret, Item("wa-7999", "wa:79991234567", "wamid.2", "Номер заказа 5521"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ProcessAsync(app));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // The account's push limit: a flood gets 429 with Retry-After, before anything is read.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 15 && limited is null; i++)
            if (await PushAsync(bridge, account, secret, "{}") is { StatusCode: HttpStatusCode.TooManyRequests } r) limited = r;
        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("rate_limited", (await limited.JsonAsync(HttpStatusCode.TooManyRequests)).Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_file_by_url_is_fetched_from_an_allowed_host_only(string provider)
    {
        await using var files = await WebhookReceiver.StartAsync();
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var (account, secret) = await ConnectorAsync(admin, "https://bridge.example/okno");
        var bridge = app.CreateClient();

        // 127.0.0.1 is not public: refused at the connection, the item quarantined with the reason, nothing fetched.
        await (await PushAsync(bridge, account, secret, Item("c1", "viber:1", "m1", "Фото", [new { fileName = "a.jpg", contentType = "image/jpeg", url = files.BaseUrl + "/a.jpg" }])))
            .JsonAsync(HttpStatusCode.OK);
        await (await PushAsync(bridge, account, secret, Item("c2", "viber:2", "m1", "Метаданные", [new { fileName = "m", url = "http://169.254.169.254/latest/meta-data/" }])))
            .JsonAsync(HttpStatusCode.OK);
        await ProcessAsync(app);
        var items = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).ToListAsync());
        Assert.All(items, i => Assert.Equal(InboundStatus.Quarantined, i.Status));
        Assert.All(items, i => Assert.Contains("is not a public address", i.LastError, StringComparison.Ordinal));
        Assert.Empty(files.Requests);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // Allow-listed on purpose (an internal media server): fetched.
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        await (await PushAsync(bridge, account, secret, Item("c3", "viber:3", "m1", "Фото", [new { fileName = "a.jpg", contentType = "image/jpeg", url = files.BaseUrl + "/a.jpg" }])))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ProcessAsync(app));
        Assert.Single(files.Requests);
        var file = await app.WithDbAsync(db => db.Set<Attachment>().SingleAsync());
        Assert.Equal(("a.jpg", 2L), (file.FileName, file.Size));
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_reaches_the_callback_signed_is_retried_after_a_500_and_carries_buttons_or_a_text_menu(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var (account, secret) = await ConnectorAsync(admin, receiver.BaseUrl + "/okno/callback");
        var bridge = app.CreateClient();
        await (await PushAsync(bridge, account, secret, Item("max:chat:42", "max:42", "777", "Где мой заказ?"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ProcessAsync(app));
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());

        receiver.StatusCode = 500;
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new
        {
            body = "Заказ в пути, накладная во вложении.",
            attachments = new[] { new { fileName = "накладная.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4 накладная"u8.ToArray()) } },
        }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var reply = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Out));
        Assert.Equal(DeliveryState.Queued, reply.Delivery);
        Assert.Contains("HTTP 500", reply.DeliveryError, StringComparison.Ordinal);
        receiver.StatusCode = 200;
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal(DeliveryState.Sent, (await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == reply.Id))).Delivery);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        var request = receiver.Requests.Last();
        Assert.Equal("/okno/callback", request.Path);
        // The bridge's check: HMAC-SHA256 of "{timestamp}.{body}" with the secret, the timestamp within 5 minutes.
        var timestamp = long.Parse(request.Headers["X-Okno-Timestamp"], CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}"))),
            request.Headers["X-Okno-Signature"]);
        var sent = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("reply", sent.Str("event"));
        Assert.Equal(("max:chat:42", "max:42", "777"), (sent.Str("conversationId"), sent.Str("userId"), sent.Str("inReplyTo")));
        Assert.Equal(reply.Id, sent.GetProperty("messageId").GetInt64());
        Assert.Contains("Заказ в пути", sent.Str("text"), StringComparison.Ordinal);
        Assert.Empty(sent.GetProperty("buttons").EnumerateArray());
        var link = Assert.Single(sent.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("накладная.pdf", "application/pdf"), (link.Str("fileName"), link.Str("contentType")));
        // The link works without credentials; changed, it does not.
        var download = await bridge.GetAsync(link.Str("url"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("%PDF-1.4 накладная"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await bridge.GetAsync(link.Str("url").Replace("name=", "name=x", StringComparison.Ordinal))).StatusCode);

        // A 4xx is not tried again: the reply fails with the bridge's reason.
        receiver.StatusCode = 422;
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Ещё вопрос?" }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var failed = await app.WithDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.Out && !m.IsInternal).OrderBy(m => m.Id).LastAsync());
        Assert.Equal(DeliveryState.Failed, failed.Delivery);
        Assert.Contains("HTTP 422", failed.DeliveryError, StringComparison.Ordinal);
        Assert.Equal(0, await DeliverAsync(app));

        // Buttons go as buttons to a bridge that shows them, as a numbered menu to one that does not.
        receiver.StatusCode = 200;
        await using var scope = app.Services.CreateAsyncScope();
        var adapter = scope.ServiceProvider.GetRequiredService<ConnectorAdapter>();
        var ask = new OutboundMessage(9, 10001, "", "Помогла статья?", "", "max:42", null, "11:max:chat:42:777", "okno-delivery-99")
        {
            Buttons = [new OutboundButton("kb:yes", "Да"), new OutboundButton("kb:no", "Нет, позовите человека")],
        };
        Assert.True((await adapter.SendAsync(new ConnectorSettings(secret, receiver.BaseUrl + "/b", SupportsButtons: true), ask, CancellationToken.None)).IsSent);
        var withButtons = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Equal("Помогла статья?", withButtons.Str("text"));
        Assert.Equal(["kb:yes", "kb:no"], withButtons.GetProperty("buttons").EnumerateArray().Select(b => b.Str("payload")));
        Assert.Equal("Нет, позовите человека", withButtons.GetProperty("buttons")[1].Str("label"));
        Assert.True((await adapter.SendAsync(new ConnectorSettings(secret, receiver.BaseUrl + "/b"), ask, CancellationToken.None)).IsSent);
        var menu = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Empty(menu.GetProperty("buttons").EnumerateArray());
        Assert.Equal("Помогла статья?\n\n1. Да\n2. Нет, позовите человека", menu.Str("text"));

        // A pressed button comes back as its payload.
        await (await PushAsync(bridge, account, secret, Item("max:chat:42", "max:42", "778", "Да", buttonPayload: "kb:yes"))).JsonAsync(HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).LastAsync());
        Assert.Equal("kb:yes", adapter.Parse(new ConnectorSettings(secret), stored.Payload).ButtonPayload);
    }
}
