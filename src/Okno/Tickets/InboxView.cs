using System.Linq.Expressions;
using Okno.Platform.Security;

namespace Okno.Tickets;

/// <summary>The standard views of the agent inbox. Sent as snake_case in the API (view=my_groups).</summary>
public enum InboxView { Mine, Unassigned, MyGroups, AllOpen, Waiting, Closed }

/// <summary>What each view holds, written twice on purpose in the same terms: as ranges of tickets (for lists, one
/// index range scan each) and as a test on a (status, group, assignee) bucket (for the maintained counters). A test
/// checks that the two agree.</summary>
public static class InboxViews
{
    public static readonly IReadOnlyList<TicketStatus> OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    public static IReadOnlyList<TicketStatus> StatusesOf(InboxView view) => view switch
    {
        InboxView.Waiting => [TicketStatus.Pending],
        InboxView.Closed => [TicketStatus.Resolved, TicketStatus.Closed],
        _ => OpenStatuses,
    };

    /// <summary>The ticket ranges whose union is what <paramref name="agent"/> sees in <paramref name="view"/> (no
    /// view: everything they may see), before the status split.</summary>
    public static IReadOnlyList<Expression<Func<Ticket, bool>>> RangesOf(InboxView? view, CurrentAgent agent)
    {
        var me = agent.Id;
        var groups = agent.GroupIds;
        switch (view)
        {
            case InboxView.Mine:
                return [t => t.AssigneeId == me];
            case InboxView.MyGroups:
                return groups.Select(g => (Expression<Func<Ticket, bool>>)(t => t.GroupId == g)).ToList();
            case InboxView.Unassigned when agent.SeesAllTickets:
                return [t => t.AssigneeId == null];
            case InboxView.Unassigned:
                return groups.Select(g => (Expression<Func<Ticket, bool>>)(t => t.GroupId == g && t.AssigneeId == null))
                    .Append(t => t.GroupId == null && t.AssigneeId == null).ToList();
            default:
                if (agent.SeesAllTickets) return [t => true];
                // TicketAccess.VisibleTo, as ranges: one OR over them would make the database sort every visible ticket.
                return groups.Select(g => (Expression<Func<Ticket, bool>>)(t => t.GroupId == g))
                    .Append(t => t.GroupId == null).Append(t => t.AssigneeId == me).ToList();
        }
    }

    /// <summary>Whether tickets in one counter bucket belong to the view, for this agent.</summary>
    public static bool Holds(InboxView view, CurrentAgent agent, TicketStatus status, long? groupId, long? assigneeId)
    {
        if (!StatusesOf(view).Contains(status)) return false;
        var visible = Visible(agent, groupId, assigneeId);
        return view switch
        {
            InboxView.Mine => assigneeId == agent.Id,
            InboxView.MyGroups => groupId is { } g && agent.GroupIds.Contains(g),
            InboxView.Unassigned => assigneeId is null && visible,
            _ => visible,
        };
    }

    /// <summary><see cref="TicketAccess.VisibleTo"/> as a test of a counter bucket (a mention's grant opens a ticket,
    /// it does not list or count it).</summary>
    public static bool Visible(CurrentAgent agent, long? groupId, long? assigneeId) =>
        agent.SeesAllTickets || groupId is null || agent.GroupIds.Contains(groupId.Value) || assigneeId == agent.Id;
}
