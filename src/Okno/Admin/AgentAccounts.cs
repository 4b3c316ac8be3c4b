using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Admin;

/// <summary>Agent accounts as the security layer reads them (<see cref="IAgentAccounts"/>): one query each, run on
/// every API call (the token) and every half minute per cookie and per live circuit.</summary>
internal sealed class AgentAccounts : IAgentAccounts
{
    public async Task<CurrentAgent?> ActiveAsync(OknoDb db, long agentId, CancellationToken cancellationToken) =>
        await db.Agents.Where(a => a.Id == agentId && a.IsActive)
            .Select(a => new CurrentAgent(a.Id, a.Email, a.Name, a.Role, a.Groups.Select(g => g.GroupId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<TokenOwner?> ByTokenHashAsync(OknoDb db, string hash, CancellationToken cancellationToken)
    {
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Agents.Where(a => a.IsActive), t => t.AgentId, a => a.Id, (t, a) => new
            {
                TokenId = t.Id, t.ExpiresAt, t.LastUsedAt, a.Id, a.Email, a.Name, a.Role,
                Groups = a.Groups.Select(g => g.GroupId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null
            : new TokenOwner(new CurrentAgent(found.Id, found.Email, found.Name, found.Role, found.Groups), found.TokenId, found.ExpiresAt, found.LastUsedAt);
    }
}
