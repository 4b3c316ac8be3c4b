namespace Okno.Tickets;

/// <summary>Which status may follow which. Closed is final: a closed ticket is never reopened,
/// a new request becomes a follow-up ticket instead.</summary>
public static class TicketStatusRules
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.OnHold] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static bool CanChange(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketStatus> NextOf(TicketStatus from) => Allowed[from];

    public static bool IsOpenLike(TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);
}
