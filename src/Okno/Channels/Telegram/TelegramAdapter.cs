using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Files;
using Okno.Platform.Web;

namespace Okno.Channels.Telegram;

/// <summary>A Telegram bot as a channel. Updates arrive by webhook (<c>POST /api/v1/channels/{id}/inbound</c>, checked by
/// the secret-token header before anything is read) or by getUpdates (the stored cursor is the next offset); either way
/// one raw item per update, keyed <c>update:{update_id}</c>, so a redelivered update is a no-op. Only private chats
/// become tickets; the customer is the Telegram user (from.id), who is also the chat replies go to.
/// <para>An edited message comes in as a new message whose text starts with <see cref="EditedMark"/> ("✎ "): the
/// ticket keeps what was said first and what it became, in any language. A pressed inline button comes in as its
/// label with <see cref="InboundMessage.ButtonPayload"/> set to its callback data; the button's spinner is stopped
/// (answerCallbackQuery) when the item is read.</para></summary>
public sealed class TelegramAdapter(AttachmentStore files, IOptions<OknoOptions> options, TimeProvider clock, ILogger<TelegramAdapter> logger)
    : IPushChannelAdapter<TelegramSettings>, IPollingChannelAdapter<TelegramSettings>, IConnectionTestingChannelAdapter<TelegramSettings>
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const string EditedMark = "✎ ";
    /// <summary>An update is a few kilobytes (files are fetched separately); anything far larger is not Telegram.</summary>
    public const int MaxUpdateBytes = 1024 * 1024;
    /// <summary>How long one getUpdates waits for news (Telegram allows up to 50 s; proxies often cut idle requests at 30–60).</summary>
    public const int LongPollSeconds = 25;
    /// <summary>Telegram's limit on a message's text; longer replies go out in parts.</summary>
    public const int MaxTextLength = 4096;
    /// <summary>sendPhoto takes images up to 10 MB; larger ones, and other files, go as documents.</summary>
    private const long MaxPhotoBytes = 10L * 1024 * 1024;
    public static readonly string[] AllowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"];

    // ---- receiving ----

    public async Task<PushReceipt> ReceiveAsync(TelegramSettings settings, HttpRequest request, CancellationToken cancellationToken)
    {
        // The secret first, in fixed time: nothing of a request that does not carry it is read or stored.
        var given = request.Headers[SecretHeader].ToString();
        if (settings.WebhookSecret is not { Length: > 0 } secret
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The {SecretHeader} header is missing or wrong.");
        if (request.ContentLength > MaxUpdateBytes) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The update is too large.");
        // Read up to the limit only, whatever the request claims (a chunked body has no length).
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxUpdateBytes) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The update is too large.");
        }
        var payload = text.ToString();
        try
        {
            using var json = JsonDocument.Parse(payload);
            return PushReceipt.Accept(Item(json.RootElement, payload));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"Not a Telegram update: {e.Message}");
        }
    }

    /// <summary>The raw item of one update: keyed by its id, ordered by its chat (one chat's updates are written in order).</summary>
    private static RawInboundItem Item(JsonElement update, string payload)
    {
        var id = update.GetProperty("update_id").GetInt64();
        return new RawInboundItem($"update:{id}", payload) { Sender = ChatOf(update) };
    }

    private static string? ChatOf(JsonElement update)
    {
        foreach (var name in new[] { "message", "edited_message", "my_chat_member" })
            if (update.TryGetProperty(name, out var m) && m.TryGetProperty("chat", out var chat) && chat.TryGetProperty("id", out var id))
                return id.GetRawText();
        if (update.TryGetProperty("callback_query", out var q))
        {
            if (q.TryGetProperty("message", out var qm) && qm.TryGetProperty("chat", out var chat) && chat.TryGetProperty("id", out var id)) return id.GetRawText();
            if (q.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var fromId)) return fromId.GetRawText();
        }
        return null;
    }

    public IReadOnlyList<string> OrderKeys(TelegramSettings settings, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return [ChatOf(json.RootElement) ?? ""];
    }

    public Task<FetchedBatch> FetchAsync(TelegramSettings settings, string? cursor, CancellationToken cancellationToken) =>
        // A webhook account is not asked: getUpdates does not work while a webhook is set.
        settings.Polls ? GetUpdatesAsync(settings, cursor, 0, 100, cancellationToken) : Task.FromResult(new FetchedBatch([], cursor));

    /// <summary>getUpdates from the cursor: passing an offset confirms every earlier update, so Telegram forgets them only
    /// once the cursor moved past them, i.e. after they were stored.</summary>
    private static async Task<FetchedBatch> GetUpdatesAsync(TelegramSettings settings, string? cursor, int timeout, int limit, CancellationToken ct)
    {
        long? offset = long.TryParse(cursor, NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : null;
        var answer = await TelegramBotApi.CallAsync(settings, "getUpdates",
            new { offset, timeout, limit, allowed_updates = AllowedUpdates }, ct);
        if (!answer.Ok) throw new TelegramApiException(answer);
        var items = new List<RawInboundItem>();
        var next = offset;
        foreach (var update in answer.Result.EnumerateArray())
        {
            items.Add(Item(update, update.GetRawText()));
            next = Math.Max(next ?? 0, update.GetProperty("update_id").GetInt64() + 1);
        }
        return new FetchedBatch(items, next?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Polling goes by long poll (<see cref="WaitForNewsAsync"/>); this is the safety net under it.</summary>
    public TimeSpan? PollInterval(TelegramSettings settings) => settings.Polls ? TimeSpan.FromSeconds(30) : TimeSpan.FromHours(1);

    /// <summary>A long poll: getUpdates with a timeout and limit 1, from the cursor (so it confirms nothing new); news is
    /// then fetched by the poll. Another getUpdates of the same bot (a poll, another node) ends this one with 409: that
    /// is no failure, the other one reads the news.</summary>
    public async Task<bool?> WaitForNewsAsync(TelegramSettings settings, string? cursor, TimeSpan longest, CancellationToken cancellationToken)
    {
        if (!settings.Polls) return null;
        var timeout = (int)Math.Clamp(longest.TotalSeconds, 1, LongPollSeconds);
        try
        {
            return (await GetUpdatesAsync(settings, cursor, timeout, 1, cancellationToken)).Items.Count > 0;
        }
        catch (TelegramApiException e) when (e.Answer.ErrorCode == 409)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock, cancellationToken);
            return false;
        }
    }

    // ---- reading ----

    /// <summary>A file a message carries, fetched in <see cref="ParseAsync"/>.</summary>
    private sealed record FileRef(string FileId, string FileName, string? ContentType, long? Size);

    private sealed record Reading(InboundMessage Message, IReadOnlyList<FileRef> Files, string? CallbackQueryId);

    public InboundMessage Parse(TelegramSettings settings, string payload) => Read(settings, payload).Message;

    public async Task<InboundMessage> ParseAsync(TelegramSettings settings, string payload, CancellationToken cancellationToken)
    {
        var reading = Read(settings, payload);
        if (reading.CallbackQueryId is { } queryId) await StopSpinnerAsync(settings, queryId, cancellationToken);
        if (reading.Files.Count == 0) return reading.Message;
        var limit = options.Value.Limits.MaxAttachmentBytes;
        var attachments = new List<InboundAttachment>();
        var notes = new List<string>();
        foreach (var file in reading.Files)
        {
            if (file.Size > limit)
            {
                notes.Add(TooLarge(file, file.Size.Value, limit));
                continue;
            }
            var answer = await TelegramBotApi.CallAsync(settings, "getFile", new { file_id = file.FileId }, cancellationToken);
            if (!answer.Ok)
            {
                // The Bot API hands out files of up to 20 MB: a larger one is no failure of the item.
                if (answer.Description?.Contains("file is too big", StringComparison.OrdinalIgnoreCase) == true)
                {
                    notes.Add(TooLarge(file, file.Size ?? 0, limit));
                    continue;
                }
                throw new TelegramApiException(answer);
            }
            var path = answer.Result.TryGetProperty("file_path", out var p) ? p.GetString() : null;
            if (string.IsNullOrEmpty(path)) throw new TelegramUnreachable($"getFile gave no file_path for {file.FileName}.");
            var content = await TelegramBotApi.DownloadAsync(settings, path, limit, cancellationToken);
            if (content is null) notes.Add(TooLarge(file, answer.Result.TryGetProperty("file_size", out var s) && s.TryGetInt64(out var size) ? size : 0, limit));
            else attachments.Add(new InboundAttachment(file.FileName, file.ContentType, content, null, false));
        }
        var message = reading.Message;
        var text = notes.Count == 0 ? message.Text : string.Join("\n", new[] { message.Text }.Concat(notes).Where(t => t.Length > 0));
        return message with { Text = text, Attachments = attachments };
    }

    /// <summary>What the ticket says in place of a file over the desk's attachment limit.</summary>
    private static string TooLarge(FileRef file, long size, long limit) =>
        $"[{file.FileName}: the file is too large to import ({Megabytes(size)}; the limit is {Megabytes(limit)})]";

    private static string Megabytes(long bytes) => bytes > 0 ? (bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.InvariantCulture) + " MB" : "size unknown";

    /// <summary>Telegram shows a spinner on a pressed button until the bot answers the callback query; best effort (a
    /// query older than a few minutes cannot be answered any more, and that must not hold up the message).</summary>
    private async Task StopSpinnerAsync(TelegramSettings settings, string queryId, CancellationToken ct)
    {
        try
        {
            var answer = await TelegramBotApi.CallAsync(settings, "answerCallbackQuery", new { callback_query_id = queryId }, ct);
            if (!answer.Ok) logger.LogDebug("answerCallbackQuery failed: {Error}", answer.Error);
        }
        catch (TelegramUnreachable e)
        {
            logger.LogDebug(e, "answerCallbackQuery failed");
        }
    }

    private static Reading Read(TelegramSettings settings, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var update = json.RootElement;
        if (update.TryGetProperty("message", out var message)) return ReadMessage(settings, message, edited: false);
        if (update.TryGetProperty("edited_message", out var edited)) return ReadMessage(settings, edited, edited: true);
        if (update.TryGetProperty("callback_query", out var query)) return ReadCallback(settings, query);
        if (update.TryGetProperty("my_chat_member", out var member))
        {
            var from = member.GetProperty("from");
            var status = member.TryGetProperty("new_chat_member", out var n) && n.TryGetProperty("status", out var s) ? s.GetString() : null;
            return Ignored(from, status == "kicked" ? "the user blocked the bot" : $"the bot's membership in a chat changed ({status})");
        }
        var kind = update.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n != "update_id") ?? "empty";
        return new Reading(new InboundMessage("", null, null, null, "") { IgnoredBecause = $"a Telegram update of a kind the desk does not read ({kind})" }, [], null);
    }

    private static Reading Ignored(JsonElement from, string reason) =>
        new(new InboundMessage(Id(from), Name(from), null, null, "") { IgnoredBecause = reason }, [], null);

    private static Reading ReadMessage(TelegramSettings settings, JsonElement m, bool edited)
    {
        var chat = m.GetProperty("chat");
        var chatType = chat.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!m.TryGetProperty("from", out var from))
            return new Reading(new InboundMessage(chat.GetProperty("id").GetRawText(), null, null, null, "")
                { IgnoredBecause = $"a post in a Telegram {chatType} without an author" }, [], null);
        if (chatType != "private")
            return Ignored(from, $"a message in a Telegram {chatType ?? "chat"}, not a private chat with the bot");
        var senderId = Id(from);
        if (from.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
        {
            var own = BotId(settings) == senderId;
            return new Reading(new InboundMessage(senderId, Name(from), null, null, Str(m, "text") ?? "", IsAutomatic: !own, IsOwnEcho: own), [], null);
        }
        var lines = new List<string>();
        if ((Str(m, "text") ?? Str(m, "caption")) is { Length: > 0 } text) lines.Add(text);
        if (m.TryGetProperty("sticker", out var sticker)) lines.Add(Str(sticker, "emoji") ?? "[sticker]");
        if (m.TryGetProperty("contact", out var contact))
            lines.Add($"📇 {string.Join(" ", new[] { Str(contact, "first_name"), Str(contact, "last_name") }.Where(x => !string.IsNullOrEmpty(x)))} {Str(contact, "phone_number")}".TrimEnd());
        if (m.TryGetProperty("location", out var location) && !m.TryGetProperty("venue", out _))
            lines.Add(Place(location));
        if (m.TryGetProperty("venue", out var venue))
            lines.Add($"{Str(venue, "title")}, {Str(venue, "address")}\n{Place(venue.GetProperty("location"))}");
        var files = Files(m);
        if (lines.Count == 0 && files.Count == 0)
        {
            var kind = m.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("message_id" or "from" or "chat" or "date" or "edit_date" or "entities"
                or "caption_entities" or "reply_to_message" or "message_thread_id")) ?? "empty";
            return Ignored(from, $"a Telegram message of a kind the desk does not read ({kind})");
        }
        var body = string.Join("\n", lines);
        if (edited) body = EditedMark + body;
        return new Reading(new InboundMessage(senderId, Name(from), null, null, body), files, null);
    }

    private static string Place(JsonElement location)
    {
        var lat = location.GetProperty("latitude").GetDouble().ToString("0.######", CultureInfo.InvariantCulture);
        var lon = location.GetProperty("longitude").GetDouble().ToString("0.######", CultureInfo.InvariantCulture);
        return $"📍 {lat}, {lon} https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }

    /// <summary>The files of a message: the largest size of a photo; a document, voice, video note, video, audio or animation.</summary>
    private static List<FileRef> Files(JsonElement m)
    {
        var found = new List<FileRef>();
        if (m.TryGetProperty("photo", out var photo) && photo.ValueKind == JsonValueKind.Array && photo.GetArrayLength() > 0)
        {
            var largest = photo.EnumerateArray().OrderBy(p => Long(p, "width") * Long(p, "height")).ThenBy(p => Long(p, "file_size")).Last();
            found.Add(new FileRef(Str(largest, "file_id")!, $"photo_{Str(largest, "file_unique_id")}.jpg", "image/jpeg", Size(largest)));
        }
        // An animation also comes with "document" (the same file): read once.
        if (m.TryGetProperty("document", out var document)) found.Add(Named(document, "document", "application/octet-stream", ""));
        else if (m.TryGetProperty("animation", out var animation)) found.Add(Named(animation, "animation", "video/mp4", ".mp4"));
        if (m.TryGetProperty("voice", out var voice)) found.Add(Named(voice, "voice", "audio/ogg", ".ogg"));
        if (m.TryGetProperty("video_note", out var note)) found.Add(Named(note, "video_note", "video/mp4", ".mp4"));
        if (m.TryGetProperty("video", out var video)) found.Add(Named(video, "video", "video/mp4", ".mp4"));
        if (m.TryGetProperty("audio", out var audio)) found.Add(Named(audio, "audio", "audio/mpeg", ".mp3"));
        return found;
    }

    private static FileRef Named(JsonElement file, string kind, string type, string extension) =>
        new(Str(file, "file_id")!, Str(file, "file_name") is { Length: > 0 } name ? name : $"{kind}_{Str(file, "file_unique_id")}{extension}",
            Str(file, "mime_type") ?? type, Size(file));

    private static Reading ReadCallback(TelegramSettings settings, JsonElement q)
    {
        var from = q.GetProperty("from");
        var data = Str(q, "data");
        if (!q.TryGetProperty("message", out var message) || !message.TryGetProperty("chat", out var chat))
            return Ignored(from, "a button pressed on an inline message, outside a chat with the bot");
        if (Str(chat, "type") != "private") return Ignored(from, "a button pressed in a Telegram group, not a private chat with the bot");
        if (data is null) return Ignored(from, "a button pressed that carries no data (a game)");
        var label = data;
        if (message.TryGetProperty("reply_markup", out var markup) && markup.TryGetProperty("inline_keyboard", out var rows))
            foreach (var row in rows.EnumerateArray())
            foreach (var button in row.EnumerateArray())
                if (Str(button, "callback_data") == data && Str(button, "text") is { } text)
                    label = text;
        return new Reading(new InboundMessage(Id(from), Name(from), null, null, label) { ButtonPayload = data }, [], Str(q, "id"));
    }

    private static string Id(JsonElement user) => user.GetProperty("id").GetRawText();

    /// <summary>"First Last (@username)", whichever parts the user has.</summary>
    private static string? Name(JsonElement user)
    {
        var name = string.Join(" ", new[] { Str(user, "first_name"), Str(user, "last_name") }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (Str(user, "username") is { Length: > 0 } username) name = name.Length > 0 ? $"{name} (@{username})" : "@" + username;
        return name.Length > 0 ? name : null;
    }

    private static string? BotId(TelegramSettings settings) => settings.BotToken?.Split(':')[0];

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;

    private static long? Size(JsonElement e) => e.TryGetProperty("file_size", out var v) && v.TryGetInt64(out var n) ? n : null;

    // ---- sending ----

    public async Task<DeliveryResult> SendAsync(TelegramSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.RecipientId))
            return DeliveryResult.Failed("The customer has no Telegram chat with this bot.", retryable: false);
        var chat = message.RecipientId.Trim();
        var text = message.BodyText.Trim();
        if (text.Length == 0 && message.Buttons.Count > 0) text = "…";
        string? firstId = null;
        try
        {
            var parts = Split(text);
            for (var i = 0; i < parts.Count; i++)
            {
                var last = i == parts.Count - 1;
                var markup = last && message.Buttons.Count > 0
                    ? new { inline_keyboard = message.Buttons.Select(b => new[] { new { text = b.Label, callback_data = b.Payload } }).ToArray() }
                    : null;
                await TelegramPace.WaitTurnAsync(BotId(settings) ?? "", chat, clock, cancellationToken);
                var answer = await TelegramBotApi.CallAsync(settings, "sendMessage", new { chat_id = chat, text = parts[i], reply_markup = markup }, cancellationToken);
                if (!answer.Ok) return Failed(answer);
                firstId ??= SentId(chat, answer);
            }
            foreach (var file in message.Attachments)
            {
                await using var stream = files.Open(file.Sha256);
                if (stream is null) return DeliveryResult.Failed($"The file \"{file.FileName}\" is missing from the attachment store.", retryable: false);
                var photo = file.ContentType is "image/jpeg" or "image/png" or "image/webp" && stream.Length <= MaxPhotoBytes;
                var (method, field) = photo ? ("sendPhoto", "photo") : ("sendDocument", "document");
                using var form = new MultipartFormDataContent { { new StringContent(chat), "chat_id" } };
                var content = new StreamContent(stream);
                content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, field, file.FileName);
                await TelegramPace.WaitTurnAsync(BotId(settings) ?? "", chat, clock, cancellationToken);
                var answer = await TelegramBotApi.CallMultipartAsync(settings, method, form, cancellationToken);
                if (!answer.Ok) return Failed(answer);
                firstId ??= SentId(chat, answer);
            }
        }
        catch (TelegramUnreachable e)
        {
            return DeliveryResult.Failed(e.Message, retryable: true);
        }
        return DeliveryResult.Sent(firstId);
    }

    private static string? SentId(string chat, TelegramAnswer answer) =>
        answer.Result.ValueKind == JsonValueKind.Object && answer.Result.TryGetProperty("message_id", out var id) ? $"msg:{chat}:{id.GetRawText()}" : null;

    /// <summary>429: try again after retry_after. 400 (chat not found) and 403 (the user blocked the bot, or deleted their
    /// account): never, and the reply shows why. A wrong token (401, 404) or Telegram's own trouble (5xx): again later,
    /// an admin may fix the token meanwhile.</summary>
    private static DeliveryResult Failed(TelegramAnswer answer) => answer.ErrorCode switch
    {
        429 => DeliveryResult.Failed(answer.Error, retryable: true) with { RetryAfter = TimeSpan.FromSeconds(Math.Max(1, answer.RetryAfter ?? 1)) },
        400 or 403 => DeliveryResult.Failed(answer.Error, retryable: false),
        _ => DeliveryResult.Failed(answer.Error, retryable: true),
    };

    /// <summary>The text in parts of at most <see cref="MaxTextLength"/>, cut at a line break or a space where there is one.</summary>
    internal static List<string> Split(string text)
    {
        var parts = new List<string>();
        while (text.Length > MaxTextLength)
        {
            var cut = text.LastIndexOf('\n', MaxTextLength - 1);
            if (cut < MaxTextLength / 2) cut = text.LastIndexOf(' ', MaxTextLength - 1);
            if (cut < MaxTextLength / 2) cut = MaxTextLength;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            parts.Add(text[..cut].TrimEnd());
            text = text[cut..].TrimStart();
        }
        if (text.Length > 0) parts.Add(text);
        return parts;
    }

    // ---- connection ----

    /// <summary>getMe with the token; a polling bot also drops its webhook (getUpdates refuses to work while one is set).
    /// A webhook is set where the account's id is known (<see cref="TelegramWebhooks"/>).</summary>
    public async Task TestConnectionAsync(TelegramSettings settings, CancellationToken cancellationToken)
    {
        await CheckAsync(settings, "getMe", null, cancellationToken);
        if (settings.Polls) await CheckAsync(settings, "deleteWebhook", new { drop_pending_updates = false }, cancellationToken);
    }

    internal static async Task<TelegramAnswer> CheckAsync(TelegramSettings settings, string method, object? parameters, CancellationToken ct)
    {
        TelegramAnswer answer;
        try
        {
            answer = await TelegramBotApi.CallAsync(settings, method, parameters, ct);
        }
        catch (TelegramUnreachable e)
        {
            throw new OknoException(new ChannelConnectionFailed(TelegramErrorCodes.ApiUnreachable, e.Message, ("host", Uri.TryCreate(settings.ApiBaseUrl, UriKind.Absolute, out var api) ? api.Authority : settings.ApiBaseUrl)));
        }
        if (!answer.Ok)
            throw new OknoException(new ChannelConnectionFailed(TelegramErrorCodes.ApiRefused, answer.Error, ("value", answer.Error)));
        return answer;
    }
}

/// <summary>The Bot API said no (an update fetch or a file); the item or fetch is tried again, and the account shows why.</summary>
public sealed class TelegramApiException(TelegramAnswer answer) : Exception(answer.Error)
{
    public TelegramAnswer Answer { get; } = answer;
}
