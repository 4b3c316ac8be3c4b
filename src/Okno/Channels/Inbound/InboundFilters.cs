using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>What the pipeline knows about one item as it goes through the filters: the raw item, its account, what
/// the adapter read from it, and what the filters found so far. Filters only read (the database as it is); the one
/// ticket write path writes at the end (<see cref="InboundTicketWriter"/>). A filter that decides the item must not
/// become a message sets <see cref="IgnoredBecause"/>, one that keeps it back for an agent to look at sets
/// <see cref="HeldBecause"/>; the rest do not run then.</summary>
public sealed class InboundContext(OknoDb db, InboundItem item, ChannelAccount account, InboundMessage message, DateTimeOffset now)
{
    public OknoDb Db { get; } = db;
    public InboundItem Item { get; } = item;
    public ChannelAccount Account { get; } = account;
    public InboundMessage Message { get; } = message;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Who wrote: a known contact, or who to find or create in the write path (by their id in the channel).</summary>
    public CustomerIdentity? Customer { get; set; }
    /// <summary>The contact, when the customer is already known.</summary>
    public long? ContactId { get; set; }
    /// <summary>The ticket this item continues (a closed one gets a linked follow-up); none: it opens a new one.</summary>
    public long? TicketId { get; set; }
    public string? IgnoredBecause { get; set; }
    /// <summary>Why the item is kept back for an agent to look at (it is stored as held, not written); an agent's
    /// release sends it through again with <see cref="IsReleased"/> set.</summary>
    public string? HeldBecause { get; set; }
    /// <summary>An agent let this item through after it was held: a filter that would hold it must not hold it again.</summary>
    public bool IsReleased => Item.ReleasedAt is not null;

    /// <summary>Puts who sent the item and its subject on the item row (for the review list and per-sender limits), cut
    /// to the columns' sizes, with no control characters; the caller saves it with the item's outcome.</summary>
    public void Describe(InboundItem item)
    {
        item.Sender = Cut(Message.SenderId, InboundItem.SenderMaxLength);
        item.Subject = Message.Subject is { } subject ? Cut(new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim(), InboundItem.SubjectMaxLength) : null;
    }

    private static string? Cut(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}

/// <summary>One step of the inbound pipeline; steps run in the order they were added
/// (<see cref="ChannelsBuilder.AddFilter{TFilter}"/>) and only read: the message is written after them by the one
/// ticket write path, in the transaction that marks the item done.</summary>
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

/// <summary>Finds the customer by their id in the account's kind; an unknown sender is created by the write path as a
/// contact known by that id only (a concurrent first message from the same person meets the unique (channel, id) key
/// there and is retried). An email address the item claims is not enough to attach it to an existing contact (anyone
/// can type one into a chat); agents merge contacts in the card.</summary>
public sealed class IdentifyCustomerFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var kind = context.Account.Kind;
        var senderId = context.Message.SenderId;
        // A mail's sender is its address: the contact who owns it (an agent may have added it to the card).
        var email = context.Message.SenderIdIsEmail ? ContactEmail.Normalize(senderId) : null;
        if (email is not null)
            context.ContactId = await context.Db.ContactEmails.Where(e => e.Address == email).Select(e => (long?)e.ContactId).FirstOrDefaultAsync(cancellationToken);
        context.ContactId ??= await context.Db.ContactExternalIds.Where(x => x.Channel == kind && x.ExternalId == senderId)
            .Select(x => (long?)x.ContactId).FirstOrDefaultAsync(cancellationToken);
        if (context.ContactId is { } id)
        {
            context.Customer = CustomerIdentity.Known(id);
            return;
        }
        var name = string.IsNullOrWhiteSpace(context.Message.SenderName) ? null : context.Message.SenderName.Trim();
        context.Customer = new CustomerIdentity(Email: email, ChannelId: new ChannelId(kind, senderId),
            Name: name is null || name.Length <= Contact.NameMaxLength ? name : name[..Contact.NameMaxLength]);
    }
}

/// <summary>Finds the conversation the item continues: the ticket of the message it answers, if the transport says
/// (a closed one then gets a follow-up linked to it); else the known customer's latest ticket that started in this kind
/// and is not closed (a merged ticket's message goes on in its survivor, see <see cref="ReceiveCustomerMessage"/>).
/// A transport that threads by itself (<see cref="InboundMessage.ThreadedByTransport"/>, email) gets no such guess:
/// the ticket its token names (when the sender is its customer), else a new one.</summary>
public sealed class FindConversationFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        long? ticketId = null;
        if (context.Message.InReplyToExternalId is { } answered)
            ticketId = await db.Messages.Where(m => m.ChannelAccountId == context.Account.Id && m.ExternalId == answered)
                .OrderByDescending(m => m.Id).Select(m => (long?)m.TicketId).FirstOrDefaultAsync(cancellationToken);
        // A ticket token ([#10023] in a mail subject) counts only when the sender is that ticket's customer: a stranger
        // quoting a number opens a ticket of their own.
        if (ticketId is null && context.Message.TicketNumber is { } number && context.ContactId is { } customer)
            ticketId = await db.Tickets.Where(t => t.Number == number && t.ContactId == customer).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is null && !context.Message.ThreadedByTransport && context.ContactId is { } contactId)
        {
            var kind = context.Account.Kind;
            ticketId = await db.Tickets.Where(t => t.ContactId == contactId && t.Channel == kind && t.Status != TicketStatus.Closed)
                .OrderByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        }
        context.TicketId = ticketId;
    }
}
