using System.Text.Json.Serialization;

namespace Okno.Tickets.Events;

/// <summary>A ticket's status, group and assignee at one moment: what inboxes, counters, routing and SLA filter on,
/// carried by every event so a handler can decide without reading the ticket.</summary>
public sealed record TicketRouting(TicketStatus Status, long? GroupId, long? AssigneeId);

/// <summary>Something that happened to a ticket, as its handlers receive it after commit (see
/// <see cref="ITicketEventHandler"/>). Derived in one place (<see cref="TicketEventOutbox"/>) from the history rows
/// that <see cref="Ticket"/>'s methods append, and written to the outbox in the same transaction, so no use case can
/// forget one and none is lost on a crash.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketCreated), TicketCreated.Type)]
[JsonDerivedType(typeof(MessageReceived), MessageReceived.Type)]
[JsonDerivedType(typeof(ReplySent), ReplySent.Type)]
[JsonDerivedType(typeof(NoteAdded), NoteAdded.Type)]
[JsonDerivedType(typeof(TicketStatusChanged), TicketStatusChanged.Type)]
[JsonDerivedType(typeof(TicketPriorityChanged), TicketPriorityChanged.Type)]
[JsonDerivedType(typeof(TicketTypeChanged), TicketTypeChanged.Type)]
[JsonDerivedType(typeof(TicketSubjectChanged), TicketSubjectChanged.Type)]
[JsonDerivedType(typeof(TicketGroupChanged), TicketGroupChanged.Type)]
[JsonDerivedType(typeof(TicketAssigneeChanged), TicketAssigneeChanged.Type)]
[JsonDerivedType(typeof(TicketTagsChanged), TicketTagsChanged.Type)]
[JsonDerivedType(typeof(TicketCustomerChanged), TicketCustomerChanged.Type)]
[JsonDerivedType(typeof(TicketMerged), TicketMerged.Type)]
[JsonDerivedType(typeof(TicketLinked), TicketLinked.Type)]
[JsonDerivedType(typeof(TicketUnlinked), TicketUnlinked.Type)]
[JsonDerivedType(typeof(SlaAlertRaised), SlaAlertRaised.Type)]
[JsonDerivedType(typeof(TicketEscalated), TicketEscalated.Type)]
[JsonDerivedType(typeof(TicketBotChanged), TicketBotChanged.Type)]
[JsonDerivedType(typeof(TicketCustomFieldChanged), TicketCustomFieldChanged.Type)]
[JsonDerivedType(typeof(TicketServiceObjectChanged), TicketServiceObjectChanged.Type)]
[JsonDerivedType(typeof(TicketContractChanged), TicketContractChanged.Type)]
[JsonDerivedType(typeof(ChecklistItemTicked), ChecklistItemTicked.Type)]
[JsonDerivedType(typeof(WorkLineChanged), WorkLineChanged.Type)]
public abstract record TicketDomainEvent
{
    /// <summary>The outbox event's id: unique, so (handler, EventId) identifies one handling. Not in the payload: the
    /// row's id, set when the event is read back.</summary>
    [JsonIgnore]
    public long EventId { get; init; }
    public long TicketId { get; init; }
    /// <summary>The ticket's version this change produced (events of one ticket reach a handler in this order).</summary>
    public long TicketVersion { get; init; }
    /// <summary>Shared by the events of one request, job run or handler run.</summary>
    public Guid OperationId { get; init; }
    /// <summary>Who caused it: agent, contact, system, or an automation rule (<see cref="Actor.RuleId"/>) at a depth.</summary>
    public Actor Cause { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The ticket's routing just before this event; null for a ticket just created.</summary>
    public TicketRouting? Before { get; init; }
    /// <summary>The ticket's routing just after this event.</summary>
    public TicketRouting After { get; init; } = null!;

    /// <summary>The type's stable name, as stored with the event ("reply_sent").</summary>
    [JsonIgnore]
    public abstract string TypeName { get; }
}

public sealed record TicketCreated(long Number, string Subject, string Channel, long ContactId) : TicketDomainEvent
{
    public const string Type = "ticket_created";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>A message was added: the customer's (<see cref="MessageReceived"/>), an agent's public reply
/// (<see cref="ReplySent"/>) or an internal note (<see cref="NoteAdded"/>).</summary>
public abstract record TicketMessageEvent(long MessageId) : TicketDomainEvent
{
    [JsonIgnore]
    public abstract bool Internal { get; }
}

public sealed record MessageReceived(long MessageId) : TicketMessageEvent(MessageId)
{
    public const string Type = "message_received";
    [JsonIgnore] public override string TypeName => Type;
    public override bool Internal => false;
}

public sealed record ReplySent(long MessageId) : TicketMessageEvent(MessageId)
{
    public const string Type = "reply_sent";
    [JsonIgnore] public override string TypeName => Type;
    public override bool Internal => false;
}

public sealed record NoteAdded(long MessageId) : TicketMessageEvent(MessageId)
{
    public const string Type = "note_added";
    [JsonIgnore] public override string TypeName => Type;
    public override bool Internal => true;
}

public sealed record TicketStatusChanged(TicketStatus From, TicketStatus To) : TicketDomainEvent
{
    public const string Type = "status_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketPriorityChanged(TicketPriority From, TicketPriority To) : TicketDomainEvent
{
    public const string Type = "priority_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketTypeChanged(TicketType From, TicketType To) : TicketDomainEvent
{
    public const string Type = "type_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketSubjectChanged(string From, string To) : TicketDomainEvent
{
    public const string Type = "subject_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketGroupChanged(long? From, long? To) : TicketDomainEvent
{
    public const string Type = "group_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketAssigneeChanged(long? From, long? To) : TicketDomainEvent
{
    public const string Type = "assignee_changed";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketTagsChanged(IReadOnlyList<string> From, IReadOnlyList<string> To) : TicketDomainEvent
{
    public const string Type = "tags_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>The ticket now belongs to another contact (two contacts of one person were merged).</summary>
public sealed record TicketCustomerChanged(long From, long To) : TicketDomainEvent
{
    public const string Type = "customer_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>Recorded on both tickets of a merge: on the duplicate (<see cref="IsSurvivor"/> false, now closed and
/// pointing to the other) and on the survivor.</summary>
public sealed record TicketMerged(bool IsSurvivor, long? OtherTicketId, long OtherTicketNumber) : TicketDomainEvent
{
    public const string Type = "ticket_merged";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketLinked(long? OtherTicketId, long OtherTicketNumber) : TicketDomainEvent
{
    public const string Type = "ticket_linked";
    [JsonIgnore] public override string TypeName => Type;
}

public sealed record TicketUnlinked(long? OtherTicketId, long OtherTicketNumber) : TicketDomainEvent
{
    public const string Type = "ticket_unlinked";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>An SLA target ("first_response", "next_response", "resolution") reached its warning threshold
/// (<see cref="Breach"/> false) or its due time (true) at <see cref="CrossedAt"/>; recorded once per ticket and target.</summary>
public sealed record SlaAlertRaised(string Target, bool Breach, DateTimeOffset CrossedAt) : TicketDomainEvent
{
    public const string Type = "sla_alert";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>The ticket moved to another support line with a reason and a comment: up (an escalation) or, when
/// <see cref="Returned"/>, back down. Its group change follows as a <see cref="TicketGroupChanged"/> of its own.</summary>
public sealed record TicketEscalated(long? FromGroupId, long ToGroupId, bool Returned, long ReasonId, string Comment) : TicketDomainEvent
{
    public const string Type = "ticket_escalated";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>A bot took the conversation (<see cref="To"/> true) or handed it to the agents (false).</summary>
public sealed record TicketBotChanged(bool From, bool To) : TicketDomainEvent
{
    public const string Type = "bot_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>A custom field's value changed (issue 20): its key and the values as the history writes them (null: empty).</summary>
public sealed record TicketCustomFieldChanged(string Key, string? From, string? To) : TicketDomainEvent
{
    public const string Type = "custom_field_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>Issue 20 "objects": the ticket names another service object (<see cref="Field"/> "service_object") or piece of
/// equipment ("equipment"); null is none.</summary>
public sealed record TicketServiceObjectChanged(string Field, long? From, long? To) : TicketDomainEvent
{
    public const string Type = "service_object_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>The ticket's contract changed (set at creation, or by hand): the SLA policy it grants may change.</summary>
public sealed record TicketContractChanged(long? From, long? To) : TicketDomainEvent
{
    public const string Type = "contract_changed";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>A checklist item was ticked (<see cref="Done"/>) or unticked.</summary>
public sealed record ChecklistItemTicked(string Text, bool Done) : TicketDomainEvent
{
    public const string Type = "checklist_ticked";
    [JsonIgnore] public override string TypeName => Type;
}

/// <summary>A work line of the ticket was added, edited or deleted (<see cref="Action"/>); <see cref="Summary"/> tells
/// what it was (issue 20, work logs).</summary>
public sealed record WorkLineChanged(long LineId, string Action, string Summary) : TicketDomainEvent
{
    public const string Type = "work_line_changed";
    [JsonIgnore] public override string TypeName => Type;
}
