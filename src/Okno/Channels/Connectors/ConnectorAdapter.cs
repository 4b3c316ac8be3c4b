using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Channels.Connectors;

/// <summary>The connector API (<see cref="ConnectorDocs"/>): a bridge POSTs a messenger's message as signed JSON to its
/// account's push endpoint; the signature and its timestamp are checked before anything is stored, the item is stored
/// under its conversation and message id (a resend is a no-op), and files given by URL are fetched when the item is read,
/// through the SSRF guard. An agent's reply is POSTed to the callback URL, signed the same way, with its files as signed
/// download links; 2xx is sent, 5xx, 429 and no answer are tried again by the delivery queue, any other answer fails
/// with the reason.</summary>
public sealed class ConnectorAdapter(ChannelHttp http, OknoDb db, ConnectorFiles links, TimeProvider clock)
    : IPushChannelAdapter<ConnectorSettings>
{
    public const string SignatureHeader = "X-Okno-Signature";
    public const string TimestampHeader = "X-Okno-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";
    /// <summary>How far a request's timestamp may be from Okno's clock: older requests are refused as replays.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    public const int MaxPayloadBytes = 28 * 1024 * 1024;
    public const string UserAgent = "Okno-Connector/1";

    public async Task<PushReceipt> ReceiveAsync(ConnectorSettings settings, HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
            return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The message is too large.", ErrorCodes.PayloadTooLarge);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxPayloadBytes)
                return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The message is too large.", ErrorCodes.PayloadTooLarge);
            copy.Write(buffer, 0, read);
        }
        var body = copy.ToArray();
        // The signature first: nothing of an unsigned request is read, let alone stored.
        if (!long.TryParse(request.Headers[TimestampHeader].ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp))
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The {TimestampHeader} header (unix seconds) is missing.", ConnectorErrorCodes.BadSignature);
        if (settings.Secret is not { Length: > 0 } secret || !Verify(secret, timestamp, body, request.Headers[SignatureHeader].ToString()))
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The {SignatureHeader} header is missing or wrong.", ConnectorErrorCodes.BadSignature);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > MaxClockSkew.TotalSeconds)
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The timestamp is more than {MaxClockSkew.TotalMinutes:0} minutes from Okno's clock.",
                ConnectorErrorCodes.StaleTimestamp);
        string payload;
        ConnectorItem item;
        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            item = ConnectorItem.Read(payload);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"Not a connector message: {e.Message}", ConnectorErrorCodes.InvalidMessage);
        }
        if (item.Problem() is { } problem)
            return PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"{problem.Field}: {problem.Message}", ConnectorErrorCodes.InvalidMessage);
        return PushReceipt.Accept(new RawInboundItem(item.ExternalId, payload) { Sender = item.UserId });
    }

    /// <summary>Checks <c>sha256=&lt;hex of HMAC-SHA256(secret, "{timestamp}.{body}")&gt;</c>, the scheme of
    /// <see cref="Automation.Webhooks.WebhookSignature"/>, over the exact bytes received, in constant time.</summary>
    public static bool Verify(string secret, long timestamp, byte[] body, string? signature)
    {
        if (signature is null || !signature.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data, prefix.Length);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public InboundMessage Parse(ConnectorSettings settings, string payload)
    {
        var item = ConnectorItem.Read(payload);
        var files = new List<InboundAttachment>();
        foreach (var f in item.Attachments ?? [])
            if (f.Base64 is { Length: > 0 } b64) files.Add(new InboundAttachment(Name(f), f.ContentType ?? "application/octet-stream", Convert.FromBase64String(b64), null, false));
        return Message(item, files, []);
    }

    public async Task<InboundMessage> ParseAsync(ConnectorSettings settings, string payload, CancellationToken cancellationToken)
    {
        var item = ConnectorItem.Read(payload);
        var files = new List<InboundAttachment>();
        var notes = new List<string>();
        var refreshed = false;
        foreach (var f in item.Attachments ?? [])
        {
            if (f.Base64 is { Length: > 0 } b64)
            {
                files.Add(new InboundAttachment(Name(f), f.ContentType ?? "application/octet-stream", Convert.FromBase64String(b64), null, false));
                continue;
            }
            if (!refreshed) await http.RefreshAsync(db, cancellationToken);
            refreshed = true;
            // A refused address (SSRF: loopback, private, cloud metadata) throws: the item is retried, then quarantined
            // with the reason for an admin to see, never fetched.
            var got = await http.DownloadAsync(f.Url!.Trim(), ChannelHttp.MaxFileBytes, cancellationToken);
            if (got is not { } file)
            {
                notes.Add($"[{Name(f)}: larger than {ChannelHttp.MaxFileBytes / 1024 / 1024} MB, not downloaded]");
                continue;
            }
            files.Add(new InboundAttachment(Name(f), f.ContentType ?? file.ContentType ?? "application/octet-stream", file.Content, null, false));
        }
        return Message(item, files, notes);
    }

    private static string Name(ConnectorItemFile f) => string.IsNullOrWhiteSpace(f.FileName) ? "file" : f.FileName.Trim();

    private static InboundMessage Message(ConnectorItem item, List<InboundAttachment> files, List<string> notes)
    {
        var text = string.Join("\n", new[] { item.Text?.Trim() ?? "" }.Concat(notes).Where(t => t.Length > 0));
        if (text.Length == 0) text = item.ButtonPayload ?? (files.Count > 0 ? "" : "…");
        return new InboundMessage(item.UserId!.Trim(), string.IsNullOrWhiteSpace(item.UserName) ? null : item.UserName.Trim(), null, null, text)
        {
            Attachments = files, ButtonPayload = string.IsNullOrEmpty(item.ButtonPayload) ? null : item.ButtonPayload,
        };
    }

    /// <summary>One conversation's messages keep their order.</summary>
    public IReadOnlyList<string> OrderKeys(ConnectorSettings settings, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return [json.RootElement.TryGetProperty("conversationId", out var c) ? c.ToString() : ""];
    }

    public async Task<DeliveryResult> SendAsync(ConnectorSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.RecipientId is not { Length: > 0 } userId) return DeliveryResult.Failed("The customer has no user id of this connector.", retryable: false);
        if (settings.CallbackUrl is not { Length: > 0 } url || settings.Secret is not { Length: > 0 } secret)
            return DeliveryResult.Failed("The connector has no callback URL or secret.", retryable: false);
        var answered = ConnectorItem.FromExternalId(message.InReplyToExternalId);
        var buttons = settings.SupportsButtons ? message.Buttons : [];
        var text = settings.SupportsButtons ? message.BodyText : OutboundButtons.WithTextMenu(message.BodyText, message.Buttons);
        var body = new JsonObject
        {
            ["event"] = message.MessageId == 0 ? "notification" : "reply",
            ["messageId"] = message.MessageId,
            ["ticketNumber"] = message.TicketNumber,
            ["conversationId"] = answered?.ConversationId,
            ["userId"] = userId,
            ["inReplyTo"] = answered?.MessageId,
            ["text"] = text,
            ["attachments"] = new JsonArray(message.Attachments.Where(a => a.ContentId is null)
                .Select(a => (JsonNode)new JsonObject { ["fileName"] = a.FileName, ["contentType"] = a.ContentType, ["url"] = links.Link(a) }).ToArray()),
            ["buttons"] = new JsonArray(buttons.Select(b => (JsonNode)new JsonObject { ["payload"] = b.Payload, ["label"] = b.Label }).ToArray()),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        await http.RefreshAsync(db, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.Add("X-Okno-Event", message.MessageId == 0 ? "notification" : "reply");
            // The same for every attempt of this delivery: the bridge drops a repeat (a crash between a send and its record).
            request.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
            request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignatureHeader, Sign(secret, timestamp, bytes));
            using var response = await http.Post.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            var excerpt = await ExcerptAsync(response, cancellationToken);
            if (code is >= 200 and <= 299) return DeliveryResult.Sent(ExternalIdOf(excerpt));
            var reason = $"The connector answered HTTP {code}{(excerpt is { Length: > 0 } e ? ": " + e : ".")}";
            return DeliveryResult.Failed(reason, retryable: code >= 500 || code == 429 || code == 408);
        }
        catch (HttpRequestException e)
        {
            // A refused private address will not change by waiting; a refused connection or a DNS failure may.
            var refused = e.Message.Contains(PublicNetwork.RefusedMessage, StringComparison.Ordinal);
            return DeliveryResult.Failed($"The connector could not be reached: {e.Message}", retryable: !refused);
        }
    }

    /// <summary>The bridge may answer <c>{"messageId": "…"}</c>, the messenger's id of the sent message.</summary>
    private static string? ExternalIdOf(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return null;
        try
        {
            return JsonNode.Parse(answer) is JsonObject o && o["messageId"] is JsonValue v && v.ToString() is { Length: > 0 and <= 200 } id ? "sent:" + id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[2000];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += read;
        return total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }
}
