using Okno.Platform.Web;

namespace Okno.Channels.Email;

/// <summary>A mailbox: where to fetch mail (IMAP), where to send replies (SMTP), what replies are signed with, and the
/// secret a local MTA sends with mail it hands over (<c>POST /api/v1/channels/{id}/inbound</c>). Security is
/// <c>none</c>, <c>starttls</c> or <c>tls</c> (implicit TLS). Without an IMAP host the mailbox is not polled (mail then
/// only arrives through the MTA intake). <see cref="AcknowledgeNew"/>: a new request that arrives here gets a "request
/// received" notification (Notifications).</summary>
public sealed record EmailSettings(
    string? ImapHost = null, int ImapPort = 993, string ImapSecurity = EmailSettings.Tls, string? ImapUser = null,
    [property: Secret] string? ImapPassword = null, string ImapFolder = "INBOX",
    string? SmtpHost = null, int SmtpPort = 587, string SmtpSecurity = EmailSettings.StartTls, string? SmtpUser = null,
    [property: Secret] string? SmtpPassword = null,
    string? FromName = null, string? FromAddress = null, int PollSeconds = 60, int MaxMessageMegabytes = 25,
    [property: Secret] string? IntakeSecret = null, string ReplyToClosed = EmailSettings.FollowUp, bool AcknowledgeNew = false) : IChannelSettings
{
    /// <summary>What a customer's mail to a closed ticket does: opens a follow-up linked to it (the default; a closed
    /// ticket stays as it was closed), or reopens it.</summary>
    public const string FollowUp = "follow_up";
    public const string Reopen = "reopen";
    public static readonly string[] ReplyToClosedChoices = [FollowUp, Reopen];

    public const string None = "none";
    public const string StartTls = "starttls";
    public const string Tls = "tls";
    public static readonly string[] SecurityChoices = [None, StartTls, Tls];
    public const int MinPollSeconds = 5;
    public const int MaxPollSeconds = 3600;
    public const int MaxMegabytes = 100;
    public const int MinIntakeSecretLength = 16;

    public long MaxMessageBytes => MaxMessageMegabytes * 1024L * 1024;
    public bool Polls => !string.IsNullOrWhiteSpace(ImapHost);

    public void Validate(FieldErrors errors)
    {
        Host(errors, "settings.imapHost", ImapHost, required: false);
        Port(errors, "settings.imapPort", ImapPort);
        Security(errors, "settings.imapSecurity", ImapSecurity);
        errors.Text("settings.imapUser", ImapUser, 320, required: Polls);
        errors.Text("settings.imapPassword", ImapPassword, 1000, required: Polls);
        errors.Text("settings.imapFolder", ImapFolder, 500);
        Host(errors, "settings.smtpHost", SmtpHost, required: true);
        Port(errors, "settings.smtpPort", SmtpPort);
        Security(errors, "settings.smtpSecurity", SmtpSecurity);
        errors.Text("settings.smtpUser", SmtpUser, 320, required: false);
        errors.Text("settings.smtpPassword", SmtpPassword, 1000, required: false);
        errors.Text("settings.fromName", FromName, 200, required: false);
        errors.Email("settings.fromAddress", FromAddress);
        if (PollSeconds is < MinPollSeconds or > MaxPollSeconds)
            errors.Add("settings.pollSeconds", ErrorCodes.OutOfRange, $"Between {MinPollSeconds} and {MaxPollSeconds}.", ("min", MinPollSeconds), ("max", MaxPollSeconds));
        if (MaxMessageMegabytes is < 1 or > MaxMegabytes)
            errors.Add("settings.maxMessageMegabytes", ErrorCodes.OutOfRange, $"Between 1 and {MaxMegabytes}.", ("min", 1), ("max", MaxMegabytes));
        errors.Text("settings.intakeSecret", IntakeSecret, 500, required: false);
        if (IntakeSecret is { Length: > 0 and < MinIntakeSecretLength }) errors.TooShort("settings.intakeSecret", MinIntakeSecretLength);
        if (!ReplyToClosedChoices.Contains(ReplyToClosed))
            errors.Add("settings.replyToClosed", ErrorCodes.NotOneOf, $"Choose one of: {string.Join(", ", ReplyToClosedChoices)}.",
                ("value", ReplyToClosed), ("allowed", string.Join(", ", ReplyToClosedChoices)));
    }

    private static void Host(FieldErrors errors, string field, string? host, bool required)
    {
        errors.Text(field, host, 253, required);
        if (!string.IsNullOrWhiteSpace(host) && host.Length <= 253 && Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
            errors.Add(field, ChannelErrorCodes.InvalidHost, "Not a host name or IP address.");
    }

    private static void Port(FieldErrors errors, string field, int port)
    {
        if (port is < 1 or > 65535) errors.Add(field, ErrorCodes.OutOfRange, "Between 1 and 65535.", ("min", 1), ("max", 65535));
    }

    private static void Security(FieldErrors errors, string field, string? value)
    {
        if (!SecurityChoices.Contains(value))
            errors.Add(field, ErrorCodes.NotOneOf, $"Choose one of: {string.Join(", ", SecurityChoices)}.", ("value", value), ("allowed", string.Join(", ", SecurityChoices)));
    }
}
