namespace Okno.Bench.Generate;

// Plain rows as the tables hold them. Times are UTC ticks rounded to whole seconds, so SQLite (ticks) and
// PostgreSQL (timestamptz, microseconds) store the same instants. Enums are the C# member names, as EF stores them.

public sealed record GroupRow(long Id, string Name, string Description, long CreatedAt);

public sealed record AgentRow(long Id, string Email, string Name, string Role, string? Language, long CreatedAt);

public sealed record AgentGroupRow(long AgentId, long GroupId);

public sealed record CompanyRow(long Id, string Name, string Domain, long CreatedAt, bool Russian);

public sealed record ContactRow(long Id, string Name, long? CompanyId, long CreatedAt, bool Russian);

public sealed record ContactEmailRow(long ContactId, string Address);

public sealed record ContactPhoneRow(long ContactId, string Number);

public sealed class TicketRow
{
    public long Id;
    public long Number;
    public string Subject = "";
    public string Status = "";
    public string Priority = "";
    /// <summary>Okno's Ticket.PriorityRank: the priority as a number (Low 0 … Urgent 3), always matching Priority.</summary>
    public int PriorityRank;
    public string Type = "";
    public string Channel = "";
    public long ContactId;
    public long? CompanyId;
    public long? GroupId;
    public long? AssigneeId;
    public long CreatedAt;
    public long UpdatedAt;
    public long? FirstResponseAt;
    public long? ResolvedAt;
    public long? ClosedAt;
    public int MessageCount;
    public long Version;
}

public sealed class MessageRow
{
    public long Id;
    public long TicketId;
    public string Direction = "";
    public bool IsInternal;
    public string AuthorKind = "";
    public long? AuthorId;
    public string BodyText = "";
    public string BodyHtml = "";
    public long CreatedAt;
}

public sealed class EventRow
{
    public long Id;
    public long TicketId;
    public long TicketVersion;
    public string ActorKind = "";
    public long? ActorId;
    public long At;
    public string Kind = "";
    public string? Field;
    public string? OldValue;
    public string? NewValue;
    public long? MessageId;
}

public readonly record struct TicketTagRow(long TicketId, long TagId);

/// <summary>One transaction's worth of tickets with everything that hangs off them.</summary>
public sealed class Chunk
{
    public int Index;
    public long FirstTicket;
    public readonly List<TicketRow> Tickets = [];
    public readonly List<MessageRow> Messages = [];
    public readonly List<EventRow> Events = [];
    public readonly List<TicketTagRow> Tags = [];

    public long RowCount => Tickets.Count + Messages.Count + Events.Count + Tags.Count;
}

/// <summary>Where the tickets of a database end: the generator continues right after it.</summary>
public sealed record ResumePoint(long TicketsDone, long MaxTicketId, long MaxMessageId, long MaxEventId);
