using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>Server-side sessions of the agent UI (<see cref="AgentSession"/>): started at sign-in, checked on every
/// request that carries the cookie (one primary-key read, as a bearer token costs), revoked at sign-out, and all of an
/// agent's at once (with their API tokens) when the password changes or the agent is deactivated.</summary>
public sealed class AgentSessions(TimeProvider clock, SessionRevocations revocations)
{
    public const string Claim = "okno:sid";

    public async Task<string> StartAsync(OknoDb db, long agentId, string? userAgent, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new AgentSession
        {
            Id = TokenCodec.NewToken()[5..], AgentId = agentId, CreatedAt = now, LastSeenAt = now,
            UserAgent = Clip(userAgent, AgentSession.UserAgentMaxLength), IpAddress = Clip(address, AgentSession.AddressMaxLength),
        };
        db.AgentSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Whether the session is open and the agent's; notes the last use at most once a minute.</summary>
    public async Task<bool> IsLiveAsync(OknoDb db, string sessionId, long agentId, CancellationToken cancellationToken)
    {
        var lastSeen = await db.AgentSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.AgentId == agentId && s.RevokedAt == null)
            .Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(cancellationToken);
        if (lastSeen is null) return false;
        var now = clock.GetUtcNow();
        if (lastSeen < now.AddMinutes(-1))
            await db.AgentSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        return true;
    }

    /// <summary>Whether the agent signed in to the UI from this address before.</summary>
    public Task<bool> KnownAddressAsync(OknoDb db, long agentId, string? address, CancellationToken cancellationToken) =>
        address is null ? Task.FromResult(false) : db.AgentSessions.AnyAsync(s => s.AgentId == agentId && s.IpAddress == address, cancellationToken);

    /// <summary>Ends one session (sign-out) and tells the open circuits.</summary>
    public async Task RevokeAsync(OknoDb db, string sessionId, long agentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AgentSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        revocations.Announce(agentId);
    }

    /// <summary>Ends every session and every API token of the agent. Inside the caller's transaction; call
    /// <see cref="SessionRevocations.Announce"/> after it commits.</summary>
    public async Task RevokeAllAsync(OknoDb db, long agentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AgentSessions.Where(s => s.AgentId == agentId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await db.ApiTokens.Where(t => t.AgentId == agentId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>As <see cref="RevokeAllAsync"/>, but <paramref name="keptSessionId"/> (the session the agent acts from)
    /// stays open: changing one's own password signs out everyone else, not oneself.</summary>
    public async Task RevokeAllButAsync(OknoDb db, long agentId, string? keptSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AgentSessions.Where(s => s.AgentId == agentId && s.RevokedAt == null && s.Id != keptSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await db.ApiTokens.Where(t => t.AgentId == agentId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
