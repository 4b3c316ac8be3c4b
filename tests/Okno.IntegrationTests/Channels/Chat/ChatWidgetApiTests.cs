using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Channels;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Chat;

/// <summary>The chat widget's API (issue 17) on both databases: a session and its token, messages deduplicated by the
/// browser's id, the conversation as one chat ticket, history back on return, origins and tokens refused, rate limits,
/// the live stream resuming from the last id with agents' replies, files behind signed links, the pre-chat form, and a
/// site's signed user joining one conversation from two browsers.</summary>
public sealed class ChatWidgetApiTests
{
    private const string Site = "https://shop.test";

    internal static async Task<(string Key, long Id)> CreateChannelAsync(HttpClient admin, object? settings = null)
    {
        var body = settings ?? new { allowedOrigins = new[] { Site }, title = "Магазин", greeting = "Здравствуйте!", secret = "site-secret-0123456789" };
        var account = await (await admin.PostAsJsonAsync("/api/v1/channels/chat", new { name = "Чат " + Guid.NewGuid().ToString("N")[..6], settings = body }))
            .JsonAsync(HttpStatusCode.Created);
        return (account.GetProperty("settings").Str("key"), account.Id());
    }

    internal static HttpClient Widget(OknoFactory app, string key, string? token = null)
    {
        var client = app.CreateClient();
        client.BaseAddress = new Uri(client.BaseAddress!, $"/widget/v1/{key}/");
        client.DefaultRequestHeaders.Add("Origin", Site);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<(HttpClient Client, JsonElement Session)> StartAsync(OknoFactory app, string key, object? body = null)
    {
        var session = await (await Widget(app, key).PostAsJsonAsync("session", body ?? new { lang = "ru", page = new { url = Site + "/catalog", title = "Каталог" } }))
            .JsonAsync(HttpStatusCode.OK);
        return (Widget(app, key, session.Str("token")), session);
    }

    [Theory]
    [BothDatabases]
    public async Task A_visitor_message_opens_one_chat_ticket_a_repeat_is_not_stored_twice_and_history_comes_back(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, accountId) = await CreateChannelAsync(admin);
        var shown = await admin.GetJsonAsync($"/api/v1/channels/{accountId}");
        Assert.True(shown.GetProperty("settings").GetProperty("secret").GetProperty("set").GetBoolean());
        Assert.True(key.Length >= 16);

        var (visitor, session) = await StartAsync(app, key);
        Assert.Equal(("Магазин", "none", 0), (session.GetProperty("config").Str("title"), session.GetProperty("conversation").Str("status"),
            session.GetProperty("messages").GetArrayLength()));

        var first = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0001", text = "Где мой заказ №512?", name = "Анна" })).JsonAsync(HttpStatusCode.OK);
        var again = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0001", text = "Где мой заказ №512?" })).JsonAsync(HttpStatusCode.OK);
        var second = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0002", text = "<b>Срочно</b>" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.Id(), again.Id());
        Assert.Equal(("visitor", "client-0001"), (first.Str("author"), first.Str("clientId")));
        Assert.Equal("<b>Срочно</b>", second.Str("text"));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("html").ValueKind);

        var tickets = await app.WithDbAsync(db => db.Tickets.Where(t => t.Channel == ChannelKind.Of("chat")).Select(t => new { t.Id, t.Subject, Messages = t.Messages.Count }).ToListAsync());
        var ticket = Assert.Single(tickets);
        Assert.Equal(("Где мой заказ №512?", 2), (ticket.Subject, ticket.Messages));

        // The agent answers; the visitor comes back later with the same token and sees the whole conversation.
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Заказ №512 уже в пути." });
        var back = await (await Widget(app, key).PostAsJsonAsync("session", new { token = session.Str("token") })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(session.Str("visitorId"), back.Str("visitorId"));
        Assert.Equal(["visitor", "visitor", "agent"], back.GetProperty("messages").EnumerateArray().Select(m => m.Str("author")));
        Assert.Equal("open", back.GetProperty("conversation").Str("status"));
        var history = await visitor.GetJsonAsync($"messages?before={second.Id()}&limit=10");
        Assert.Equal([first.Id()], history.GetProperty("messages").EnumerateArray().Select(m => m.Id()));
    }

    [Theory]
    [BothDatabases]
    public async Task Origins_tokens_and_malformed_messages_are_refused_with_a_code_and_nothing_is_stored(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, _) = await CreateChannelAsync(admin);

