using Okno.Tickets;

namespace Okno.Channels;

public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>A reply waiting to go out through a channel account, written in the same transaction as the reply
/// (<see cref="DeliveryQueue"/>). <see cref="DeliverMessages"/> sends it with retries and backoff. The message itself
/// carries the state agents see (<see cref="Message.Delivery"/>); this row carries the queue's bookkeeping.</summary>
public sealed class ChannelDelivery
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public Message Message { get; set; } = null!;
    public long AccountId { get; set; }
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
}
