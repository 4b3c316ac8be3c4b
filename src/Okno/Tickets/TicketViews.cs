using Microsoft.EntityFrameworkCore;

namespace Okno.Tickets;

/// <summary>The requester of a ticket. <see cref="Verified"/> is false for an unverified sender (an anonymous form):
/// <see cref="Email"/> is then the address they typed, which nobody has confirmed.</summary>
public sealed record CustomerView(long Id, string Name, string? Email, bool Verified = true);

public sealed record CompanyRef(long Id, string Name);

public sealed record TicketView(
    long Id, long Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketType Type, string Channel,
    CustomerView Customer, CompanyRef? Company, long? GroupId, long? AssigneeId, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt, int MessageCount, long Version, string? Reference = null)
{
    /// <summary>When the soonest SLA target counting now falls due and when its warning comes (null: none counts).</summary>
    public DateTimeOffset? SlaDueAt { get; init; }
    public DateTimeOffset? SlaWarnAt { get; init; }
    /// <summary>A bot is talking with the customer (<see cref="Ticket.WithBot"/>).</summary>
    public bool WithBot { get; init; }
    /// <summary>Issue 20 "objects": the service object and equipment the ticket is about.</summary>
    public long? ServiceObjectId { get; init; }
    public long? EquipmentId { get; init; }
    /// <summary>The contract the ticket is served under (issue 20 "contracts").</summary>
    public long? ContractId { get; init; }

    /// <summary>The ticket's SLA per target (<see cref="ITicketSla"/>); on the read of one ticket only (null in lists).</summary>
    public TicketSlaView? Sla { get; init; }

    /// <summary>The customer's satisfaction ratings of this ticket's resolutions, newest first (<see cref="ITicketCsat"/>);
    /// on the read of one ticket only (null in lists and when no section answers).</summary>
    public IReadOnlyList<TicketCsatView>? Csat { get; init; }

    internal static DateTimeOffset? SlaInstant(long ticks) => ticks == Ticket.NoSlaDue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    /// <summary>Custom field values { key: value } (issue 20); on the read of one ticket only (null in lists).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }

    /// <summary>Who else takes part by email (CC), oldest first; on the read of one ticket only (null in lists).</summary>
    public IReadOnlyList<ParticipantView>? Participants { get; init; }

    /// <summary>The view of a ticket just saved by this request, built from what was written: its contact (with
    /// addresses and company) and tags must be loaded. Equal to what <see cref="ReadAsync"/> would read back.</summary>
    internal static TicketView Of(Ticket t) => new(
        t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Type, t.Channel.Value,
        new CustomerView(t.ContactId, t.Contact.Name, t.Contact.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault() ?? t.Contact.UnverifiedEmail,
            t.Contact.UnverifiedEmail == null),
        t.Contact.Company is { } company && company.Id == t.CompanyId ? new CompanyRef(company.Id, company.Name) : null,
        t.GroupId, t.AssigneeId, t.Tags.Select(tt => tt.Tag.Name).Order(StringComparer.Ordinal).ToList(),
        t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.ResolvedAt, t.ClosedAt, t.MessageCount, t.Version, t.Reference)
    {
        SlaDueAt = SlaInstant(t.SlaDueTicks),
        SlaWarnAt = SlaInstant(t.SlaWarnTicks),
        WithBot = t.WithBot,
        ServiceObjectId = t.ServiceObjectId,
        EquipmentId = t.EquipmentId,
        ContractId = t.ContractId,
    };

    /// <summary>Reads tickets as views: one SQL query for the rows (no entity loading, no N+1) and one for the names
    /// of the tags on them. Tags come as ids because a joined collection of names (TicketTags ⋈ Tags) makes SQLite
    /// materialise every ticket's tags before it can answer for one ticket.</summary>
    internal static async Task<List<TicketView>> ReadAsync(IQueryable<Ticket> tickets, Platform.Data.OknoDb db, CancellationToken cancellationToken)
    {
        var rows = await tickets.Select(t => new
        {
            View = new TicketView(
                t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Type, t.Channel.Value,
                new CustomerView(t.ContactId, t.Contact.Name,
                    t.Contact.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault() ?? t.Contact.UnverifiedEmail, t.Contact.UnverifiedEmail == null),
                t.CompanyId == null ? null : new CompanyRef(t.Company!.Id, t.Company.Name),
                t.GroupId, t.AssigneeId, Array.Empty<string>(),
                t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.ResolvedAt, t.ClosedAt, t.MessageCount, t.Version, t.Reference),
            TagIds = t.Tags.Select(tt => tt.TagId).ToList(),
            t.SlaDueTicks,
            t.SlaWarnTicks,
            t.WithBot,
            t.ServiceObjectId,
            t.EquipmentId,
            t.ContractId,
        }).ToListAsync(cancellationToken);
        var tagIds = rows.SelectMany(r => r.TagIds).Distinct().ToList();
        var names = tagIds.Count == 0
            ? []
            : await db.Tags.Where(tag => tagIds.Contains(tag.Id)).ToDictionaryAsync(tag => tag.Id, tag => tag.Name, cancellationToken);
        return rows.Select(r => r.View with
        {
            Tags = r.TagIds.Select(id => names[id]).Order(StringComparer.Ordinal).ToList(),
            SlaDueAt = SlaInstant(r.SlaDueTicks),
            SlaWarnAt = SlaInstant(r.SlaWarnTicks),
            WithBot = r.WithBot,
            ServiceObjectId = r.ServiceObjectId,
            EquipmentId = r.EquipmentId,
            ContractId = r.ContractId,
        }).ToList();
    }
}

