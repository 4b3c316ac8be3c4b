using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Connectors;
using Okno.Platform.Data;

namespace Okno.Channels.Vk;

/// <summary>A VK community through the Callback API. VK POSTs each event to the account's push endpoint and resends it
/// until it hears the literal "ok": the secret key is checked before anything is stored, a <c>message_new</c> becomes one
/// raw item keyed by the community and VK's message id (a resend is a no-op), every other event is acknowledged and
/// dropped; the one-time <c>confirmation</c> handshake is answered with the confirmation code. Files (photos, documents)
/// are downloaded when the item is read, through the SSRF guard. Replies go out by <c>messages.send</c> with a
/// <c>random_id</c> derived from the delivery, so VK drops a repeat; buttons become an inline keyboard; files go as
/// documents (uploaded first).</summary>
public sealed class VkAdapter(ChannelHttp http, OknoDb db, Platform.Files.AttachmentStore store) : IPushChannelAdapter<VkSettings>
{
    public const int MaxPayloadBytes = 1024 * 1024;
    /// <summary>VK's limit on one message's text.</summary>
    public const int MaxTextLength = 4096;
    /// <summary>VK's inline keyboard: at most 6 rows (one button each here) and 40 characters a label.</summary>
    public const int MaxButtons = 6;
    public const int MaxLabelLength = 40;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task<PushReceipt> ReceiveAsync(VkSettings settings, HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The event is too large.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (body.Length > MaxPayloadBytes) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The event is too large.");
        JsonObject root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("Not an object.");
        }
        catch (JsonException e)
        {
            return PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"Not a Callback API event: {e.Message}", VkErrorCodes.InvalidEvent);
        }
        var type = Str(root["type"]);
        if (Long(root["group_id"]) != settings.GroupId)
            return PushReceipt.Refuse(StatusCodes.Status403Forbidden, "The event is for another community.", VkErrorCodes.WrongCommunity);
        var given = Str(root["secret"]);
        // The handshake may come before the secret key is set in VK; every other event must carry it.
        if ((type != "confirmation" || given is not null) && !SameSecret(given, settings.SecretKey))
            return PushReceipt.Refuse(StatusCodes.Status403Forbidden, "The secret key is missing or wrong.", VkErrorCodes.WrongSecret);
        if (type == "confirmation") return new PushReceipt([]) { PlainTextAnswer = settings.ConfirmationCode ?? "" };
        if (type != "message_new") return new PushReceipt([]) { PlainTextAnswer = "ok" };

        var message = root["object"]?["message"] as JsonObject;
        if (message is null) return PushReceipt.Refuse(StatusCodes.Status400BadRequest, "A message_new event without a message.", VkErrorCodes.InvalidEvent);
        var id = ExternalId(settings.GroupId, message, Str(root["event_id"]));
        if (id is null) return PushReceipt.Refuse(StatusCodes.Status400BadRequest, "The message has no id.", VkErrorCodes.InvalidEvent);
        // The stored item never holds the secret key.
        root.Remove("secret");
        var peer = Long(message["peer_id"]) ?? Long(message["from_id"]);
        return new PushReceipt([new RawInboundItem(id, root.ToJsonString()) { Sender = peer?.ToString(CultureInfo.InvariantCulture) }])
        {
            PlainTextAnswer = "ok",
        };
    }

    /// <summary>"{group}:{message id}": VK's message ids are unique in a community's dialogs, and a resent event carries
    /// the same one. A message in a group chat may have id 0: its conversation's own id then, else the event's.</summary>
    private static string? ExternalId(long groupId, JsonObject message, string? eventId)
    {
        var g = groupId.ToString(CultureInfo.InvariantCulture);
        if (Long(message["id"]) is { } id and > 0) return $"{g}:{id.ToString(CultureInfo.InvariantCulture)}";
        if (Long(message["peer_id"]) is { } peer && Long(message["conversation_message_id"]) is { } cmid and > 0)
            return $"{g}:c{peer.ToString(CultureInfo.InvariantCulture)}_{cmid.ToString(CultureInfo.InvariantCulture)}";
        return eventId is { Length: > 0 and <= 200 } ? $"{g}:e{eventId}" : null;
    }

    private static bool SameSecret(string? given, string? expected) =>
        expected is { Length: > 0 } && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    public InboundMessage Parse(VkSettings settings, string payload) => Read(payload, []);

    public async Task<InboundMessage> ParseAsync(VkSettings settings, string payload, CancellationToken cancellationToken)
    {
        var message = MessageOf(payload);
        var files = new List<InboundAttachment>();
        var notes = new List<string>();
        var wanted = Files(message, notes);
        await http.RefreshAsync(db, cancellationToken);
        foreach (var (url, name, type) in wanted)
        {
            var got = await http.DownloadAsync(url, ChannelHttp.MaxFileBytes, cancellationToken);
            if (got is not { } file)
            {
                notes.Add($"[{name}: larger than {ChannelHttp.MaxFileBytes / 1024 / 1024} MB, not downloaded]");
                continue;
            }
            files.Add(new InboundAttachment(name, type ?? file.ContentType ?? "application/octet-stream", file.Content, null, false));
        }
        var read = Read(payload, files, notes);
        return read with { SenderName = await NameAsync(settings, read.SenderId, cancellationToken) };
    }

    /// <summary>The user's name by <c>users.get</c>, best effort: a contact without a name is better than an item held up
    /// because VK did not answer.</summary>
    private async Task<string?> NameAsync(VkSettings settings, string userId, CancellationToken ct)
    {
        if (settings.AccessToken is not { Length: > 0 } token || userId.StartsWith('-')) return null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var result = await CallAsync(settings, "users.get", new Dictionary<string, string>
            {
                ["user_ids"] = userId, ["v"] = settings.ApiVersion, ["access_token"] = token,
            }, timeout.Token);
            if (result.Response is not JsonArray { Count: > 0 } users || users[0] is not JsonObject user) return null;
            var name = $"{Str(user["first_name"])} {Str(user["last_name"])}".Trim();
            return name.Length is > 0 and <= 200 ? name : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static InboundMessage Read(string payload, List<InboundAttachment> files, List<string>? notes = null)
    {
        var message = MessageOf(payload);
        var from = Long(message["from_id"]) ?? throw new FormatException("The message has no from_id.");
        var text = Str(message["text"]) ?? "";
        var extra = notes ?? [];
        if (notes is null) Files(message, extra);
        if (extra.Count > 0) text = string.Join("\n", new[] { text }.Concat(extra).Where(t => t.Length > 0));
        if (text.Length == 0 && files.Count == 0) text = "[VK]";
        return new InboundMessage(from.ToString(CultureInfo.InvariantCulture), null, null, null, text)
        {
            Attachments = files, ButtonPayload = ButtonPayload(Str(message["payload"])),
        };
    }

    /// <summary>The files to download (a photo's largest size, a document's address); attachments that are not files
    /// (a sticker, a link, a wall post) are named in <paramref name="notes"/> so the agent knows something came.</summary>
    private static List<(string Url, string Name, string? Type)> Files(JsonObject message, List<string> notes)
    {
        var files = new List<(string, string, string?)>();
        foreach (var attachment in (message["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var kind = Str(attachment["type"]) ?? "?";
            switch (kind)
            {
                case "photo" when attachment["photo"] is JsonObject photo && LargestPhoto(photo) is { } url:
                    files.Add((url, $"photo-{Long(photo["id"])?.ToString(CultureInfo.InvariantCulture) ?? "vk"}.jpg", "image/jpeg"));
                    break;
                case "doc" when attachment["doc"] is JsonObject doc && Str(doc["url"]) is { Length: > 0 } url:
                    var title = Str(doc["title"]) ?? "document";
                    var ext = Str(doc["ext"]);
                    files.Add((url, ext is { Length: > 0 } && !title.EndsWith("." + ext, StringComparison.OrdinalIgnoreCase) ? $"{title}.{ext}" : title, null));
                    break;
                default:
                    notes.Add($"[VK: {kind}]");
                    break;
            }
        }
        return files;
    }

    private static string? LargestPhoto(JsonObject photo)
    {
        if (photo["orig_photo"] is JsonObject orig && Str(orig["url"]) is { Length: > 0 } original) return original;
        return (photo["sizes"] as JsonArray ?? []).OfType<JsonObject>()
            .OrderByDescending(s => (Long(s["width"]) ?? 0) * (Long(s["height"]) ?? 0))
            .Select(s => Str(s["url"])).FirstOrDefault(u => u is { Length: > 0 });
    }

    /// <summary>A pressed button's payload is the JSON this adapter put on it (<c>{"b": "…"}</c>); VK's own "Start"
    /// button sends <c>{"command": "start"}</c>, which is not a choice.</summary>
    private static string? ButtonPayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            return JsonNode.Parse(payload) is JsonObject o && Str(o["b"]) is { Length: > 0 and <= OutboundButton.MaxPayloadLength } b ? b : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> OrderKeys(VkSettings settings, string payload)
    {
        var message = MessageOf(payload);
        return [Long(message["peer_id"])?.ToString(CultureInfo.InvariantCulture) ?? Long(message["from_id"])?.ToString(CultureInfo.InvariantCulture) ?? ""];
    }

    private static JsonObject MessageOf(string payload) =>
        JsonNode.Parse(payload)?["object"]?["message"] as JsonObject ?? throw new FormatException("Not a VK message_new event.");

    public async Task<DeliveryResult> SendAsync(VkSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.RecipientId is not { } peer || !long.TryParse(peer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            return DeliveryResult.Failed("The customer has no VK user id.", retryable: false);
        if (settings.AccessToken is not { Length: > 0 } token) return DeliveryResult.Failed("The VK community has no access token.", retryable: false);
        var buttons = message.Buttons;
        var text = message.BodyText.Trim();
        if (buttons.Count > MaxButtons)
        {
            text = OutboundButtons.WithTextMenu(text, buttons);
            buttons = [];
        }
        await http.RefreshAsync(db, cancellationToken);
        // Files go as VK documents (docs.getMessagesUploadServer → upload → docs.save), attached to the first part. A retry
        // uploads again; the message itself is still sent once (random_id).
        var attachments = new List<string>();
        foreach (var file in message.Attachments.Where(a => a.ContentId is null))
        {
            var uploaded = await UploadAsync(settings, token, peer, file, cancellationToken);
            if (uploaded.Error is { } uploadFailed) return uploadFailed;
            attachments.Add(uploaded.Attachment!);
        }
        if (text.Length == 0 && attachments.Count == 0) text = "…";
        var parts = Split(text);
        var firstId = RandomId(message.IdempotencyKey);
        string? sentId = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var form = new Dictionary<string, string>
            {
                ["peer_id"] = peer, ["message"] = parts[i],
                // The same delivery makes the same numbers, so VK drops a send that is repeated after a crash.
                ["random_id"] = unchecked(firstId + i).ToString(CultureInfo.InvariantCulture),
                ["v"] = settings.ApiVersion, ["access_token"] = token,
            };
            if (i == parts.Count - 1 && buttons.Count > 0) form["keyboard"] = Keyboard(buttons);
            if (i == 0 && attachments.Count > 0) form["attachment"] = string.Join(",", attachments);
            var result = await CallAsync(settings, "messages.send", form, cancellationToken);
            if (result.Error is { } failed) return failed;
            sentId ??= result.Response is JsonValue v && v.TryGetValue<long>(out var mid) ? $"{settings.GroupId.ToString(CultureInfo.InvariantCulture)}:{mid.ToString(CultureInfo.InvariantCulture)}" : null;
        }
        return DeliveryResult.Sent(sentId);
    }

    /// <summary>One file as a VK document of the conversation: its <c>doc{owner}_{id}</c>, or why it failed.</summary>
    private async Task<(string? Attachment, DeliveryResult? Error)> UploadAsync(VkSettings settings, string token, string peer, OutboundAttachment file,
        CancellationToken ct)
    {
        var server = await CallAsync(settings, "docs.getMessagesUploadServer", new Dictionary<string, string>
        {
            ["type"] = "doc", ["peer_id"] = peer, ["v"] = settings.ApiVersion, ["access_token"] = token,
        }, ct);
        if (server.Error is { } e1) return (null, e1);
        if (Str(server.Response?["upload_url"]) is not { Length: > 0 } uploadUrl) return (null, DeliveryResult.Failed("VK gave no upload address.", retryable: true));
        await using var content = store.Open(file.Sha256);
        if (content is null) return (null, DeliveryResult.Failed($"The file {file.FileName} is no longer in the attachment store.", retryable: false));
        string uploaded;
        try
        {
            using var form = new MultipartFormDataContent();
            var part = new StreamContent(content);
            part.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new("application/octet-stream");
            form.Add(part, "file", file.FileName);
            using var response = await http.Post.PostAsync(uploadUrl, form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                return (null, DeliveryResult.Failed($"VK's upload answered HTTP {(int)response.StatusCode}.", retryable: (int)response.StatusCode >= 500));
            if (Str((JsonNode.Parse(body) as JsonObject)?["file"]) is not { Length: > 0 } f)
                return (null, DeliveryResult.Failed($"VK did not take the file {file.FileName}: {(body.Length > 200 ? body[..200] : body)}", retryable: false));
            uploaded = f;
        }
        catch (HttpRequestException e)
        {
            return (null, DeliveryResult.Failed($"VK's upload could not be reached: {e.Message}",
                retryable: !e.Message.Contains(Platform.Web.PublicNetwork.RefusedMessage, StringComparison.Ordinal)));
        }
        catch (JsonException e)
        {
            return (null, DeliveryResult.Failed($"VK's upload answered something that is not JSON: {e.Message}", retryable: true));
        }
        var saved = await CallAsync(settings, "docs.save", new Dictionary<string, string>
        {
            ["file"] = uploaded, ["title"] = file.FileName, ["v"] = settings.ApiVersion, ["access_token"] = token,
        }, ct);
        if (saved.Error is { } e2) return (null, e2);
        var doc = saved.Response?["doc"] as JsonObject ?? (saved.Response as JsonArray)?.FirstOrDefault() as JsonObject;
        return Long(doc?["owner_id"]) is { } owner && Long(doc?["id"]) is { } id
            ? ($"doc{owner.ToString(CultureInfo.InvariantCulture)}_{id.ToString(CultureInfo.InvariantCulture)}", null)
            : (null, DeliveryResult.Failed("VK saved the document without an id.", retryable: false));
    }

    /// <summary>A positive 31-bit number from the delivery's key: VK remembers a <c>random_id</c> per peer for an hour and
    /// sends a message with a repeated one only once.</summary>
    public static int RandomId(string idempotencyKey) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)), 0) & 0x3FFFFFFF) + 1;

    /// <summary>An inline keyboard, a button a row; a button's payload is <c>{"b": "&lt;payload&gt;"}</c>.</summary>
    public static string Keyboard(IReadOnlyList<OutboundButton> buttons) => new JsonObject
    {
        ["inline"] = true,
        ["buttons"] = new JsonArray(buttons.Select(b => (JsonNode)new JsonArray(new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "text",
                ["label"] = b.Label.Length <= MaxLabelLength ? b.Label : b.Label[..(MaxLabelLength - 1)] + "…",
                ["payload"] = new JsonObject { ["b"] = b.Payload }.ToJsonString(),
            },
        })).ToArray()),
    }.ToJsonString();

    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        while (text.Length > MaxTextLength)
        {
            var cut = text.LastIndexOf('\n', MaxTextLength - 1);
            if (cut < MaxTextLength / 2) cut = MaxTextLength;
            parts.Add(text[..cut].TrimEnd());
            text = text[cut..].TrimStart();
        }
        parts.Add(text);
        return parts;
    }

    private sealed record ApiResult(JsonNode? Response, DeliveryResult? Error);

    /// <summary>One API method. VK answers 200 with <c>{"error": {error_code, error_msg}}</c> when it refuses: flood
    /// control (9), too many requests per second (6) and its internal errors (10) may pass when tried later; a user who
    /// never wrote to the community or forbade its messages (901, 900, 902) and a missing right (7, 15) will not.</summary>
    private async Task<ApiResult> CallAsync(VkSettings settings, string method, Dictionary<string, string> form, CancellationToken ct)
    {
        var url = $"{settings.ApiBaseUrl.TrimEnd('/')}/method/{method}";
        try
        {
            using var response = await http.Post.PostAsync(url, new FormUrlEncodedContent(form), ct);
            var code = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (code >= 500 || code == 429) return new ApiResult(null, DeliveryResult.Failed($"VK answered HTTP {code}.", retryable: true));
            if (code is < 200 or > 299) return new ApiResult(null, DeliveryResult.Failed($"VK answered HTTP {code}.", retryable: false));
            var json = JsonNode.Parse(body) as JsonObject;
            if (json?["error"] is JsonObject error)
            {
                var errorCode = Long(error["error_code"]) ?? 0;
                var reason = $"VK error {errorCode.ToString(CultureInfo.InvariantCulture)}: {Str(error["error_msg"]) ?? "no message"}";
                return new ApiResult(null, DeliveryResult.Failed(reason, retryable: errorCode is 6 or 9 or 10));
            }
            return json?.ContainsKey("response") == true
                ? new ApiResult(json["response"], null)
                : new ApiResult(null, DeliveryResult.Failed("VK answered without a response.", retryable: true));
        }
        catch (HttpRequestException e)
        {
            return new ApiResult(null, DeliveryResult.Failed($"VK could not be reached: {e.Message}",
                retryable: !e.Message.Contains(Platform.Web.PublicNetwork.RefusedMessage, StringComparison.Ordinal)));
        }
        catch (JsonException e)
        {
            return new ApiResult(null, DeliveryResult.Failed($"VK answered something that is not JSON: {e.Message}", retryable: true));
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonNode? node) =>
        node is JsonValue v ? v.TryGetValue<long>(out var l) ? l
            : v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : null
        : null;
}
