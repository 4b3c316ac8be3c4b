using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Ui;
using Okno.Channels.Vk;

namespace Okno.Channels.Connectors.Ui;

/// <summary>The VK community's fields in the channel dialog, read from the settings the API shows and written back as the
/// settings the create/update use case takes; a stored secret is never shown (left empty, it is kept).</summary>
public sealed class VkSettingsForm
{
    public static readonly IReadOnlySet<string> FieldNames = Names(typeof(VkSettings));

    public long GroupId { get; set; }
    public string? ConfirmationCode { get; set; }
    public string ApiVersion { get; set; } = VkSettings.DefaultApiVersion;
    public string ApiBaseUrl { get; set; } = VkSettings.DefaultApiBaseUrl;
    public SecretInput AccessToken { get; private init; } = new(false);
    public SecretInput SecretKey { get; private init; } = new(false);

    public static VkSettingsForm From(JsonObject? view)
    {
        var (plain, set) = Split(view, typeof(VkSettings));
        VkSettings s;
        try { s = plain.Deserialize<VkSettings>(ChannelSettingsCodec.Json) ?? new VkSettings(); }
        catch (JsonException) { s = new VkSettings(); }
        return new VkSettingsForm
        {
            GroupId = s.GroupId, ConfirmationCode = s.ConfirmationCode, ApiVersion = s.ApiVersion, ApiBaseUrl = s.ApiBaseUrl,
            AccessToken = new SecretInput(set.Contains("accessToken")), SecretKey = new SecretInput(set.Contains("secretKey")),
        };
    }

    public JsonObject ToSettings()
    {
        var json = JsonSerializer.SerializeToNode(new VkSettings(GroupId, null, Blank(ConfirmationCode), null, ApiBaseUrl.Trim(), ApiVersion.Trim()),
            ChannelSettingsCodec.Json)!.AsObject();
        json.Remove("accessToken");
        json.Remove("secretKey");
        if (AccessToken.ToJson() is { } token) json["accessToken"] = token;
        if (SecretKey.ToJson() is { } key) json["secretKey"] = key;
        return json;
    }

    internal static IReadOnlySet<string> Names(Type settings) => settings.GetProperties().Where(p => p.CanWrite)
        .Select(p => "settings." + ChannelSettingsCodec.Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The plain fields, and the names of the secrets that are set.</summary>
    internal static (JsonObject Plain, HashSet<string> SetSecrets) Split(JsonObject? view, Type settings)
    {
        var plain = view?.DeepClone().AsObject() ?? [];
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ChannelSettingsCodec.SecretFields(settings))
        {
            if (plain[field] is JsonObject shown && shown["set"] is JsonValue v && v.TryGetValue<bool>(out var isSet) && isSet) set.Add(field);
            plain.Remove(field);
        }
        return (plain, set);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The connector's fields in the channel dialog. A new connector's secret is generated in the form, shown so the
/// admin can copy it for the bridge before saving (a read never shows it again).</summary>
public sealed class ConnectorSettingsForm
{
    public static readonly IReadOnlySet<string> FieldNames = VkSettingsForm.Names(typeof(ConnectorSettings));

    public string? CallbackUrl { get; set; }
    public bool SupportsButtons { get; set; }
    public string? Messenger { get; set; }
    public SecretInput Secret { get; private init; } = new(false);

    public static ConnectorSettingsForm From(JsonObject? view)
    {
        var (plain, set) = VkSettingsForm.Split(view, typeof(ConnectorSettings));
        ConnectorSettings s;
        try { s = plain.Deserialize<ConnectorSettings>(ChannelSettingsCodec.Json) ?? new ConnectorSettings(); }
        catch (JsonException) { s = new ConnectorSettings(); }
        var form = new ConnectorSettingsForm
        {
            CallbackUrl = s.CallbackUrl, SupportsButtons = s.SupportsButtons, Messenger = s.Messenger, Secret = new SecretInput(set.Contains("secret")),
        };
        if (view is null) form.Secret.Value = Automation.Webhooks.WebhookSecrets.NewSecret();
        return form;
    }

    public JsonObject ToSettings()
    {
        var json = JsonSerializer.SerializeToNode(new ConnectorSettings(null, CallbackUrl?.Trim(), SupportsButtons, VkSettingsForm.Blank(Messenger)),
            ChannelSettingsCodec.Json)!.AsObject();
        json.Remove("secret");
        if (Secret.ToJson() is { } secret) json["secret"] = secret;
        return json;
    }
}
