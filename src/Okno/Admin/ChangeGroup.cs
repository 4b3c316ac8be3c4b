using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>An admin renames a group or changes its description; the name stays unique.</summary>
public sealed class ChangeGroup(OknoDb db, Audit audit)
{
    public async Task<GroupView> ExecuteAsync(long id, GroupRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var name = GroupRules.Validate(request);
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", id));
        if (await db.Groups.AnyAsync(g => g.Name == name && g.Id != id, ct)) throw GroupRules.Duplicate(name);
        audit.Add(actor.Id, "group.changed", $"group:{id}", $"{group.Name} → {name}", ipAddress);
        group.Name = name;
        group.Description = request.Description?.Trim();
        await GroupRules.SaveAsync(db, name, ct);
        return await GroupQueries.FindAsync(db, id, ct);
    }
}
