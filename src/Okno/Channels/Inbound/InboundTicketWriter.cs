using Okno.Platform.Text;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>The pipeline's last step: the item becomes the customer's message, on the ticket the filters found or on a
/// new one, written on the pipeline's own context so that it commits with the item marked done.
/// <para>A seam, on purpose narrow: it stands in for the one ticket write path (creation with its group commit, and
/// "a customer's message arrives" with reopen and follow-up) that is being built alongside; when it lands, this class
/// calls it with a callback that marks the item done in its transaction.</para></summary>
public sealed class InboundTicketWriter(MessageBodies bodies)
{
    public async Task<Message> WriteAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var contact = context.Contact ?? throw new InvalidOperationException("The pipeline identified no customer.");
        var db = context.Db;
        var now = context.Now;
        var customer = Actor.Contact(contact.Id);
        var body = bodies.FromText(context.Message.Text.Length <= Message.BodyMaxLength ? context.Message.Text : context.Message.Text[..Message.BodyMaxLength]);
        var message = new Message(MessageDirection.In, false, customer, body.Text, body.Html, now);
        message.ReceivedThrough(context.Account.Id, context.Item.ExternalId);
        if (context.Ticket is { } ticket)
        {
            // AddMessage reopens a pending or resolved ticket.
            ticket.AddMessage(message, now);
        }
        else
        {
            var number = await db.NextTicketNumberAsync(cancellationToken);
            ticket = Ticket.Create(number, SubjectOf(context.Message), contact, context.Account.Kind, TicketPriority.Normal, TicketType.Question,
                context.Account.GroupId, customer, now);
            ticket.AddMessage(message, now);
            db.Tickets.Add(ticket);
        }
        await db.SaveChangesAsync(cancellationToken);
        return message;
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
