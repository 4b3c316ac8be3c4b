using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record SplitRequest(string? Subject);

/// <summary>A customer wrote about something else in the same conversation: their message becomes a ticket of its own.
/// The new ticket is opened through the one write path (<see cref="TicketCreations"/>) for the same customer, with the
/// message's text and files as its first message, in the old ticket's channel, group, type and priority. The message
/// and its files are copied, not moved: the old conversation stays as it happened (what the customer wrote there, what
/// was answered, what mail threads refer to), and the message is marked "split into #N" there. In the same
/// transaction both tickets are linked and each history records the split.</summary>
public sealed class SplitMessage(OknoDb db, TicketCreations creations, TimeProvider clock)
{
    public async Task<TicketView> ExecuteAsync(long ticketId, long messageId, SplitRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("subject", request.Subject, Ticket.SubjectMaxLength, required: false);
        errors.ThrowIfAny();
        var original = await db.Tickets.AllowedBy(access).Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.Number, t.Subject, t.ContactId, t.Channel, t.GroupId, t.Type, t.Priority })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
        var message = await db.Messages.Where(m => m.Id == messageId && m.TicketId == ticketId)
            .Select(m => new
            {
                m.Direction, m.IsInternal, m.BodyText, m.BodyHtml,
                Files = m.Attachments.OrderBy(a => a.Id).Select(a => new { a.FileName, a.ContentType, a.Size, a.Sha256, a.ContentId, a.IsInline }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(TicketErrorCodes.MessageNotFound, "Message", messageId));
        if (message.Direction != MessageDirection.In || message.IsInternal)
            throw new OknoException(new StateConflict(TicketErrorCodes.SplitNotCustomerMessage,
                "Only a customer's message can be split into a new ticket.", ("id", messageId)));
        if (await SplitIntoAsync(db, ticketId, messageId, cancellationToken) is { } earlier)
            throw new OknoException(new StateConflict(TicketErrorCodes.AlreadySplit,
                $"This message was split into ticket {earlier} already.", ("id", messageId), ("number", earlier)));

        var subject = string.IsNullOrWhiteSpace(request.Subject) ? original.Subject : request.Subject.Trim();
        // The files are the same bytes in the store (kept under their SHA-256): the copies are rows, not files.
        var files = message.Files.Select(f => new AttachmentIntake.Stored(f.FileName, f.ContentType, f.Size, f.Sha256)
            { ContentId = f.ContentId, IsInline = f.IsInline }).ToList();
        var operation = Operation.Current;
        var created = await creations.CreateAsync(new NewTicket(subject, new MessageBody(message.BodyText, message.BodyHtml), files,
            CustomerIdentity.Known(original.ContactId), original.Channel, original.Priority, original.Type, [], original.GroupId, null, actor)
        {
            AlsoWrite = async (tx, ticket, ct) =>
            {
                await tx.LockTicketAsync(original.Id, ct);
                // A second split of the same message racing this one: the first to lock wins.
                if (await SplitIntoAsync(tx, original.Id, messageId, ct) is { } raced)
                    throw new OknoException(new StateConflict(TicketErrorCodes.AlreadySplit,
                        $"This message was split into ticket {raced} already.", ("id", messageId), ("number", raced)));
                var old = await tx.Tickets.SingleAsync(t => t.Id == original.Id, ct);
                var splitMessage = await tx.Messages.SingleAsync(m => m.Id == messageId, ct);
                var now = clock.GetUtcNow();
                tx.TicketLinks.Add(new TicketLink(old.Id, ticket.Id, actor.AgentId(), now));
                old.NoteSplitInto(ticket, splitMessage, actor, now, operation);
                ticket.NoteSplitFrom(old, actor, now, operation);
            },
        }, cancellationToken);
        return TicketView.Of(created);
    }

    /// <summary>The number of the ticket a message was split into, or null.</summary>
    private static async Task<long?> SplitIntoAsync(OknoDb db, long ticketId, long messageId, CancellationToken ct)
    {
        var number = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.MessageId == messageId && e.Field == Ticket.SplitIntoField)
            .Select(e => e.NewValue).FirstOrDefaultAsync(ct);
        return long.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
