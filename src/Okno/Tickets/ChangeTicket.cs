using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Admin;
using Okno.Tickets.CustomFields;
using Okno.Customers.ServiceObjects;
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
    /// <summary>Custom field values to set ({ key: value }; null clears one); fields left out keep their values.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }

    // Issue 20 "objects": null clears; equipment alone takes the object it stands at.
    public Optional<long?> ServiceObjectId { get; init; }
    public Optional<long?> EquipmentId { get; init; }

    /// <summary>The ticket's contract (issue 20): one of the ticket's company; null unlinks it.</summary>
    public Optional<long?> ContractId { get; init; }

    /// <summary>Whether the request changes anything at all.</summary>
    public bool ChangesSomething => Status.IsSet || Priority.IsSet || Type.IsSet || Subject.IsSet || AssigneeId.IsSet || GroupId.IsSet
        || Tags.IsSet || AddTags.Value is { Count: > 0 } || RemoveTags.Value is { Count: > 0 } || CustomFields is { Count: > 0 }
        || ServiceObjectId.IsSet || EquipmentId.IsSet || ContractId.IsSet;
}

/// <summary>Changes a ticket's fields. Every change is checked by <see cref="Ticket"/> and lands in its history;
/// either all requested changes are saved or none. Made by the actor on a ticket its access rule allows.</summary>
public sealed class ChangeTicket(OknoDb db, TagCatalog tags, TimeProvider clock, TicketQueries queries, CustomFieldValues fieldValues)
{
    public async Task<TicketView> ExecuteAsync(long id, ChangeTicketRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        await ValidateAsync(request, "", cancellationToken);
        var fieldErrors = new FieldErrors();
        var fields = await fieldValues.ParseAsync(CustomFieldEntity.Ticket, request.CustomFields, fieldErrors, cancellationToken);
        fieldErrors.ThrowIfAny();
        await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(id, ct);
            var ticket = await db.Tickets.AllowedBy(access).Include(t => t.Tags).ThenInclude(tt => tt.Tag)
                .SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", id));
            // A client that read the ticket may say which version it changes; a stale one is refused.
            if (request.Version is { } version && version != ticket.Version) throw new OknoException(new EditConflict($"Ticket {ticket.Number}"));
            var now = clock.GetUtcNow();
            var typeBefore = ticket.Type;
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
            var fieldChanges = await fieldValues.WriteAsync(CustomFieldEntity.Ticket, ticket.Id, fields, ct);
            foreach (var change in fieldChanges) ticket.ChangeCustomField(change.Field.Key, change.From, change.To, actor, now);
            // Required fields (see README "Custom fields"): an agent changing the type, or resolving or closing, must have
            // filled the fields the (new) type requires.
            var finishing = request.Status.Value is TicketStatus.Resolved or TicketStatus.Closed && request.Status.Value != ticket.Status;
            if (actor.Kind == ActorKind.Agent && (ticket.Type != typeBefore || finishing))
            {
                var required = new FieldErrors();
                await fieldValues.CheckRequiredAsync(ticket.Type, await fieldValues.FilledAsync(CustomFieldEntity.Ticket, ticket.Id, ct), required, ct);
                required.ThrowIfAny();
            }
            if (request.ServiceObjectId.IsSet || request.EquipmentId.IsSet) await ChangeObjectAsync(ticket, request, actor, now, ct);
            // Status last: closing after the other changes lets a single request edit and close.
            if (request.Status.Value is { } status)
            {
                if (status is TicketStatus.Resolved or TicketStatus.Closed && status != ticket.Status)
                    await Checklists.TicketChecklists.EnsureRequiredDoneAsync(db, ticket.Id, ct);
                ticket.ChangeStatus(status, actor, now);
            }
            await db.SaveChangesAsync(ct);
            if (fieldChanges.Count > 0) await fieldValues.IndexTicketAsync(ticket.Id, ct);
            return ticket.Id;
        }, cancellationToken);
        var changed = await queries.LoadAsync(id, cancellationToken);
        return changed with { CustomFields = await CustomFieldValues.ReadAsync(db, CustomFieldEntity.Ticket, id, cancellationToken) };
    }

    /// <summary>Issue 20 "objects": what is not in the request is kept where it still agrees — a new object keeps the
    /// equipment only if it is in stock or stands there; new equipment alone brings its object.</summary>
    private async Task ChangeObjectAsync(Ticket ticket, ChangeTicketRequest request, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var objectId = request.ServiceObjectId.IsSet ? request.ServiceObjectId.Value : ticket.ServiceObjectId;
        var equipmentId = request.EquipmentId.IsSet ? request.EquipmentId.Value : ticket.EquipmentId;
        if (!request.EquipmentId.IsSet && equipmentId is { } kept
            && await db.Equipment.Where(e => e.Id == kept).Select(e => e.ServiceObjectId).SingleOrDefaultAsync(ct) is { } standsAt && standsAt != objectId)
            equipmentId = null;
        // Equipment chosen alone: where it stands (the object is then resolved from it), or the ticket's object if in stock.
        if (request.EquipmentId.IsSet && !request.ServiceObjectId.IsSet && equipmentId is { } chosen
            && await db.Equipment.Where(e => e.Id == chosen).Select(e => new { e.ServiceObjectId, e.CompanyId }).SingleOrDefaultAsync(ct) is { } found)
        {
            if (found.ServiceObjectId is not null) objectId = null;
            // Checked here, before the kept object: another company's equipment is what is wrong, not the ticket's object.
            new ObjectLink(null, chosen, found.CompanyId).EnsureCompany(ticket.CompanyId);
        }
        var link = await Customers.ServiceObjects.TicketObjectLink.ResolveAsync(db, objectId, equipmentId, "", ct);
        link.EnsureCompany(ticket.CompanyId);
        ticket.ChangeServiceObject(link.ServiceObjectId, link.EquipmentId, actor, now);
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
