using System.Text.Json;

namespace Okno.Channels.Adapters;

/// <summary>The small JSON item the log adapter and the web form read:
/// <c>{"id": "…", "from": "visitor-1", "name": "Anna", "email": "a@example.com", "subject": "…", "text": "…",
/// "inReplyTo": "…", "automatic": false, "echo": false}</c>; "from" and "text" are required.</summary>
internal sealed record SimpleInboundJson(string? Id, string? From, string? Name, string? Email, string? Subject, string? Text, string? InReplyTo,
    bool Automatic = false, bool Echo = false)
{
    public const int MaxPayloadBytes = 256 * 1024;

    public static SimpleInboundJson Read(string payload) =>
        JsonSerializer.Deserialize<SimpleInboundJson>(payload, JsonSerializerOptions.Web)
            ?? throw new FormatException("The item is empty.");

    public InboundMessage ToMessage()
    {
        if (string.IsNullOrWhiteSpace(From)) throw new FormatException("The item has no sender (\"from\").");
        if (string.IsNullOrWhiteSpace(Text)) throw new FormatException("The item has no text.");
        return new InboundMessage(From.Trim(), Name?.Trim(), Email?.Trim(), Subject?.Trim(), Text, InReplyTo, Automatic, Echo);
    }
}