        var stranger = app.CreateClient();
        stranger.DefaultRequestHeaders.Add("Origin", "https://evil.test");
        var refused = await (await stranger.PostAsJsonAsync($"/widget/v1/{key}/session", new { })).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("chat.origin_not_allowed", refused.Str("code"));
        var unknown = await (await Widget(app, "no-such-key-0000000000").PostAsJsonAsync("session", new { })).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("chat.channel_unknown", unknown.Str("code"));

        var preflight = new HttpRequestMessage(HttpMethod.Options, "messages");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var allowed = await Widget(app, key).SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Site, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var noToken = await (await Widget(app, key, "ocv_not-a-token").PostAsJsonAsync("messages", new { clientId = "client-0001", text = "Привет" }))
            .JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("chat.visitor_unknown", noToken.Str("code"));

        var (visitor, _) = await StartAsync(app, key);
        var badId = await (await visitor.PostAsJsonAsync("messages", new { clientId = "x", text = "Привет" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("clientId", badId.ErrorFields());
        var empty = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0002", text = "  " })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("text", empty.ErrorFields());
        var tooLong = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0003", text = new string('я', 4001) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("text", tooLong.ErrorFields());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_visitor_sending_too_fast_gets_429_with_retry_after(string provider)
    {
        await using var app = OknoFactory.For(provider, new() { ["Okno:Chat:VisitorMessagesPerMinute"] = "2" });
        var admin = await app.AdminClientAsync();
        var (key, _) = await CreateChannelAsync(admin);
        var (visitor, _) = await StartAsync(app, key);
        for (var i = 0; i < 2; i++)
            await (await visitor.PostAsJsonAsync("messages", new { clientId = $"client-100{i}", text = $"Сообщение {i}" })).JsonAsync(HttpStatusCode.OK);
        var limited = await visitor.PostAsJsonAsync("messages", new { clientId = "client-1009", text = "Ещё" });
        var problem = await limited.JsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("chat.rate_limited", problem.Str("code"));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory]
    [BothDatabases]
    public async Task The_stream_resumes_after_the_last_id_and_brings_the_agents_reply_once(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, _) = await CreateChannelAsync(admin);
        var (visitor, _) = await StartAsync(app, key);
        var first = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-2001", text = "Первое" })).JsonAsync(HttpStatusCode.OK);
        var second = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-2002", text = "Второе" })).JsonAsync(HttpStatusCode.OK);
        var ticketId = await app.WithDbAsync(db => db.Messages.Where(m => m.Id == first.Id()).Select(m => m.TicketId).SingleAsync());

        using var stream = await SseReader.OpenAsync(visitor, "events", lastEventId: first.Id());
        var resumed = await stream.NextAsync("message");
        Assert.Equal(second.Id(), resumed.Id());
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Отвечаем **сейчас**" });
        var reply = await stream.NextAsync("message");
        Assert.Equal("agent", reply.Str("author"));
        Assert.Contains("сейчас", reply.Str("text"));
        Assert.StartsWith("<p>", reply.Str("html"));
        // The queue records the send once the adapter has pushed it.
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => db.Messages.Where(m => m.Id == reply.Id()).Select(m => m.Delivery).SingleAsync()) == DeliveryState.Sent, 20);
    }

