using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Admin;

/// <summary>An admin adds a group (support line) with a unique name.</summary>
public sealed class CreateGroup(OknoDb db, Audit audit, TimeProvider clock)
{
    public async Task<GroupView> ExecuteAsync(GroupRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var name = GroupRules.Validate(request);
        if (await db.Groups.AnyAsync(g => g.Name == name, ct)) throw GroupRules.Duplicate(name);
        var group = new Group { Name = name, Description = request.Description?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Groups.Add(group);
        audit.Add(actor.Id, "group.created", $"group:{name}", null, ipAddress);
        await GroupRules.SaveAsync(db, name, ct);
        return await GroupQueries.FindAsync(db, group.Id, ct);
    }
}
