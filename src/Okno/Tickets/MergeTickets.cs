using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record MergeRequest(long? IntoTicketId);

/// <summary>Merges a duplicate into the ticket that survives: both keep their history, the duplicate is closed and
/// points to the survivor, whose timeline then shows the duplicate's messages too.</summary>
public sealed class MergeTickets(OknoDb db, TimeProvider clock, TicketQueries queries)
{
    /// <summary>Both tickets must be ones the actor's access rule allows.</summary>
    public async Task<TicketView> ExecuteAsync(long ticketId, long intoTicketId, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        if (ticketId == intoTicketId) throw new OknoException(InvalidInput.Field("intoTicketId", TicketErrorCodes.MergeIntoItself, "A ticket cannot be merged into itself."));
        await db.WriteAsync(async ct =>
        {
            // Always lock in id order: two agents merging A into B and B into A must not deadlock.
            foreach (var id in new[] { ticketId, intoTicketId }.Order()) await db.LockTicketAsync(id, ct);
            var pair = await db.Tickets.AllowedBy(access).Where(t => t.Id == ticketId || t.Id == intoTicketId).ToListAsync(ct);
            var merged = pair.SingleOrDefault(t => t.Id == ticketId) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var survivor = pair.SingleOrDefault(t => t.Id == intoTicketId)
                ?? throw new OknoException(InvalidInput.Field("intoTicketId", TicketErrorCodes.NotFound, $"There is no ticket {intoTicketId} you can see.", ("id", intoTicketId)));
            merged.MergeInto(survivor, actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return merged.Id;
        }, cancellationToken);
        var result = await queries.LoadAsync(intoTicketId, cancellationToken);
        return result;
    }
}
