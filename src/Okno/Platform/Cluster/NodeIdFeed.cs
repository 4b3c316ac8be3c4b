using System.Globalization;
using Okno.Platform.Localization;

namespace Okno.Platform.Cluster;

/// <summary>"Look again at these" signals for open screens, keyed by ids (agents, saved views…): delivered on this node
/// at once and on the others through the node bus. The message carries only ids, so a lost one costs a late redraw,
/// never data. Subscribers are called in the culture they subscribed in (a live redraw keeps the agent's language).</summary>
public abstract class NodeIdFeed : IDisposable
{
    private readonly string _channel;
    private readonly ILogger _logger;
    private readonly INodeBus? _bus;
    private readonly IDisposable? _fromOtherNodes;
    private readonly Lock _gate = new();
    private Action<long>[] _subscribers = [];

    protected NodeIdFeed(string channel, ILogger logger, INodeBus? bus)
    {
        _channel = channel;
        _logger = logger;
        _bus = bus;
        _fromOtherNodes = bus?.Subscribe(channel, Receive);
    }

    /// <summary>Calls <paramref name="subscriber"/> with each id published (in the subscriber's culture).</summary>
    public IDisposable Subscribe(Action<long> subscriber)
    {
        var inCulture = InCulture.OfCaller(subscriber);
        lock (_gate) _subscribers = [.. _subscribers, inCulture];
        return new Subscription(this, inCulture);
    }

    public void Publish(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return;
        foreach (var id in ids) Deliver(id);
        if (_bus is not null)
            _bus.Publish(_channel, _bus.NodeId + " " + string.Join(',', ids.Select(a => a.ToString(CultureInfo.InvariantCulture))));
    }

    private void Receive(string message)
    {
        var parts = message.Split(' ', 2);
        if (parts.Length != 2 || parts[0] == _bus!.NodeId) return;
        foreach (var text in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) Deliver(id);
            else _logger.LogWarning("Ignored a signal on {Channel} from the node bus that is not one: {Message}", _channel, message);
        }
    }

    private void Deliver(long id)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(id); }
            catch (Exception e) { _logger.LogWarning(e, "A subscriber of {Channel} failed for {Id}", _channel, id); }
        }
    }

    public void Dispose()
    {
        _fromOtherNodes?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Unsubscribe(Action<long> subscriber)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
    }

    private sealed class Subscription(NodeIdFeed feed, Action<long> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}
