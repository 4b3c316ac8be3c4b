namespace Okno.Notifications;

/// <summary>Okno:Notifications settings.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Okno:Notifications";

    /// <summary>The desk's address as agents reach it (https://help.example.com): {ticket.url} in agent notifications
    /// links there. Unset: {ticket.url} is empty.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The language of customers' notifications, and of agents who chose none ("en" or "ru").</summary>
    public string DefaultLanguage { get; set; } = "en";
}
