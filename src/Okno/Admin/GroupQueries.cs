using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Platform.Security;

namespace Okno.Admin;

public sealed record GroupView(long Id, string Name, string? Description, int AgentCount, DateTimeOffset CreatedAt);

public sealed record GroupMember(long Id, string Name, string Email, AgentRole Role, bool IsActive);

/// <summary>Reads of groups (support lines) for the API and the admin pages.</summary>
public sealed class GroupQueries(OknoDb db)
{
    /// <summary>Groups by id, keyset-paged.</summary>
    public async Task<Page<GroupView>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Groups.AsQueryable();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(g => g.Id > lastId);
        var rows = await Project(db, query.OrderBy(g => g.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, g => Paging.Encode(g.Id));
    }

    public Task<GroupView> GetAsync(long id, CancellationToken ct) => FindAsync(db, id, ct);

    /// <summary>The agents of a group by agent id, keyset-paged (the (group, agent) key serves it).</summary>
    public async Task<Page<GroupMember>> MembersAsync(long groupId, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct)) throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", groupId));
        var query = db.AgentGroups.Where(ag => ag.GroupId == groupId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(ag => ag.AgentId > lastId);
        var rows = await query.OrderBy(ag => ag.AgentId).Take(take + 1)
            .Join(db.Agents, ag => ag.AgentId, a => a.Id, (ag, a) => new GroupMember(a.Id, a.Name, a.Email, a.Role, a.IsActive))
            .ToListAsync(ct);
        return Paging.ToPage(rows, take, m => Paging.Encode(m.Id));
    }

    internal static async Task<GroupView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        await Project(db, db.Groups.Where(g => g.Id == id)).SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", id));

    private static IQueryable<GroupView> Project(OknoDb db, IQueryable<Group> groups) => groups.Select(g => new GroupView(
        g.Id, g.Name, g.Description, db.Set<AgentGroup>().Count(ag => ag.GroupId == g.Id), g.CreatedAt));
}
