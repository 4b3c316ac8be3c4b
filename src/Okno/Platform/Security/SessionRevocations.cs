using Okno.Platform.Cluster;

namespace Okno.Platform.Security;

/// <summary>Tells every node at once that an agent's sessions changed (signed out, password changed, deactivated), so
/// open Blazor circuits re-check their session now instead of at the next periodic check. Requests need no message:
/// each one checks its session row. With several nodes the news goes over the node bus (Redis); this node hears it
/// directly too, so a Redis outage never delays its own circuits.</summary>
public sealed class SessionRevocations : IDisposable
{
    private const string Channel = "sessions-revoked";
    private readonly INodeBus? _bus;
    private readonly IDisposable? _subscription;
    private event Action<long>? Revoked;

    public SessionRevocations(IServiceProvider services)
    {
        _bus = services.GetService<INodeBus>();
        _subscription = _bus?.Subscribe(Channel, OnMessage);
    }

    /// <summary>Call after the revocation is committed.</summary>
    public void Announce(long agentId)
    {
        Revoked?.Invoke(agentId);
        _bus?.Publish(Channel, $"{_bus.NodeId}:{agentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>Hears every announcement (of any agent, from any node).</summary>
    public IDisposable Subscribe(Action<long> onRevoked)
    {
        Revoked += onRevoked;
        return new Subscription(() => Revoked -= onRevoked);
    }

    private void OnMessage(string message)
    {
        var parts = message.Split(':');
        if (parts.Length != 2 || parts[0] == _bus!.NodeId) return;
        if (long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var agentId)) Revoked?.Invoke(agentId);
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) dispose();
        }
    }
}
