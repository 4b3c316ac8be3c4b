using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Admin;
using Okno.Customers.Contracts;

namespace Okno.Tickets;

/// <summary>PATCH body: only the fields present are changed; null clears assignee or group. <see cref="Tags"/> replaces
/// the tag set; <see cref="AddTags"/> and <see cref="RemoveTags"/> edit it instead (what a change of many tickets needs,
/// each having its own tags), and cannot be combined with <see cref="Tags"/>.</summary>
public sealed record ChangeTicketRequest(
    Optional<TicketStatus?> Status, Optional<TicketPriority?> Priority, Optional<TicketType?> Type, Optional<string?> Subject,
    Optional<long?> AssigneeId, Optional<long?> GroupId, Optional<List<string?>?> Tags, long? Version)
{
    // Properties, not constructor parameters with defaults: the OpenAPI schema writer cannot write a default Optional.
    public Optional<List<string?>?> AddTags { get; init; }
    public Optional<List<string?>?> RemoveTags { get; init; }
    /// <summary>The ticket's contract (issue 20): one of the ticket's company; null unlinks it.</summary>
    public Optional<long?> ContractId { get; init; }

    /// <summary>Whether the request changes anything at all.</summary>
    public bool ChangesSomething => Status.IsSet || Priority.IsSet || Type.IsSet || Subject.IsSet || AssigneeId.IsSet || GroupId.IsSet
        || Tags.IsSet || AddTags.Value is { Count: > 0 } || RemoveTags.Value is { Count: > 0 } || ContractId.IsSet;
}

/// <summary>Changes a ticket's fields. Every change is checked by <see cref="Ticket"/> and lands in its history;
/// either all requested changes are saved or none. Made by the actor on a ticket its access rule allows.</summary>
public sealed class ChangeTicket(OknoDb db, TagCatalog tags, TimeProvider clock, TicketQueries queries)
{
    public async Task<TicketView> ExecuteAsync(long id, ChangeTicketRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        await ValidateAsync(request, "", cancellationToken);
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
            if (request.Type.Value is { } type && type != ticket.Type)
            {
                ticket.ChangeType(type, actor, now);
                await Checklists.TicketChecklists.CopyOnTypeChangeAsync(db, ticket.Id, type, now, ct);
            }
            if (request.ContractId.IsSet)
            {
                // Only a contract of the ticket's own company (and none when the ticket has no company).
                if (request.ContractId.Value is { } contractId
                    && !await db.Contracts.AnyAsync(c => c.Id == contractId && c.CompanyId == ticket.CompanyId, ct))
                    throw new OknoException(InvalidInput.Field("contractId", Customers.Contracts.ContractErrorCodes.NotTheTicketsCompany,
                        $"Contract {contractId} is not a contract of the ticket's company.", ("id", contractId)));
                ticket.LinkContract(request.ContractId.Value, actor, now);
            }
            if (request.GroupId.IsSet) ticket.MoveToGroup(request.GroupId.Value, actor, now);
            if (request.AssigneeId.IsSet) ticket.AssignTo(request.AssigneeId.Value, actor, now);
            if (request.Tags.IsSet) ticket.SetTags(await tags.ResolveAsync((request.Tags.Value ?? []).OfType<string>(), ct), actor, now);
            if (request.AddTags.IsSet || request.RemoveTags.IsSet)
            {
                // Edited under the ticket's lock from the tags it has now, so a concurrent tag change is kept.
                var removed = (request.RemoveTags.Value ?? []).OfType<string>().Select(Tag.Normalize).ToHashSet();
                var kept = ticket.Tags.Select(tt => tt.Tag.Name).Where(name => !removed.Contains(name));
                var added = (request.AddTags.Value ?? []).OfType<string>().Select(Tag.Normalize).Where(name => !removed.Contains(name));
                var wanted = kept.Concat(added).Distinct().ToList();
                if (wanted.Count > TagCatalog.MaxTagsPerTicket && wanted.Count > ticket.Tags.Count)
                    throw new OknoException(InvalidInput.Field("addTags", ErrorCodes.TooMany, $"At most {TagCatalog.MaxTagsPerTicket} tags.",
                        ("max", TagCatalog.MaxTagsPerTicket)));
                ticket.SetTags(await tags.ResolveAsync(wanted, ct), actor, now);
            }
            // Status last: closing after the other changes lets a single request edit and close.
            if (request.Status.Value is { } status)
            {
                if (status is TicketStatus.Resolved or TicketStatus.Closed && status != ticket.Status)
                    await Checklists.TicketChecklists.EnsureRequiredDoneAsync(db, ticket.Id, ct);
                ticket.ChangeStatus(status, actor, now);
            }
            await db.SaveChangesAsync(ct);
            return ticket.Id;
        }, cancellationToken);
        var changed = await queries.LoadAsync(id, cancellationToken);
        return changed;
    }

    /// <summary>Checks what does not depend on the ticket, so a change meant for many tickets is refused once, as a
    /// whole; <paramref name="prefix"/> is where the fields sit in the request ("change.").</summary>
    internal async Task ValidateAsync(ChangeTicketRequest request, string prefix, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Status is { IsSet: true, Value: null }) errors.Add(prefix + "status", ErrorCodes.Required, "Status cannot be empty.");
        if (request.Priority is { IsSet: true, Value: null }) errors.Add(prefix + "priority", ErrorCodes.Required, "Priority cannot be empty.");
        if (request.Type is { IsSet: true, Value: null }) errors.Add(prefix + "type", ErrorCodes.Required, "Type cannot be empty.");
        if (request.Subject.IsSet) errors.Text(prefix + "subject", request.Subject.Value, Ticket.SubjectMaxLength);
        if (request.Tags.IsSet) TagCatalog.Validate(request.Tags.Value ?? [], prefix + "tags", errors);
        if (request.AddTags.IsSet) TagCatalog.Validate(request.AddTags.Value ?? [], prefix + "addTags", errors);
        if (request.RemoveTags.IsSet) TagCatalog.Validate(request.RemoveTags.Value ?? [], prefix + "removeTags", errors);
        if (request.Tags.IsSet && (request.AddTags.IsSet || request.RemoveTags.IsSet))
            errors.Add(prefix + "tags", TicketErrorCodes.TagsReplacedAndEdited, "Give either tags (the whole set) or addTags/removeTags, not both.");
        if (request.AssigneeId.Value is { } assigneeId && !await db.Agents.AnyAsync(a => a.Id == assigneeId && a.IsActive, cancellationToken))
            errors.Add(prefix + "assigneeId", Admin.AdminErrorCodes.AgentNotActive, $"There is no active agent {assigneeId}.", ("id", assigneeId));
        if (request.GroupId.Value is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors.Add(prefix + "groupId", Admin.AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
        errors.ThrowIfAny();
    }
}
