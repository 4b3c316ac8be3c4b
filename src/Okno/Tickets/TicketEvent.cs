namespace Okno.Tickets;

/// <summary>What a history row records. <see cref="SlaAlert"/>: an SLA target of the ticket reached its warning or its due
/// time (recorded once per ticket and target by the SLA section; <see cref="TicketEvent.Field"/> says which).
/// <see cref="Escalated"/>: moved to another support line with a reason (<see cref="TicketEvent.ReasonId"/>) and a comment;
/// <see cref="TicketEvent.Field"/> is <see cref="Ticket.EscalatedField"/> or <see cref="Ticket.ReturnedField"/> (to a lower
/// line), old and new values the groups' ids.</summary>
public enum TicketEventKind { Created, Changed, MessageAdded, NoteAdded, Merged, Linked, Unlinked, SlaAlert, Escalated }

/// <summary>One entry of a ticket's history: who changed what from which value to which, and when.
/// Append-only: <see cref="Platform.Data.OknoDb"/> refuses to save an edited or deleted event.</summary>
public sealed class TicketEvent
{
    private TicketEvent() { }

    internal TicketEvent(Ticket ticket, long ticketVersion, Actor actor, DateTimeOffset at, TicketEventKind kind, string? field,
        string? oldValue, string? newValue, Message? message)
    {
        Ticket = ticket;
        TicketVersion = ticketVersion;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        MacroId = actor.MacroId;
        _cause = actor;
        At = at;
        Kind = kind;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Message = message;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public Ticket Ticket { get; private set; } = null!;
    /// <summary>The ticket's version this change produced: orders the history exactly as the changes happened,
    /// and (being unique per ticket) refuses two writers that both started from the same version.</summary>
    public long TicketVersion { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public long? ActorId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public TicketEventKind Kind { get; private set; }
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public long? MessageId { get; private set; }
    public Message? Message { get; private set; }
    /// <summary>The macro the change was made with, if any (<see cref="Actor.MacroId"/>); its name is looked up when shown.</summary>
    public long? MacroId { get; private set; }
    /// <summary>Why the ticket was escalated or returned (<see cref="TicketEventKind.Escalated"/>): the id of a reason the
    /// routing section keeps, and the agent's words.</summary>
    public long? ReasonId { get; internal set; }
    public string? Comment { get; internal set; }

    public const int CommentMaxLength = 2000;

    /// <summary>For an assignment made by automatic distribution: how the agent was chosen, as
    /// <see cref="AutoAssignment"/> JSON; null for any other change.</summary>
    public string? Decision { get; internal set; }

    public const int DecisionMaxLength = 500;

    /// <summary>Who caused it, as given when recorded (an automation's depth included, which the history does not
    /// store); the outbox event derived from this row carries it.</summary>
    internal Actor Cause => _cause ?? new(ActorKind, ActorId, MacroId: MacroId);

    private readonly Actor? _cause;

    /// <summary>The operation (request, job run) this change belongs to, when it is not the ambient one: a group
    /// commit writes the tickets of many requests in one save.</summary>
    internal Guid? OperationId { get; set; }
}

/// <summary>Why automatic distribution chose an agent: the group's <see cref="Mode"/> ("round_robin", "least_loaded"),
/// the agent's open tickets when chosen, and the ticket's tags that were matched to the agent's skills.</summary>
public sealed record AutoAssignment(string Mode, int OpenTickets, IReadOnlyList<string> Skills)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public string Write() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    /// <summary>The decision stored on a history row; null when there is none or it cannot be read.</summary>
    public static AutoAssignment? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<AutoAssignment>(stored, Json); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
