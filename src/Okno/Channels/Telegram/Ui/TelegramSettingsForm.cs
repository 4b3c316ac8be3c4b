using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Ui;

namespace Okno.Channels.Telegram.Ui;

/// <summary>The fields of the Telegram channel dialog, read from the settings the API shows and written back as the
/// settings the create/update use case takes. The webhook secret is never shown: generated on create, kept on update.</summary>
public sealed class TelegramSettingsForm
{
    public static readonly IReadOnlySet<string> FieldNames = typeof(TelegramSettings).GetProperties().Where(p => p.CanWrite)
        .Select(p => "settings." + ChannelSettingsCodec.Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    public SecretInput BotToken { get; private init; } = new(false);
    public string Mode { get; set; } = TelegramSettings.Webhook;
    public string ApiBaseUrl { get; set; } = TelegramSettings.DefaultApiBaseUrl;

    public static TelegramSettingsForm From(JsonObject? view)
    {
        var tokenSet = view?["botToken"] is JsonObject shown && shown["set"] is JsonValue set && set.TryGetValue<bool>(out var isSet) && isSet;
        var mode = view?["mode"] is JsonValue m && m.TryGetValue<string>(out var modeText) ? modeText : TelegramSettings.Webhook;
        var api = view?["apiBaseUrl"] is JsonValue a && a.TryGetValue<string>(out var apiText) ? apiText : TelegramSettings.DefaultApiBaseUrl;
        return new TelegramSettingsForm { BotToken = new SecretInput(tokenSet), Mode = mode, ApiBaseUrl = api };
    }

    /// <summary>The settings to send: the token only when typed, the webhook secret left out (generated, or kept).</summary>
    public JsonObject ToSettings()
    {
        var json = new JsonObject { ["mode"] = Mode, ["apiBaseUrl"] = string.IsNullOrWhiteSpace(ApiBaseUrl) ? TelegramSettings.DefaultApiBaseUrl : ApiBaseUrl.Trim() };
        if (BotToken.ToJson() is { } token) json["botToken"] = token is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : token;
        return json;
    }

    internal static JsonSerializerOptions Json => ChannelSettingsCodec.Json;
}
