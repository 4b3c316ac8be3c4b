using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Okno.Platform.Web;

namespace Okno.Channels.Chat;

/// <summary>A proactive invitation: after <see cref="AfterSeconds"/> on a page whose address matches <see cref="Pages"/>
/// (a pattern with <c>*</c>), the widget shows <see cref="Text"/> once per browser session.</summary>
public sealed record ChatInvitation(int AfterSeconds = 30, string Pages = "*", string Text = "");

/// <summary>A chat widget on websites. <see cref="Key"/> is the public key the site's script tag names (generated when
/// not given, kept when an update leaves it out); <see cref="Secret"/> signs the identities a site passes of its signed-in
/// users (HMAC-SHA256 of the user id and email). Pre-chat fields are <c>off</c>, <c>optional</c> or <c>required</c>.
/// <see cref="CalendarId"/>: working hours (an SLA business calendar); outside them, or with nobody of the target group
/// online, the widget says so and takes a message. <see cref="EmailAccountId"/>: the mailbox that carries the conversation
/// on by email once the visitor left (answers they did not see, transcripts).</summary>
public sealed partial record ChatSettings(
    [property: KeptWhenOmitted] string? Key = null, [property: Secret] string? Secret = null, IReadOnlyList<string>? AllowedOrigins = null,
    string? Title = null, string? Greeting = null, string Accent = "#1565c0", string AccentText = "#ffffff",
    string PrechatName = ChatSettings.Optional, string PrechatEmail = ChatSettings.Optional, string PrechatPhone = ChatSettings.Off,
    long? CalendarId = null, long? EmailAccountId = null, string? OfflineText = null, IReadOnlyList<ChatInvitation>? Invitations = null)
    : IChannelSettings, IDefaultedChannelSettings
{
    public const string Off = "off";
    public const string Optional = "optional";
    public const string Required = "required";
    public static readonly string[] FieldChoices = [Off, Optional, Required];
    public const int MinKeyLength = 16;
    public const int MaxOrigins = 50;
    public const int MaxInvitations = 20;

    public IChannelSettings WithDefaults() => string.IsNullOrWhiteSpace(Key) ? this with { Key = NewKey() } : this;

    /// <summary>24 random bytes, URL-safe: unguessable, so one site cannot post into another desk's chat by guessing.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Validate(FieldErrors errors)
    {
        errors.Text("settings.key", Key, 100);
        if (Key is { Length: > 0 } key && (key.Length < MinKeyLength || !KeyShape().IsMatch(key)))
            errors.Add("settings.key", ChatErrorCodes.InvalidKey, $"At least {MinKeyLength} letters, digits, '-' or '_'.", ("min", MinKeyLength));
        errors.Text("settings.secret", Secret, 500, required: false);
        if (Secret is { Length: > 0 and < MinKeyLength }) errors.TooShort("settings.secret", MinKeyLength);
        var origins = AllowedOrigins ?? [];
        if (origins.Count > MaxOrigins) errors.TooMany("settings.allowedOrigins", MaxOrigins);
        for (var i = 0; i < origins.Count && i < MaxOrigins; i++)
            if (NormalOrigin(origins[i]) is null)
                errors.Add($"settings.allowedOrigins[{i}]", ChatErrorCodes.InvalidOrigin, "An origin: scheme, host and port, like https://shop.example.", ("value", origins[i]));
        errors.Text("settings.title", Title, 100, required: false);
        errors.Text("settings.greeting", Greeting, 1000, required: false);
        errors.Text("settings.offlineText", OfflineText, 1000, required: false);
        Colour(errors, "settings.accent", Accent);
        Colour(errors, "settings.accentText", AccentText);
        Choice(errors, "settings.prechatName", PrechatName);
        Choice(errors, "settings.prechatEmail", PrechatEmail);
        Choice(errors, "settings.prechatPhone", PrechatPhone);
        var invitations = Invitations ?? [];
        if (invitations.Count > MaxInvitations) errors.TooMany("settings.invitations", MaxInvitations);
        for (var i = 0; i < invitations.Count && i < MaxInvitations; i++)
        {
            var invitation = invitations[i];
            if (invitation.AfterSeconds is < 0 or > 3600)
                errors.Add($"settings.invitations[{i}].afterSeconds", ErrorCodes.OutOfRange, "Between 0 and 3600.", ("min", 0), ("max", 3600));
            errors.Text($"settings.invitations[{i}].pages", invitation.Pages, 500);
            errors.Text($"settings.invitations[{i}].text", invitation.Text, 500);
        }
    }

    /// <summary>The origins the widget may run on, normalized; empty: any.</summary>
    public IReadOnlyList<string> Origins => (AllowedOrigins ?? []).Select(NormalOrigin).OfType<string>().ToList();

    /// <summary>"https://Shop.example:443/" → "https://shop.example"; null when it is not an http(s) origin.</summary>
    public static string? NormalOrigin(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || uri.PathAndQuery is not ("/" or "") || !string.IsNullOrEmpty(uri.UserInfo)) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static void Colour(FieldErrors errors, string field, string? value)
    {
        if (value is null || !ColourShape().IsMatch(value))
            errors.Add(field, ChatErrorCodes.InvalidColour, "A colour like #1565c0.", ("value", value));
    }

    private static void Choice(FieldErrors errors, string field, string? value)
    {
        if (!FieldChoices.Contains(value))
            errors.Add(field, ErrorCodes.NotOneOf, $"Choose one of: {string.Join(", ", FieldChoices)}.", ("value", value), ("allowed", string.Join(", ", FieldChoices)));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourShape();
}
