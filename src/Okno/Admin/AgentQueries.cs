using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Platform.Security;

namespace Okno.Admin;

public sealed record AgentView(long Id, string Email, string Name, AgentRole Role, bool IsActive, string? Language,
    IReadOnlyList<long> GroupIds, DateTimeOffset CreatedAt);

public sealed record RoleCount(AgentRole Role, int ActiveAgents);

/// <summary>Reads of agents for the API and the admin pages.</summary>
public sealed class AgentQueries(OknoDb db)
{
    /// <summary>Agents by id, keyset-paged; optionally only one role.</summary>
    public async Task<Page<AgentView>> ListAsync(int? limit, string? cursor, AgentRole? role, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Agents.AsQueryable();
        if (role is { } r) query = query.Where(a => a.Role == r);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id > lastId);
        var rows = await Project(query.OrderBy(a => a.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, a => Paging.Encode(a.Id));
    }

    public Task<AgentView> GetAsync(long id, CancellationToken ct) => FindAsync(db, id, ct);

    /// <summary>Active agents per role, every role listed (a desk has hundreds of agents at most).</summary>
    public async Task<IReadOnlyList<RoleCount>> ActiveByRoleAsync(CancellationToken ct)
    {
        var counts = await db.Agents.Where(a => a.IsActive).GroupBy(a => a.Role)
            .Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<AgentRole>().OrderByDescending(r => r)
            .Select(r => new RoleCount(r, counts.FirstOrDefault(c => c.Role == r)?.Count ?? 0)).ToList();
    }

    internal static async Task<AgentView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        await Project(db.Agents.Where(a => a.Id == id)).SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", id));

    private static IQueryable<AgentView> Project(IQueryable<Agent> agents) => agents.Select(a => new AgentView(
        a.Id, a.Email, a.Name, a.Role, a.IsActive, a.Language, a.Groups.Select(g => g.GroupId).ToList(), a.CreatedAt));
}
