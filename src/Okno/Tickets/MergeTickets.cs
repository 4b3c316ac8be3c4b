using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record MergeRequest(long? IntoTicketId);

/// <summary>Merges a duplicate into the ticket that survives: both keep their history, the duplicate is closed and
/// points to the survivor, whose timeline then shows the duplicate's messages too.</summary>
public sealed class MergeTickets(OknoDb db, TimeProvider clock, TicketQueries queries)
{
    public async Task<TicketView> ExecuteAsync(long ticketId, long intoTicketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (ticketId == intoTicketId) throw new OknoException(InvalidInput.Field("intoTicketId", "A ticket cannot be merged into itself."));
        var actor = Actor.Agent(agent.Id);
        await db.WriteAsync(async ct =>
        {
            // Always lock in id order: two agents merging A into B and B into A must not deadlock.
            foreach (var id in new[] { ticketId, intoTicketId }.Order()) await db.LockTicketAsync(id, ct);
            var pair = await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId || t.Id == intoTicketId).ToListAsync(ct);
            var merged = pair.SingleOrDefault(t => t.Id == ticketId) ?? throw new OknoException(new NotFound("Ticket", ticketId));
            var survivor = pair.SingleOrDefault(t => t.Id == intoTicketId)
                ?? throw new OknoException(InvalidInput.Field("intoTicketId", $"There is no ticket {intoTicketId} you can see."));
            merged.MergeInto(survivor, actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return merged.Id;
        }, cancellationToken);
        return await queries.LoadAsync(intoTicketId, cancellationToken);
    }
}
