using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>The pipeline's last step: the item becomes the customer's message through the one ticket write path — on
/// the ticket the filters found (<see cref="ReceiveCustomerMessage"/>: it reopens a pending or resolved ticket and opens
/// a linked follow-up of a closed one) or on a new one (<see cref="TicketCreations"/>, with its group commit). The
/// message records the account and its id there, and the item is marked done, in the write path's own transaction
/// (its <c>AlsoWrite</c>), with the node's claim on the item as the check: a node that lost its claim writes nothing.</summary>
public sealed class InboundTicketWriter(MessageBodies bodies, TicketCreations creations, ReceiveCustomerMessage receive, TimeProvider clock,
    AttachmentIntake intake)
{
    public async Task<ReceivedMessage> WriteAsync(InboundContext context, string leaseToken, CancellationToken cancellationToken)
    {
        var customer = context.Customer ?? throw new InvalidOperationException("The pipeline identified no customer.");
        var (files, dropped) = await StoreAttachmentsAsync(context.Message, cancellationToken);
        var body = BodyOf(context.Message, dropped);
        var (itemId, accountId, externalId) = (context.Item.Id, context.Account.Id, context.Item.ExternalId);

        var joining = Participants(context);

        async Task MarkDoneAsync(OknoDb db, Ticket ticket, CancellationToken ct)
        {
            var message = ticket.Messages.Last(m => m.Direction == MessageDirection.In);
            message.ReceivedThrough(accountId, externalId);
            if (context.Message.ButtonPayload is { Length: > 0 } pressed) message.Pressed(pressed);
            await ChangeParticipants.JoinAsync(db, ticket, joining.Select(j => (j.Address, j.Name)), message.CreatedAt, ct);
            RecordMail(message, context.Message);
            var item = await db.Set<InboundItem>().SingleAsync(i => i.Id == itemId, ct);
            if (item.LeaseToken != leaseToken || item.Status != InboundStatus.Pending) throw new InboundClaimLost(itemId);
            item.Status = InboundStatus.Done;
            context.Describe(item);
            item.LastError = null;
            item.TicketId = ticket.Id;
            item.MessageId = message.Id;
            item.ProcessedAt = message.CreatedAt;
            item.LeaseToken = null;
            item.LeaseUntil = null;
        }

        if (context.TicketId is { } ticketId)
        {
            // Someone in the conversation who is not yet a contact (a participant writing for the first time) becomes
            // one first, so the message is theirs and not the ticket customer's.
            var contactId = context.ContactId ?? (await new ContactDirectory(context.Db, clock).FindOrCreateAsync([customer], cancellationToken))[0].Id;
            if (context.ContactId is null) await context.Db.SaveChangesAsync(cancellationToken);
            return await receive.ExecuteAsync(ticketId, new CustomerMessage(body, files)
            {
                ContactId = context.ContactId ?? contactId, ReopenClosed = context.Message.ReopensClosed, AlsoWrite = MarkDoneAsync,
            }, Actor.System, TicketAccessRule.All, cancellationToken);
        }

        var created = await creations.CreateAsync(new NewTicket(SubjectOf(context.Message), body, files, customer, context.Account.Kind,
            TicketPriority.Normal, TicketType.Question, [], context.Account.GroupId, null, Actor: null) { AlsoWrite = MarkDoneAsync }, cancellationToken);
        return new ReceivedMessage(created.Id, created.Messages[0].Id, null);
    }

    /// <summary>Who joins the ticket's conversation with this item: the others it was addressed to (a mail's To and Cc),
    /// and the sender when an agent released their held reply.</summary>
    private static List<InboundAddress> Participants(InboundContext context)
    {
        var joining = context.FromForwardRecipient ? [] : context.Message.OtherRecipients.ToList();
        if (context.AddSenderAsParticipant && (context.Message.SenderIdIsEmail ? context.Message.SenderId : context.Message.SenderEmail) is { } sender)
            joining.Add(new InboundAddress(sender, context.Message.SenderName));
        return joining;
    }

    /// <summary>The item's files, stored (content-addressed, so a retried attempt writes nothing twice) before the
    /// transaction opens; those over a limit are left out and named in <c>dropped</c>.</summary>
    private async Task<(List<AttachmentIntake.Stored> Files, List<AttachmentIntake.Dropped> Dropped)> StoreAttachmentsAsync(
        InboundMessage message, CancellationToken cancellationToken)
    {
        var dropped = new List<AttachmentIntake.Dropped>();
        if (message.Attachments.Count == 0) return ([], dropped);
        var kept = intake.ReadReceived(message.Attachments.Select(a => (a.FileName, a.ContentType, a.Content, a.ContentId, a.IsInline)), dropped);
        return (await intake.SaveAsync(kept, cancellationToken), dropped);
    }

    /// <summary>The body: the item's HTML sanitized when it has one that fits (else its text), with a line for each file
    /// that was not kept. A body over the bounds is shortened or falls back to text; it never fails the item.</summary>
    private MessageBody BodyOf(InboundMessage message, List<AttachmentIntake.Dropped> dropped)
    {
        var notes = string.Concat(dropped.Select(d =>
            $"\n\n[Attachment \"{d.FileName}\" ({d.Size} bytes) was not kept: files are kept up to {d.MaxBytes} bytes and {d.MaxCount} per message.]"));
        var room = Message.BodyMaxLength - notes.Length;
        var text = (message.Text.Length <= room ? message.Text : message.Text[..room]) + notes;
        if (message.Html is { Length: > 0 } html && html.Length <= Message.BodyMaxLength && bodies.CheckHtml(html) is null)
        {
            var safe = bodies.Sanitize(html, "html");
            if (notes.Length > 0) safe += bodies.FromText(notes).Html;
            if (safe.Length <= Message.BodyMaxLength) return new MessageBody(bodies.FromText(text).Text, safe);
        }
        return bodies.FromText(text);
    }

    /// <summary>A mail's addresses and the raw copy kept for the ".eml" download.</summary>
    private static void RecordMail(Message message, InboundMessage inbound)
    {
        if (inbound.SenderIdIsEmail || inbound.To.Count > 0 || inbound.Cc.Count > 0)
            message.Addressed(inbound.SenderEmail, inbound.To, inbound.Cc);
        if (inbound.RawSha256 is { } sha) message.KeepRaw(sha);
    }

    /// <summary>The item's subject, or the start of its first line (chats have no subjects).</summary>
    private static string SubjectOf(InboundMessage message)
    {
        var subject = string.IsNullOrWhiteSpace(message.Subject)
            ? message.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ""
            : message.Subject.Trim();
        if (subject.Length == 0) subject = "(no subject)";
        return subject.Length <= 80 ? subject : subject[..77].TrimEnd() + "…";
    }
}

/// <summary>Another node took the item over while this one was writing it: this node's write is abandoned whole.</summary>
public sealed class InboundClaimLost(long itemId) : Exception($"Inbound item {itemId} was taken over by another node.");
