using Okno.Tickets.Events;

namespace Okno.Tickets.Live;

/// <summary>Drives the live screens from ticket events: after each handled batch commits, one <see cref="TicketChange"/>
/// per ticket and operation goes to <see cref="TicketFeed"/> (which reaches the other nodes' screens over Redis). A
/// creation's half-dozen events (created, message, group, tags…) thus cost open inboxes one refresh, as before. The
/// first event of the operation names the change (created, message added, merged…); the routing runs from before the
/// first to after the last. Pushes may repeat after a crash (a screen re-reads once more), never get lost.</summary>
internal sealed class TicketFeedHandler(TicketFeed feed) : ITicketEventHandler
{
    public const string HandlerName = "tickets.live-feed";

    private readonly List<TicketDomainEvent> _handled = [];

    public string Name => HandlerName;

    public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        _handled.Add(ticketEvent);
        return Task.CompletedTask;
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        foreach (var change in Changes(_handled)) feed.Publish(change);
        _handled.Clear();
        return Task.CompletedTask;
    }

    internal static IEnumerable<TicketChange> Changes(IEnumerable<TicketDomainEvent> events) =>
        events.GroupBy(e => (e.TicketId, e.OperationId)).Select(g =>
        {
            var first = g.First();
            var last = g.Last();
            var message = g.OfType<TicketMessageEvent>().FirstOrDefault();
            return new TicketChange(first.TicketId, KindOf(first), last.After.GroupId, last.After.AssigneeId,
                first.Cause.Kind == ActorKind.Agent ? first.Cause.Id : null, message?.MessageId, message?.Internal ?? false,
                first.Before, last.After);
        });

    private static TicketChangeKind KindOf(TicketDomainEvent e) => e switch
    {
        TicketCreated => TicketChangeKind.Created,
        TicketMessageEvent => TicketChangeKind.MessageAdded,
        TicketMerged => TicketChangeKind.Merged,
        TicketLinked or TicketUnlinked => TicketChangeKind.Linked,
        _ => TicketChangeKind.Changed,
    };
}
