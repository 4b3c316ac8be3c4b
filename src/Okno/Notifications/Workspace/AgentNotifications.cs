using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Notifications.Workspace;

public sealed record AgentNotificationView(long Id, string Kind, long TicketId, long TicketNumber, string TicketSubject, string? ActorName,
    string? Excerpt, DateTimeOffset At, bool Read)
{
    /// <summary>Where the item leads: its ticket, or for an item about no ticket the page it concerns.</summary>
    public string Href => Kind == WorkspaceNotificationKinds.WebhookPaused ? "/admin/webhooks" : $"/tickets/{TicketId}";
}

/// <summary>How many unread items an agent has, up to <see cref="UnreadCount.Cap"/> (the badge then says "99+"): a
/// bounded read of an index range, not a count of everything an agent ever got.</summary>
public sealed record UnreadCount(int Count, bool More)
{
    public const int Cap = 99;
}

/// <summary>The signed-in agent's bell: their items newest first, a page at a time, and marking them read. An agent
/// only ever reads and changes their own.</summary>
public sealed class AgentNotifications(OknoDb db)
{
    public async Task<Page<AgentNotificationView>> ListAsync(long agentId, bool unreadOnly, int limit, string? cursor, CancellationToken ct)
    {
        var before = Paging.Decode(cursor, 1)?[0];
        var rows = db.AgentNotifications.Where(n => n.AgentId == agentId);
        if (unreadOnly) rows = rows.Where(n => !n.IsRead);
        if (before is { } b) rows = rows.Where(n => n.Id < b);
        var page = await rows.OrderByDescending(n => n.Id).Take(limit + 1).ToListAsync(ct);
        var ticketIds = page.Select(n => n.TicketId).Distinct().ToList();
        var tickets = await db.Tickets.Where(t => ticketIds.Contains(t.Id)).Select(t => new { t.Id, t.Number, t.Subject }).ToDictionaryAsync(t => t.Id, ct);
        var views = page.Select(n => new AgentNotificationView(n.Id, n.Kind, n.TicketId, tickets.GetValueOrDefault(n.TicketId)?.Number ?? 0,
            tickets.GetValueOrDefault(n.TicketId)?.Subject ?? "", n.ActorName, n.Excerpt, n.At, n.IsRead)).ToList();
        return Paging.ToPage(views, limit, n => Paging.Encode(n.Id));
    }

    public async Task<UnreadCount> UnreadAsync(long agentId, CancellationToken ct)
    {
        var count = await db.AgentNotifications.Where(n => n.AgentId == agentId && !n.IsRead).OrderByDescending(n => n.Id)
            .Take(UnreadCount.Cap + 1).CountAsync(ct);
        return new UnreadCount(Math.Min(count, UnreadCount.Cap), count > UnreadCount.Cap);
    }

    /// <summary>Marks one item read; another agent's item is "not found".</summary>
    public async Task MarkReadAsync(long agentId, long id, CancellationToken ct)
    {
        var changed = await db.AgentNotifications.Where(n => n.Id == id && n.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct);
        if (changed == 0) throw new OknoException(new NotFound(NotificationErrorCodes.NotificationNotFound, "Notification", id));
    }

    public Task<int> MarkAllReadAsync(long agentId, CancellationToken ct) =>
        db.AgentNotifications.Where(n => n.AgentId == agentId && !n.IsRead).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct);
}
