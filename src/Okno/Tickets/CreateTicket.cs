using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Admin;
using Okno.Tickets.CustomFields;

namespace Okno.Tickets;

/// <summary>The customer of a new ticket: an existing contact by <see cref="Id"/> (the other fields are then unused), or
/// at least one of an email, a phone number and an id in a channel (an anonymous website visitor, a Telegram user or a
/// caller has no email). See <see cref="ContactDirectory.FindOrCreateAsync"/>.</summary>
public sealed record CustomerInput(string? Email, string? Name, string? Phone = null, ChannelIdInput? ChannelId = null, long? Id = null);

public sealed record ChannelIdInput([property: Required] string? Channel, [property: Required] string? Id);

public sealed record CreateTicketRequest(
    [property: Required] string? Subject, string? Body, string? BodyHtml, [property: Required] CustomerInput? Customer, TicketPriority? Priority, TicketType? Type,
    List<string?>? Tags, long? GroupId, long? AssigneeId, string? Channel, List<AttachmentInput?>? Attachments)
{
    /// <summary>Custom field values { key: value } (issue 20); fields the type requires must be given when an agent opens it.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }
    // Issue 20 "objects": the service object and equipment the ticket is about (of the customer's company).
    public long? ServiceObjectId { get; init; }
    public long? EquipmentId { get; init; }
}

