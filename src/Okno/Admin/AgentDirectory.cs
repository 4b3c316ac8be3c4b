using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Admin;

public sealed record AgentChoice(long Id, string Name, string Email, AgentRole Role, bool IsActive, IReadOnlyList<long> GroupIds);

public sealed record GroupChoice(long Id, string Name);

/// <summary>Agents and groups for the workspace's pickers and name labels (assignee, group, filters). A desk has
/// hundreds of agents and dozens of groups at most, so these are whole lists, ordered by name.</summary>
public sealed class AgentDirectory(OknoDb db)
{
    public const int MaxListed = 2000;

    /// <summary>All agents, inactive ones too (old tickets still name them); pickers offer only active ones.</summary>
    public async Task<IReadOnlyList<AgentChoice>> AgentsAsync(CancellationToken cancellationToken) =>
        await db.Agents.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(MaxListed)
            .Select(a => new AgentChoice(a.Id, a.Name, a.Email, a.Role, a.IsActive, a.Groups.Select(g => g.GroupId).ToList()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<GroupChoice>> GroupsAsync(CancellationToken cancellationToken) =>
        await db.Groups.OrderBy(g => g.Name).ThenBy(g => g.Id).Take(MaxListed)
            .Select(g => new GroupChoice(g.Id, g.Name)).ToListAsync(cancellationToken);
}
