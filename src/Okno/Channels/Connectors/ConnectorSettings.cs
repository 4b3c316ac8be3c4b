using Okno.Automation.Webhooks;
using Okno.Platform.Web;

namespace Okno.Channels.Connectors;

/// <summary>A connector: a bridge to a messenger Okno has no channel for (WhatsApp Business, Viber, Max, Avito, a
/// company's own app). <see cref="Secret"/> signs both directions (HMAC-SHA256, the webhooks' scheme; generated when not
/// given and shown once by <c>POST /api/v1/channels/connector</c>); agents' replies are POSTed to
/// <see cref="CallbackUrl"/>; <see cref="SupportsButtons"/>: the bridge shows buttons (otherwise a numbered text menu is
/// sent); <see cref="Messenger"/>: the messenger's name, for people.</summary>
public sealed record ConnectorSettings(
    [property: Secret] string? Secret = null, string? CallbackUrl = null, bool SupportsButtons = false, string? Messenger = null)
    : IChannelSettings, IDefaultedChannelSettings
{
    public const int MinSecretLength = 16;

    public IChannelSettings WithDefaults() => string.IsNullOrWhiteSpace(Secret) ? this with { Secret = WebhookSecrets.NewSecret() } : this;

    public void Validate(FieldErrors errors)
    {
        errors.Text("settings.secret", Secret, 500);
        if (Secret is { Length: > 0 and < MinSecretLength }) errors.TooShort("settings.secret", MinSecretLength);
        WebhookUrls.Check(errors, "settings.callbackUrl", CallbackUrl);
        errors.Text("settings.messenger", Messenger, 100, required: false);
    }
}
