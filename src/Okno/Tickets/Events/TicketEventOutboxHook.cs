using Okno.Platform.Data;
using Okno.Platform.Outbox;

namespace Okno.Tickets.Events;

/// <summary>Writes the ticket events of every save into the outbox, in the save's transaction
/// (<see cref="TicketEventOutbox"/>): the history rows are collected before the save and turned into outbox rows after
/// it, when their ids are known.</summary>
internal sealed class TicketEventOutboxHook : ISaveHook
{
    public ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(TicketEventOutbox.Collect(db));

    public async Task AfterSaveAsync(StatementBatch statements, object staged, CancellationToken cancellationToken)
    {
        var events = TicketEventOutbox.ToOutbox(statements.Db, (TicketEventOutbox.Pending)staged);
        await OutboxWriter.AddAsync(statements, events, cancellationToken);
        foreach (var e in events) statements.Db.OutboxTypesWritten.Add(e.Type);
    }
}
