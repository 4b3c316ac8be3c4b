using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Okno.Platform.Data;

namespace Okno.Platform.Outbox;

/// <summary>Wakes the dispatchers of this process right after a transaction that wrote outbox events commits, so a
/// handler (the live inbox feed above all) reacts within milliseconds instead of at its next poll. A hint only: a
/// dispatcher woken for nothing finds nothing, and events committed by another node are found by polling.
/// Process-wide, so the nodes that tests host in one process also wake each other, which costs one empty read.</summary>
public static class OutboxSignal
{
    private static TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Raise"/>. Take it before looking for work, so a commit during the
    /// look is not missed.</summary>
    public static Task Next => Volatile.Read(ref _next).Task;

    public static void Raise() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
        if (eventData.Context is OknoDb { OutboxEventsWritten: true } db)
        {
            db.OutboxEventsWritten = false;
            OutboxSignal.Raise();
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is OknoDb db) db.OutboxEventsWritten = false;
    }
}
