using Okno.Tickets.Events;

namespace Okno.Channels;

/// <summary>A reply an agent (or a rule) sent is committed with its delivery row (<see cref="DeliveryQueue"/>); this
/// wakes the delivery job at once instead of leaving the reply to its next 5-second run. Runs after the reply's
/// commit, from the ticket events (nothing reacts to a ticket change any other way); a lost wake-up only delays the
/// reply to that next run.</summary>
internal sealed class WakeDeliveriesOnReply(ChannelWakeUp wakeUp) : ITicketEventHandler
{
    private bool _replied;

    public string Name => "channels.wake-deliveries";

    // A creation or a status change has nothing to deliver: only a reply needs the job woken at once.
    public bool WakesFor(string eventType) => eventType == ReplySent.Type;

    public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (ticketEvent is ReplySent) _replied = true;
        return Task.CompletedTask;
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (_replied) wakeUp.Deliveries();
        _replied = false;
        return Task.CompletedTask;
    }
}
