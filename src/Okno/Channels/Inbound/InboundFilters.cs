using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>What the pipeline knows about one item as it goes through the filters: the raw item, its account, what
/// the adapter read from it, and what the filters found so far. A filter that decides the item must not become a
/// message sets <see cref="IgnoredBecause"/>; the rest do not run then.</summary>
public sealed class InboundContext(OknoDb db, InboundItem item, ChannelAccount account, InboundMessage message, DateTimeOffset now)
{
    public OknoDb Db { get; } = db;
    public InboundItem Item { get; } = item;
    public ChannelAccount Account { get; } = account;
    public InboundMessage Message { get; } = message;
    public DateTimeOffset Now { get; } = now;
    public Contact? Contact { get; set; }
    /// <summary>The ticket this item continues; none: it opens a new one.</summary>
    public Ticket? Ticket { get; set; }
    public string? IgnoredBecause { get; set; }
}

/// <summary>One step of the inbound pipeline; steps run in the order they were added
/// (<see cref="ChannelsBuilder.AddFilter{TFilter}"/>), inside the transaction that writes the message.</summary>
public interface IInboundFilter
{
    Task RunAsync(InboundContext context, CancellationToken cancellationToken);
}

/// <summary>Drops what must never become a customer message: our own messages coming back (a sent copy, a bot seeing
/// its own post, an id we gave a reply), and automatic mail (auto-replies, bounces) that would otherwise bounce
/// between two desks for ever.</summary>
public sealed class LoopFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        if (context.Message.IsOwnEcho) context.IgnoredBecause = "our own message coming back";
        else if (context.Message.IsAutomatic) context.IgnoredBecause = "an automatic message (auto-reply, bounce)";
        else if (await context.Db.Messages.AnyAsync(m => m.ChannelAccountId == context.Account.Id && m.Direction == MessageDirection.Out
                     && m.ExternalId == context.Item.ExternalId, cancellationToken))
            context.IgnoredBecause = "a reply this desk sent through the same account";
    }
}

/// <summary>Finds the customer by their id in the account's kind, or records them as a new contact known by that id
/// only. An email address the item claims is not enough to attach it to an existing contact (anyone can type one
/// into a chat); agents merge contacts in the card.</summary>
public sealed class IdentifyCustomerFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var kind = context.Account.Kind;
        var senderId = context.Message.SenderId;
        var contactId = await context.Db.ContactExternalIds.Where(x => x.Channel == kind && x.ExternalId == senderId)
            .Select(x => (long?)x.ContactId).FirstOrDefaultAsync(cancellationToken);
        if (contactId is { } id)
        {
            context.Contact = await context.Db.Contacts.SingleAsync(c => c.Id == id, cancellationToken);
            return;
        }
        var name = string.IsNullOrWhiteSpace(context.Message.SenderName) ? $"{kind} {senderId}" : context.Message.SenderName.Trim();
        var contact = new Contact
        {
            Name = name.Length <= Contact.NameMaxLength ? name : name[..Contact.NameMaxLength], CreatedAt = context.Now,
            ExternalIds = [new ContactExternalId { Channel = kind, ExternalId = senderId }],
        };
        context.Db.Contacts.Add(contact);
        // Saved now: a concurrent first message from the same person hits the unique (channel, id) key, and the whole
        // transaction is retried and finds this contact.
        await context.Db.SaveChangesAsync(cancellationToken);
        context.Contact = contact;
    }
}

/// <summary>Finds the conversation the item continues: the ticket of the message it answers, if the transport says;
/// else the customer's latest ticket that started in this kind and is not closed. A closed ticket is not continued.</summary>
public sealed class FindConversationFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        long? ticketId = null;
        if (context.Message.InReplyToExternalId is { } answered)
            ticketId = await db.Messages.Where(m => m.ChannelAccountId == context.Account.Id && m.ExternalId == answered)
                .OrderByDescending(m => m.Id).Select(m => (long?)m.TicketId).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is null && context.Contact is { } contact)
        {
            var kind = context.Account.Kind;
            ticketId = await db.Tickets.Where(t => t.ContactId == contact.Id && t.Channel == kind && t.Status != TicketStatus.Closed)
                .OrderByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        }
        if (ticketId is not { } id) return;
        await db.LockTicketAsync(id, cancellationToken);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == id, cancellationToken);
        // A merged ticket is closed and points to its survivor: the conversation goes on there.
        if (ticket.MergedIntoId is { } survivor)
        {
            await db.LockTicketAsync(survivor, cancellationToken);
            ticket = await db.Tickets.SingleAsync(t => t.Id == survivor, cancellationToken);
        }
        context.Ticket = ticket.Status == TicketStatus.Closed ? null : ticket;
    }
}
