namespace Okno.Platform.Outbox;

/// <summary>Reacts to the events of one topic, after they committed, exactly once per event: it runs inside the
/// transaction that records its progress, with the scope's OknoDb, so its own database writes commit together with
/// "handled" (or, if it throws, roll back and are retried). What it does outside the database (a push to screens, an
/// HTTP call) may happen again after a crash or a failed attempt, so such effects must tolerate a repeat. Features
/// register handlers of their own topic through their own typed interface (e.g. Tickets' ITicketEventHandler).</summary>
public interface IOutboxHandler
{
    /// <summary>Stable across releases: it keys the handler's progress. Renaming it starts the handler afresh.</summary>
    string Name { get; }
    string Topic { get; }
    Task HandleAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);

    /// <summary>Whether a commit that wrote an event of this <see cref="OutboxEvent.Type"/> should wake the handler at
    /// once. It still gets every event of its topic, in order; the others wait for its next poll (or for an event that
    /// wakes it), so a handler that acts on few types spares the database a round per write.</summary>
    bool WakesFor(string type) => true;

    /// <summary>True for a handler nobody watches at work (report facts, counters, rules, the SLA clock, mail
    /// notifications): under a steady stream of commits it takes a round at most every
    /// <see cref="OutboxOptions.BackgroundRoundGap"/>, with batches of up to <see cref="OutboxOptions.BackgroundBatchSize"/>,
    /// instead of every <see cref="OutboxOptions.WokenRoundGap"/>. A round costs five round trips and a transaction
    /// whatever it holds: creating tickets at 1M with 32 clients, sixteen handlers took twenty rounds a second each, and
    /// with them all held back creation ran at 815 tickets/s instead of 529–592 (issue 11). False (the default) for what a
    /// person waits for: screens, chats, bots, replies to send. After a quiet spell either kind reacts at once.</summary>
    bool InBackground => false;

    /// <summary>Called once every event of the batch went through <see cref="HandleAsync"/>, in the same transaction,
    /// before it commits: for writes gathered over the batch (counters summed per key are written once per batch, not
    /// once per event). Throwing rolls the batch back like a failed event.</summary>
    Task BeforeCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called after the batch given to <see cref="HandleAsync"/> committed as handled; a failure here is
    /// logged, not retried.</summary>
    Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A registered handler: its type is resolved from a new scope for each batch.</summary>
public sealed record OutboxHandlerRegistration(Type HandlerType);
