using System.Text.Json;

namespace Okno.Channels.Connectors;

/// <summary>A message a connector posts to its account's inbound endpoint (see <see cref="ConnectorDocs"/>):
/// <c>conversationId</c>, <c>userId</c>, <c>messageId</c> required; <c>text</c>, <c>attachments</c> or
/// <c>buttonPayload</c> at least one.</summary>
public sealed record ConnectorItem(string? ConversationId, string? UserId, string? UserName, string? Text, string? MessageId,
    IReadOnlyList<ConnectorItemFile>? Attachments = null, string? ButtonPayload = null)
{
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 64 * 1024;
    public const int MaxAttachments = 10;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public static ConnectorItem Read(string payload) =>
        JsonSerializer.Deserialize<ConnectorItem>(payload, Json) ?? throw new FormatException("The item is empty.");

    /// <summary>What is wrong with the item, as (field, message), or null when nothing is.</summary>
    public (string Field, string Message)? Problem()
    {
        if (Id(ConversationId) is { } c) return ("conversationId", c);
        if (Id(UserId) is { } u) return ("userId", u);
        if (Id(MessageId) is { } m) return ("messageId", m);
        if (UserName is { Length: > MaxNameLength }) return ("userName", $"At most {MaxNameLength} characters.");
        if (Text is { Length: > MaxTextLength }) return ("text", $"At most {MaxTextLength} characters.");
        if (ButtonPayload is { Length: > OutboundButton.MaxPayloadLength }) return ("buttonPayload", $"At most {OutboundButton.MaxPayloadLength} characters.");
        var files = Attachments ?? [];
        if (files.Count > MaxAttachments) return ("attachments", $"At most {MaxAttachments} files.");
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            if (f is null) return ($"attachments[{i}]", "A file, not null.");
            if (string.IsNullOrWhiteSpace(f.Url) == string.IsNullOrWhiteSpace(f.Base64)) return ($"attachments[{i}]", "Either url or base64, not both.");
            if (f.Url is { Length: > 0 } url && !Automation.Webhooks.WebhookUrls.IsValid(url.Trim())) return ($"attachments[{i}].url", "An absolute http or https URL.");
            if (f.Base64 is { Length: > 0 } b64 && !IsBase64(b64)) return ($"attachments[{i}].base64", "Not base64, or larger than the limit.");
            if (f.FileName is { Length: > 255 }) return ($"attachments[{i}].fileName", "At most 255 characters.");
            if (f.ContentType is { Length: > 200 }) return ($"attachments[{i}].contentType", "At most 200 characters.");
        }
        if (string.IsNullOrWhiteSpace(Text) && files.Count == 0 && string.IsNullOrEmpty(ButtonPayload)) return ("text", "A message needs a text, a file or a button.");
        return null;
    }

    private static string? Id(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "Required." : value.Length > MaxIdLength ? $"At most {MaxIdLength} characters." : null;

    private static bool IsBase64(string text)
    {
        if (text.Length > ChannelHttp.MaxFileBytes / 3 * 4 + 4) return false;
        var buffer = new byte[text.Length / 4 * 3 + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>The stored item's id: the conversation and the message, <c>"{length of conversationId}:{conversationId}:{messageId}"</c>,
    /// so a message id need only be unique in its conversation, and a reply can tell which conversation it answers.</summary>
    public string ExternalId => $"{ConversationId!.Length}:{ConversationId}:{MessageId}";

    /// <summary>The conversation and message of an id made by <see cref="ExternalId"/>, or null.</summary>
    public static (string ConversationId, string MessageId)? FromExternalId(string? externalId)
    {
        if (externalId is null || externalId.IndexOf(':') is not (> 0 and var colon)
            || !int.TryParse(externalId.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || colon + 1 + length + 1 > externalId.Length || externalId[colon + 1 + length] != ':') return null;
        return (externalId.Substring(colon + 1, length), externalId[(colon + 2 + length)..]);
    }
}

/// <summary>A file of a connector's message: by <see cref="Url"/> (fetched by Okno, through the SSRF guard) or inline as
/// <see cref="Base64"/>.</summary>
public sealed record ConnectorItemFile(string? FileName, string? ContentType, string? Url, string? Base64);
