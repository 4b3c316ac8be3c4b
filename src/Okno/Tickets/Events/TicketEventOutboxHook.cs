using Okno.Platform.Data;

namespace Okno.Tickets.Events;

/// <summary>Writes the ticket events of every save into the outbox, in the save's transaction
/// (<see cref="TicketEventOutbox"/>): the history rows are collected before the save and turned into outbox rows after
/// it, when their ids are known.</summary>
internal sealed class TicketEventOutboxHook : ISaveHook
{
    public ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(TicketEventOutbox.Collect(db));

    public async Task AfterSaveAsync(OknoDb db, object staged, CancellationToken cancellationToken)
    {
        var events = TicketEventOutbox.ToOutbox(db, (TicketEventOutbox.Pending)staged);
        db.OutboxEvents.AddRange(events);
        await db.SaveStagedAsync(cancellationToken);
        foreach (var e in events) db.OutboxTypesWritten.Add(e.Type);
    }
}
