using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Web;
using Okno.Tickets;
using Quartz;

namespace Okno.Channels.Chat;

/// <summary>Carries a chat on by email, through the one delivery queue: the transcript a visitor asks for, and answers a
/// visitor did not see in an open widget before they left (<see cref="ChatMissedAnswers"/>). The mail goes out from the
/// channel's mailbox (else the desk's first), in the visitor's language, with the ticket's number in the subject, so
/// the visitor's email reply lands in the same ticket and shows in the widget next time.</summary>
public sealed class ChatMail(OknoDb db, ChatMessages messages, NotificationMail mail, ChannelSettingsCodec codec, IStringLocalizer<Ui.ChatStrings> strings,
    TimeProvider clock)
{
    public async Task<long?> MailboxAsync(ChatChannel channel, long ticketId, CancellationToken cancellationToken)
    {
        if (channel.Settings.EmailAccountId is { } chosen
            && await db.Set<ChannelAccount>().AnyAsync(a => a.Id == chosen && a.Kind == ChannelKind.Email && a.IsEnabled, cancellationToken))
            return chosen;
        return await mail.MailboxForAsync(ticketId, cancellationToken);
    }

    /// <summary>Queues the conversation so far to the address (given, else the visitor's).</summary>
    public async Task TranscriptAsync(ChatChannel channel, ChatVisitor visitor, string? email, CancellationToken cancellationToken)
    {
        var address = string.IsNullOrWhiteSpace(email) ? visitor.Email : email.Trim();
        if (address is null) throw new OknoException(InvalidInput.Field("email", ChatErrorCodes.EmailRequired, "Give an address to send the transcript to."));
        if (!FieldErrors.IsEmail(address)) throw new OknoException(InvalidInput.Field("email", ErrorCodes.InvalidEmail, "Not a valid email address."));
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is not { } ticketId)
            throw new OknoException(new StateConflict(ChatErrorCodes.NothingToRate, "There is no conversation yet."));
        if (await MailboxAsync(channel, ticketId, cancellationToken) is not { } mailbox)
            throw new OknoException(new StateConflict(ChatErrorCodes.NoMailbox, "The desk has no mailbox to send from."));
        var (page, _) = await messages.PageAsync(channel, ticketId, null, null, 200, cancellationToken);
        var culture = CultureOf(visitor);
        var subject = InCulture.Read(culture, () => strings["TranscriptSubject", channel.Settings.Title ?? channel.Name].Value);
        var (text, html) = Render(page, culture);
        var last = page.Count == 0 ? 0 : page[^1].Id;
        await mail.QueueAsync(ChannelDelivery.Notification(mailbox, ticketId, address, subject, text, html,
            $"chat-transcript:{ticketId}:{last}:{address.ToLowerInvariant()}", clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
    }

    /// <summary>Queues the answers of the conversation the visitor has not seen; false when there is nothing to send or
    /// nowhere to send it.</summary>
    public async Task<bool> MissedAnswersAsync(ChatConversation conversation, CancellationToken cancellationToken)
    {
        var visitor = await db.Set<ChatVisitor>().AsNoTracking().SingleAsync(v => v.Id == conversation.VisitorId, cancellationToken);
        if (visitor.Email is null) return false;
        var channelAccount = await db.Set<ChannelAccount>().AsNoTracking().SingleAsync(a => a.Id == conversation.AccountId, cancellationToken);
        var from = Math.Max(conversation.VisitorSeenUpTo, conversation.MailedUpTo);
        var unseen = await db.Messages.AsNoTracking().Where(m => m.TicketId == conversation.TicketId && !m.IsInternal
            && m.Direction == Tickets.MessageDirection.Out && m.Id > from).OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
        if (unseen.Count == 0) return false;
        // The channel's own settings: they name its mailbox (else the mail would go from the desk's first) and its title.
        var channel = new ChatChannel(channelAccount.Id, channelAccount.Name, channelAccount.GroupId, codec.Unprotect<ChatSettings>(channelAccount.Settings));
        var (page, _) = await messages.PageAsync(channel, conversation.TicketId, null, unseen[0] - 1, 50, cancellationToken);
        page = page.Where(m => unseen.Contains(m.Id)).ToList();
        if (await MailboxAsync(channel, conversation.TicketId, cancellationToken) is not { } mailbox) return false;
        var culture = CultureOf(visitor);
        var subject = InCulture.Read(culture, () => strings["MissedSubject", channel.Settings.Title ?? channel.Name].Value);
        var (text, html) = Render(page, culture, intro: InCulture.Read(culture, () => strings["MissedIntro"].Value));
        await mail.QueueAsync(ChannelDelivery.Notification(mailbox, conversation.TicketId, visitor.Email, subject, text, html,
            $"chat-missed:{conversation.TicketId}:{unseen[^1]}", clock.GetUtcNow()), cancellationToken);
        return true;
    }

    private static CultureInfo CultureOf(ChatVisitor visitor) => CultureInfo.GetCultureInfo(visitor.Language == "en" ? "en" : "ru");

    private (string Text, string Html) Render(IReadOnlyList<ChatMessageView> page, CultureInfo culture, string? intro = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (intro is not null)
        {
            text.Append(intro).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>");
        }
        foreach (var m in page)
        {
            var who = m.Author == "visitor" ? InCulture.Read(culture, () => strings["You"].Value)
                : m.Name ?? InCulture.Read(culture, () => strings["Support"].Value);
            var at = m.At.ToString("g", culture);
            text.Append($"{who}, {at}:\n{m.Text}\n\n");
            html.Append("<p><b>").Append(WebUtility.HtmlEncode(who)).Append("</b>, ").Append(WebUtility.HtmlEncode(at)).Append("<br>");
            // Agents' HTML was sanitized when written; the visitor's text is text.
            html.Append(m.Html is { Length: > 0 } h ? h : WebUtility.HtmlEncode(m.Text).Replace("\n", "<br>")).Append("</p>");
        }
        var reply = InCulture.Read(culture, () => strings["ReplyByMail"].Value);
        text.Append(reply);
        html.Append("<p>").Append(WebUtility.HtmlEncode(reply)).Append("</p>");
        return (text.ToString(), html.ToString());
    }
}

/// <summary>Every minute: conversations whose answers have waited <see cref="ChatOptions.MailAfter"/> unseen. A visitor
/// still connected may yet open the widget and see them, so theirs wait another round; a visitor who left gets them by
/// email (with an address), once — the queue's dedupe key and <see cref="ChatConversation.MailedUpTo"/> see to that.</summary>
[DisallowConcurrentExecution]
internal sealed class ChatMissedAnswers(OknoDb db, ChatMail mail, TimeProvider clock, IOptions<ChatOptions> options, ILogger<ChatMissedAnswers> logger) : IJob
{
    public static readonly JobKey Key = new("chat-missed-answers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<ChatConversation>().Where(c => c.MailDueAt != null && c.MailDueAt <= now).OrderBy(c => c.MailDueAt).Take(200).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var conversation in due)
        {
            var connected = await db.Set<ChatVisitor>().AnyAsync(v => v.Id == conversation.VisitorId && v.ConnectedUntil > now, cancellationToken);
            if (connected)
            {
                conversation.MailDueAt = now + options.Value.MailAfter;
                continue;
            }
            try
            {
                if (await mail.MissedAnswersAsync(conversation, cancellationToken)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Unseen chat answers of ticket {Ticket} could not be queued by email", conversation.TicketId);
            }
            conversation.MailedUpTo = conversation.LastAgentMessageId;
            conversation.MailDueAt = null;
            conversation.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
