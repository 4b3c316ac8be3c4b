using System.Collections.Immutable;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Okno.Platform.Data;

namespace Okno.Platform.Outbox;

/// <summary>Wakes the dispatcher loops of this process right after a transaction that wrote outbox events commits, so
/// a handler (the live inbox feed above all) reacts within milliseconds instead of at its next poll; only the loops of
/// handlers that care about one of the types written (<see cref="IOutboxHandler.WakesFor"/>): a round costs about five
/// round trips, and waking every handler for every creation cost a third of ticket creation's throughput on PostgreSQL.
/// A hint only: a loop woken for nothing finds nothing, events of other types wait for the handler's next poll, and
/// events committed by another node are found by polling. Process-wide, so the nodes that tests host in one process
/// also wake each other, which costs one empty read.</summary>
public static class OutboxSignal
{
    private static readonly Lock Gate = new();
    private static volatile ImmutableList<Listener> _listeners = [];

    /// <summary>A loop's own wake-up, for the event types <paramref name="wakesFor"/> accepts; dispose it when the
    /// loop ends.</summary>
    public static Listener Listen(Func<string, bool> wakesFor)
    {
        var listener = new Listener(wakesFor);
        lock (Gate) _listeners = _listeners.Add(listener);
        return listener;
    }

    /// <summary>Wakes the listeners that care about one of <paramref name="types"/>.</summary>
    public static void Raise(IReadOnlyCollection<string> types)
    {
        foreach (var listener in _listeners)
            if (types.Any(listener.WakesFor)) listener.Raise();
    }

    public sealed class Listener : IDisposable
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Listener(Func<string, bool> wakesFor) => WakesFor = wakesFor;

        internal Func<string, bool> WakesFor { get; }

        /// <summary>Completes at the next wake-up. Take it before looking for work, so a commit during the look is not
        /// missed.</summary>
        public Task Next => Volatile.Read(ref _next).Task;

        internal void Raise() =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public void Dispose()
        {
            lock (Gate) _listeners = _listeners.Remove(this);
        }
    }
}

/// <summary>Raises <see cref="OutboxSignal"/> when a transaction of an <see cref="OknoDb"/> that wrote outbox events
/// commits; whoever opened the transaction (WriteAsync, a save's own) commits through EF, so none is missed.</summary>
internal sealed class OutboxCommitInterceptor : DbTransactionInterceptor
{
    public static readonly OutboxCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is OknoDb { OutboxTypesWritten.Count: > 0 } db)
        {
            string[] types = [.. db.OutboxTypesWritten];
            db.OutboxTypesWritten.Clear();
            OutboxSignal.Raise(types);
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is OknoDb db) db.OutboxTypesWritten.Clear();
    }
}
