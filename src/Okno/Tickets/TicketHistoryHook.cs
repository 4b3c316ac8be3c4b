using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Tickets;

/// <summary>What every save that touches tickets must do: refuse an edit of the append-only history, and move the
/// inbox counters with the tickets (<see cref="TicketCounts.RecordChanges"/>).</summary>
internal sealed class TicketHistoryHook : ISaveHook
{
    public ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries<TicketEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Ticket history is append-only: an event cannot be edited or deleted.");
        TicketCounts.RecordChanges(db);
        return ValueTask.FromResult<object?>(null);
    }
}
