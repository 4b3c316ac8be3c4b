using System.Globalization;
using Okno.Platform.Cluster;
using Okno.Platform.Localization;

namespace Okno.Notifications.Workspace;

/// <summary>Tells open bells that an agent has new items, on this node at once and on the others through the node bus
/// (like the ticket feed: the message only says "look again", so a lost one costs a late badge, not an item).</summary>
public sealed class AgentNotificationFeed : IDisposable
{
    public const string Channel = "notifications:agents";

    private readonly ILogger<AgentNotificationFeed> _logger;
    private readonly INodeBus? _bus;
    private readonly IDisposable? _fromOtherNodes;
    private readonly Lock _gate = new();
    private Action<long>[] _subscribers = [];

    public AgentNotificationFeed(ILogger<AgentNotificationFeed> logger, INodeBus? bus = null)
    {
        _logger = logger;
        _bus = bus;
        _fromOtherNodes = bus?.Subscribe(Channel, Receive);
    }

    /// <summary>Calls <paramref name="subscriber"/> with the agent id of each new item (in the subscriber's culture).</summary>
    public IDisposable Subscribe(Action<long> subscriber)
    {
        var inCulture = InCulture.OfCaller(subscriber);
        lock (_gate) _subscribers = [.. _subscribers, inCulture];
        return new Subscription(this, inCulture);
    }

    public void Publish(IReadOnlyCollection<long> agentIds)
    {
        foreach (var agentId in agentIds) Deliver(agentId);
        if (_bus is not null)
            _bus.Publish(Channel, _bus.NodeId + " " + string.Join(',', agentIds.Select(a => a.ToString(CultureInfo.InvariantCulture))));
    }

    private void Receive(string message)
    {
        var parts = message.Split(' ', 2);
        if (parts.Length != 2 || parts[0] == _bus!.NodeId) return;
        foreach (var id in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId)) Deliver(agentId);
            else _logger.LogWarning("Ignored a notification signal from the node bus that is not one: {Message}", message);
        }
    }

    private void Deliver(long agentId)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(agentId); }
            catch (Exception e) { _logger.LogWarning(e, "A notification feed subscriber failed for agent {Agent}", agentId); }
        }
    }

    public void Dispose() => _fromOtherNodes?.Dispose();

    private void Unsubscribe(Action<long> subscriber)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
    }

    private sealed class Subscription(AgentNotificationFeed feed, Action<long> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}
