namespace Okno.Tickets;

public sealed class Tag
{
    public const int NameMaxLength = 50;
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Tags compare case-insensitively and without surrounding blanks: "VIP " and "vip" are one tag.</summary>
    public static string Normalize(string name) => string.Join(' ', name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class TicketTag
{
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public long TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}
