using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>An admin deactivates an agent: history keeps pointing at them, their API tokens are revoked. Deactivating
/// an inactive agent does nothing. Every session and token of the agent ends at once, open tabs on every node included.</summary>
public sealed class DeactivateAgent(OknoDb db, Audit audit, AgentSessions sessions, SessionRevocations revocations)
{
    public async Task ExecuteAsync(long id, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", id));
        if (!agent.IsActive) return;
        await AgentRules.EnsureCanDeactivateAsync(db, agent, actor, ct);
        agent.IsActive = false;
        audit.Add(actor.Id, "agent.deactivated", $"agent:{agent.Id}", agent.Email, ipAddress);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(db, agent.Id, ct);
        await transaction.CommitAsync(ct);
        revocations.Announce(agent.Id);
    }
}
