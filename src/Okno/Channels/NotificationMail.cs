using Microsoft.EntityFrameworkCore;
using Okno.Channels.Email;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>What notifications need to know of the mail channel, and the way they enter the one delivery queue:
/// which mailbox a notification about a ticket goes out from, whether a mailbox acknowledges new requests, whether a
/// reply already goes to the customer by mail, and which addresses are the desk's own. Kinds stay inside Channels.</summary>
public sealed class NotificationMail(OknoDb db, ChannelSettingsCodec codec, ChannelWakeUp wakeUp, ILogger<NotificationMail> logger)
{
    private static readonly ChannelKind Email = ChannelKind.Of("email");
    private static readonly ChannelKind Log = ChannelKind.Of("log");
    private static int _noMailboxLogged;

    /// <summary>The ticket's conversation mailbox (the enabled email account its customer's latest mail came through),
    /// else the default outgoing mailbox: the first enabled email account. None: null (logged once per process).</summary>
    public async Task<long?> MailboxForAsync(long ticketId, CancellationToken ct)
    {
        var contactId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ContactId).SingleOrDefaultAsync(ct);
        var conversation = await DeliveryQueue.ConversationAccountAsync(db, ticketId, contactId, ct);
        if (conversation is { } id && await db.Set<ChannelAccount>().AnyAsync(a => a.Id == id && a.Kind == Email && a.IsEnabled, ct)) return id;
        var first = await db.Set<ChannelAccount>().Where(a => a.Kind == Email && a.IsEnabled).OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        if (first is null && Interlocked.Exchange(ref _noMailboxLogged, 1) == 0)
            logger.LogWarning("No enabled email account: notifications are not sent (add a mailbox to send them)");
        return first;
    }

    /// <summary>The default outgoing mailbox (the first enabled email account), for a mail about no ticket (a survey); null when there is none.</summary>
    public async Task<long?> DefaultMailboxAsync(CancellationToken ct) =>
        await db.Set<ChannelAccount>().Where(a => a.Kind == Email && a.IsEnabled).OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>Whether the ticket came in by mail through a mailbox whose "acknowledge new requests" is on.</summary>
    public async Task<bool> AcknowledgesNewAsync(long ticketId, CancellationToken ct)
    {
        // The mailboxes that acknowledge, read once per scope (a handler's batch): a desk where none does reads no
        // message per new ticket.
        _acknowledging ??= (await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Kind == Email && a.IsEnabled).ToListAsync(ct))
            .Where(a => codec.Unprotect<EmailSettings>(a.Settings).AcknowledgeNew).Select(a => a.Id).ToHashSet();
        if (_acknowledging.Count == 0) return false;
        var accountId = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In)
            .OrderBy(m => m.Id).Select(m => m.ChannelAccountId).FirstOrDefaultAsync(ct);
        return accountId is { } id && _acknowledging.Contains(id);
    }

    private HashSet<long>? _acknowledging;

    /// <summary>Whether this reply reaches the customer by itself: delivered through the channel they wrote from — mail, a
    /// chat (which mails it only if the visitor never sees it), a messenger. Then no notification repeats it. A web form
    /// carries nothing back and the log account sends nowhere, so their customers are told by mail.</summary>
    public async Task<bool> ReplyReachesCustomerAsync(long messageId, CancellationToken ct) =>
        await db.Set<ChannelDelivery>().Where(d => d.MessageId == messageId)
            .Join(db.Set<ChannelAccount>(), d => d.AccountId, a => a.Id, (d, a) => a.Kind).AnyAsync(k => k != ChannelKind.Web && k != Log, ct);

    /// <summary>Whether the ticket's conversation runs through a messenger-like channel (a chat, Telegram, VK, a connector)
    /// whose messages reach the customer and can carry buttons, rather than mail, a web form or the log account: a
    /// question with choices (a survey) then goes there as a message instead of a mail.</summary>
    public async Task<bool> ConversationTakesButtonsAsync(long ticketId, CancellationToken ct)
    {
        var contactId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ContactId).SingleOrDefaultAsync(ct);
        if (await DeliveryQueue.ConversationAccountAsync(db, ticketId, contactId, ct) is not { } accountId) return false;
        return await db.Set<ChannelAccount>().AnyAsync(a => a.Id == accountId && a.IsEnabled && a.Kind != Email && a.Kind != ChannelKind.Web && a.Kind != Log, ct);
    }

    /// <summary>The desk's own addresses (every mailbox's From address and IMAP user), lower case: never notified.</summary>
    public async Task<HashSet<string>> OwnAddressesAsync(CancellationToken ct)
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var settings in await db.Set<ChannelAccount>().Where(a => a.Kind == Email).Select(a => a.Settings).ToListAsync(ct))
        {
            var email = codec.Unprotect<EmailSettings>(settings);
            if (!string.IsNullOrWhiteSpace(email.FromAddress)) own.Add(email.FromAddress.Trim());
            if (email.ImapUser is { } user && user.Contains('@', StringComparison.Ordinal)) own.Add(user.Trim());
        }
        return own;
    }

    /// <summary>Queues a notification in the caller's transaction unless one with this dedupe key is queued already
    /// (saved, or added in this unit of work); true when queued.</summary>
    public async Task<bool> QueueAsync(ChannelDelivery notification, CancellationToken ct)
    {
        if (notification.Kind != DeliveryKind.Notification) throw new ArgumentException("Not a notification.", nameof(notification));
        var key = notification.DedupeKey;
        if (db.Set<ChannelDelivery>().Local.Any(d => d.DedupeKey == key) || await db.Set<ChannelDelivery>().AnyAsync(d => d.DedupeKey == key, ct)) return false;
        db.Add(notification);
        return true;
    }

    /// <summary>Wakes the delivery job once queued notifications are committed.</summary>
    public void Wake() => wakeUp.Deliveries();
}
