using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Email;

namespace Okno.Channels.Ui;

/// <summary>A secret setting as the mailbox form holds it: the API never returns its value, only whether one is stored.
/// Left empty it is left out of the request, which keeps the stored value (ChannelSettingsCodec.MergeSecrets).</summary>
public sealed class SecretInput(bool isSet)
{
    public bool IsSet { get; } = isSet;
    public string? Value { get; set; }
    /// <summary>Remove the stored value (sent as an empty text, which MergeSecrets does not keep).</summary>
    public bool Remove { get; set; }

    internal JsonNode? ToJson() => !string.IsNullOrEmpty(Value) ? JsonValue.Create(Value) : Remove ? JsonValue.Create("") : null;
}

/// <summary>The fields of the mailbox dialog, read from the settings the API shows and written back as the settings
/// the create/update use case takes. Defaults, limits and secrets are <see cref="EmailSettings"/>'s own.</summary>
public sealed class EmailSettingsForm
{
    private static readonly IReadOnlyList<string> Secrets = ChannelSettingsCodec.SecretFields(typeof(EmailSettings));

    /// <summary>The settings fields (as the API's <c>errors</c> name them) that have a field of their own in the form.</summary>
    public static readonly IReadOnlySet<string> FieldNames = typeof(EmailSettings).GetProperties()
        .Where(p => p.CanWrite)
        .Select(p => "settings." + JsonName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    public string? ImapHost { get; set; }
    public int ImapPort { get; set; }
    public string ImapSecurity { get; set; } = EmailSettings.Tls;
    public string? ImapUser { get; set; }
    public SecretInput ImapPassword { get; private init; } = new(false);
    public string? ImapFolder { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public string SmtpSecurity { get; set; } = EmailSettings.StartTls;
    public string? SmtpUser { get; set; }
    public SecretInput SmtpPassword { get; private init; } = new(false);
    public string? FromName { get; set; }
    public string? FromAddress { get; set; }
    public int PollSeconds { get; set; }
    public int MaxMessageMegabytes { get; set; }
    public SecretInput IntakeSecret { get; private init; } = new(false);
    public string ReplyToClosed { get; set; } = EmailSettings.FollowUp;
    public bool AcknowledgeNew { get; set; }

    /// <summary>A form for a new mailbox (<paramref name="view"/> null) or for the settings an account shows.</summary>
    public static EmailSettingsForm From(JsonObject? view)
    {
        var plain = view?.DeepClone().AsObject() ?? [];
        foreach (var secret in Secrets) plain.Remove(secret);
        // Missing fields take EmailSettings' defaults; a stored value the form cannot read falls back to them as well.
        EmailSettings s;
        try
        {
            s = plain.Deserialize<EmailSettings>(ChannelSettingsCodec.Json) ?? new EmailSettings();
        }
        catch (JsonException)
        {
            s = new EmailSettings();
        }
        return new EmailSettingsForm
        {
            ImapHost = s.ImapHost, ImapPort = s.ImapPort, ImapSecurity = s.ImapSecurity, ImapUser = s.ImapUser, ImapFolder = s.ImapFolder,
            ImapPassword = new SecretInput(IsSet(view, JsonName(nameof(EmailSettings.ImapPassword)))),
            SmtpHost = s.SmtpHost, SmtpPort = s.SmtpPort, SmtpSecurity = s.SmtpSecurity, SmtpUser = s.SmtpUser,
            SmtpPassword = new SecretInput(IsSet(view, JsonName(nameof(EmailSettings.SmtpPassword)))),
            FromName = s.FromName, FromAddress = s.FromAddress, PollSeconds = s.PollSeconds, MaxMessageMegabytes = s.MaxMessageMegabytes,
            IntakeSecret = new SecretInput(IsSet(view, JsonName(nameof(EmailSettings.IntakeSecret)))),
            ReplyToClosed = s.ReplyToClosed, AcknowledgeNew = s.AcknowledgeNew,
        };
    }

    /// <summary>The settings to send: a secret left empty is left out (kept on update), blank texts are sent as null.</summary>
    public JsonObject ToSettings()
    {
        var settings = new EmailSettings(
            Blank(ImapHost), ImapPort, ImapSecurity, Blank(ImapUser), null, Blank(ImapFolder) ?? "INBOX",
            Blank(SmtpHost), SmtpPort, SmtpSecurity, Blank(SmtpUser), null,
            Blank(FromName), Blank(FromAddress), PollSeconds, MaxMessageMegabytes, null, ReplyToClosed, AcknowledgeNew);
        var json = JsonSerializer.SerializeToNode(settings, ChannelSettingsCodec.Json)!.AsObject();
        foreach (var secret in Secrets) json.Remove(secret);
        Put(json, JsonName(nameof(EmailSettings.ImapPassword)), ImapPassword);
        Put(json, JsonName(nameof(EmailSettings.SmtpPassword)), SmtpPassword);
        Put(json, JsonName(nameof(EmailSettings.IntakeSecret)), IntakeSecret);
        return json;
    }

    private static void Put(JsonObject json, string field, SecretInput input)
    {
        if (input.ToJson() is { } value) json[field] = value;
    }

    private static bool IsSet(JsonObject? view, string field) =>
        view?[field] is JsonObject shown && shown["set"] is JsonValue set && set.TryGetValue<bool>(out var isSet) && isSet;

    private static string JsonName(string property) => ChannelSettingsCodec.Json.PropertyNamingPolicy!.ConvertName(property);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
