using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record LinkRequest(long? TicketId);

/// <summary>Links two related tickets, or removes the link; both tickets' histories record it.</summary>
public sealed class LinkTickets(OknoDb db, TimeProvider clock)
{
    public Task LinkAsync(long ticketId, long otherTicketId, CurrentAgent agent, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, otherTicketId, linked: true, agent, cancellationToken);

    public Task UnlinkAsync(long ticketId, long otherTicketId, CurrentAgent agent, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, otherTicketId, linked: false, agent, cancellationToken);

    private async Task ChangeAsync(long ticketId, long otherTicketId, bool linked, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (ticketId == otherTicketId) throw new OknoException(InvalidInput.Field("ticketId", "A ticket cannot be linked to itself."));
        var (low, high) = (Math.Min(ticketId, otherTicketId), Math.Max(ticketId, otherTicketId));
        await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(low, ct);
            await db.LockTicketAsync(high, ct);
            var pair = await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId || t.Id == otherTicketId).ToListAsync(ct);
            var ticket = pair.SingleOrDefault(t => t.Id == ticketId) ?? throw new OknoException(new NotFound("Ticket", ticketId));
            var other = pair.SingleOrDefault(t => t.Id == otherTicketId)
                ?? throw new OknoException(linked
                    ? InvalidInput.Field("ticketId", $"There is no ticket {otherTicketId} you can see.")
                    : new NotFound("Ticket", otherTicketId));
            var existing = await db.TicketLinks.SingleOrDefaultAsync(l => l.TicketId == low && l.OtherTicketId == high, ct);
            var now = clock.GetUtcNow();
            if (linked)
            {
                if (existing is not null) return false; // linking twice changes nothing
                db.TicketLinks.Add(new TicketLink(ticketId, otherTicketId, agent.Id, now));
            }
            else
            {
                if (existing is null) throw new OknoException(new NotFound("Link to ticket", other.Number));
                db.TicketLinks.Remove(existing);
            }
            ticket.NoteLink(other, linked, Actor.Agent(agent.Id), now);
            other.NoteLink(ticket, linked, Actor.Agent(agent.Id), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }
}
