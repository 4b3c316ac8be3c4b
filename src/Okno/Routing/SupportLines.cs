using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Routing;

/// <summary>A line as the API and pages show it: its group, place (1: first line) and kind.</summary>
public sealed record SupportLineView(long GroupId, string Name, int Position, LineKind Kind);

public sealed record SupportLineItem(long? GroupId, LineKind? Kind);

/// <summary>PUT body: every line, first line first; a group left out stops being a line.</summary>
public sealed record SupportLinesRequest(List<SupportLineItem?>? Lines);

/// <summary>The ordered support lines: read by anyone who escalates, replaced as a whole by admins.</summary>
public sealed class SupportLines(OknoDb db, Audit audit)
{
    public const int MaxLines = 50;

    public async Task<IReadOnlyList<SupportLineView>> ListAsync(CancellationToken ct) =>
        await db.Set<SupportLine>().Join(db.Groups, l => l.GroupId, g => g.Id, (l, g) => new { l.GroupId, g.Name, l.Position, l.Kind })
            .OrderBy(l => l.Position).ThenBy(l => l.GroupId)
            .Select(l => new SupportLineView(l.GroupId, l.Name, l.Position, l.Kind)).ToListAsync(ct);

    /// <summary>Replaces the lines with <paramref name="request"/>'s, in its order; all or nothing.</summary>
    public async Task<IReadOnlyList<SupportLineView>> ReplaceAsync(SupportLinesRequest request, long adminId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var items = request.Lines ?? [];
        if (request.Lines is null) errors.Required("lines");
        if (items.Count > MaxLines) errors.TooMany("lines", MaxLines);
        errors.ThrowIfAny();
        var ids = items.Select(i => i?.GroupId).OfType<long>().Distinct().ToList();
        var known = await db.Groups.Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        var seen = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"lines[{i}]";
            if (items[i] is not { } item) { errors.Required(field); continue; }
            if (item.GroupId is not { } groupId) errors.Required(field + ".groupId");
            else if (!known.Contains(groupId))
                errors.Add(field + ".groupId", AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
            else if (!seen.Add(groupId))
                errors.Add(field + ".groupId", RoutingErrorCodes.LineTwice, $"Group {groupId} is named twice.", ("id", groupId));
        }
        errors.ThrowIfAny();
        await db.WriteAsync(async token =>
        {
            var current = await db.Set<SupportLine>().ToListAsync(token);
            db.Set<SupportLine>().RemoveRange(current.Where(c => !seen.Contains(c.GroupId)));
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i]!;
                var line = current.FirstOrDefault(c => c.GroupId == item.GroupId);
                if (line is null) db.Set<SupportLine>().Add(line = new SupportLine { GroupId = item.GroupId!.Value });
                line.Position = i + 1;
                line.Kind = item.Kind ?? LineKind.Internal;
            }
            audit.Add(adminId, "routing.lines_changed", "lines",
                string.Join(", ", items.Select(i => $"{i!.GroupId}{(i.Kind == LineKind.External ? " (external)" : "")}")));
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        return await ListAsync(ct);
    }
}
