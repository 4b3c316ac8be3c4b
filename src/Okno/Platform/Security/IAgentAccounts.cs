using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>The security layer's view of agent accounts. Agents are the Admin section's (it implements this); the
/// layer that checks cookies, tokens and circuits only needs these reads, so Platform stays free of Admin.</summary>
public interface IAgentAccounts
{
    /// <summary>An active agent with their current role and groups, or null (unknown or deactivated).</summary>
    Task<CurrentAgent?> ActiveAsync(OknoDb db, long agentId, CancellationToken cancellationToken);

    /// <summary>The active agent a token (by hash, not revoked) belongs to, with the token's facts; or null.</summary>
    Task<TokenOwner?> ByTokenHashAsync(OknoDb db, string hash, CancellationToken cancellationToken);
}

public sealed record TokenOwner(CurrentAgent Agent, long TokenId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);
