using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
    /// <summary>Set by a filter that keeps the item back for an agent to look at (<see cref="InboundStatus.Held"/>);
    /// the rest do not run then. An agent's release runs the item again with <see cref="IsReleased"/>.</summary>
    public string? HeldBecause { get; set; }
    /// <summary>An agent released this item after it was held: filters that hold must let it through.</summary>
    public bool IsReleased => Item.ReleasedAt is not null;
    /// <summary>The sender joins the ticket's conversation (a released reply from someone who was not in it).</summary>
    public bool AddSenderAsParticipant { get; set; }
    /// <summary>The sender answers as someone the ticket was forwarded to: the others on their mail do not join the
    /// conversation (they would be copied on the customer's replies).</summary>
    public bool FromForwardRecipient { get; set; }

    /// <summary>Puts who sent the item and its subject on the item row (for the review list and per-sender limits), cut
    /// to the columns' sizes, with no control characters; the caller saves it with the item's outcome.</summary>
    public void Describe(InboundItem item)
    {
        item.Sender = InboundItemText.Sender(Message.SenderId);
        item.Subject = InboundItemText.Subject(Message.Subject);
    }
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
        if (context.Message.IgnoredBecause is { } adapterSays) context.IgnoredBecause = adapterSays;
        else if (context.Message.BouncedExternalId is { } bounced && await MarkBouncedAsync(context, bounced, cancellationToken) is { } reply)
            context.IgnoredBecause = $"a bounce of a reply this desk sent (message {reply})";
        else if (context.Message.IsOwnEcho) context.IgnoredBecause = "our own message coming back";
        else if (context.Message.IsAutomatic) context.IgnoredBecause = "an automatic message (auto-reply, bounce)";
        else if (await context.Db.Messages.AnyAsync(m => m.ChannelAccountId == context.Account.Id && m.Direction == MessageDirection.Out
                     && m.ExternalId == context.Item.ExternalId, cancellationToken))
            context.IgnoredBecause = "a reply this desk sent through the same account";
    }

    /// <summary>A bounce of one of our replies marks that reply failed, with what the mail server said; it is saved with
    /// the item marked ignored, in one transaction.</summary>
    private static async Task<long?> MarkBouncedAsync(InboundContext context, string bounced, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var reply = await db.Messages.Where(m => m.ChannelAccountId == context.Account.Id && m.ExternalId == bounced && m.Direction == MessageDirection.Out)
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (reply is null) return null;
        var reason = context.Message.BounceReason ?? "The mail bounced.";
        reply.DeliveryFailed(reason);
        if (await db.Set<ChannelDelivery>().FirstOrDefaultAsync(d => d.MessageId == reply.Id, cancellationToken) is { } delivery)
        {
            delivery.Status = DeliveryStatus.Failed;
            delivery.LastError = reason.Length <= Message.DeliveryErrorMaxLength ? reason : reason[..Message.DeliveryErrorMaxLength];
        }
        return reply.Id;
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
        var email = context.Message.SenderIdIsEmail ? ContactEmail.Normalize(senderId)
            : context.Message.SenderEmailIsVerified && context.Message.SenderEmail is { Length: > 0 } vouched ? ContactEmail.Normalize(vouched) : null;
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
        // An address typed into a pre-chat form proves nothing: it goes on the new contact only when nobody owns it.
        if (email is null && context.Message.SenderEmail is { Length: > 0 } typed && Platform.Web.FieldErrors.IsEmail(typed))
        {
            var normal = ContactEmail.Normalize(typed);
            if (!await context.Db.ContactEmails.AnyAsync(e => e.Address == normal, cancellationToken)) email = normal;
        }
        context.Customer = new CustomerIdentity(Email: email, ChannelId: new ChannelId(kind, senderId),
            Name: name is null || name.Length <= Contact.NameMaxLength ? name : name[..Contact.NameMaxLength]);
    }
}

