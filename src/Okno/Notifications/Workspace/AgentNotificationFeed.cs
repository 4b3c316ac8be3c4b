using Okno.Platform.Cluster;

namespace Okno.Notifications.Workspace;

/// <summary>Tells open bells that an agent (the id) has new items, on every node.</summary>
public sealed class AgentNotificationFeed(ILogger<AgentNotificationFeed> logger, INodeBus? bus = null)
    : NodeIdFeed(Channel, logger, bus)
{
    public const string Channel = "notifications:agents";
}
