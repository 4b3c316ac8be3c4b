using System.Text.Json;
using System.Text.Json.Serialization;
using Okno.Platform.Cluster;
using Okno.Platform.Localization;

namespace Okno.Tickets.Live;

public enum TicketChangeKind { Created, Changed, MessageAdded, Merged, Linked }

/// <summary>Something that happened to a ticket in one operation (a request's save), told to open screens after it
/// was committed. Carries what a screen needs to decide whether it cares: the ticket's routing before and after (an
/// inbox view or a counter the ticket was not in and is not in now need not re-read; <see cref="Before"/> is null for
/// a new ticket, and both are null when unknown, which means "assume it matters"), and the actor.</summary>
public sealed record TicketChange(long TicketId, TicketChangeKind Kind, long? GroupId, long? AssigneeId, long? ActorAgentId,
    long? MessageId = null, bool InternalNote = false, Events.TicketRouting? Before = null, Events.TicketRouting? After = null)
{
    /// <summary>Whether the ticket may have moved between counter buckets (status, group, assignee).</summary>
    public bool MayMoveBucket => After is null || Before != After;
}

/// <summary>Tells every open agent screen what changed. <see cref="TicketFeedHandler"/> publishes each committed
/// ticket event here (on the one node that handles it); Blazor
/// components subscribe and re-read what they show (the push itself travels over the circuit's SignalR connection).
/// Subscribers must be quick and must not throw: they are called on the publisher's thread, or on the node bus's.
/// With several nodes (a <see cref="INodeBus"/>), a change is delivered here at once and sent as JSON to the other
/// nodes; this node skips its own echo by node id, so every subscriber of every node gets each change exactly once,
/// and a node whose Redis is down still serves its own screens.</summary>
public sealed class TicketFeed : IDisposable
{
    public const string Channel = "tickets:changes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private readonly ILogger<TicketFeed> _logger;
    private readonly INodeBus? _bus;
    private readonly IDisposable? _fromOtherNodes;
    private readonly Lock _gate = new();
    private Action<TicketChange>[] _subscribers = [];

    public TicketFeed(ILogger<TicketFeed> logger, INodeBus? bus = null)
    {
        _logger = logger;
        _bus = bus;
        _fromOtherNodes = bus?.Subscribe(Channel, Receive);
    }

    /// <remarks>The subscriber is called in the culture it subscribed in (<see cref="InCulture"/>).</remarks>
    public IDisposable Subscribe(Action<TicketChange> subscriber)
    {
        var inCulture = InCulture.OfCaller(subscriber);
        lock (_gate) _subscribers = [.. _subscribers, inCulture];
        return new Subscription(this, inCulture);
    }

    public void Publish(TicketChange change)
    {
        Deliver(change);
        _bus?.Publish(Channel, JsonSerializer.Serialize(new Envelope(_bus.NodeId, change), Json));
    }

    private void Receive(string message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message, Json);
        }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "Ignored a ticket change from the node bus that is not one");
            return;
        }
        if (envelope?.Change is null || envelope.Node == _bus!.NodeId) return;
        Deliver(envelope.Change);
    }

    private void Deliver(TicketChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(change); }
            catch (Exception e) { _logger.LogWarning(e, "A ticket feed subscriber failed on {Change}", change); }
        }
    }

    public void Dispose() => _fromOtherNodes?.Dispose();

    /// <summary>A change as it travels between nodes, with the node that made it.</summary>
    private sealed record Envelope(string Node, TicketChange Change);

    private void Unsubscribe(Action<TicketChange> subscriber)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
    }

    private sealed class Subscription(TicketFeed feed, Action<TicketChange> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}
