using System.Collections.Concurrent;
using System.Text.Json;
using Okno.Platform.Cluster;

namespace Okno.Channels.Chat;

/// <summary>One live event for open chat streams: an SSE event name, its id (a message's, for resuming) and its JSON.</summary>
public sealed record ChatLiveEvent(string Event, long? Id, string Data);

/// <summary>Carries live chat events to the open streams that want them, on this node at once and on the others through
/// the node bus (so a visitor on node A and an agent on node B talk in real time). Streams listen on keys:
/// <see cref="VisitorKey"/> (a conversation's browsers: messages, "your conversation is ticket N"), <see cref="TicketKey"/>
/// (read marks, typing, state) and <see cref="AgentsKey"/> (the agents' stream). Best effort, like every live update: a
/// stream that missed something catches up from the database when it reconnects (by the last message id it holds).</summary>
public sealed class ChatFeed : IDisposable
{
    public const string Channel = "chat:live";
    public const string AgentsKey = "agents";

    private readonly INodeBus? _bus;
    private readonly IDisposable? _fromOtherNodes;
    private readonly ILogger<ChatFeed> _logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<ChatLiveEvent>>> _listeners = new();

    public ChatFeed(ILogger<ChatFeed> logger, INodeBus? bus = null)
    {
        _logger = logger;
        _bus = bus;
        _fromOtherNodes = bus?.Subscribe(Channel, Receive);
    }

    public static string VisitorKey(long accountId, string senderId) => $"v:{accountId}:{senderId}";
    public static string TicketKey(long ticketId) => $"t:{ticketId}";

    /// <summary>Calls <paramref name="listener"/> with each event published to <paramref name="key"/> until disposed; it must
    /// be quick and must not throw (it runs on the publisher's thread or the bus's).</summary>
    public IDisposable Listen(string key, Action<ChatLiveEvent> listener)
    {
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(key, _ => new())[id] = listener;
        return new Listening(() =>
        {
            if (_listeners.TryGetValue(key, out var all) && all.TryRemove(id, out _) && all.IsEmpty) _listeners.TryRemove(new(key, all));
        });
    }

    /// <summary>Whether any stream on this node listens on the key (skips building events nobody here reads).</summary>
    public bool HasLocalListeners(string key) => _listeners.TryGetValue(key, out var all) && !all.IsEmpty;

    public void Publish(string key, ChatLiveEvent liveEvent)
    {
        Deliver(key, liveEvent);
        _bus?.Publish(Channel, JsonSerializer.Serialize(new Envelope(_bus.NodeId, key, liveEvent.Event, liveEvent.Id, liveEvent.Data)));
    }

    public void Publish(string key, string eventName, long? id, object data) =>
        Publish(key, new ChatLiveEvent(eventName, id, JsonSerializer.Serialize(data, ChatJson.Options)));

    private void Receive(string message)
    {
        Envelope? envelope;
        try { envelope = JsonSerializer.Deserialize<Envelope>(message); }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "Ignored a chat event from the node bus that is not one");
            return;
        }
        if (envelope is null || envelope.Node == _bus!.NodeId) return;
        Deliver(envelope.Key, new ChatLiveEvent(envelope.Event, envelope.Id, envelope.Data));
    }

    private void Deliver(string key, ChatLiveEvent liveEvent)
    {
        if (!_listeners.TryGetValue(key, out var all)) return;
        foreach (var listener in all.Values)
        {
            try { listener(liveEvent); }
            catch (Exception e) { _logger.LogWarning(e, "A chat stream failed to take an event for {Key}", key); }
        }
    }

    public void Dispose() => _fromOtherNodes?.Dispose();

    private sealed record Envelope(string Node, string Key, string Event, long? Id, string Data);

    private sealed class Listening(Action stop) : IDisposable
    {
        private int _stopped;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0) stop();
        }
    }
}

internal static class ChatJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };
}
