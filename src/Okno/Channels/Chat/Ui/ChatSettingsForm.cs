using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Ui;

namespace Okno.Channels.Chat.Ui;

/// <summary>An invitation row of the chat form.</summary>
public sealed class ChatInvitationInput
{
    public int AfterSeconds { get; set; } = 30;
    public string? Pages { get; set; } = "*";
    public string? Text { get; set; }
}

/// <summary>The fields of the chat channel dialog, read from the settings the API shows and written back as the settings
/// the create/update use case takes; defaults and limits are <see cref="ChatSettings"/>' own.</summary>
public sealed class ChatSettingsForm
{
    public static readonly IReadOnlySet<string> FieldNames = typeof(ChatSettings).GetProperties().Where(p => p.CanWrite)
        .Select(p => "settings." + ChannelSettingsCodec.Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The public key (shown, with the script tag, once the channel is saved; kept on update).</summary>
    public string? Key { get; private init; }
    public string? AllowedOrigins { get; set; }
    public string? Title { get; set; }
    public string? Greeting { get; set; }
    public string Accent { get; set; } = "#1565c0";
    public string AccentText { get; set; } = "#ffffff";
    public string PrechatName { get; set; } = ChatSettings.Optional;
    public string PrechatEmail { get; set; } = ChatSettings.Optional;
    public string PrechatPhone { get; set; } = ChatSettings.Off;
    public long? CalendarId { get; set; }
    public long? EmailAccountId { get; set; }
    public string? OfflineText { get; set; }
    public List<ChatInvitationInput> Invitations { get; private init; } = [];
    public SecretInput Secret { get; private init; } = new(false);

    public static ChatSettingsForm From(JsonObject? view)
    {
        var plain = view?.DeepClone().AsObject() ?? [];
        var secretSet = plain["secret"] is JsonObject shown && shown["set"] is JsonValue set && set.TryGetValue<bool>(out var isSet) && isSet;
        plain.Remove("secret");
        ChatSettings s;
        try { s = plain.Deserialize<ChatSettings>(ChannelSettingsCodec.Json) ?? new ChatSettings(); }
        catch (JsonException) { s = new ChatSettings(); }
        return new ChatSettingsForm
        {
            Key = s.Key, AllowedOrigins = string.Join('\n', s.AllowedOrigins ?? []), Title = s.Title, Greeting = s.Greeting, Accent = s.Accent,
            AccentText = s.AccentText, PrechatName = s.PrechatName, PrechatEmail = s.PrechatEmail, PrechatPhone = s.PrechatPhone,
            CalendarId = s.CalendarId, EmailAccountId = s.EmailAccountId, OfflineText = s.OfflineText,
            Invitations = (s.Invitations ?? []).Select(i => new ChatInvitationInput { AfterSeconds = i.AfterSeconds, Pages = i.Pages, Text = i.Text }).ToList(),
            Secret = new SecretInput(secretSet),
        };
    }

    /// <summary>The settings to send: the key left out (generated, or kept), the secret only when typed or removed.</summary>
    public JsonObject ToSettings()
    {
        var origins = (AllowedOrigins ?? "").Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var settings = new ChatSettings(null, null, origins, Blank(Title), Blank(Greeting), Accent.Trim(), AccentText.Trim(), PrechatName, PrechatEmail,
            PrechatPhone, CalendarId, EmailAccountId, Blank(OfflineText),
            Invitations.Select(i => new ChatInvitation(i.AfterSeconds, i.Pages?.Trim() ?? "", i.Text?.Trim() ?? "")).ToList());
        var json = JsonSerializer.SerializeToNode(settings, ChannelSettingsCodec.Json)!.AsObject();
        json.Remove("key");
        json.Remove("secret");
        if (Secret.ToJson() is { } secret) json["secret"] = secret;
        return json;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
