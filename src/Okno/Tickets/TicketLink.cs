namespace Okno.Tickets;

/// <summary>Two related tickets (same outage, follow-up of…). Stored once per pair, lower id first, and read
/// from either side.</summary>
public sealed class TicketLink
{
    private TicketLink() { }

    public TicketLink(long ticketId, long otherTicketId, long? createdById, DateTimeOffset createdAt)
    {
        TicketId = Math.Min(ticketId, otherTicketId);
        OtherTicketId = Math.Max(ticketId, otherTicketId);
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public long OtherTicketId { get; private set; }
    public long? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