public sealed record TicketRef(long Id, long Number, string Subject, TicketStatus Status);

public sealed record RelatedTickets(TicketRef? MergedInto, IReadOnlyList<TicketRef> MergedFrom, IReadOnlyList<TicketRef> Links);

public sealed record ActorView(ActorKind Kind, long? Id, string? Name);

/// <summary>A file on a message; <see cref="Inline"/> ones are shown in place where the HTML names their
/// <see cref="ContentId"/> (<c>cid:</c>).</summary>
public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size, string Url, string Sha256 = "",
    bool Inline = false, string? ContentId = null);

/// <summary>The channel account a message came in or went out through, and its kind ("email"…).</summary>
public sealed record MessageChannelView(long AccountId, string? Kind);

/// <summary>Someone besides the customer on a ticket's conversation by email.</summary>
public sealed record ParticipantView(string Address, string? Name, DateTimeOffset AddedAt);

/// <param name="From">For mail: the addresses as its headers said (<see cref="To"/>, <see cref="Cc"/>); null otherwise.</param>
/// <param name="RawUrl">The ".eml" download of an incoming mail whose raw copy is kept.</param>
public sealed record MessageView(
    long Id, long TicketId, MessageDirection Direction, bool Internal, ActorView Author, string BodyText, string BodyHtml,
    DateTimeOffset CreatedAt, IReadOnlyList<AttachmentView> Attachments, long? ChannelAccountId = null, DeliveryState? Delivery = null,
    string? DeliveryError = null, MessageChannelView? Channel = null, string? From = null, IReadOnlyList<string>? To = null,
    IReadOnlyList<string>? Cc = null, string? RawUrl = null)
{
    /// <summary>An agent's forward of the conversation to outside addresses (<see cref="To"/>, <see cref="Cc"/>): internal,
    /// with its own delivery state.</summary>
    public bool Forward => Internal && Direction == MessageDirection.Out && Delivery is not null;
    /// <summary>The choices a reply offered (a bot's buttons), or null.</summary>
    public IReadOnlyList<MessageButton>? Buttons { get; init; }
    /// <summary>The button a customer's message pressed (its payload), or null.</summary>
    public string? ButtonPayload { get; init; }
}

