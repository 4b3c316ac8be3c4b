using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Admin;

/// <summary>An admin deletes a group that no ticket points at; its memberships go with it.</summary>
public sealed class DeleteGroup(OknoDb db, Audit audit)
{
    public async Task ExecuteAsync(long id, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", id));
        if (await db.Tickets.AnyAsync(t => t.GroupId == id, ct))
            throw new OknoException(new StateConflict(AdminErrorCodes.GroupHasTickets, $"Group '{group.Name}' still has tickets; move them to another group first.", ("name", group.Name)));
        db.Groups.Remove(group);
        audit.Add(actor.Id, "group.deleted", $"group:{id}", group.Name, ipAddress);
        await db.SaveChangesAsync(ct);
    }
}
