using Okno.Platform.Security;

namespace Okno.Tickets;

/// <summary>Which tickets a use case may touch on behalf of its actor: an agent the ones <see cref="TicketAccess"/>
/// shows them, a contact (portal, widget) their own, the system (channel intake) and automation rules all. The core
/// of each ticket use case takes one with its <see cref="Actor"/>; a ticket outside the rule is "not found", so
/// knowing an id is never enough.</summary>
public sealed class TicketAccessRule
{
    private readonly Func<IQueryable<Ticket>, IQueryable<Ticket>> _filter;

    private TicketAccessRule(Func<IQueryable<Ticket>, IQueryable<Ticket>> filter) => _filter = filter;

    /// <summary>Every ticket: for the system and automation rules, which act on the desk's own behalf.</summary>
    public static TicketAccessRule All { get; } = new(tickets => tickets);

    public static TicketAccessRule Agent(CurrentAgent agent) => new(tickets => tickets.VisibleTo(agent));

    /// <summary>A contact's own tickets: the ones they are the customer of.</summary>
    public static TicketAccessRule Contact(long contactId) => new(tickets => tickets.Where(t => t.ContactId == contactId));

    /// <summary>A portal user's tickets (issue 20): their own, and every ticket of the companies they manage.</summary>
    public static TicketAccessRule ContactOrCompanies(long contactId, IReadOnlyCollection<long> managedCompanyIds)
    {
        var companies = managedCompanyIds.ToList();
        return companies.Count == 0 ? Contact(contactId)
            : new(tickets => tickets.Where(t => t.ContactId == contactId || (t.CompanyId != null && companies.Contains(t.CompanyId.Value))));
    }

    public IQueryable<Ticket> Apply(IQueryable<Ticket> tickets) => _filter(tickets);
}

public static class TicketAccessRules
{
    /// <summary>The tickets of <paramref name="tickets"/> that <paramref name="rule"/> lets its actor touch.</summary>
    public static IQueryable<Ticket> AllowedBy(this IQueryable<Ticket> tickets, TicketAccessRule rule) => rule.Apply(tickets);

    /// <summary>The actor and rule of a signed-in agent: what the agent API and UI pass to the use cases.</summary>
    public static Actor AsActor(this CurrentAgent agent) => Actor.Agent(agent.Id);

    public static TicketAccessRule Access(this CurrentAgent agent) => TicketAccessRule.Agent(agent);
}

public static class Actors
{
    /// <summary>The agent's id when the actor is an agent (what the live feed names as who changed a ticket).</summary>
    public static long? AgentId(this Actor actor) => actor.Kind == ActorKind.Agent ? actor.Id : null;
}
