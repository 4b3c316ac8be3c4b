using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Okno.Platform.Web;

namespace Okno.Channels.Telegram;

/// <summary>One Telegram bot. <see cref="BotToken"/> is what @BotFather gave (<c>123456:ABC…</c>). <see cref="Mode"/>:
/// <c>webhook</c> (Telegram POSTs each update to the account's inbound URL, with <see cref="WebhookSecret"/> in the
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header; the desk must be reachable from the internet) or <c>polling</c>
/// (the desk asks with getUpdates; works behind a firewall). <see cref="WebhookSecret"/> is generated when left out and
/// kept on updates. <see cref="ApiBaseUrl"/> is Telegram's by default; a self-hosted Bot API server, or a test's fake,
/// may take its place.</summary>
public sealed partial record TelegramSettings(
    [property: Secret] string? BotToken = null,
    string Mode = TelegramSettings.Webhook,
    [property: Secret] string? WebhookSecret = null,
    string ApiBaseUrl = TelegramSettings.DefaultApiBaseUrl) : IChannelSettings, IDefaultedChannelSettings
{
    public const string Webhook = "webhook";
    public const string Polling = "polling";
    public static readonly string[] Modes = [Webhook, Polling];
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public bool Polls => Mode == Polling;

    public IChannelSettings WithDefaults() => string.IsNullOrEmpty(WebhookSecret) ? this with { WebhookSecret = NewSecret() } : this;

    /// <summary>32 random bytes as base64url: 43 characters of [A-Za-z0-9_-], as setWebhook's secret_token allows.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Validate(FieldErrors errors)
    {
        errors.Text("settings.botToken", BotToken, 200);
        if (!string.IsNullOrEmpty(BotToken) && BotToken.Length <= 200 && !TokenShape().IsMatch(BotToken))
            errors.Add("settings.botToken", TelegramErrorCodes.InvalidBotToken, "Not a bot token: digits, a colon and at least 35 letters, digits, '-' or '_' (as @BotFather gives it).");
        if (!Modes.Contains(Mode))
            errors.Add("settings.mode", ErrorCodes.NotOneOf, $"Choose one of: {string.Join(", ", Modes)}.", ("value", Mode), ("allowed", string.Join(", ", Modes)));
        if (WebhookSecret is not null && !SecretShape().IsMatch(WebhookSecret))
            errors.Add("settings.webhookSecret", TelegramErrorCodes.InvalidWebhookSecret, "1 to 256 letters, digits, '-' or '_' (what Telegram allows).");
        if (string.IsNullOrWhiteSpace(ApiBaseUrl)) errors.Required("settings.apiBaseUrl");
        else if (ApiBaseUrl.Length > 500) errors.TooLong("settings.apiBaseUrl", 500);
        else if (!Uri.TryCreate(ApiBaseUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
                 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            errors.Add("settings.apiBaseUrl", TelegramErrorCodes.InvalidApiBaseUrl, "An absolute http or https address, like https://api.telegram.org.");
    }

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{35,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
