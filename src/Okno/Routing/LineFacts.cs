using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Routing;

/// <summary>Keeps the line report's facts as tickets move: an <see cref="Escalation"/> row per escalation or return
/// (with how long the ticket had been in the line it left), a <see cref="LineResolution"/> row per resolution (with
/// whether the ticket had been escalated out of its group before). The report then reads a period of them, never the
/// tickets. Runs after commit, once per event, in each ticket's order.</summary>
internal sealed class LineFacts(OknoDb db) : ITicketEventHandler
{
    public const string HandlerName = "routing.lines";

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => eventType is TicketEscalated.Type or TicketStatusChanged.Type;
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        switch (ticketEvent)
        {
            case TicketEscalated escalated:
                var entered = await EnteredAsync(escalated, cancellationToken);
                db.Add(new Escalation
                {
                    EventId = escalated.EventId, TicketId = escalated.TicketId, FromGroupId = escalated.FromGroupId, ToGroupId = escalated.ToGroupId,
                    Returned = escalated.Returned, ReasonId = escalated.ReasonId, At = escalated.At,
                    SecondsInLine = Math.Max(0, (long)(escalated.At - entered).TotalSeconds),
                });
                break;
            case TicketStatusChanged { After.GroupId: { } groupId } changed when IsResolution(changed):
                var escalatedOut = await db.Set<Escalation>()
                    .AnyAsync(e => e.TicketId == changed.TicketId && e.FromGroupId == groupId && !e.Returned, cancellationToken);
                db.Add(new LineResolution { EventId = changed.EventId, TicketId = changed.TicketId, GroupId = groupId, At = changed.At, EscalatedOut = escalatedOut });
                break;
            default:
                return;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Resolved, or closed without being resolved first (a closed ticket counts as resolved then).</summary>
    internal static bool IsResolution(TicketStatusChanged changed) =>
        changed.To == TicketStatus.Resolved || (changed.To == TicketStatus.Closed && changed.From != TicketStatus.Resolved);

    /// <summary>When the ticket entered the group it leaves: its last group change before this event, if that change
    /// took it there; else its creation. One ticket's history, read through its (ticket, version) index.</summary>
    private async Task<DateTimeOffset> EnteredAsync(TicketEscalated escalated, CancellationToken ct)
    {
        var lastMove = await db.TicketEvents
            .Where(e => e.TicketId == escalated.TicketId && e.TicketVersion < escalated.TicketVersion && e.Kind == TicketEventKind.Changed && e.Field == "group")
            .OrderByDescending(e => e.TicketVersion).Select(e => new { e.At, e.NewValue }).FirstOrDefaultAsync(ct);
        var from = escalated.FromGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (lastMove is not null && lastMove.NewValue == from) return lastMove.At;
        return await db.Tickets.Where(t => t.Id == escalated.TicketId).Select(t => (DateTimeOffset?)t.CreatedAt).SingleOrDefaultAsync(ct) ?? escalated.At;
    }
}
