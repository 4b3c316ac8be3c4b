using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Telegram;
using Okno.Customers;
using Okno.Platform.Files;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Telegram;

/// <summary>The Telegram channel against <see cref="FakeTelegram"/>: updates in by webhook and by getUpdates, stored as
/// received and written as tickets; replies, files and buttons out through the Bot API. The jobs are off: the tests
/// process and deliver by hand.</summary>
public sealed class TelegramChannelTests
{
    private static readonly string Chat = TelegramFixtures.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static OknoFactory App(string provider) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" });

    /// <summary>Creates the account through the typed endpoint, which connects it (setWebhook or deleteWebhook).</summary>
    private static async Task<long> CreateAsync(OknoFactory app, HttpClient admin, FakeTelegram fake, string mode = TelegramSettings.Webhook)
    {
        fake.WebhookClient ??= app.CreateClient();
        var view = await admin.PostJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Бот поддержки " + mode, settings = new { botToken = FakeTelegram.Token, mode, apiBaseUrl = fake.BaseUrl },
        });
        var connection = view.GetProperty("connection");
        Assert.True(connection.GetProperty("connected").GetBoolean(), connection.ToString());
        Assert.Equal("@" + FakeTelegram.BotUsername, connection.Str("bot"));
        var id = view.GetProperty("account").Id();
        if (mode == TelegramSettings.Webhook)
        {
            Assert.Equal($"http://localhost/api/v1/channels/{id}/inbound", fake.WebhookUrl);
            Assert.Equal(fake.WebhookUrl, connection.Str("webhookUrl"));
            Assert.Matches("^[A-Za-z0-9_-]{43}$", fake.WebhookSecret);
        }
        else Assert.Null(fake.WebhookUrl);
        return id;
    }

    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);
    private static Task<int> PollAsync(OknoFactory app) => app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);

    /// <summary>Pushes an update, waits until the webhook took it, and processes it.</summary>
    private static async Task<long> DeliveredAsync(OknoFactory app, FakeTelegram fake, JsonObject update)
    {
        var id = fake.Push(update);
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await ProcessAsync(app);
        return id;
    }

    private static Task<InboundItem> ItemAsync(OknoFactory app, long updateId) =>
        app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().SingleAsync(i => i.ExternalId == $"update:{updateId}"));

    private static Task<List<Message>> MessagesAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.Messages.AsNoTracking().Include(m => m.Attachments).Where(m => m.TicketId == ticketId).OrderBy(m => m.Id).ToListAsync());

    [Theory]
    [BothDatabases]
    public async Task A_webhook_call_without_the_secret_is_refused_before_anything_is_stored_and_a_redelivered_update_is_a_no_op(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var account = await CreateAsync(app, admin, fake);
        var anonymous = app.CreateClient();
        var update = new JsonObject { ["update_id"] = 5 };
        foreach (var (k, v) in TelegramFixtures.Text("Здравствуйте")) update[k] = v!.DeepClone();

        async Task<HttpResponseMessage> PostAsync(string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ChannelsEndpoints.InboundUrl(account))
            {
                Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (secret is not null) request.Headers.Add(TelegramAdapter.SecretHeader, secret);
            return await anonymous.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(fake.WebhookSecret + "x")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));

        var first = await (await PostAsync(fake.WebhookSecret)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        var again = await (await PostAsync(fake.WebhookSecret)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("stored").GetInt32());
        await ProcessAsync(app);
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelAccountId == account)));
        Assert.Equal("update:5", (await ItemAsync(app, 5)).ExternalId);
    }

    [Theory]
    [BothDatabases]
    public async Task A_chat_is_one_ticket_per_customer_until_it_is_closed_and_the_contact_is_known_by_the_Telegram_id(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var account = await CreateAsync(app, admin, fake);

        var first = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Text("Здравствуйте! Где мой заказ №42?")));
        Assert.Equal(InboundStatus.Done, first.Status);
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == first.TicketId));
        Assert.Equal(ChannelKind.Telegram, ticket.Channel);
        var contact = await app.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.ExternalIds).SingleAsync(c => c.Id == ticket.ContactId));
        Assert.Equal("Анна Петрова (@anna_p)", contact.Name);
        Assert.Contains(contact.ExternalIds, x => x.Channel == ChannelKind.Telegram && x.ExternalId == Chat);

        var second = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Text("Номер заказа 42, оформлен вчера", messageId: 102)));
        Assert.Equal(ticket.Id, second.TicketId);
        Assert.Equal(2, (await MessagesAsync(app, ticket.Id)).Count);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contacts.CountAsync()));

        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id}", new { status = "closed" });
        var third = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Text("Ещё вопрос: можно оплатить картой?", messageId: 103)));
        Assert.NotNull(third.TicketId);
        Assert.NotEqual(ticket.Id, third.TicketId);
        Assert.Equal(ticket.ContactId, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == third.TicketId).Select(t => t.ContactId).SingleAsync()));
        Assert.Equal(account, await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == third.TicketId).Select(m => m.ChannelAccountId).SingleAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task Photos_documents_and_voice_arrive_as_attachments_and_an_edit_as_a_new_marked_message(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        await CreateAsync(app, admin, fake);
        var photo = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 счёт 118 " + new string('x', 3000));
        var voice = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        fake.AddFile("photo-big", photo, "photos/file_1.jpg");
        fake.AddFile("doc-1", pdf, "documents/file_2.pdf");
        fake.AddFile("voice-1", voice, "voice/file_3.oga");

        var photoItem = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Photo("Вот так выглядит ошибка", "photo-big", photo.Length)));
        var docItem = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Document("Счёт 118.pdf", "application/pdf", "doc-1", pdf.Length)));
        var voiceItem = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Voice("voice-1", voice.Length)));
        var editItem = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Edited("Вот так выглядит ошибка на iPhone")));
        var messages = await MessagesAsync(app, photoItem.TicketId!.Value);
        Assert.All(new[] { docItem, voiceItem, editItem }, i => Assert.Equal(photoItem.TicketId, i.TicketId));

        var store = app.Services.GetRequiredService<AttachmentStore>();
        byte[] Bytes(Attachment a)
        {
            using var stream = store.Open(a.Sha256)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        var withPhoto = messages.Single(m => m.Id == photoItem.MessageId);
        Assert.Contains("Вот так выглядит ошибка", withPhoto.BodyText);
        Assert.Equal(photo, Bytes(Assert.Single(withPhoto.Attachments)));
        Assert.Equal("image/jpeg", withPhoto.Attachments[0].ContentType);
        var withDoc = messages.Single(m => m.Id == docItem.MessageId);
        Assert.Equal("Счёт 118.pdf", Assert.Single(withDoc.Attachments).FileName);
        Assert.Equal(pdf, Bytes(withDoc.Attachments[0]));
        Assert.Equal(voice, Bytes(Assert.Single(messages.Single(m => m.Id == voiceItem.MessageId).Attachments)));
        Assert.StartsWith(TelegramAdapter.EditedMark + "Вот так выглядит ошибка на iPhone", messages.Single(m => m.Id == editItem.MessageId).BodyText);
    }

    [Theory]
    [BothDatabases]
    public async Task A_file_over_the_desks_limit_becomes_a_line_in_the_text_not_a_failure(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?>
        {
            ["Okno:Channels:RunJobs"] = "false", ["Okno:Limits:MaxAttachmentBytes"] = "10000",
        });
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        await CreateAsync(app, admin, fake);
        fake.AddFile("doc-big", new byte[20_000], "documents/big.zip");
        fake.AddFile("doc-lies", new byte[30_000], "documents/lies.zip");
        var big = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Document("архив.zip", "application/zip", "doc-big", 20_000)));
        // A document whose update says it is small, but whose download is not: cut off while it downloads.
        var lies = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Document("ещё.zip", "application/zip", "doc-lies", 100, messageId: 110)));
        Assert.Equal(InboundStatus.Done, big.Status);
        Assert.Equal(InboundStatus.Done, lies.Status);
        var messages = await MessagesAsync(app, big.TicketId!.Value);
        Assert.All(messages, m => Assert.Empty(m.Attachments));
        Assert.Contains("архив.zip: the file is too large", messages[0].BodyText);
        Assert.Contains("ещё.zip: the file is too large", messages[1].BodyText);
    }

    [Theory]
    [BothDatabases]
    public async Task Group_posts_a_blocked_bot_and_a_pressed_button_are_read_as_what_they_are(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var account = await CreateAsync(app, admin, fake);
        var group = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.GroupText("Всем привет")));
        Assert.Equal(InboundStatus.Ignored, group.Status);
        Assert.Contains("supergroup", group.LastError ?? "");
        var kicked = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Kicked()));
        Assert.Equal(InboundStatus.Ignored, kicked.Status);
        Assert.Contains("blocked the bot", kicked.LastError ?? "");
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // The pressed button: its label is the text, its data the payload, and the spinner is stopped.
        var pressed = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.CallbackQuery("bot:no", "cbq-1")));
        Assert.Equal(InboundStatus.Done, pressed.Status);
        Assert.Contains("cbq-1", fake.AnsweredCallbacks);
        Assert.Equal("Нет, нужен человек", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == pressed.MessageId).Select(m => m.BodyText).SingleAsync()));
        await using var scope = app.Services.CreateAsyncScope();
        var settings = new TelegramSettings(FakeTelegram.Token, TelegramSettings.Webhook, "s", fake.BaseUrl);
        var read = await scope.ServiceProvider.GetRequiredService<TelegramAdapter>().ParseAsync(settings, pressed.Payload, CancellationToken.None);
        Assert.Equal(("bot:no", "Нет, нужен человек", Chat), (read.ButtonPayload, read.Text, read.SenderId));
        Assert.True(account > 0);
    }

    /// <summary>An agent's reply, its id and delivery state once the queue ran.</summary>
    private static async Task<long> ReplyAsync(HttpClient admin, long ticketId, string body, object[]? attachments = null) =>
        (await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body, attachments = attachments ?? [] })).Id();

    private static Task<(DeliveryState? State, string? Error)> DeliveryAsync(OknoFactory app, long messageId) =>
        app.WithDbAsync(async db => await db.Messages.Where(m => m.Id == messageId).Select(m => new { m.Delivery, m.DeliveryError }).SingleAsync() is var m
            ? ((DeliveryState?)m.Delivery, m.DeliveryError) : default);

    [Theory]
    [BothDatabases]
    public async Task Replies_go_back_through_the_Bot_API_with_files_and_buttons_and_429_waits_for_retry_after(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        await CreateAsync(app, admin, fake);
        var item = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Text("Пришлите, пожалуйста, договор")));
        var ticketId = item.TicketId!.Value;

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 договор " + new string('y', 2000));
        var reply = await ReplyAsync(admin, ticketId, "Договор во вложении.",
            [new { fileName = "Договор.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(pdf) }]);
        await DeliverAsync(app);
        Assert.Equal(DeliveryState.Sent, (await DeliveryAsync(app, reply)).State);
        var sent = fake.SentSnapshot();
        Assert.Equal(("sendMessage", Chat), (sent[0].Method, sent[0].ChatId));
        Assert.StartsWith("Договор во вложении.", sent[0].Text);
        Assert.Equal(("sendDocument", "Договор.pdf"), (sent[1].Method, sent[1].FileName));
        Assert.Equal(pdf, sent[1].File);
        Assert.StartsWith($"msg:{Chat}:", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == reply).Select(m => m.ExternalId).SingleAsync()));

        // 429: the reply waits retry_after (not the queue's 30 s backoff), then goes once.
        fake.TooManyRequestsOnce = 1;
        var later = await ReplyAsync(admin, ticketId, "Проверьте, пожалуйста, подпись на второй странице.");
        await DeliverAsync(app);
        var delayed = await DeliveryAsync(app, later);
        Assert.Equal(DeliveryState.Queued, delayed.State);
        Assert.Contains("429", delayed.Error);
        var next = await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.MessageId == later).Select(d => d.NextAttemptAt).SingleAsync());
        Assert.True(next - DateTimeOffset.UtcNow < TimeSpan.FromSeconds(5), $"next attempt at {next}");
        await JobHelpers.UntilAsync(async () =>
        {
            await DeliverAsync(app);
            return (await DeliveryAsync(app, later)).State == DeliveryState.Sent;
        }, 20);
        Assert.Single(fake.SentSnapshot(), s => s.Text?.StartsWith("Проверьте", StringComparison.Ordinal) == true);

        // Buttons become an inline keyboard, one button a row, the payload as callback data.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var settings = new TelegramSettings(FakeTelegram.Token, TelegramSettings.Webhook, "s", fake.BaseUrl);
            var result = await scope.ServiceProvider.GetRequiredService<TelegramAdapter>().SendAsync(settings,
                new OutboundMessage(0, 1, "", "Помогла ли статья?", "", Chat, null, null, "k-1")
                {
                    Buttons = [new OutboundButton("bot:yes", "Да, помогло"), new OutboundButton("bot:no", "Нет, нужен человек")],
                }, CancellationToken.None);
            Assert.True(result.IsSent, result.Reason);
        }
        var keyboard = fake.SentSnapshot().Last().ReplyMarkup!["inline_keyboard"]!.AsArray();
        Assert.Equal(2, keyboard.Count);
        Assert.Equal("Да, помогло", keyboard[0]![0]!["text"]!.GetValue<string>());
        Assert.Equal("bot:no", keyboard[1]![0]!["callback_data"]!.GetValue<string>());
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_to_a_user_who_blocked_the_bot_fails_at_once_with_Telegrams_reason(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        await CreateAsync(app, admin, fake);
        var item = await ItemAsync(app, await DeliveredAsync(app, fake, TelegramFixtures.Text("Спасибо, всё понятно")));
        fake.Blocked.Add(Chat);
        var reply = await ReplyAsync(admin, item.TicketId!.Value, "Рады помочь!");
        await DeliverAsync(app);
        var (state, error) = await DeliveryAsync(app, reply);
        Assert.Equal(DeliveryState.Failed, state);
        Assert.Contains("Forbidden: bot was blocked by the user", error);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ChannelDelivery>().Where(d => d.MessageId == reply).Select(d => d.Attempts).SingleAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task Polling_reads_from_the_stored_offset_and_a_fetch_repeated_after_a_crash_imports_nothing_twice(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var account = await CreateAsync(app, admin, fake, TelegramSettings.Polling);
        var first = fake.Push(TelegramFixtures.Text("Первое сообщение", 201));
        var second = fake.Push(TelegramFixtures.Text("Второе сообщение", 202));

        await using var scope = app.Services.CreateAsyncScope();
        var settings = new TelegramSettings(FakeTelegram.Token, TelegramSettings.Polling, "s", fake.BaseUrl);
        var adapter = scope.ServiceProvider.GetRequiredService<TelegramAdapter>();

        // A fetch that crashed after it stored the updates, before its cursor was saved: Telegram was never given the
        // next offset, so it still keeps them.
        var crashed = await adapter.FetchAsync(settings, null, CancellationToken.None);
        Assert.Equal([$"update:{first}", $"update:{second}"], crashed.Items.Select(i => i.ExternalId).ToList());
        Assert.Equal(2, await app.Services.GetRequiredService<InboundStore>().StoreAsync(account, crashed.Items, CancellationToken.None));
        Assert.Equal(2, fake.PendingCount);

        // The next poll reads them again from the stored (empty) cursor: stored once; its next round confirms them.
        Assert.Equal(0, await PollAsync(app));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));
        var cursor = await app.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Id == account).Select(a => a.Cursor).SingleAsync());
        Assert.Equal((second + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cursor);
        Assert.Equal(0, fake.PendingCount);

        var third = fake.Push(TelegramFixtures.Text("Третье сообщение", 203));
        Assert.Equal(1, await PollAsync(app));
        await ProcessAsync(app);
        var ids = new[] { first, second, third }.Select(i => $"update:{i}").ToList();
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync(i => ids.Contains(i.ExternalId) && i.Status == InboundStatus.Done)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelAccountId == account)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        // The long poll: it waits for news and says so, without confirming anything.
        var wait = adapter.WaitForNewsAsync(settings, (third + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(wait.IsCompleted);
        fake.Push(TelegramFixtures.Text("Четвёртое", 204));
        Assert.True(await wait);
        Assert.Equal(1, fake.PendingCount);
    }

    [Theory]
    [BothDatabases]
    public async Task A_webhook_that_failed_is_retried_by_Telegram_and_the_update_stored_once(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var account = await CreateAsync(app, admin, fake);
        // The account is disabled for a moment: the endpoint answers 404, Telegram keeps the update and tries again.
        await admin.PutAsJsonAsync($"/api/v1/channels/{account}", new { name = "Бот поддержки webhook", enabled = false });
        var update = fake.Push(TelegramFixtures.Text("Алло?"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.WebhookAttemptsSnapshot().Length >= 2), 20);
        Assert.Equal(1, fake.PendingCount);
        await admin.PutAsJsonAsync($"/api/v1/channels/{account}", new { name = "Бот поддержки webhook", enabled = true });
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await ProcessAsync(app);
        Assert.Equal(InboundStatus.Done, (await ItemAsync(app, update)).Status);
        Assert.Contains(fake.WebhookAttemptsSnapshot(), a => a.UpdateId == update && a.Status == 404);
    }

    [Fact]
    public async Task Settings_are_checked_and_secrets_never_come_back()
    {
        await using var app = App("sqlite");
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        var bad = await (await admin.PostAsJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Плохой", settings = new { botToken = "12345", mode = "push", webhookSecret = "с пробелом", apiBaseUrl = "ftp://x" },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["settings.apiBaseUrl", "settings.botToken", "settings.mode", "settings.webhookSecret"], bad.ErrorFields().Order().ToList());
        var id = await CreateAsync(app, admin, fake);
        var view = await admin.GetJsonAsync($"/api/v1/channels/{id}");
        Assert.DoesNotContain(FakeTelegram.Token, view.ToString());
        Assert.DoesNotContain(fake.WebhookSecret!, view.ToString());
        Assert.True(view.GetProperty("settings").GetProperty("botToken").GetProperty("set").GetBoolean());
        // An update that leaves the secrets out keeps them (the webhook keeps working).
        await admin.PutAsJsonAsync($"/api/v1/channels/{id}", new { name = "Бот", settings = new { mode = "webhook", apiBaseUrl = fake.BaseUrl } });
        var connected = await admin.PostJsonAsync($"/api/v1/channels/telegram/{id}/connect", new { }, HttpStatusCode.OK);
        Assert.True(connected.GetProperty("connected").GetBoolean(), connected.ToString());
        await (await admin.PostAsync($"/api/v1/channels/{id}/test", null)).JsonAsync(HttpStatusCode.OK);

        // A token Telegram does not know: the account is saved, the answer and the account say why.
        var wrong = await admin.PostJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Чужой бот", settings = new { botToken = "7000000002:AAH-not_the_fake_token_0123456789abcdefgh", mode = "polling", apiBaseUrl = fake.BaseUrl },
        });
        Assert.False(wrong.GetProperty("connection").GetProperty("connected").GetBoolean());
        Assert.Contains("Unauthorized", wrong.GetProperty("connection").Str("error"));
        Assert.Contains("Unauthorized", wrong.GetProperty("account").Str("lastError"));
        var test = await (await admin.PostAsync($"/api/v1/channels/{wrong.GetProperty("account").Id()}/test", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(TelegramErrorCodes.ApiRefused, test.Str("code"));
    }
}
