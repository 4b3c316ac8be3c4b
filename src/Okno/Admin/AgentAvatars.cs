using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Ui;

namespace Okno.Admin;

/// <summary>The pictures of all agents, read in one query and kept for a minute: the app bar and every agent reply in a
/// timeline ask, and a desk has at most a few thousand agents. A change on this node shows at once (<see cref="Forget"/>);
/// one made on another node within a minute.</summary>
internal sealed class AgentAvatars(IDbContextFactory<OknoDb> dbs, TimeProvider clock) : IAgentAvatars
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<long, string> Urls, DateTimeOffset ReadAt);

    public async ValueTask<string?> UrlAsync(long agentId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > Lifetime)
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            var rows = await db.Agents.AsNoTracking().Where(a => a.AvatarSha256 != null)
                .Select(a => new { a.Id, a.AvatarSha256 }).ToListAsync(cancellationToken);
            _snapshot = snapshot = new Snapshot(rows.ToDictionary(r => r.Id, r => MyProfile.AvatarUrl(r.Id, r.AvatarSha256)!), clock.GetUtcNow());
        }
        return snapshot.Urls.GetValueOrDefault(agentId);
    }

    public void Forget() => _snapshot = null;
}
