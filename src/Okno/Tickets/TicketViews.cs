using System.Linq.Expressions;

namespace Okno.Tickets;

public sealed record CustomerView(long Id, string Name, string? Email);

public sealed record CompanyRef(long Id, string Name);

public sealed record TicketView(
    long Id, long Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketType Type, Channel Channel,
    CustomerView Customer, CompanyRef? Company, long? GroupId, long? AssigneeId, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt, int MessageCount, long Version)
{
    /// <summary>One projection for every read of a ticket, translated to SQL (no entity loading, no N+1).</summary>
    public static readonly Expression<Func<Ticket, TicketView>> Projection = t => new TicketView(
        t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Type, t.Channel,
        new CustomerView(t.ContactId, t.Contact.Name, t.Contact.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault()),
        t.CompanyId == null ? null : new CompanyRef(t.Company!.Id, t.Company.Name),
        t.GroupId, t.AssigneeId,
        t.Tags.Select(tt => tt.Tag.Name).ToList(),
        t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.ResolvedAt, t.ClosedAt, t.MessageCount, t.Version);
}

public sealed record ActorView(ActorKind Kind, long? Id, string? Name);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size, string Url);

public sealed record MessageView(
    long Id, long TicketId, MessageDirection Direction, bool Internal, ActorView Author, string BodyText, string BodyHtml,
    DateTimeOffset CreatedAt, IReadOnlyList<AttachmentView> Attachments);

public sealed record TicketEventView(
    long Id, long Version, DateTimeOffset At, ActorView Actor, TicketEventKind Kind, string? Field, string? OldValue, string? NewValue, long? MessageId);

internal static class AttachmentUrls
{
    public static string Of(long attachmentId) => $"/api/v1/attachments/{attachmentId}";
}
