using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record LinkRequest(long? TicketId);

/// <summary>Links two related tickets, or removes the link; both tickets' histories record it. Both must be ones the
/// actor's access rule allows.</summary>
public sealed class LinkTickets(OknoDb db, TimeProvider clock)
{
    public Task LinkAsync(long ticketId, long otherTicketId, Actor actor, TicketAccessRule access, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, otherTicketId, linked: true, actor, access, cancellationToken);

    public Task UnlinkAsync(long ticketId, long otherTicketId, Actor actor, TicketAccessRule access, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, otherTicketId, linked: false, actor, access, cancellationToken);

    private async Task ChangeAsync(long ticketId, long otherTicketId, bool linked, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        if (ticketId == otherTicketId) throw new OknoException(InvalidInput.Field("ticketId", TicketErrorCodes.LinkToItself, "A ticket cannot be linked to itself."));
        var (low, high) = (Math.Min(ticketId, otherTicketId), Math.Max(ticketId, otherTicketId));
        await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(low, ct);
            await db.LockTicketAsync(high, ct);
            var pair = await db.Tickets.AllowedBy(access).Where(t => t.Id == ticketId || t.Id == otherTicketId).ToListAsync(ct);
            var ticket = pair.SingleOrDefault(t => t.Id == ticketId) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var other = pair.SingleOrDefault(t => t.Id == otherTicketId)
                ?? throw new OknoException(linked
                    ? InvalidInput.Field("ticketId", TicketErrorCodes.NotFound, $"There is no ticket {otherTicketId} you can see.", ("id", otherTicketId))
                    : new NotFound(TicketErrorCodes.NotFound, "Ticket", otherTicketId));
            var existing = await db.TicketLinks.SingleOrDefaultAsync(l => l.TicketId == low && l.OtherTicketId == high, ct);
            var now = clock.GetUtcNow();
            if (linked)
            {
                if (existing is not null) return false; // linking twice changes nothing
                db.TicketLinks.Add(new TicketLink(ticketId, otherTicketId, actor.AgentId(), now));
            }
            else
            {
                if (existing is null) throw new OknoException(new NotFound(TicketErrorCodes.LinkNotFound, "Link to ticket", other.Number));
                db.TicketLinks.Remove(existing);
            }
            ticket.NoteLink(other, linked, actor, now);
            other.NoteLink(ticket, linked, actor, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }
}