/// <summary>Finds the conversation the item continues. A transport that threads by itself (email) names it: first the
/// messages the item answers or refers to (In-Reply-To, then References), matched to what this account received or
/// sent; then the ticket token in its subject (<c>[#10023]</c>); else nothing, and it opens a new ticket. Either way
/// the sender must be in that conversation — the ticket's customer or one of its participants (CC):
/// <list type="bullet">
/// <item>a mail that answers one of the ticket's mails by its headers but comes from anyone else is held for an agent
/// (<see cref="InboundStatus.Held"/>): it was forwarded to them, and only an agent can say whether they belong in the
/// conversation; released, it goes on in the ticket and the sender joins it;</item>
/// <item>a stranger who only quotes a ticket number in the subject opens a ticket of their own.</item>
/// </list>
/// A closed ticket then gets a linked follow-up, or is reopened if the account says so (see
/// <see cref="InboundMessage.ReopensClosed"/>). A transport without threading (chat) continues the known customer's
/// latest ticket that started in this kind and is not closed.</summary>
public sealed class FindConversationFilter : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var message = context.Message;
        var referenced = message.ReferencedExternalIds.Count > 0 ? message.ReferencedExternalIds
            : message.InReplyToExternalId is { } answered ? [answered] : [];
        if (referenced.Count > 0)
        {
            var accountId = context.Account.Id;
            var found = await db.Messages.Where(m => m.ChannelAccountId == accountId && m.ExternalId != null && referenced.Contains(m.ExternalId))
                .Select(m => new { m.Id, m.TicketId, m.ExternalId }).ToListAsync(cancellationToken);
            // The message answered (first in the list) wins over older ones of the thread.
            var best = found.OrderBy(f => IndexOf(referenced, f.ExternalId!)).ThenByDescending(f => f.Id).FirstOrDefault();
            if (best is not null)
            {
                if (!await IsInConversationAsync(context, best.TicketId, cancellationToken))
                {
                    if (!context.IsReleased)
                    {
                        var number = await db.Tickets.Where(t => t.Id == best.TicketId).Select(t => t.Number).SingleAsync(cancellationToken);
                        context.HeldBecause = $"it answers ticket #{number}, but {message.SenderId} is neither its customer nor a participant";
                        return;
                    }
                    context.AddSenderAsParticipant = true;
                }
                context.TicketId = best.TicketId;
                return;
            }
        }
        // A ticket token counts only when the sender is in that ticket's conversation: a stranger quoting a number opens
        // a ticket of their own.
        if (message.TicketNumber is { } number2)
        {
            var byToken = await db.Tickets.Where(t => t.Number == number2).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (byToken is { } tokenTicket && await IsInConversationAsync(context, tokenTicket, cancellationToken))
            {
                context.TicketId = tokenTicket;
                return;
            }
        }
        if (!message.ThreadedByTransport && context.ContactId is { } contactId)
        {
            var kind = context.Account.Kind;
            context.TicketId = await db.Tickets.Where(t => t.ContactId == contactId && t.Channel == kind && t.Status != TicketStatus.Closed)
                .OrderByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return int.MaxValue;
    }

    /// <summary>The sender is the ticket's customer, or (by email address) one of its participants, or someone an agent
    /// forwarded the ticket to (an addressee of one of its forwards: they are asked, so their answer belongs here).</summary>
    private static async Task<bool> IsInConversationAsync(InboundContext context, long ticketId, CancellationToken cancellationToken)
    {
        var db = context.Db;
        if (context.ContactId is { } contactId && await db.Tickets.AnyAsync(t => t.Id == ticketId && t.ContactId == contactId, cancellationToken))
            return true;
        var address = context.Message.SenderIdIsEmail ? ContactEmail.Normalize(context.Message.SenderId) : context.Message.SenderEmail;
        if (address is null) return false;
        address = ContactEmail.Normalize(address);
        if (await db.TicketParticipants.AnyAsync(p => p.TicketId == ticketId && p.Address == address, cancellationToken)) return true;
        if (await IsForwardRecipientAsync(db, ticketId, address, cancellationToken))
        {
            context.FromForwardRecipient = true;
            return true;
        }
        return false;
    }

    /// <summary>Whether a forward of the ticket went to the address (To or Cc). Compared address by address: a substring
    /// match in SQL would take "bob@x.test" for "jimbob@x.test".</summary>
    private static async Task<bool> IsForwardRecipientAsync(OknoDb db, long ticketId, string address, CancellationToken cancellationToken)
    {
        var forwards = await db.Messages
            .Where(m => m.TicketId == ticketId && m.IsInternal && m.Direction == MessageDirection.Out && m.Delivery != null)
            .Select(m => new { m.ToAddresses, m.CcAddresses }).ToListAsync(cancellationToken);
        return forwards.SelectMany(f => $"{f.ToAddresses},{f.CcAddresses}".Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Holds mail that would open a new ticket when its sender has already sent more than
/// <see cref="ChannelsOptions.NewTicketsPerSenderPerHour"/> items to this account within the last hour: a storm (a
/// misconfigured robot, a loop no header gave away) then waits for an agent instead of opening hundreds of tickets.
/// Replies to a ticket are never held by it; a released item is let through.</summary>
public sealed class SenderRateLimitFilter(IOptions<ChannelsOptions> options) : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        var limit = options.Value.NewTicketsPerSenderPerHour;
        if (limit <= 0 || context.TicketId is not null || context.IsReleased) return;
        var sender = InboundItemText.Sender(context.Message.SenderId);
        var since = context.Now - TimeSpan.FromHours(1);
        var (accountId, itemId) = (context.Account.Id, context.Item.Id);
        var recent = await context.Db.Set<InboundItem>()
            .Where(i => i.AccountId == accountId && i.Sender == sender && i.ReceivedAt >= since && i.Id != itemId
                && (i.Status == InboundStatus.Done || i.Status == InboundStatus.Held))
            .Take(limit).CountAsync(cancellationToken);
        if (recent >= limit)
            context.HeldBecause = $"{sender} sent more than {limit} items within an hour; held so a storm cannot open a ticket each";
    }
}

/// <summary>What an item's <see cref="InboundItem.Sender"/> and <see cref="InboundItem.Subject"/> keep: cut to their
/// columns, control characters gone.</summary>
public static class InboundItemText
{
    public static string Sender(string senderId) => Cut(senderId, InboundItem.SenderMaxLength);

    public static string? Subject(string? subject) => subject is null ? null : Cut(subject, InboundItem.SubjectMaxLength);

    private static string Cut(string value, int max)
    {
        var clean = Platform.Text.SingleLine.Of(value);
        return clean.Length <= max ? clean : clean[..max];
    }
}
