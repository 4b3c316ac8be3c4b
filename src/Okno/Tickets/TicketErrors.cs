using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>The codes of the errors that belong to tickets (see <see cref="ErrorCodes"/> for the general ones).</summary>
public static class TicketErrorCodes
{
    /// <summary>A malformed channel kind: {max}, {documented}.</summary>
    public const string InvalidChannelKind = "channel.invalid_kind";
    /// <summary>{id}; also a field error when a named ticket does not exist or cannot be seen.</summary>
    public const string NotFound = "ticket.not_found";
    /// <summary>{number}</summary>
    public const string Closed = "ticket.closed";
    /// <summary>{from}, {to}, {allowed} (comma-separated), statuses as the API writes them.</summary>
    public const string IllegalStatusChange = "status.illegal_change";
    /// <summary>A change gave both the whole tag set and tags to add or remove.</summary>
    public const string TagsReplacedAndEdited = "ticket.tags_replaced_and_edited";
    /// <summary>{max}: a change of many tickets names more than that.</summary>
    public const string BulkTooMany = "ticket.bulk_too_many";
    /// <summary>A merge of many tickets into one that is not among them.</summary>
    public const string BulkMergeTargetNotSelected = "ticket.bulk_merge_target_not_selected";
    public const string MergeIntoItself = "ticket.merge_into_itself";
    public const string LinkToItself = "ticket.link_to_itself";
    /// <summary>{id}: the number of the ticket that is not linked.</summary>
    public const string LinkNotFound = "ticket.link_not_found";
    /// <summary>{id}</summary>
    public const string MessageNotFound = "message.not_found";
    /// <summary>{id}: the message has no raw copy (it never was a mail, or was received before copies were kept).</summary>
    public const string RawNotFound = "message.raw_not_found";
    /// <summary>{email}</summary>
    public const string ParticipantIsCustomer = "participant.is_customer";
    /// <summary>{id}: the address that is not a participant.</summary>
    public const string ParticipantNotFound = "participant.not_found";
    /// <summary>{id}: only a customer's message can be split into a ticket of its own (not a note, not a reply).</summary>
    public const string SplitNotCustomerMessage = "message.split_not_customer";
    /// <summary>{id}, {number}: the message was split into ticket {number} already.</summary>
    public const string AlreadySplit = "message.already_split";
    /// <summary>Mentions were given on a public reply.</summary>
    public const string MentionOutsideNote = "ticket.mention_outside_note";
}

public sealed record IllegalStatusChange(TicketStatus From, TicketStatus To) : StateConflict(TicketErrorCodes.IllegalStatusChange,
    "Illegal status change",
    $"A ticket cannot go from '{From.ToSnakeCase()}' to '{To.ToSnakeCase()}'. Allowed next: {AllowedAfter(From)}.",
    ("from", From.ToSnakeCase()), ("to", To.ToSnakeCase()), ("allowed", AllowedAfter(From)))
{
    private static string AllowedAfter(TicketStatus from) => string.Join(", ", TicketStatusRules.NextOf(from).Select(s => s.ToSnakeCase()));
}

public sealed record TicketIsClosed(long Number) : StateConflict(TicketErrorCodes.Closed, "Ticket is closed",
    $"Ticket {Number} is closed; closed tickets take no more messages or changes.", ("number", Number));
