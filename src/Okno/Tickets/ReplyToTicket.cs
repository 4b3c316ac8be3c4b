using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Admin;
using Okno.Platform.Web;

namespace Okno.Tickets;

/// <param name="Mentions">Agents named in an internal note (ids): each is told, and may open this ticket.</param>
public sealed record ReplyRequest(string? Body, string? BodyHtml, bool? Internal, List<AttachmentInput?>? Attachments, List<long>? Mentions = null);

/// <summary>The desk's reply to the customer, or an internal note for colleagues: written by the actor (an agent, or
/// the system or a rule on the desk's behalf) on a ticket its access rule allows. A customer writing goes through
/// <see cref="ReceiveCustomerMessage"/>. An agent's public reply ends with their signature (<see cref="Admin.ReplySignatures"/>).</summary>
public sealed class ReplyToTicket(OknoDb db, AttachmentIntake attachments, MessageBodies bodies, TimeProvider clock, TicketQueries queries,
    Admin.ReplySignatures signatures, Microsoft.Extensions.Options.IOptions<Platform.OknoOptions> options)
{
    public async Task<MessageView> ExecuteAsync(long ticketId, ReplyRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        // Images in the HTML become files first: the length limit is the text's, not the pictures'.
        var limits = options.Value.Limits;
        var (html, images) = InlineDataImages.Extract(request.BodyHtml, limits);
        MessageInput.Validate(request.Body, html, errors);
        var files = attachments.Read(request.Attachments, errors);
        if (files.Count + images.Count > limits.MaxAttachmentsPerMessage && images.Count > 0)
            errors.TooMany("bodyHtml", limits.MaxAttachmentsPerMessage, "files and images per message");
        files.AddRange(images);
        var mentioned = await ValidateMentionsAsync(request, errors, cancellationToken);
        errors.ThrowIfAny();
        if (!await db.Tickets.AllowedBy(access).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));

        // Written as an agent (the editor, or a client of the API): formatting only, and a plain-text part derived from it.
        var body = MessageInput.Body(request.Body, html, bodies, formatted: true);
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
            foreach (var agentId in mentioned)
                db.TicketMentions.Add(new TicketMention { TicketId = ticketId, Message = message, AgentId = agentId, ByAgentId = actor.AgentId(), At = now });
            await db.SaveChangesAsync(ct);
            return message.Id;
        }, cancellationToken);
        return await queries.LoadMessageAsync(ticketId, written, cancellationToken);
    }

    /// <summary>Mentions belong to internal notes (a customer never sees who was asked), name active agents, at most
    /// <see cref="TicketMention.MaxPerNote"/>; the same agent twice counts once.</summary>
    private async Task<IReadOnlyList<long>> ValidateMentionsAsync(ReplyRequest request, FieldErrors errors, CancellationToken ct)
    {
        if (request.Mentions is not { Count: > 0 } ids) return [];
        if (request.Internal != true)
        {
            errors.Add("mentions", TicketErrorCodes.MentionOutsideNote, "Colleagues can be mentioned in internal notes only.");
            return [];
        }
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > TicketMention.MaxPerNote)
        {
            errors.Add("mentions", ErrorCodes.TooMany, $"At most {TicketMention.MaxPerNote} colleagues can be mentioned in one note.",
                ("max", TicketMention.MaxPerNote));
            return [];
        }
        var active = await db.Agents.Where(a => distinct.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(ct);
        foreach (var missing in distinct.Except(active))
            errors.Add("mentions", AdminErrorCodes.AgentNotActive, $"There is no active agent {missing}.", ("id", (object?)missing));
        return active;
    }
}
