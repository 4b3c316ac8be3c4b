using Microsoft.EntityFrameworkCore;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Notifications;

/// <summary>Which agent notifications an agent gets (all on unless switched off): by mail, and in the workspace's bell.</summary>
public sealed record NotificationPreferencesView(bool TicketAssigned, bool CustomerReplied, bool GroupTicket, WorkspaceSwitchesView Workspace,
    bool SlaWarning = true, bool SlaBreach = true);

/// <summary>The bell's switches: a ticket assigned to me, the customer replied, I was mentioned, a colleague wrote on a
/// ticket I follow, an SLA warning or breach on my ticket (or my group's unassigned one, for supervisors).</summary>
public sealed record WorkspaceSwitchesView(bool TicketAssigned, bool CustomerReplied, bool Mentioned, bool Followed, bool Sla = true);

public sealed record NotificationPreferencesRequest(bool? TicketAssigned, bool? CustomerReplied, bool? GroupTicket,
    WorkspaceSwitchesRequest? Workspace = null, bool? SlaWarning = null, bool? SlaBreach = null);

public sealed record WorkspaceSwitchesRequest(bool? TicketAssigned, bool? CustomerReplied, bool? Mentioned, bool? Followed, bool? Sla = null);

/// <summary>An agent's own notification switches (<c>GET/PUT /api/v1/me/notifications</c>, the My notifications page),
/// kept as the keys switched off (<see cref="NotificationOptOut"/>): mail ones (<see cref="NotificationKeys.ForAgents"/>)
/// and bell ones (<see cref="WorkspaceNotificationKinds.Switches"/>).</summary>
public sealed class NotificationPreferences(OknoDb db)
{
    public async Task<NotificationPreferencesView> GetAsync(long agentId, CancellationToken ct)
    {
        var off = (await db.Set<NotificationOptOut>().Where(o => o.AgentId == agentId).Select(o => o.Notification).ToListAsync(ct)).ToHashSet();
        return new NotificationPreferencesView(!off.Contains(NotificationKeys.TicketAssigned), !off.Contains(NotificationKeys.CustomerReplied),
            !off.Contains(NotificationKeys.GroupTicket),
            new WorkspaceSwitchesView(!off.Contains(WorkspaceNotificationKinds.AssignedSwitch), !off.Contains(WorkspaceNotificationKinds.CustomerRepliedSwitch),
                !off.Contains(WorkspaceNotificationKinds.MentionedSwitch), !off.Contains(WorkspaceNotificationKinds.FollowedSwitch),
                !off.Contains(WorkspaceNotificationKinds.SlaSwitch)),
            !off.Contains(NotificationKeys.SlaWarning), !off.Contains(NotificationKeys.SlaBreach));
    }

    /// <summary>Whether one switch (a mail key or a bell key) is on.</summary>
    public static bool IsOn(NotificationPreferencesView view, string key) => key switch
    {
        NotificationKeys.TicketAssigned => view.TicketAssigned,
        NotificationKeys.CustomerReplied => view.CustomerReplied,
        NotificationKeys.GroupTicket => view.GroupTicket,
        NotificationKeys.SlaWarning => view.SlaWarning,
        NotificationKeys.SlaBreach => view.SlaBreach,
        WorkspaceNotificationKinds.AssignedSwitch => view.Workspace.TicketAssigned,
        WorkspaceNotificationKinds.CustomerRepliedSwitch => view.Workspace.CustomerReplied,
        WorkspaceNotificationKinds.MentionedSwitch => view.Workspace.Mentioned,
        WorkspaceNotificationKinds.FollowedSwitch => view.Workspace.Followed,
        WorkspaceNotificationKinds.SlaSwitch => view.Workspace.Sla,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an agent notification switch."),
    };

    /// <summary>Changes the switches given; one left out keeps its value.</summary>
    public Task<NotificationPreferencesView> SetAsync(CurrentAgent agent, NotificationPreferencesRequest request, CancellationToken ct) =>
        SetAsync(agent, new Dictionary<string, bool?>
        {
            [NotificationKeys.TicketAssigned] = request.TicketAssigned,
            [NotificationKeys.CustomerReplied] = request.CustomerReplied,
            [NotificationKeys.GroupTicket] = request.GroupTicket,
            [NotificationKeys.SlaWarning] = request.SlaWarning,
            [NotificationKeys.SlaBreach] = request.SlaBreach,
            [WorkspaceNotificationKinds.AssignedSwitch] = request.Workspace?.TicketAssigned,
            [WorkspaceNotificationKinds.CustomerRepliedSwitch] = request.Workspace?.CustomerReplied,
            [WorkspaceNotificationKinds.MentionedSwitch] = request.Workspace?.Mentioned,
            [WorkspaceNotificationKinds.FollowedSwitch] = request.Workspace?.Followed,
            [WorkspaceNotificationKinds.SlaSwitch] = request.Workspace?.Sla,
        }, ct);

    /// <summary>Changes one switch, by its key.</summary>
    public Task<NotificationPreferencesView> SetOneAsync(CurrentAgent agent, string key, bool on, CancellationToken ct) =>
        NotificationKeys.ForAgents.Contains(key) || WorkspaceNotificationKinds.Switches.Contains(key)
            ? SetAsync(agent, new Dictionary<string, bool?> { [key] = on }, ct)
            : throw new OknoException(InvalidInput.Field("key", ErrorCodes.InvalidValue, $"{key} is not a notification switch.", ("value", key)));

    private async Task<NotificationPreferencesView> SetAsync(CurrentAgent agent, Dictionary<string, bool?> wanted, CancellationToken ct)
    {
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