/// <param name="Macro">The macro the change was made with (id and name), if any.</param>
/// <param name="Reason">Why the ticket was escalated or returned (an escalation entry only).</param>
/// <param name="Comment">The escalation's comment (an escalation entry only).</param>
/// <param name="Decision">How automatic distribution chose the assignee (an assignment it made only).</param>
public sealed record TicketEventView(
    long Id, long Version, DateTimeOffset At, ActorView Actor, TicketEventKind Kind, string? Field, string? OldValue, string? NewValue, long? MessageId,
    MacroRef? Macro = null, ReasonRef? Reason = null, string? Comment = null, AutoAssignment? Decision = null);

public sealed record MacroRef(long Id, string? Name);

public sealed record ReasonRef(long Id, string? Name);

/// <summary>The names of escalation reasons, for the history's escalation entries. Defined here so Tickets needs no
/// reference to the feature that owns reasons (Routing implements it); without it an entry shows the reason's id only.</summary>
public interface IEscalationReasonNames
{
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> reasonIds, CancellationToken cancellationToken);
}

/// <summary>The names of macros, for the history's "with macro …" mark. Defined here so Tickets needs no reference to the
/// feature that owns macros (Knowledge implements it); without it the mark shows the macro's id only.</summary>
/// <summary>Names of automation rules by id, for a history that says which rule acted (the Automation section answers).</summary>
public interface IRuleNames
{
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ruleIds, CancellationToken cancellationToken);
}

public interface IMacroNames
{
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> macroIds, CancellationToken cancellationToken);
}

internal static class AttachmentUrls
{
    public static string Of(long attachmentId) => $"/api/v1/attachments/{attachmentId}";
    public static string RawOf(long ticketId, long messageId) => $"/api/v1/tickets/{ticketId}/messages/{messageId}/raw";
}

/// <summary>The kind of each channel account, for showing which channel a message took. Defined here so Tickets needs
/// no reference to the feature that owns accounts (Channels implements it); without it messages show the account id only.</summary>
public interface IChannelAccountKinds
{
    Task<IReadOnlyDictionary<long, string>> KindsAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken);
}

/// <summary>Which of these tickets are live conversations right now (a chat whose visitor is on the site), for the inbox
/// to mark them. Channels implements it; without it nothing is marked.</summary>
public interface ILiveConversations
{
    Task<IReadOnlySet<long>> LiveAsync(IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken);
}

/// <summary>One SLA target of a ticket: due time, when it was met, business minutes elapsed and remaining, and the
/// state (running, warning, breached, paused, met, missed).</summary>
public sealed record TicketSlaTargetView(DateTimeOffset? DueAt, DateTimeOffset? MetAt, double ElapsedMinutes, double RemainingMinutes, string State);

/// <summary>A ticket's SLA: the policy that applies (null: none does) and its targets (a target the policy does not
/// set is null).</summary>
public sealed record TicketSlaView(long? PolicyId, string? PolicyName, TicketSlaTargetView? FirstResponse, TicketSlaTargetView? NextResponse,
    TicketSlaTargetView? Resolution);

/// <summary>The SLA of one ticket, as of now; implemented by the SLA section, which owns policies and the clock.</summary>
public interface ITicketSla
{
    Task<TicketSlaView?> GetAsync(long ticketId, CancellationToken cancellationToken);
}

/// <summary>One satisfaction survey of a ticket's resolution: whether it is asked, the rating (1–5) and comment once
/// answered.</summary>
public sealed record TicketCsatView(long Id, DateTimeOffset ResolvedAt, string Status, DateTimeOffset? SentAt, int? Rating, string? Comment,
    DateTimeOffset? AnsweredAt);

/// <summary>The satisfaction surveys of one ticket; implemented by the Surveys section.</summary>
public interface ITicketCsat
{
    Task<IReadOnlyList<TicketCsatView>> GetAsync(long ticketId, CancellationToken cancellationToken);
}
