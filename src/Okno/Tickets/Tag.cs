using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Tickets;

public sealed class Tag
{
    public const int NameMaxLength = 50;
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Tags compare case-insensitively and without surrounding blanks: "VIP " and "vip" are one tag.</summary>
    public static string Normalize(string name) => string.Join(' ', name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class TicketTag
{
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public long TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}

/// <summary>The tag names of a set of tickets, in one query of their own. Not as a projected collection
/// (<c>t.Tags.Select(x =&gt; x.Tag.Name)</c>): EF joins that as a subquery SQLite materialises whole — every ticket's tags —
/// for each query, however few tickets it asks about (153 ms for 90 tickets at 250,000: three quarters of the report
/// handler's round under a creation load, and the same again for a single ticket's webhook payload).</summary>
public static class TicketTagNames
{
    /// <summary>Per ticket id, its tags' names in tag id order (stable from one read to the next).</summary>
    public static Task<ILookup<long, string>> OfAsync(OknoDb db, IEnumerable<long> ticketIds, CancellationToken ct)
    {
        var ids = ticketIds.Distinct().ToArray();
        return ids.Length == 0 ? Task.FromResult(Array.Empty<(long, string)>().ToLookup(t => t.Item1, t => t.Item2))
            : ReadAsync(db.TicketTags.Where(tt => ids.Contains(tt.TicketId)), ct);
    }

    /// <summary>The same for the tickets with ids first…last (a batch of a pass in id order).</summary>
    public static Task<ILookup<long, string>> InRangeAsync(OknoDb db, long first, long last, CancellationToken ct) =>
        ReadAsync(db.TicketTags.Where(tt => tt.TicketId >= first && tt.TicketId <= last), ct);

    private static async Task<ILookup<long, string>> ReadAsync(IQueryable<TicketTag> rows, CancellationToken ct) =>
        (await rows.OrderBy(tt => tt.TicketId).ThenBy(tt => tt.TagId).Select(tt => new { tt.TicketId, tt.Tag.Name }).ToListAsync(ct))
        .ToLookup(t => t.TicketId, t => t.Name);
}
