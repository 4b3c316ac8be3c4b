using Okno.Admin;
using Okno.Platform.Security;

namespace Okno.Tickets;

/// <summary>Which tickets an agent may see and change. Every route that reaches a ticket, a message, its
/// history or an attachment filters through here, so knowing an id is never enough. The ticket list applies the same
/// rule as a merge of ranges (TicketQueries.ListAsync): change both together.</summary>
public static class TicketAccess
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, CurrentAgent agent)
    {
        if (agent.SeesAllTickets) return tickets;
        var groups = agent.GroupIds.ToList();
        var agentId = agent.Id;
        // A mention in a note lets the named agent open that one ticket (a recorded, narrow grant: TicketMention). Lists
        // and counters (TicketQueries.ListAsync) do not show mentioned tickets; the bell leads there.
        return tickets.Where(t => t.GroupId == null || groups.Contains(t.GroupId.Value) || t.AssigneeId == agentId
            || t.Mentions.Any(m => m.AgentId == agentId));
    }

    /// <summary>The same rule the other way round: of <paramref name="agents"/>, those who may see a ticket in this
    /// group with this assignee (the bell uses it for followers). Change both together.</summary>
    public static IQueryable<Agent> WhoMaySee(this IQueryable<Agent> agents, IQueryable<TicketMention> mentions, long ticketId, long? groupId,
        long? assigneeId) =>
        agents.Where(a => a.Role == AgentRole.Admin || a.Role == AgentRole.Supervisor || groupId == null || a.Id == assigneeId
            || a.Groups.Any(g => g.GroupId == groupId) || mentions.Any(m => m.TicketId == ticketId && m.AgentId == a.Id));
}