    [Theory]
    [BothDatabases]
    public async Task A_file_is_kept_with_the_message_and_served_only_behind_its_signed_link(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, _) = await CreateChannelAsync(admin);
        var (visitor, _) = await StartAsync(app, key);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent { { new StringContent("client-3001"), "clientId" } };
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "screen.png");
        var message = await (await visitor.PostAsync("files", form)).JsonAsync(HttpStatusCode.OK);
        var shown = Assert.Single(message.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal(("screen.png", "image/png"), (shown.Str("name"), shown.Str("type")));
        var plain = app.CreateClient();
        Assert.Equal(png, await plain.GetByteArrayAsync("/" + shown.Str("url")));
        var forged = await plain.GetAsync($"/widget/v1/{key}/files/{shown.Id()}?sig=forged");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        using var script = new MultipartFormDataContent { { new StringContent("client-3002"), "clientId" } };
        var html = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        html.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        script.Add(html, "file", "page.html");
        var refused = await (await visitor.PostAsync("files", script)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", refused.ErrorFields());
    }

    [Theory]
    [BothDatabases]
    public async Task A_required_pre_chat_field_is_asked_for_and_a_signed_user_has_one_conversation_on_two_browsers(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, _) = await CreateChannelAsync(admin, new { allowedOrigins = new[] { Site }, prechatEmail = "required", secret = "site-secret-0123456789" });
        var (anonymous, _) = await StartAsync(app, key);
        var missing = await (await anonymous.PostAsJsonAsync("messages", new { clientId = "client-4001", text = "Вопрос" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email"], missing.ErrorFields());
        await (await anonymous.PostAsJsonAsync("messages", new { clientId = "client-4001", text = "Вопрос", email = "anna@shop.test" })).JsonAsync(HttpStatusCode.OK);

        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("site-secret-0123456789"), Encoding.UTF8.GetBytes("42\nboris@shop.test")));
        var identity = new { userId = "42", email = "boris@shop.test", name = "Борис", hash };
        var (laptop, one) = await StartAsync(app, key, new { identity });
        var (phone, two) = await StartAsync(app, key, new { identity });
        Assert.Equal(("u:42", "u:42"), (one.Str("visitorId"), two.Str("visitorId")));
        await (await laptop.PostAsJsonAsync("messages", new { clientId = "client-4002", text = "С ноутбука" })).JsonAsync(HttpStatusCode.OK);
        await (await phone.PostAsJsonAsync("messages", new { clientId = "client-4003", text = "С телефона" })).JsonAsync(HttpStatusCode.OK);
        var tickets = await app.WithDbAsync(db => db.Tickets.Where(t => t.Channel == ChannelKind.Of("chat"))
            .Select(t => new { t.Contact.Name, Messages = t.Messages.Count }).OrderBy(t => t.Name).ToListAsync());
        Assert.Equal(2, tickets.Count);
        Assert.Contains(tickets, t => t.Name == "Борис" && t.Messages == 2);

        var (forger, forged) = await StartAsync(app, key, new { identity = new { userId = "42", email = "boris@shop.test", hash = new string('0', 64) } });
        Assert.StartsWith("v_", forged.Str("visitorId"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_transcript_is_queued_once_to_the_visitors_address_from_the_chats_mailbox_and_a_rating_is_taken_once(string provider)
    {
        await using var app = OknoFactory.For(provider, new() { ["Okno:Channels:RunJobs"] = "false" });
        var admin = await app.AdminClientAsync();
        // A mailbox that only sends (no IMAP): the transcript leaves from it, through the delivery queue.
        var mailbox = (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Ящик чата", settings = new { smtpHost = "smtp.example.test", smtpPort = 25, smtpSecurity = "none", fromAddress = "chat@example.test" },
        }, HttpStatusCode.Created)).Id();
        var (key, _) = await CreateChannelAsync(admin, new { allowedOrigins = new[] { Site }, emailAccountId = mailbox, title = "Магазин" });
        var (visitor, _) = await StartAsync(app, key);
        var none = await (await visitor.PostAsJsonAsync("transcript", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("chat.email_required", none.GetProperty("errorCodes").GetProperty("email")[0].Str("code"));
        await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-5001", text = "Пришлите копию", email = "Vera@Shop.test" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync("transcript", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync("transcript", new { })).StatusCode);
        var queued = await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.Kind == DeliveryKind.Notification)
            .Select(d => new { d.AccountId, d.Recipient, d.Subject, d.BodyText }).ToListAsync());
        var transcript = Assert.Single(queued);
        Assert.Equal((mailbox, "vera@shop.test"), (transcript.AccountId, transcript.Recipient));
        Assert.Contains("Магазин", transcript.Subject);
        Assert.Contains("Пришлите копию", transcript.BodyText);

        // The conversation is recorded from the ticket events, after the message's commit.
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<Okno.Channels.Chat.ChatConversation>().AnyAsync()), 20);
        var bad = await (await visitor.PostAsJsonAsync("rating", new { score = 6 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("score", bad.ErrorFields());
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.PostAsJsonAsync("rating", new { score = 4, comment = "Быстро" })).StatusCode);
        var again = await (await visitor.PostAsJsonAsync("rating", new { score = 5 })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("chat.already_rated", again.Str("code"));
    }
}

/// <summary>Reads a Server-Sent Events stream event by event.</summary>
internal sealed class SseReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public static async Task<SseReader> OpenAsync(HttpClient client, string url, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The data of the next event of this name (others skipped), within the time given.</summary>
    public async Task<JsonElement> NextAsync(string name, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? eventName = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == name) return JsonDocument.Parse(line[6..]).RootElement.Clone();
            else if (line.Length == 0) eventName = null;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
