using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record ReplyRequest(string? Body, string? BodyHtml, bool? Internal, List<AttachmentInput?>? Attachments);

/// <summary>The desk's reply to the customer, or an internal note for colleagues: written by the actor (an agent, or
/// the system or a rule on the desk's behalf) on a ticket its access rule allows. A customer writing goes through
/// <see cref="ReceiveCustomerMessage"/>. An agent's public reply ends with their signature (<see cref="Admin.ReplySignatures"/>).</summary>
public sealed class ReplyToTicket(OknoDb db, AttachmentIntake attachments, MessageBodies bodies, TimeProvider clock, TicketQueries queries,
    Admin.ReplySignatures signatures)
{
    public async Task<MessageView> ExecuteAsync(long ticketId, ReplyRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        MessageInput.Validate(request.Body, request.BodyHtml, errors);
        var files = attachments.Read(request.Attachments, errors);
        errors.ThrowIfAny();
        if (!await db.Tickets.AllowedBy(access).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));

        var body = MessageInput.Body(request.Body, request.BodyHtml, bodies);
        // An agent's own reply to the customer carries their signature; notes stay as written, and the system's and
        // rules' messages are nobody's to sign.
        if (actor is { Kind: ActorKind.Agent, Id: { } agentId } && request.Internal != true)
            body = await signatures.AppendAsync(agentId, ticketId, body, cancellationToken);
        var stored = await attachments.SaveAsync(files, cancellationToken);
        var written = await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(ticketId, ct);
            var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var now = clock.GetUtcNow();
            var message = new Message(MessageDirection.Out, request.Internal ?? false, actor, body.Text, body.Html, now);
            message.Attachments.AddRange(stored.Select(a => a.ToAttachment()));
            ticket.AddMessage(message, now);
            await db.SaveChangesAsync(ct);
            return message.Id;
        }, cancellationToken);
        return await queries.LoadMessageAsync(ticketId, written, cancellationToken);
    }
}
