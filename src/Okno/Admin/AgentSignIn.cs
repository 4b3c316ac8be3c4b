using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Data;

namespace Okno.Admin;

/// <summary>Checks an email and password. The answer never tells whether the account exists: an unknown
/// email costs the same hash work as a wrong password, and a locked account answers like a wrong password.</summary>
public sealed class AgentSignIn(OknoDb db, IPasswordHasher<Agent> hasher, TimeProvider clock, IOptions<OknoOptions> options, Audit audit)
{
    // A real hash of a random password, so unknown emails take as long as known ones.
    private static readonly string DecoyHash = new PasswordHasher<Agent>().HashPassword(new Agent(), Guid.NewGuid().ToString());

    public async Task<Agent?> VerifyAsync(string email, string password, string? ipAddress, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Email == normalized && a.IsActive, cancellationToken);
        if (agent is null)
        {
            hasher.VerifyHashedPassword(new Agent(), DecoyHash, password);
            return null;
        }

        var now = clock.GetUtcNow();
        var limits = options.Value.Limits;
        if (agent.LockedUntil > now)
        {
            hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
            audit.Add(agent.Id, "sign_in.refused_locked", $"agent:{agent.Id}", null, ipAddress);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var result = hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            agent.FailedSignIns++;
            if (agent.FailedSignIns >= limits.LockoutThreshold)
            {
                agent.LockedUntil = now.AddMinutes(limits.LockoutMinutes);
                agent.FailedSignIns = 0;
                audit.Add(agent.Id, "sign_in.locked", $"agent:{agent.Id}", $"{limits.LockoutThreshold} failed attempts", ipAddress);
            }
            else
            {
                audit.Add(agent.Id, "sign_in.failed", $"agent:{agent.Id}", null, ipAddress);
            }
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded) agent.PasswordHash = hasher.HashPassword(agent, password);
        agent.FailedSignIns = 0;
        agent.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return agent;
    }
}
