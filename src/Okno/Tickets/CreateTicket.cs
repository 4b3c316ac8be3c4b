using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record CustomerInput([property: Required] string? Email, string? Name);

public sealed record CreateTicketRequest(
    [property: Required] string? Subject, string? Body, string? BodyHtml, [property: Required] CustomerInput? Customer, TicketPriority? Priority, TicketType? Type,
    List<string?>? Tags, long? GroupId, long? AssigneeId, string? Channel, List<AttachmentInput?>? Attachments);

/// <summary>Opens a ticket for a customer on their behalf: the customer's first message plus the ticket, in one
/// transaction (shared with concurrent creations, see <see cref="TicketCreations"/>).</summary>
public sealed class CreateTicket(OknoDb db, AttachmentIntake attachments, MessageBodies bodies, TicketCreations creations, Live.TicketFeed feed)
{
    public async Task<TicketView> ExecuteAsync(CreateTicketRequest request, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("subject", request.Subject, Ticket.SubjectMaxLength);
        MessageInput.Validate(request.Body, request.BodyHtml, errors);
        if (request.Customer is null) errors.Add("customer", "This field is required.");
        else
        {
            errors.Email("customer.email", request.Customer.Email);
            errors.Text("customer.name", request.Customer.Name, Contact.NameMaxLength, required: false);
        }
        TagCatalog.Validate(request.Tags, "tags", errors);
        var channel = ChannelKind.Read(request.Channel, "channel", errors);
        var files = attachments.Read(request.Attachments, errors);
        if (request.GroupId is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors.Add("groupId", $"There is no group {groupId}.");
        if (request.AssigneeId is { } assigneeId && !await db.Agents.AnyAsync(a => a.Id == assigneeId && a.IsActive, cancellationToken))
            errors.Add("assigneeId", $"There is no active agent {assigneeId}.");
        errors.ThrowIfAny();

        var body = MessageInput.Body(request.Body, request.BodyHtml, bodies);
        var stored = await attachments.SaveAsync(files, cancellationToken);
        var created = await creations.CreateAsync(new NewTicket(
            request.Subject!, body, stored, request.Customer!.Email!, request.Customer.Name, channel ?? ChannelKind.Api,
            request.Priority ?? TicketPriority.Normal, request.Type ?? TicketType.Question,
            request.Tags?.Select(t => t!).ToList() ?? [], request.GroupId, request.AssigneeId, Actor.Agent(agent.Id)), cancellationToken);
        // The creator gets the ticket back even if they routed it to a group they cannot see. It is made from the
        // entities just committed (contact, company and tags are loaded), so no second read.
        var view = TicketView.Of(created);
        feed.Publish(new Live.TicketChange(view.Id, Live.TicketChangeKind.Created, view.GroupId, view.AssigneeId, agent.Id));
        return view;
    }
}

/// <summary>The body of a message as a client sends it: plain text, or HTML that is sanitized.</summary>
public static class MessageInput
{
    public static void Validate(string? body, string? bodyHtml, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(bodyHtml)) errors.Add("body", "This field is required.");
        if (body?.Length > Message.BodyMaxLength) errors.Add("body", $"At most {Message.BodyMaxLength} characters.");
        if (bodyHtml?.Length > Message.BodyMaxLength) errors.Add("bodyHtml", $"At most {Message.BodyMaxLength} characters.");
    }

    /// <summary>HTML wins when both are given (it carries the formatting); its text is derived from the sanitized HTML.</summary>
    public static MessageBody Body(string? body, string? bodyHtml, MessageBodies bodies)
    {
        if (string.IsNullOrWhiteSpace(bodyHtml)) return bodies.FromText(body!);
        var fromHtml = bodies.FromHtml(bodyHtml);
        return string.IsNullOrWhiteSpace(fromHtml.Text) && !string.IsNullOrWhiteSpace(body) ? bodies.FromText(body) : fromHtml;
    }
}
