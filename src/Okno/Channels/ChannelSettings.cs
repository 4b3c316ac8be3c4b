using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Okno.Platform.Web;

namespace Okno.Channels;

/// <summary>The settings of one adapter: a record of plain properties, read from the API's JSON and checked here.</summary>
public interface IChannelSettings
{
    /// <summary>Adds a field error (named <c>settings.&lt;field&gt;</c>) for each wrong value.</summary>
    void Validate(FieldErrors errors);
}

/// <summary>Marks a settings property that is a secret (a password, a bot token): stored protected by ASP.NET Data
/// Protection, never returned by the API (which answers <c>{"set": true}</c> instead), kept when an update leaves it
/// out.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>Marks a plain settings property that an update leaving it out keeps (a chat's public key: a new one would
/// break every site's script tag).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeptWhenOmittedAttribute : Attribute;

/// <summary>Settings that fill in what an admin left out (a generated key) before they are checked and stored.</summary>
public interface IDefaultedChannelSettings
{
    IChannelSettings WithDefaults();
}

/// <summary>Turns typed settings into stored JSON and back, protecting the secret fields; and into the view the API
/// may show.</summary>
public sealed class ChannelSettingsCodec(IDataProtectionProvider protection)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private readonly IDataProtector _protector = protection.CreateProtector("Okno.Channels.Settings.v1");

    /// <summary>The names (as JSON writes them) of the secret properties of a settings type.</summary>
    public static IReadOnlyList<string> SecretFields(Type settingsType) =>
        settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<SecretAttribute>() is not null)
            .Select(p => Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToList();

    /// <summary>JSON to store: the settings with each secret field's text replaced by its ciphertext.</summary>
    public string Protect<TSettings>(TSettings settings) where TSettings : class, IChannelSettings
    {
        var json = JsonSerializer.SerializeToNode(settings, Json)!.AsObject();
        foreach (var field in SecretFields(typeof(TSettings)))
            if (json[field] is JsonValue value && value.TryGetValue<string>(out var clear)) json[field] = _protector.Protect(clear);
        return json.ToJsonString(Json);
    }

    /// <summary>The settings as the adapter needs them, secrets in clear.</summary>
    public TSettings Unprotect<TSettings>(string stored) where TSettings : class, IChannelSettings =>
        JsonSerializer.Deserialize<TSettings>(UnprotectedJson(typeof(TSettings), stored), Json)
            ?? throw new InvalidOperationException("Stored channel settings are empty.");

    private JsonObject UnprotectedJson(Type settingsType, string stored)
    {
        var json = JsonNode.Parse(stored)!.AsObject();
        foreach (var field in SecretFields(settingsType))
            if (json[field] is JsonValue value && value.TryGetValue<string>(out var cipher)) json[field] = _protector.Unprotect(cipher);
        return json;
    }

    /// <summary>The settings as the API shows them: plain fields as stored, each secret as <c>{"set": true|false}</c>.</summary>
    public static JsonObject View(Type settingsType, string stored)
    {
        var json = JsonNode.Parse(stored)!.AsObject();
        foreach (var field in SecretFields(settingsType))
            json[field] = new JsonObject { ["set"] = json[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 };
        return json;
    }

    /// <summary>Reads settings a client sent for an update: a secret field left out (or sent as null, or as the
    /// <c>{"set": …}</c> the API shows) keeps the stored one; so does a <see cref="KeptWhenOmittedAttribute"/> field left
    /// out or null.</summary>
    public JsonObject MergeSecrets(Type settingsType, JsonObject given, string? stored)
    {
        var merged = given.DeepClone().AsObject();
        var previous = stored is null ? null : UnprotectedJson(settingsType, stored);
        foreach (var field in settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetCustomAttribute<KeptWhenOmittedAttribute>() is not null).Select(p => Json.PropertyNamingPolicy!.ConvertName(p.Name)))
            if (merged[field] is null && previous?[field] is JsonValue kept) merged[field] = kept.DeepClone();
        foreach (var field in SecretFields(settingsType))
        {
            var keep = merged[field] is null || merged[field] is JsonObject;
            if (keep)
            {
                merged.Remove(field);
                if (previous?[field] is JsonValue old) merged[field] = old.DeepClone();
            }
        }
        return merged;
    }
}
