namespace Okno.Tickets;

/// <summary>Someone besides the customer who takes part in a ticket's conversation by email: an address on the CC line
/// of the customer's mail (or of a later one), or one an agent added. Replies are copied to them, and a mail from them
/// continues the ticket like one from the customer; a mail from anyone else that claims to answer it does not.</summary>
public sealed class TicketParticipant
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 200;

    private TicketParticipant() { }

    public TicketParticipant(long ticketId, string address, string? name, DateTimeOffset addedAt)
    {
        TicketId = ticketId;
        Address = address;
        Name = name is { Length: > NameMaxLength } ? name[..NameMaxLength] : name;
        AddedAt = addedAt;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    /// <summary>Lower case, as <see cref="Customers.ContactEmail.Normalize"/> gives it.</summary>
    public string Address { get; private set; } = "";
    public string? Name { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
