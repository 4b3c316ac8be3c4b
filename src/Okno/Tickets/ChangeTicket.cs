using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Admin;

namespace Okno.Tickets;

/// <summary>PATCH body: only the fields present are changed; null clears assignee or group. <c>tags</c> replaces the
/// ticket's tags, <c>addTags</c> adds to them (read and written in one transaction, so a colleague's tag is not lost).</summary>
public sealed record ChangeTicketRequest(
    Optional<TicketStatus?> Status, Optional<TicketPriority?> Priority, Optional<TicketType?> Type, Optional<string?> Subject,
    Optional<long?> AssigneeId, Optional<long?> GroupId, Optional<List<string?>?> Tags, long? Version, List<string?>? AddTags = null);

/// <summary>Changes a ticket's fields. Every change is checked by <see cref="Ticket"/> and lands in its history;
/// either all requested changes are saved or none. Made by the actor on a ticket its access rule allows.</summary>
public sealed class ChangeTicket(OknoDb db, TagCatalog tags, TimeProvider clock, TicketQueries queries)
{
    public async Task<TicketView> ExecuteAsync(long id, ChangeTicketRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Status is { IsSet: true, Value: null }) errors.Add("status", ErrorCodes.Required, "Status cannot be empty.");
        if (request.Priority is { IsSet: true, Value: null }) errors.Add("priority", ErrorCodes.Required, "Priority cannot be empty.");
        if (request.Type is { IsSet: true, Value: null }) errors.Add("type", ErrorCodes.Required, "Type cannot be empty.");
        if (request.Subject.IsSet) errors.Text("subject", request.Subject.Value, Ticket.SubjectMaxLength);
        if (request.Tags.IsSet) TagCatalog.Validate(request.Tags.Value ?? [], "tags", errors);
        TagCatalog.Validate(request.AddTags, "addTags", errors);
        if (request.AssigneeId.Value is { } assigneeId && !await db.Agents.AnyAsync(a => a.Id == assigneeId && a.IsActive, cancellationToken))
            errors.Add("assigneeId", Admin.AdminErrorCodes.AgentNotActive, $"There is no active agent {assigneeId}.", ("id", assigneeId));
        if (request.GroupId.Value is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors.Add("groupId", Admin.AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
        errors.ThrowIfAny();

        await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(id, ct);
            var ticket = await db.Tickets.AllowedBy(access).Include(t => t.Tags).ThenInclude(tt => tt.Tag)
                .SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", id));
            // A client that read the ticket may say which version it changes; a stale one is refused.
            if (request.Version is { } version && version != ticket.Version) throw new OknoException(new EditConflict($"Ticket {ticket.Number}"));
            var now = clock.GetUtcNow();
            if (request.Subject.IsSet) ticket.ChangeSubject(request.Subject.Value!, actor, now);
            if (request.Priority.Value is { } priority) ticket.ChangePriority(priority, actor, now);
            if (request.Type.Value is { } type) ticket.ChangeType(type, actor, now);
            if (request.GroupId.IsSet) ticket.MoveToGroup(request.GroupId.Value, actor, now);
            if (request.AssigneeId.IsSet) ticket.AssignTo(request.AssigneeId.Value, actor, now);
            if (request.Tags.IsSet || request.AddTags is { Count: > 0 })
            {
                var names = request.Tags.IsSet ? (request.Tags.Value ?? []).OfType<string>() : ticket.Tags.Select(t => t.Tag.Name);
                names = names.Concat(request.AddTags?.OfType<string>() ?? []).Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().ToList();
                if (names.Count() > TagCatalog.MaxTagsPerTicket)
                    throw new OknoException(InvalidInput.Field("addTags", ErrorCodes.TooMany, $"A ticket has at most {TagCatalog.MaxTagsPerTicket} tags.",
                        ("max", TagCatalog.MaxTagsPerTicket)));
                ticket.SetTags(await tags.ResolveAsync(names, ct), actor, now);
            }
            // Status last: closing after the other changes lets a single request edit and close.
            if (request.Status.Value is { } status) ticket.ChangeStatus(status, actor, now);
            await db.SaveChangesAsync(ct);
            return ticket.Id;
        }, cancellationToken);
        var changed = await queries.LoadAsync(id, cancellationToken);
        return changed;
    }
}
