namespace Okno.Automation.Webhooks;

/// <summary>The codes of the errors of webhook subscriptions and deliveries (see <see cref="Platform.Web.ErrorCodes"/>
/// for the general ones).</summary>
public static class WebhookErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "webhook.not_found";
    /// <summary>{id}</summary>
    public const string DeliveryNotFound = "webhook.delivery_not_found";
    /// <summary>A URL that is not absolute http(s), or carries a user name or password.</summary>
    public const string InvalidUrl = "webhook.invalid_url";
    /// <summary>{value}, {allowed}: an event a subscription cannot listen to.</summary>
    public const string InvalidEvent = "webhook.invalid_event";
    /// <summary>{value}: not a host name or an IP address.</summary>
    public const string InvalidHost = "webhook.invalid_host";
    /// <summary>{status}: only a failed or waiting delivery is tried again.</summary>
    public const string DeliveryAlreadySent = "webhook.delivery_already_sent";
    /// <summary>The subscription is not paused.</summary>
    public const string NotPaused = "webhook.not_paused";
    /// <summary>{max}</summary>
    public const string TooManySubscriptions = "webhook.too_many";
}
