using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Admin;

public sealed record GroupRequest([property: System.ComponentModel.DataAnnotations.Required] string? Name, string? Description)
{
    public const int DescriptionMaxLength = 1000;
}

/// <summary>Checks shared by creating and changing a group.</summary>
internal static class GroupRules
{
    public static string Validate(GroupRequest request)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, Group.NameMaxLength);
        errors.Text("description", request.Description, GroupRequest.DescriptionMaxLength, required: false);
        errors.ThrowIfAny();
        return request.Name!.Trim();
    }

    public static OknoException Duplicate(string name) => new(new Duplicate(AdminErrorCodes.GroupNameTaken, "name", $"A group named '{name}' already exists.", ("name", name)));

    public static async Task SaveAsync(OknoDb db, string name, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e)) { throw Duplicate(name); }
    }
}
