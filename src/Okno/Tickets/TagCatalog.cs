using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed class TagCatalog(OknoDb db)
{
    public const int MaxTagsPerTicket = 20;

    /// <summary>Checks tag names a client sent and reports bad ones under <paramref name="field"/>.</summary>
    public static void Validate(IReadOnlyList<string?>? names, string field, FieldErrors errors)
    {
        if (names is null) return;
        if (names.Count > MaxTagsPerTicket) errors.TooMany(field, MaxTagsPerTicket, "tags");
        for (var i = 0; i < names.Count; i++)
            errors.Text($"{field}[{i}]", names[i], Tag.NameMaxLength);
    }

    /// <summary>The tags with these names, creating the missing ones (inside the caller's transaction).</summary>
    public async Task<List<Tag>> ResolveAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var found = await db.Tags.Where(t => wanted.Contains(t.Name)).ToListAsync(cancellationToken);
        foreach (var name in wanted.Except(found.Select(t => t.Name)))
        {
            var tag = new Tag { Name = name };
            db.Tags.Add(tag);
            found.Add(tag);
        }
        return found;
    }
}
