using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Tickets;

namespace Okno.Sla.Ui.Ticket;

/// <summary>What the ticket page's SLA panel shows: the explained SLA, and the targets in business minutes for the
/// ticket's priority (how far past its due time a target is: elapsed minus target).</summary>
public sealed record SlaPanelView(TicketSlaExplained Sla, SlaTargets? Targets);

public sealed class SlaPanelQueries(OknoDb db, SlaSetup setup, TicketSlaQueries queries)
{
    /// <summary>The ticket's SLA now, for an agent who may see it (else not found, as the API answers).</summary>
    public async Task<SlaPanelView> ReadAsync(long ticketId, CurrentAgent agent, CancellationToken ct)
    {
        var sla = await queries.ExplainAsync(ticketId, agent, ct);
        if (sla.Policy is null) return new SlaPanelView(sla, null);
        var priority = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Priority).SingleAsync(ct);
        var policy = (await setup.CurrentAsync(db, ct)).Policies.FirstOrDefault(p => p.Id == sla.Policy.Id);
        return new SlaPanelView(sla, policy?.TargetsFor(priority));
    }
}
