namespace Okno.Platform.Cluster;

/// <summary>Carries short live messages (JSON text) to every Okno node of one desk, this one included. Only
/// registered when Okno:Redis is set; a single node has none, and live updates then stay in the process.
/// Delivery is best effort: a message sent while the bus is down is lost, which live screens tolerate because each
/// message only tells them to look again.</summary>
public interface INodeBus
{
    /// <summary>Names this process among the nodes, so a receiver can skip the echo of its own messages.</summary>
    string NodeId { get; }

    /// <summary>Sends without waiting; never throws (a failure is logged).</summary>
    void Publish(string channel, string message);

    /// <summary>Calls <paramref name="onMessage"/> for every message on the channel, from any node, on a thread of
    /// the bus.</summary>
    IDisposable Subscribe(string channel, Action<string> onMessage);
}
