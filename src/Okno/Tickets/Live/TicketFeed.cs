namespace Okno.Tickets.Live;

public enum TicketChangeKind { Created, Changed, MessageAdded, Merged, Linked }

/// <summary>Something that happened to a ticket, told to open screens after it was committed. Carries what a
/// screen needs to decide whether it cares (routing fields for inbox views, the actor to skip one's own echo).</summary>
public sealed record TicketChange(long TicketId, TicketChangeKind Kind, long? GroupId, long? AssigneeId, long? ActorAgentId,
    long? MessageId = null, bool InternalNote = false);

/// <summary>Tells every open agent screen of this node what changed. Use cases publish after their transaction
/// commits; Blazor components subscribe and re-read what they show (the push itself travels over the circuit's
/// SignalR connection). Subscribers must be quick and must not throw: they are called on the publisher's thread.</summary>
public sealed class TicketFeed(ILogger<TicketFeed> logger)
{
    private readonly Lock _gate = new();
    private Action<TicketChange>[] _subscribers = [];

    public IDisposable Subscribe(Action<TicketChange> subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers, subscriber];
        return new Subscription(this, subscriber);
    }

    public void Publish(TicketChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(change); }
            catch (Exception e) { logger.LogWarning(e, "A ticket feed subscriber failed on {Change}", change); }
        }
    }

    private void Unsubscribe(Action<TicketChange> subscriber)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
    }

    private sealed class Subscription(TicketFeed feed, Action<TicketChange> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}
