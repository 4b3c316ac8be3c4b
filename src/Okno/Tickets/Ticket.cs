using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>A customer request. Every change goes through a method here, which checks the rule and
/// appends a <see cref="TicketEvent"/> to the ticket's history.</summary>
public sealed class Ticket : Platform.Search.ISearchable
{
    public const int SubjectMaxLength = 250;

    private Ticket() { }

    public long Id { get; private set; }
    public long Number { get; private set; }
    /// <summary>A random code the customer is shown instead of <see cref="Number"/> (which is sequential and tells how many
    /// requests the desk gets): see <see cref="TicketReference"/>. Null on tickets opened before references existed.</summary>
    public string? Reference { get; private set; }
    public string Subject { get; private set; } = "";
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }
    /// <summary>The priority as a number (urgent highest), so "most urgent first" is an index order; the priority
    /// itself is stored as text, which sorts alphabetically.</summary>
    public int PriorityRank { get; private set; }
    public TicketType Type { get; private set; }
    public ChannelKind Channel { get; private set; }
    public long ContactId { get; private set; }
    public Contact Contact { get; private set; } = null!;
    public long? CompanyId { get; private set; }
    public Company? Company { get; private set; }
    public long? GroupId { get; private set; }
    public Group? Group { get; private set; }
    public long? AssigneeId { get; private set; }
    public Agent? Assignee { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int MessageCount { get; private set; }
    /// <summary>Set when this ticket was merged into another (the survivor); a merged ticket is closed.</summary>
    public long? MergedIntoId { get; private set; }
    /// <summary>When the soonest SLA target that is counting now falls due, as UTC ticks (<see cref="NoSlaDue"/>: none
    /// counts), and when its warning comes. Kept by the SLA section, which computes them; here so that "soonest due
    /// first" and "overdue or at risk" are ranges of the same indexes as the inbox's other orders. Ticks, not a
    /// nullable time: a keyset order over NULLs differs between SQLite and PostgreSQL.</summary>
    public long SlaDueTicks { get; private set; } = NoSlaDue;
    public long SlaWarnTicks { get; private set; } = NoSlaDue;
    public const long NoSlaDue = long.MaxValue;

    /// <summary>Since when the ticket has had its current status, its current assignee (or none), and — while a message
    /// from the customer has had no public answer from an agent — since the first such message (null: nothing waits).
    /// Time rules ("pending for 3 days", "unassigned for 30 minutes", "no reply for 4 business hours") are ranges of
    /// indexes over these, not scans of history.</summary>
    public DateTimeOffset StatusSince { get; private set; }
    public DateTimeOffset AssigneeSince { get; private set; }
    public DateTimeOffset? AwaitingReplySince { get; private set; }

    /// <summary>Optimistic concurrency: two agents saving the same ticket at once cannot both win silently.</summary>
    public long Version { get; private set; }

    // Issue 20, part "objects": the client's service object and equipment the ticket is about (both of the ticket's
    // company; equipment implies its object). Checked by Customers.ServiceObjects.TicketObjectLink before they are set.
    public long? ServiceObjectId { get; private set; }
    public long? EquipmentId { get; private set; }
    public const string ServiceObjectField = "service_object";
    public const string EquipmentField = "equipment";

    /// <summary>Names the object and equipment the ticket is about (null: none); each change is a history row.</summary>
    public void ChangeServiceObject(long? serviceObjectId, long? equipmentId, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (serviceObjectId != ServiceObjectId)
        {
            Record(actor, now, TicketEventKind.Changed, ServiceObjectField, ServiceObjectId?.ToString(culture), serviceObjectId?.ToString(culture));
            ServiceObjectId = serviceObjectId;
        }
        if (equipmentId != EquipmentId)
        {
            Record(actor, now, TicketEventKind.Changed, EquipmentField, EquipmentId?.ToString(culture), equipmentId?.ToString(culture));
            EquipmentId = equipmentId;
        }
    }

    public List<TicketTag> Tags { get; private set; } = [];
    public List<Message> Messages { get; private set; } = [];
    public List<TicketEvent> History { get; private set; } = [];
    /// <summary>Colleagues named in its notes: each may open this ticket (<see cref="TicketAccess"/>).</summary>
    public List<TicketMention> Mentions { get; private set; } = [];

    public const string SearchKind = "ticket_subject";
    private static readonly string[] SearchedProperties = [nameof(Subject)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() =>
        new(SearchKind, Id, Id, Platform.Search.TextAnalyzer.DetectLanguage(Subject), Subject, "");

    public static Ticket Create(long number, string subject, Contact contact, ChannelKind channel, TicketPriority priority,
        TicketType type, long? groupId, Actor actor, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            Number = number,
            Reference = TicketReference.New(),
            Subject = subject.Trim(),
            Status = TicketStatus.New,
            Priority = priority,
            PriorityRank = (int)priority,
            Type = type,
            Channel = channel,
            Contact = contact,
            CompanyId = contact.CompanyId,
            GroupId = groupId,
            CreatedAt = now,
            UpdatedAt = now,
            StatusSince = now,
            AssigneeSince = now,
        };
        ticket.Record(actor, now, TicketEventKind.Created, null, null, ticket.Subject);
        if (groupId is not null) ticket.Record(actor.ForAutomaticChanges(), now, TicketEventKind.Changed, "group", null, groupId.ToString());
        return ticket;
    }

    public void ChangeStatus(TicketStatus to, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (to == Status) return;
        if (!TicketStatusRules.CanChange(Status, to)) throw new OknoException(new IllegalStatusChange(Status, to));
        var from = Status;
        Status = to;
        StatusSince = now;
        if (to == TicketStatus.Resolved) ResolvedAt = now;
        else if (to == TicketStatus.Closed) { ClosedAt = now; ResolvedAt ??= now; }
        else ResolvedAt = null;
        Record(actor, now, TicketEventKind.Changed, "status", from.ToSnakeCase(), to.ToSnakeCase());
    }

    public void ChangePriority(TicketPriority to, Actor actor, DateTimeOffset now) =>
        Change("priority", Priority, to, v => { Priority = v; PriorityRank = (int)v; }, actor, now);

    public void ChangeType(TicketType to, Actor actor, DateTimeOffset now) =>
        Change("type", Type, to, v => Type = v, actor, now);

    public void ChangeSubject(string to, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        to = to.Trim();
        if (to == Subject) return;
        Record(actor, now, TicketEventKind.Changed, "subject", Subject, to);
        Subject = to;
    }

    public void AssignTo(long? agentId, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (agentId == AssigneeId) return;
        Record(actor, now, TicketEventKind.Changed, "assignee", AssigneeId?.ToString(), agentId?.ToString());
        AssigneeId = agentId;
        AssigneeSince = now;
    }

    /// <summary>Assigns the ticket as automatic distribution decided: the history row carries the decision
    /// (<see cref="TicketEvent.Decision"/>: how the agent was chosen, their load then, the skills matched).</summary>
    public void AssignAutomatically(long agentId, AutoAssignment decision, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (agentId == AssigneeId) return;
        var row = Record(actor, now, TicketEventKind.Changed, "assignee", AssigneeId?.ToString(), agentId.ToString());
        row.Decision = decision.Write();
        AssigneeId = agentId;
        AssigneeSince = now;
    }

    public void MoveToGroup(long? groupId, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (groupId == GroupId) return;
        Record(actor, now, TicketEventKind.Changed, "group", GroupId?.ToString(), groupId?.ToString());
        GroupId = groupId;
    }

    /// <summary>Replaces the tag set; <paramref name="tags"/> are already normalised and resolved.</summary>
    public void SetTags(IReadOnlyCollection<Tag> tags, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        var before = Tags.Select(t => t.Tag.Name).Order(StringComparer.Ordinal).ToList();
        var after = tags.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        if (before.SequenceEqual(after)) return;
        Tags.RemoveAll(tt => !after.Contains(tt.Tag.Name));
        foreach (var tag in tags.Where(t => !before.Contains(t.Name)).DistinctBy(t => t.Name))
            Tags.Add(new TicketTag { Ticket = this, Tag = tag });
        Record(actor, now, TicketEventKind.Changed, "tags", string.Join(", ", before), string.Join(", ", after));
    }

    /// <summary>Adds a message and applies what a message means for the ticket: an agent's first public
    /// reply is the first response and takes a new ticket to open; a customer writing back reopens it.</summary>
    public Message AddMessage(Message message, DateTimeOffset now)
    {
        EnsureWritable();
        message.AttachTo(this);
        Messages.Add(message);
        MessageCount++;
        var actor = message.Author;
        // A forward's entry names where it went, so the history alone tells who outside the desk saw the ticket.
        if (message.IsForward)
            Record(actor, now, TicketEventKind.NoteAdded, "forward", null, ForwardedTo(message), message);
        else
            Record(actor, now, message.IsInternal ? TicketEventKind.NoteAdded : TicketEventKind.MessageAdded, null, null, null, message);
        // A rule's automatic email is not the desk answering: it neither counts as the first response nor opens the ticket;
        // nor is a bot's answer (the first response is a person's, and the ticket stays new until one takes it).
        if (message is { Direction: MessageDirection.Out, IsInternal: false } && actor.Kind is not (ActorKind.Automation or ActorKind.Bot))
        {
            FirstResponseAt ??= now;
            if (actor.Kind == ActorKind.Agent) AwaitingReplySince = null;
            if (Status == TicketStatus.New) ChangeStatus(TicketStatus.Open, actor, now);
        }
        if (message.Direction == MessageDirection.In) AwaitingReplySince ??= now;
        if (message.Direction == MessageDirection.In && Status is TicketStatus.Pending or TicketStatus.Resolved)
        {
            ChangeStatus(TicketStatus.Open, actor.ForAutomaticChanges(), now);
        }
        return message;
    }

    private static string ForwardedTo(Message forward) =>
        forward.CcAddresses is { } cc ? forward.ToAddresses + ", " + cc : forward.ToAddresses ?? "";

    /// <summary>Reopens a closed ticket for a customer's message, where the desk chose that over a follow-up (a mailbox
    /// set to reopen). Closed is otherwise final — agents change it by no other way — and a merged ticket is never
    /// reopened (its messages go to the survivor).</summary>
    public void ReopenForCustomer(Actor actor, DateTimeOffset now)
    {
        if (Status != TicketStatus.Closed || MergedIntoId is not null) return;
        Status = TicketStatus.Open;
        StatusSince = now;
        ClosedAt = null;
        ResolvedAt = null;
        Record(actor, now, TicketEventKind.Changed, "status", TicketStatus.Closed.ToSnakeCase(), TicketStatus.Open.ToSnakeCase());
    }

    /// <summary>Merges this ticket into <paramref name="survivor"/>: both histories record it, this one points to the
    /// survivor and is closed. Messages stay where they were written; the survivor's timeline shows them.</summary>
    public void MergeInto(Ticket survivor, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        survivor.EnsureWritable();
        if (survivor.Id == Id) throw new OknoException(InvalidInput.Field("intoTicketId", TicketErrorCodes.MergeIntoItself, "A ticket cannot be merged into itself."));
        MergedIntoId = survivor.Id;
        Record(actor, now, TicketEventKind.Merged, "merged_into", null, survivor.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        survivor.Record(actor, now, TicketEventKind.Merged, "merged_from", null, Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ChangeStatus(TicketStatus.Closed, actor, now);
    }

    /// <summary>Moves the ticket to another customer: their contact was merged into that one (<c>MergeContacts</c>). Who
    /// asked does not change, only which record names them, so a closed ticket moves too; the history keeps the old
    /// contact's id, since that contact is deleted.</summary>
    public void ChangeCustomer(long contactId, long? companyId, Actor actor, DateTimeOffset now)
    {
        if (contactId == ContactId && companyId == CompanyId) return;
        if (contactId != ContactId)
            Record(actor, now, TicketEventKind.Changed, "customer", ContactId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                contactId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ContactId = contactId;
        CompanyId = companyId;
    }

    /// <summary>Records a link to or from another ticket. Links are notes about a ticket, not changes of its
    /// content, so a closed ticket can be linked too.</summary>
    /// <summary>Records a split: on the old ticket, which of its messages went into which new ticket (the message
    /// stays here, marked "split into #N"); on the new ticket, where it came from. Both are links too.</summary>
    public void NoteSplitInto(Ticket created, Message message, Actor actor, DateTimeOffset now, Guid? operationId) =>
        Record(actor, now, TicketEventKind.Linked, SplitIntoField, null, created.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), message)
            .OperationId = operationId;

    public void NoteSplitFrom(Ticket original, Actor actor, DateTimeOffset now, Guid? operationId) =>
        Record(actor, now, TicketEventKind.Linked, SplitFromField, null, original.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OperationId = operationId;

    public const string SplitIntoField = "split_into";
    public const string SplitFromField = "split_from";

    public void NoteLink(Ticket other, bool linked, Actor actor, DateTimeOffset now)
    {
        var number = other.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (linked) Record(actor, now, TicketEventKind.Linked, "link", null, number);
        else Record(actor, now, TicketEventKind.Unlinked, "link", number, null);
    }

    public const string EscalatedField = "escalated";
    public const string BotField = "bot";

    /// <summary>A bot is talking with the customer: automatic distribution leaves the ticket alone until the bot hands it
    /// over (or an agent takes over by answering), and the inbox marks it.</summary>
    public bool WithBot { get; private set; }

    /// <summary>A bot takes the conversation (true) or gives it to the agents (false); a history row says so.</summary>
    public void SetWithBot(bool withBot, Actor actor, DateTimeOffset now)
    {
        if (WithBot == withBot) return;
        EnsureWritable();
        WithBot = withBot;
        Record(actor, now, TicketEventKind.Changed, BotField, (!withBot).ToString().ToLowerInvariant(), withBot.ToString().ToLowerInvariant());
    }

    public const string ReturnedField = "returned";

    /// <summary>Moves the ticket to another support line: up (<paramref name="returned"/> false, an escalation) or back
    /// down (a return). The history gets the escalation with its reason and comment, then the group change itself, so
    /// whatever follows group changes sees this one too. Which groups are lines, and in which order, is the routing
    /// section's to check; here only that the ticket moves at all.</summary>
    public void Escalate(long toGroupId, bool returned, long reasonId, string comment, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (toGroupId == GroupId) throw new InvalidOperationException($"Ticket {Number} is in group {toGroupId} already.");
        var row = Record(actor, now, TicketEventKind.Escalated, returned ? ReturnedField : EscalatedField,
            GroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture), toGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.ReasonId = reasonId;
        row.Comment = string.IsNullOrEmpty(comment) ? null : comment;
        MoveToGroup(toGroupId, actor, now);
    }

    // --- issue 20 "customfields": a change of a custom field's value is a history row like any field's. ---
    /// <summary>History rows of custom fields name the field "cf.&lt;key&gt;"; old and new values are
    /// <c>CustomFieldValues.Display</c> forms.</summary>
    public const string CustomFieldPrefix = "cf.";

    public void ChangeCustomField(string key, string? from, string? to, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (from == to) return;
        Record(actor, now, TicketEventKind.Changed, CustomFieldPrefix + key, from, to);
    }
    // --- end of issue 20 "customfields" ---

    public const string SlaWarningField = "sla_warning";
    public const string SlaBreachField = "sla_breach";

    /// <summary>Records that an SLA target ("first_response", "next_response", "resolution") reached its warning
    /// threshold or its due time at <paramref name="crossedAt"/>. A fact about the clock, so a closed ticket takes it too
    /// (a target met late is found breached after the ticket was closed).</summary>
    public void RecordSlaAlert(bool breach, string target, DateTimeOffset crossedAt, Actor actor, DateTimeOffset now) =>
        Record(actor, now, TicketEventKind.SlaAlert, breach ? SlaBreachField : SlaWarningField,
            crossedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), target);

    // ---- Issue 20 part "contracts": the ticket's contract and its checklist ----

    /// <summary>The contract (Customers.Contracts) the ticket is served under: chosen at creation by
    /// <c>ContractSelection</c>, or set by hand to a contract of the ticket's company.</summary>
    public long? ContractId { get; private set; }
    public const string ContractField = "contract";
    public const string ChecklistField = "checklist";

    public void LinkContract(long? contractId, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        if (contractId == ContractId) return;
        Record(actor, now, TicketEventKind.Changed, ContractField, ContractId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            contractId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ContractId = contractId;
    }

    /// <summary>Records that a checklist item was ticked (<paramref name="done"/>) or unticked: the item's text is the row's
    /// comment, so the timeline tells which.</summary>
    public void RecordChecklistTick(string itemText, bool done, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        var row = Record(actor, now, TicketEventKind.Changed, ChecklistField, done ? "open" : "done", done ? "done" : "open");
        row.Comment = itemText.Length > TicketEvent.CommentMaxLength ? itemText[..TicketEvent.CommentMaxLength] : itemText;
    }

    // ---- end of issue 20 "contracts" ----

    // ---- Issue 20 part "worklogs": a work line added, edited or deleted is a history row (timeline, outbox event). ----
    public const string WorkField = "work";

    /// <summary>Records a change of the ticket's work lines: <paramref name="action"/> is "added", "edited" or "deleted"
    /// (the row's new value, the line's id its old one), <paramref name="summary"/> (what, how much, within/billable and
    /// an override's reason) its comment.</summary>
    public void RecordWorkLine(long lineId, string action, string summary, Actor actor, DateTimeOffset now)
    {
        EnsureWritable();
        var row = Record(actor, now, TicketEventKind.Changed, WorkField, lineId.ToString(System.Globalization.CultureInfo.InvariantCulture), action);
        row.Comment = summary.Length > TicketEvent.CommentMaxLength ? summary[..TicketEvent.CommentMaxLength] : summary;
    }
    // ---- end of issue 20 "worklogs" ----

    private void Change<T>(string field, T current, T to, Action<T> set, Actor actor, DateTimeOffset now) where T : struct, Enum
    {
        EnsureWritable();
        if (EqualityComparer<T>.Default.Equals(current, to)) return;
        set(to);
        Record(actor, now, TicketEventKind.Changed, field, current.ToSnakeCase(), to.ToSnakeCase());
    }

    private void EnsureWritable()
    {
        if (Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(Number));
    }

    private TicketEvent Record(Actor actor, DateTimeOffset now, TicketEventKind kind, string? field, string? oldValue, string? newValue,
        Message? message = null)
    {
        Version++;
        var change = new TicketEvent(this, Version, actor, now, kind, field, oldValue, newValue, message);
        History.Add(change);
        UpdatedAt = now;
        return change;
    }
}
