namespace Okno.Channels.Email.Mime;

/// <summary>A mailbox: the address and the display name (null when the mail gave none).</summary>
public sealed record EmailAddress(string Address, string? Name);

/// <summary>A file carried by a mail. Inline images have <see cref="IsInline"/> and the <see cref="ContentId"/> the HTML
/// refers to as <c>cid:</c>; a forwarded mail (message/rfc822) comes as a .eml file.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId, bool IsInline)
{
    public long Size => Content.LongLength;
}

/// <summary>Why a mail was written by a machine, not a person: such mail never gets an acknowledgement or notification.</summary>
public enum EmailAutomation { None, AutoReply, Bulk, MailingList, DeliveryStatus }

/// <summary>What Okno reads from one received mail.</summary>
public sealed record ParsedEmail(
    string? MessageId,
    IReadOnlyList<string> InReplyTo,
    IReadOnlyList<string> References,
    EmailAddress? From, EmailAddress? ReplyTo,
    IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc,
    string Subject,
    DateTimeOffset? Date,
    string Text,
    string? Html,
    string NewText,
    IReadOnlyList<EmailAttachment> Attachments,
    EmailAutomation Automation, string? AutomationReason,
    string? BouncedMessageId,
    string ContentHash);

/// <summary>A mail's header block alone (<see cref="EmailParser.ParseHeaders"/>): enough to tell whom it is from and
/// which conversation it belongs to, without reading its body.</summary>
public sealed record EmailHeaders(string? MessageId, IReadOnlyList<string> InReplyTo, IReadOnlyList<string> References, string? From, string Subject);

/// <summary>Bounds on a received mail; <see cref="MaxMessageBytes"/> is checked while reading.</summary>
public sealed record EmailParseLimits(long MaxMessageBytes = 25 * 1024 * 1024);

/// <summary>The raw mail is longer than <see cref="MaxBytes"/>; thrown as soon as reading passes the limit.</summary>
public sealed class EmailTooLargeException(long maxBytes)
    : Exception($"The message is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content)
{
    /// <summary>An image the HTML shows in place (<c>cid:</c>, without angle brackets): sent inside multipart/related
    /// beside the HTML rather than as a download.</summary>
    public string? ContentId { get; init; }
}

/// <summary>A mail Okno sends. Ids are without angle brackets.</summary>
public sealed record OutgoingEmail(
    EmailAddress From, IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc,
    string Subject, long? TicketNumber, string Text, string? Html,
    string MessageId, string? InReplyTo, IReadOnlyList<string> References,
    IReadOnlyList<OutgoingAttachment> Attachments, bool AutoSubmitted);
