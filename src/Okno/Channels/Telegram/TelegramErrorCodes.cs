namespace Okno.Channels.Telegram;

/// <summary>The stable codes of the Telegram channel's errors (ProblemDetails <c>code</c>); their texts are in ErrorStrings.</summary>
public static class TelegramErrorCodes
{
    public const string InvalidBotToken = "telegram.invalid_bot_token";
    public const string InvalidWebhookSecret = "telegram.invalid_webhook_secret";
    public const string InvalidApiBaseUrl = "telegram.invalid_api_base_url";
    /// <summary>{value}: what the Bot API answered (a wrong token: "Unauthorized").</summary>
    public const string ApiRefused = "telegram.api_refused";
    /// <summary>{host}: the Bot API server could not be reached.</summary>
    public const string ApiUnreachable = "telegram.api_unreachable";
    /// <summary>The desk's public address is not set (Okno:Notifications:BaseUrl), so Telegram cannot be told where to
    /// send updates; choose polling or set it.</summary>
    public const string NoPublicUrl = "telegram.no_public_url";
    /// <summary>{id}: not a Telegram account.</summary>
    public const string NotTelegram = "telegram.not_telegram";
}
