using Microsoft.Extensions.DependencyInjection.Extensions;
using Okno.Platform.Outbox;

namespace Okno.Tickets.Events;

/// <summary>Reacts to ticket events after they commit, exactly once per (handler, event), each ticket's events in
/// order. Register with <see cref="TicketEventHandlers.AddTicketEventHandler{T}"/> from the handler's own feature.
/// A handler is made in a fresh scope per batch: the OknoDb it injects is the dispatcher's, inside the transaction
/// that marks the event handled, so its writes commit with that mark or not at all (do not open another transaction;
/// <see cref="Platform.Data.OknoDb.WriteAsync{T}"/> joins the open one). Throwing rolls its writes back and retries the
/// event later with backoff; other handlers go on. Effects outside the database may repeat after a failure or crash.
/// To filter cheaply, look at the event's type, <see cref="TicketDomainEvent.Cause"/> and routing before reading more.</summary>
public interface ITicketEventHandler
{
    /// <summary>Stable across releases (it keys the handler's progress); renaming it starts the handler afresh.</summary>
    string Name { get; }

    Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken);

    /// <summary>Whether a commit that wrote an event of this type (<see cref="TicketDomainEvent.TypeName"/>, e.g.
    /// <see cref="ReplySent.Type"/>) wakes the handler at once; the others reach it, in order, at its next poll (within
    /// a second) or with the next event that wakes it. Default: every type.</summary>
    bool WakesFor(string eventType) => true;

    /// <summary>See <see cref="IOutboxHandler.InBackground"/>: true when nobody waits at a screen for what it does.</summary>
    bool InBackground => false;

    /// <summary>Called once the batch's events went through <see cref="HandleAsync"/>, in their transaction, before it
    /// commits: for writes gathered over the batch (see <see cref="IOutboxHandler.BeforeCommitAsync"/>).</summary>
    Task BeforeCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once the events given to <see cref="HandleAsync"/> since the last call are committed as
    /// handled (the batch); for effects that must not happen before (a push to screens). A failure here is logged,
    /// not retried.</summary>
    Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class TicketEventHandlers
{
    /// <summary>Registers <typeparamref name="T"/> (scoped) as a handler of ticket events.</summary>
    public static IServiceCollection AddTicketEventHandler<T>(this IServiceCollection services) where T : class, ITicketEventHandler
    {
        services.AddScoped<T>();
        services.TryAddSingleton<TicketEventReader>();
        services.AddOutboxHandler<TicketEventHandlerAdapter<T>>();
        return services;
    }
}

/// <summary>Reads the ticket event from its outbox row for a typed handler.</summary>
internal sealed class TicketEventHandlerAdapter<T>(T handler, TicketEventReader reader) : IOutboxHandler where T : class, ITicketEventHandler
{
    public string Name => handler.Name;
    public string Topic => TicketEventOutbox.Topic;

    public Task HandleAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) =>
        handler.HandleAsync(reader.Read(outboxEvent), cancellationToken);

    public bool WakesFor(string type) => handler.WakesFor(type);

    public bool InBackground => handler.InBackground;

    public Task BeforeCommitAsync(CancellationToken cancellationToken) => handler.BeforeCommitAsync(cancellationToken);

    public Task AfterCommitAsync(CancellationToken cancellationToken) => handler.AfterCommitAsync(cancellationToken);
}

/// <summary>Reads ticket events for this app's handlers. Every handler reads every event, each in a loop of its own, so
/// the last few thousand read are kept (an event never changes and its record is immutable): one JSON read per event
/// instead of one per handler (4 % of Okno's CPU during a creation load at 1M tickets, bench/results/2026-12-06-postgres.md).
/// One per app, so per database; the payload is compared as well as the id because a test may recreate its database
/// under a running app, and ids then start again.</summary>
public sealed class TicketEventReader
{
    private sealed record ReadEvent(long Id, string Payload, TicketDomainEvent Event);

    /// <summary>By event id modulo its size (a power of two); a newer event simply takes an older one's place.</summary>
    private readonly ReadEvent?[] _recentlyRead = new ReadEvent?[8192];

    public TicketDomainEvent Read(OutboxEvent row)
    {
        var index = (int)(row.Id & (_recentlyRead.Length - 1));
        if (Volatile.Read(ref _recentlyRead[index]) is { } hit && hit.Id == row.Id && string.Equals(hit.Payload, row.Payload, StringComparison.Ordinal))
            return hit.Event;
        var read = TicketEventOutbox.Read(row);
        Volatile.Write(ref _recentlyRead[index], new ReadEvent(row.Id, row.Payload, read));
        return read;
    }
}
