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
        // Tags this unit of work already holds first: one that an earlier ticket of the same save created is not in the
        // database yet, and creating it again would break the unique name (a time-rule pass tags many tickets per save).
        var found = db.Tags.Local.Where(t => wanted.Contains(t.Name)).ToList();
        var unseen = wanted.Except(found.Select(t => t.Name)).ToList();
        if (unseen.Count > 0) found.AddRange(await db.Tags.Where(t => unseen.Contains(t.Name)).ToListAsync(cancellationToken));
        foreach (var name in wanted.Except(found.Select(t => t.Name)))
        {
            var tag = new Tag { Name = name };
            db.Tags.Add(tag);
            found.Add(tag);
        }
        return found;
    }
}
