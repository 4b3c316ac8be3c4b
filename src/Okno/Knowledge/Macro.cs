namespace Okno.Knowledge;

/// <summary>A canned answer with variables ({{customer.name}}…). Shared with every agent, or personal
/// (<see cref="OwnerId"/> set: only its owner sees and uses it).</summary>
public sealed class Macro
{
    public const int NameMaxLength = 120;
    public const int BodyMaxLength = 20_000;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Body { get; set; } = "";
    public long? OwnerId { get; set; }
    public long CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // What applying the macro does to the ticket besides inserting its text; none set: a canned answer only.
    public Tickets.TicketStatus? SetStatus { get; set; }
    public Tickets.TicketPriority? SetPriority { get; set; }
    public long? SetGroupId { get; set; }
    /// <summary>An agent to assign to; see also <see cref="AssignToMe"/>, which wins.</summary>
    public long? SetAssigneeId { get; set; }
    /// <summary>Assign the ticket to whoever applies the macro.</summary>
    public bool AssignToMe { get; set; }
    /// <summary>Tags added (the ticket's other tags stay), comma-separated as normalized by TagCatalog.</summary>
    public string? AddTags { get; set; }
    public const int AddTagsMaxLength = 1000;

    public bool Acts => SetStatus is not null || SetPriority is not null || SetGroupId is not null || SetAssigneeId is not null || AssignToMe
        || !string.IsNullOrEmpty(AddTags);
}
