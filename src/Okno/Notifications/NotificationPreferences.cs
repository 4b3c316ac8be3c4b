using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Notifications;

/// <summary>Which agent notifications an agent gets (all on unless switched off).</summary>
public sealed record NotificationPreferencesView(bool TicketAssigned, bool CustomerReplied, bool GroupTicket);

public sealed record NotificationPreferencesRequest(bool? TicketAssigned, bool? CustomerReplied, bool? GroupTicket);

/// <summary>An agent's own notification switches (<c>GET/PUT /api/v1/me/notifications</c>, the My notifications page).</summary>
public sealed class NotificationPreferences(OknoDb db)
{
    public async Task<NotificationPreferencesView> GetAsync(long agentId, CancellationToken ct)
    {
        var off = await db.Set<NotificationOptOut>().Where(o => o.AgentId == agentId).Select(o => o.Notification).ToListAsync(ct);
        return new NotificationPreferencesView(!off.Contains(NotificationKeys.TicketAssigned), !off.Contains(NotificationKeys.CustomerReplied),
            !off.Contains(NotificationKeys.GroupTicket));
    }

    /// <summary>Changes the switches given; one left out keeps its value.</summary>
    public async Task<NotificationPreferencesView> SetAsync(CurrentAgent agent, NotificationPreferencesRequest request, CancellationToken ct)
    {
        var wanted = new Dictionary<string, bool?>
        {
            [NotificationKeys.TicketAssigned] = request.TicketAssigned,
            [NotificationKeys.CustomerReplied] = request.CustomerReplied,
            [NotificationKeys.GroupTicket] = request.GroupTicket,
        };
        var rows = await db.Set<NotificationOptOut>().Where(o => o.AgentId == agent.Id).ToListAsync(ct);
        foreach (var (key, on) in wanted)
        {
            if (on is null) continue;
            var row = rows.SingleOrDefault(o => o.Notification == key);
            if (on.Value && row is not null) db.Remove(row);
            if (!on.Value && row is null) db.Add(new NotificationOptOut { AgentId = agent.Id, Notification = key });
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(agent.Id, ct);
    }
}
