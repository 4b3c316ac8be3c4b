using System.Text.Json;

namespace Okno.Channels.Adapters;

/// <summary>The small JSON item the log adapter and the web form read:
/// <c>{"id": "…", "from": "visitor-1", "name": "Anna", "email": "a@example.com", "subject": "…", "text": "…",
/// "inReplyTo": "…", "automatic": false, "echo": false, "button": "…"}</c>; "from" and "text" are required; "button" is the
/// payload of a button the sender pressed (its label is the text).</summary>
internal sealed record SimpleInboundJson(string? Id, string? From, string? Name, string? Email, string? Subject, string? Text, string? InReplyTo,
    bool Automatic = false, bool Echo = false, string? Button = null)
{
    public const int MaxPayloadBytes = 256 * 1024;

    public static SimpleInboundJson Read(string payload) =>
        JsonSerializer.Deserialize<SimpleInboundJson>(payload, JsonSerializerOptions.Web)
            ?? throw new FormatException("The item is empty.");

    public InboundMessage ToMessage()
    {
        if (string.IsNullOrWhiteSpace(From)) throw new FormatException("The item has no sender (\"from\").");
        if (string.IsNullOrWhiteSpace(Text)) throw new FormatException("The item has no text.");
        if (Button is { Length: > OutboundButton.MaxPayloadLength }) throw new FormatException($"The button is longer than {OutboundButton.MaxPayloadLength} characters.");
        return new InboundMessage(From.Trim(), Name?.Trim(), Email?.Trim(), Subject?.Trim(), Text, InReplyTo, Automatic, Echo)
        {
            ButtonPayload = string.IsNullOrWhiteSpace(Button) ? null : Button.Trim(),
        };
    }
}
