using Okno.Tickets;

namespace Okno.Channels;

public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>What a delivery carries: a public reply on a ticket (its text is the message's), a notification (a mail
/// that is not a ticket message: "we received your request", "a ticket was assigned to you"; its text is on the row), or
/// a forward of a ticket to outside addresses (its message is the agent's internal record with the recipients and files;
/// the subject and forwarded text are on the row, see <see cref="ForwardTicket"/>).</summary>
public enum DeliveryKind { Reply, Notification, Forward }

/// <summary>One outgoing item in the one delivery queue every outgoing mail or chat message goes through.
/// A reply's row is written in the same transaction as the reply (<see cref="DeliveryQueue"/>) and the message carries
/// the state agents see (<see cref="Message.Delivery"/>); a notification's row (<see cref="Notification"/>) carries its
/// recipient, subject and text itself. <see cref="DeliverMessages"/> sends both with retries and backoff; this row
/// carries the queue's bookkeeping, and the outbox list (<c>GET /api/v1/outbox</c>) reads it.</summary>
public sealed class ChannelDelivery
{
    public const int RecipientMaxLength = 320;
    public const int SubjectMaxLength = 1000;
    public const int DedupeKeyMaxLength = 200;

    public long Id { get; set; }
    public DeliveryKind Kind { get; set; }
    /// <summary>The reply (or a forward's record) this row sends; null for a notification.</summary>
    public long? MessageId { get; set; }
    public Message? Message { get; set; }
    /// <summary>The ticket the mail is about (a reply's ticket, or the ticket a notification tells of).</summary>
    public long? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long AccountId { get; set; }
    /// <summary>A notification's recipient address; for a reply, the address (or channel id) it was last sent to; for a
    /// forward, its first To address (the record has them all).</summary>
    public string? Recipient { get; set; }
    /// <summary>A notification's or a forward's subject (the mail adds the ticket token if missing); null for a reply (the ticket's subject).</summary>
    public string? Subject { get; set; }
    public string? BodyText { get; set; }
    public string? BodyHtml { get; set; }
    /// <summary>Unique: one (event, recipient, template) is queued once, however often its event is handled.</summary>
    public string? DedupeKey { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the next attempt is due; the queue reads pending rows by this.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set by the node that took the row for one attempt, until <see cref="LeaseUntil"/>; a node that dies
    /// mid-send leaves a lease that runs out, and another node takes the row again.</summary>
    public string? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>A notification's one file (a scheduled report's .xlsx): its name, type and SHA-256 in the attachment
    /// store; null for none. Replies and forwards carry their files on their message.</summary>
    public string? FileName { get; set; }
    public string? FileContentType { get; set; }
    public string? FileSha256 { get; set; }

    /// <summary>A notification mail about a ticket, due now. Header values never carry a line break (the subject is made
    /// one line here, and the composer does it again).</summary>
    public static ChannelDelivery Notification(long accountId, long ticketId, string recipient, string subject, string bodyText, string? bodyHtml,
        string dedupeKey, DateTimeOffset now) => new()
    {
        Kind = DeliveryKind.Notification, AccountId = accountId, TicketId = ticketId, Recipient = NormalRecipient(recipient),
        Subject = Cut(OneLine(subject), SubjectMaxLength), BodyText = bodyText, BodyHtml = bodyHtml, DedupeKey = Cut(dedupeKey, DedupeKeyMaxLength),
        Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
    };

    /// <summary>How a recipient is stored and searched: one line, trimmed, an address in lower case (addresses are
    /// compared without case), at most <see cref="RecipientMaxLength"/> characters.</summary>
    public static string NormalRecipient(string recipient)
    {
        var one = OneLine(recipient);
        if (one.Contains('@', StringComparison.Ordinal)) one = one.ToLowerInvariant();
        return Cut(one, RecipientMaxLength);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t', '\0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
