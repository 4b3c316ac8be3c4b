namespace Okno.Routing;

/// <summary>Whether a line is the desk's own people or a vendor outside it that tickets are handed to.</summary>
public enum LineKind { Internal, External }

/// <summary>A group that is a support line, at its place in the order (1: first line). A group without a row here is
/// not a line: tickets can still be moved there, but not escalated there.</summary>
public sealed class SupportLine
{
    public long GroupId { get; set; }
    public int Position { get; set; }
    public LineKind Kind { get; set; }
}

/// <summary>Why a ticket goes to another line, from a list admins keep. A reason once used is archived, not deleted, so
/// the history keeps its name.</summary>
public sealed class EscalationReason
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
    public bool Archived { get; set; }
}

/// <summary>A fact for the line report: a ticket left <see cref="FromGroupId"/> for <see cref="ToGroupId"/> (up, or down
/// when <see cref="Returned"/>) after <see cref="SecondsInLine"/> there. Written once per escalation event by
/// <see cref="LineFacts"/>.</summary>
public sealed class Escalation
{
    public long Id { get; set; }
    /// <summary>The outbox event it was written for: unique, so a fact is never written twice.</summary>
    public long EventId { get; set; }
    public long TicketId { get; set; }
    public long? FromGroupId { get; set; }
    public long ToGroupId { get; set; }
    public bool Returned { get; set; }
    public long ReasonId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>From the ticket entering <see cref="FromGroupId"/> (or its creation) to this move.</summary>
    public long SecondsInLine { get; set; }
}

/// <summary>A fact for the line report: a ticket was resolved while in <see cref="GroupId"/>; <see cref="EscalatedOut"/>
/// says whether it had been escalated out of that group before (then the line did not resolve it alone).</summary>
public sealed class LineResolution
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public long TicketId { get; set; }
    public long GroupId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool EscalatedOut { get; set; }
}
