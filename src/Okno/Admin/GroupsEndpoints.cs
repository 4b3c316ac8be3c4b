using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

public sealed record GroupView(long Id, string Name, string? Description, int AgentCount, DateTimeOffset CreatedAt);

public sealed record GroupRequest([property: Required] string? Name, string? Description);

/// <summary>Groups (support lines): every agent may list them; only admins change them.</summary>
public static class GroupsEndpoints
{
    public static IEndpointRouteBuilder MapGroupsEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/v1/groups").RequireAuthorization().WithTags("Groups");

        groups.MapGet("/", async (int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var query = db.Groups.AsQueryable();
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(g => g.Id > lastId);
            var rows = await Project(db, query.OrderBy(g => g.Id).Take(take + 1)).ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, take, g => Paging.Encode(g.Id)));
        });

        groups.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => Results.Ok(await FindAsync(db, id, ct)));

        groups.MapPost("/", async (GroupRequest request, OknoDb db, Audit audit, TimeProvider clock, CurrentAgent admin, CancellationToken ct) =>
        {
            var name = Validate(request);
            if (await db.Groups.AnyAsync(g => g.Name == name, ct)) throw Duplicate(name);
            var group = new Group { Name = name, Description = request.Description?.Trim(), CreatedAt = clock.GetUtcNow() };
            db.Groups.Add(group);
            audit.Add(admin.Id, "group.created", $"group:{name}");
            await SaveAsync(db, name, ct);
            return Results.Created($"/api/v1/groups/{group.Id}", await FindAsync(db, group.Id, ct));
        }).RequireAuthorization(AdminModule.AdminPolicy);

        groups.MapPut("/{id:long}", async (long id, GroupRequest request, OknoDb db, Audit audit, CurrentAgent admin, CancellationToken ct) =>
        {
            var name = Validate(request);
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new OknoException(new NotFound("Group", id));
            if (await db.Groups.AnyAsync(g => g.Name == name && g.Id != id, ct)) throw Duplicate(name);
            audit.Add(admin.Id, "group.changed", $"group:{id}", $"{group.Name} → {name}");
            group.Name = name;
            group.Description = request.Description?.Trim();
            await SaveAsync(db, name, ct);
            return Results.Ok(await FindAsync(db, id, ct));
        }).RequireAuthorization(AdminModule.AdminPolicy);

        groups.MapDelete("/{id:long}", async (long id, OknoDb db, Audit audit, CurrentAgent admin, CancellationToken ct) =>
        {
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new OknoException(new NotFound("Group", id));
            if (await db.Tickets.AnyAsync(t => t.GroupId == id, ct))
                throw new OknoException(new StateConflict($"Group '{group.Name}' still has tickets; move them to another group first."));
            db.Groups.Remove(group);
            audit.Add(admin.Id, "group.deleted", $"group:{id}", group.Name);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(AdminModule.AdminPolicy);
        return app;
    }

    private static string Validate(GroupRequest request)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, Group.NameMaxLength);
        errors.Text("description", request.Description, 1000, required: false);
        errors.ThrowIfAny();
        return request.Name!.Trim();
    }

    private static OknoException Duplicate(string name) => new(new Duplicate("name", $"A group named '{name}' already exists."));

    private static async Task SaveAsync(OknoDb db, string name, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e)) { throw Duplicate(name); }
    }

    private static async Task<GroupView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        await Project(db, db.Groups.Where(g => g.Id == id)).SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound("Group", id));

    private static IQueryable<GroupView> Project(OknoDb db, IQueryable<Group> groups) => groups.Select(g => new GroupView(
        g.Id, g.Name, g.Description, db.AgentGroups.Count(ag => ag.GroupId == g.Id), g.CreatedAt));
}
