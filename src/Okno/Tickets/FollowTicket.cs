using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record FollowingView(bool Following);

/// <summary>An agent follows or stops following a ticket they can see (<c>PUT/DELETE /api/v1/tickets/{id}/follow</c>,
/// the bell on the ticket page). Both are idempotent: following twice changes nothing.</summary>
public sealed class FollowTicket(OknoDb db, TimeProvider clock, TicketQueries tickets)
{
    public async Task<FollowingView> FollowAsync(long ticketId, CurrentAgent agent, CancellationToken ct)
    {
        await tickets.EnsureVisibleAsync(ticketId, agent, ct);
        if (await db.TicketFollowers.AnyAsync(f => f.TicketId == ticketId && f.AgentId == agent.Id, ct)) return new(true);
        db.TicketFollowers.Add(new TicketFollower { TicketId = ticketId, AgentId = agent.Id, Since = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same agent pressed "follow" in two tabs at once: followed either way.
        }
        return new(true);
    }

    public async Task<FollowingView> UnfollowAsync(long ticketId, CurrentAgent agent, CancellationToken ct)
    {
        await tickets.EnsureVisibleAsync(ticketId, agent, ct);
        await db.TicketFollowers.Where(f => f.TicketId == ticketId && f.AgentId == agent.Id).ExecuteDeleteAsync(ct);
        return new(false);
    }

    public async Task<FollowingView> GetAsync(long ticketId, CurrentAgent agent, CancellationToken ct)
    {
        await tickets.EnsureVisibleAsync(ticketId, agent, ct);
        return new(await db.TicketFollowers.AnyAsync(f => f.TicketId == ticketId && f.AgentId == agent.Id, ct));
    }
}
