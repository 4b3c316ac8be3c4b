namespace Okno.Channels;

/// <summary>Held: read, but kept back for an agent to look at rather than written (a mail that claims to answer a
/// ticket but comes from someone not in its conversation, a storm from one sender); released by hand.</summary>
public enum InboundStatus { Pending, Done, Ignored, Quarantined, Held }

/// <summary>A raw item as a transport delivered it, stored before anything reads it: the account and the item's id in
/// the transport are unique together, so a redelivery is a no-op. The pipeline (<see cref="InboundProcessor"/>)
/// turns it into a ticket message and marks it done in the same transaction.</summary>
public sealed class InboundItem
{
    public const int ExternalIdMaxLength = 255;
    public const int ErrorMaxLength = 2000;

    public long Id { get; set; }
    public long AccountId { get; set; }
    public string ExternalId { get; set; } = "";
    public string Payload { get; set; } = "";
    public InboundStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The claim of the node processing it (see <see cref="InboundProcessor"/>); a concurrency token, so an
    /// item whose claim was taken over cannot be marked done by the node that lost it.</summary>
    public string? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    /// <summary>The ticket and message it became (none when a filter ignored it).</summary>
    public long? TicketId { get; set; }
    public long? MessageId { get; set; }

    public const int SenderMaxLength = 320;
    public const int SubjectMaxLength = 500;
    /// <summary>Who sent it and its subject, as read when it was processed: for the list an admin reviews and for the
    /// per-sender rate limit, without reading every payload again.</summary>
    public string? Sender { get; set; }
    public string? Subject { get; set; }
    /// <summary>A held item an agent let through: processed again, and not held a second time.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
    public long? ReleasedBy { get; set; }
}