/// <summary>Opens a ticket for a customer on their behalf: the customer's first message plus the ticket, in one
/// transaction (shared with concurrent creations, see <see cref="TicketCreations"/>). The actor is who opens it (an
/// agent through the API, the system or a rule); when it is a contact (portal, widget), the ticket is theirs whatever
/// <c>customer</c> says. Opening touches no existing ticket, so it takes no access rule.</summary>
public sealed class CreateTicket(OknoDb db, AttachmentIntake attachments, MessageBodies bodies, TicketCreations creations, CustomFieldValues fieldValues)
{
    public async Task<TicketView> ExecuteAsync(CreateTicketRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("subject", request.Subject, Ticket.SubjectMaxLength);
        MessageInput.Validate(request.Body, request.BodyHtml, errors);
        var customer = actor.Kind == ActorKind.Contact ? CustomerIdentity.Known(actor.Id!.Value) : ValidateCustomer(request.Customer, errors);
        TagCatalog.Validate(request.Tags, "tags", errors);
        var channel = ChannelKind.Read(request.Channel, "channel", errors);
        var files = attachments.Read(request.Attachments, errors);
        if (customer?.ContactId is { } contactId && actor.Kind != ActorKind.Contact && !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
            errors.Add("customer.id", CustomerErrorCodes.ContactNotFound, $"There is no contact {contactId}.", ("id", contactId));
        if (request.GroupId is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors.Add("groupId", Admin.AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
        if (request.AssigneeId is { } assigneeId && !await db.Agents.AnyAsync(a => a.Id == assigneeId && a.IsActive, cancellationToken))
            errors.Add("assigneeId", Admin.AdminErrorCodes.AgentNotActive, $"There is no active agent {assigneeId}.", ("id", assigneeId));
        var fields = await fieldValues.ParseAsync(CustomFieldEntity.Ticket, request.CustomFields, errors, cancellationToken);
        // Required fields bind an agent (UI, API); a customer's own ticket (portal, widget) or an intake's is opened
        // without them and they are asked for when an agent resolves it (README "Custom fields").
        if (actor.Kind == ActorKind.Agent)
            await fieldValues.CheckRequiredAsync(request.Type ?? TicketType.Question,
                fields.Fields.Where(f => f.Rows.Count > 0).Select(f => f.Field.Id).ToHashSet(), errors, cancellationToken);
        errors.ThrowIfAny();
        var link = await Customers.ServiceObjects.TicketObjectLink.ResolveAsync(db, request.ServiceObjectId, request.EquipmentId, "", cancellationToken);

        var body = MessageInput.Body(request.Body, request.BodyHtml, bodies);
        var stored = await attachments.SaveAsync(files, cancellationToken);
        var created = await creations.CreateAsync(new NewTicket(
            request.Subject!, body, stored, customer!, channel ?? ChannelKind.Api,
            request.Priority ?? TicketPriority.Normal, request.Type ?? TicketType.Question,
            request.Tags?.Select(t => t!).ToList() ?? [], request.GroupId, request.AssigneeId, actor)
        {
            AlsoWrite = fields.IsEmpty ? null : (tx, ticket, ct) => WriteFieldsAsync(tx, ticket, fields, ct),
            ObjectLink = link,
        }, cancellationToken);
        // The creator gets the ticket back even if they routed it to a group they cannot see. It is made from the
        // entities just committed (contact, company and tags are loaded), so no second read.
        // A ticket opened without field values has none yet: no read for them (most API and intake creations).
        var view = TicketView.Of(created);
        return view with
        {
            CustomFields = fields.IsEmpty ? new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(StringComparer.Ordinal)
                : await CustomFieldValues.ReadAsync(db, CustomFieldEntity.Ticket, created.Id, cancellationToken),
        };
    }

    /// <summary>The values go in the ticket's own transaction (no history rows: the creation is the ticket's first entry).
    /// Runs on the creations' context, so the rows are made afresh each time (a retried transaction runs it again).</summary>
    private static async Task WriteFieldsAsync(OknoDb tx, Ticket ticket, CustomFieldInput fields, CancellationToken ct)
    {
        foreach (var (_, rows) in fields.Fields)
            foreach (var row in rows)
                tx.CustomFieldValues.Add(new CustomFieldValue
                {
                    Entity = CustomFieldEntity.Ticket, EntityId = ticket.Id, FieldId = row.FieldId, Text = row.Text, Number = row.Number,
                    Date = row.Date, Bool = row.Bool, LinkedId = row.LinkedId,
                });
        await tx.SaveChangesAsync(ct);
        await new CustomFieldValues(tx, []).IndexTicketAsync(ticket.Id, ct);
    }

    /// <summary>At least one of email, phone and channel id, each well-formed; null when something is wrong.</summary>
    internal static CustomerIdentity? ValidateCustomer(CustomerInput? customer, FieldErrors errors)
    {
        if (customer is null)
        {
            errors.Required("customer");
            return null;
        }
        if (customer.Id is { } id)
        {
            if (id > 0) return CustomerIdentity.Known(id);
            errors.Add("customer.id", CustomerErrorCodes.ContactNotFound, $"There is no contact {id}.", ("id", id));
            return null;
        }
        errors.Text("customer.name", customer.Name, Contact.NameMaxLength, required: false);
        var (email, phone, channelId) = (!string.IsNullOrWhiteSpace(customer.Email), !string.IsNullOrWhiteSpace(customer.Phone), customer.ChannelId is not null);
        if (!email && !phone && !channelId)
        {
            errors.Add("customer", CustomerErrorCodes.IdentityRequired, "Give the customer's email, phone or channelId.");
            return null;
        }
        if (email) errors.Email("customer.email", customer.Email);
        if (phone && !ContactPhone.IsValid(customer.Phone!)) errors.Add("customer.phone", ErrorCodes.InvalidPhone, "A phone number has 5 to 15 digits.");
        ChannelKind? channelKind = null;
        if (customer.ChannelId is { } channelIdInput)
        {
            if (string.IsNullOrWhiteSpace(channelIdInput.Channel)) errors.Required("customer.channelId.channel");
            else channelKind = ChannelKind.Read(channelIdInput.Channel, "customer.channelId.channel", errors);
            errors.Text("customer.channelId.id", channelIdInput.Id, ContactExternalId.MaxLength);
        }
        if (errors.Any) return null;
        return new CustomerIdentity(email ? customer.Email!.Trim() : null, phone ? customer.Phone : null,
            channelKind is { } c && customer.ChannelId?.Id is { } i ? new ChannelId(c, i.Trim()) : null,
            string.IsNullOrWhiteSpace(customer.Name) ? null : customer.Name.Trim());
    }
}

/// <summary>The body of a message as a client sends it: plain text, or HTML that is sanitized.</summary>
public static class MessageInput
{
    public static void Validate(string? body, string? bodyHtml, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(bodyHtml)) errors.Required("body");
        if (body?.Length > Message.BodyMaxLength) errors.TooLong("body", Message.BodyMaxLength);
        if (bodyHtml?.Length > Message.BodyMaxLength) errors.TooLong("bodyHtml", Message.BodyMaxLength);
    }

    /// <summary>HTML wins when both are given (it carries the formatting); its text is derived from the sanitized HTML.
    /// <paramref name="formatted"/> narrows it to what the reply editor writes (<see cref="MessageBodies.FromFormattedHtml"/>).</summary>
    public static MessageBody Body(string? body, string? bodyHtml, MessageBodies bodies, bool formatted = false)
    {
        if (string.IsNullOrWhiteSpace(bodyHtml)) return bodies.FromText(body!);
        var fromHtml = formatted ? bodies.FromFormattedHtml(bodyHtml) : bodies.FromHtml(bodyHtml);
        return string.IsNullOrWhiteSpace(fromHtml.Text) && !string.IsNullOrWhiteSpace(body) ? bodies.FromText(body) : fromHtml;
    }
}
