namespace Okno.Automation.Webhooks;

/// <summary>An admin's subscription of a URL to ticket events (<see cref="WebhookEvents"/>); trigger actions may also
/// send to it (<see cref="WebhookDeliveries.QueueAsync"/>). Its secret signs every delivery and is stored protected
/// with ASP.NET Core data protection; it is shown in clear only when made (on create and on "rotate secret").</summary>
public sealed class WebhookSubscription
{
    public const int NameMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int PauseReasonMaxLength = 500;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>The secret, protected (<see cref="WebhookSecrets"/>).</summary>
    public string SecretProtected { get; set; } = "";
    /// <summary>Comma-separated event names; empty: only trigger actions send to it.</summary>
    public string Events { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
    /// <summary>Set when repeated failures paused it (<see cref="WebhooksOptions.PauseAfterFailedAttempts"/>); nothing is
    /// sent until an admin resumes it.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    public string? PauseReason { get; set; }
    /// <summary>Failed attempts in a row, over all of its deliveries; a 2xx answer resets it.</summary>
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long? UpdatedBy { get; set; }

    public IReadOnlyList<string> EventList() => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public enum WebhookDeliveryStatus { Pending, Sent, Failed }

/// <summary>One POST of one event to one subscription, in the durable queue <see cref="SendWebhooks"/> works. The row is
/// written in the transaction of what caused it (the ticket-event handler's, or a trigger's), at most once per
/// (subscription, <see cref="DedupeKey"/>).</summary>
public sealed class WebhookDelivery
{
    public const int DedupeKeyMaxLength = 200;
    public const int EventTypeMaxLength = 64;
    public const int LastErrorMaxLength = 500;
    public const int ResponseExcerptMaxLength = 1024;

    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public string EventType { get; set; } = "";
    /// <summary>Unique per subscription: "event:{outbox event id}", "trigger:{rule id}:{event id}", "ping:{guid}".</summary>
    public string DedupeKey { get; set; } = "";
    /// <summary>The body without its first member, the delivery's id, which is only known once the row is saved: the
    /// sender writes <c>{"id":…,</c> before the rest (<see cref="WebhookPayloads.Body"/>).</summary>
    public string Payload { get; set; } = "{}";
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set by the node that took the row for one attempt, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? LastResponseCode { get; set; }
    public string? LastError { get; set; }
    /// <summary>The start of the last answer's body (at most 1 KB), to see what the receiver said.</summary>
    public string? ResponseExcerpt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>A host (exact name or IP address, lower case) webhooks may reach although it resolves to a loopback or
/// private address: an internal system a company wants to call on purpose.</summary>
public sealed class WebhookAllowedHost
{
    public const int HostMaxLength = 253;

    public long Id { get; set; }
    public string Host { get; set; } = "";
}
