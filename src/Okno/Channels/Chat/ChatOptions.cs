namespace Okno.Channels.Chat;

/// <summary>Settings under "Okno:Chat": the limits every chat channel shares.</summary>
public sealed class ChatOptions
{
    public const string Section = "Okno:Chat";

    /// <summary>Messages and files one visitor may send a minute.</summary>
    public int VisitorMessagesPerMinute { get; set; } = 30;
    /// <summary>Widget requests of any kind from one IP address a minute (a whole office may share one).</summary>
    public int AddressRequestsPerMinute { get; set; } = 600;
    /// <summary>New visitors (sessions without a token) one IP address may start a minute.</summary>
    public int NewVisitorsPerMinute { get; set; } = 30;
    public int MaxMessageLength { get; set; } = 4000;
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>File types a visitor may send; anything else is refused before it is stored.</summary>
    public string[] FileTypes { get; set; } =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv", "application/zip",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];
    /// <summary>How long answers the visitor has not seen wait for them to come back before they go by email.</summary>
    public TimeSpan MailAfter { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often a node holding a visitor's live stream says so in the database.</summary>
    public TimeSpan StreamBeat { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The ping on an idle live stream (keeps proxies from closing it; a dead one is noticed by the failed write).</summary>
    public TimeSpan StreamPing { get; set; } = TimeSpan.FromSeconds(15);
}
