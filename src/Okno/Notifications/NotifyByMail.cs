using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Channels;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Notifications;

/// <summary>Turns ticket events into notification mails, queued in the one delivery queue (<see cref="NotificationMail"/>)
/// in the handler's transaction, so an event handled again (a retry after a failure) finds its mails queued and adds
/// none (the dedupe key: event, template, recipient).
/// <list type="bullet">
/// <item>Customers: "request received" for a new ticket that came in by mail through a mailbox with "acknowledge new
/// requests" on; "agent replied" for a public reply on a ticket whose reply does not itself go out by mail (web form,
/// help center, a ticket opened by an agent), when the customer has an address; "resolved".</item>
/// <item>Agents: a ticket assigned to me, a customer replied on my ticket, a new ticket in my group (created in it or
/// moved to it), an SLA warning or breach on my ticket (unassigned: to the group's supervisors); each one off per
/// agent (<see cref="NotificationPreferences"/>), never to the agent who caused it, never to an inactive agent.</item>
/// </list>
/// Never to the desk's own addresses. Automatic mail (auto-replies, bounces) never becomes a ticket or a message
/// (Channels' LoopFilter), so it never causes a notification. Without an enabled mailbox nothing is queued.</summary>
internal sealed class NotifyByMail(
    OknoDb db, NotificationMail mail, NotificationTemplates templates, IOptions<NotificationsOptions> options, TimeProvider clock,
    ILogger<NotifyByMail> logger) : ITicketEventHandler
{
    public const string HandlerName = "notifications.mail";
    private bool _queued;
    private HashSet<string>? _own;

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => eventType is TicketCreated.Type or TicketGroupChanged.Type or MessageReceived.Type or ReplySent.Type
        or TicketStatusChanged.Type or TicketAssigneeChanged.Type or SlaAlertRaised.Type;
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken ct)
    {
        switch (ticketEvent)
        {
            case TicketCreated created:
                if (await mail.AcknowledgesNewAsync(created.TicketId, ct)) await ToCustomerAsync(created, NotificationKeys.RequestReceived, null, ct);
                break;
            // A ticket that lands in a group (created there, or moved there) is new to the group's agents.
            case TicketGroupChanged { To: { } groupId } moved:
            {
                var members = await db.AgentGroups.Where(ag => ag.GroupId == groupId).Select(ag => ag.AgentId).ToListAsync(ct);
                var firstMessage = await db.Messages.Where(m => m.TicketId == moved.TicketId && !m.IsInternal).OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
                foreach (var agentId in members) await ToAgentAsync(moved, NotificationKeys.GroupTicket, agentId, firstMessage, ct);
                break;
            }
            case MessageReceived received when received.After.AssigneeId is { } assignee:
                // The ticket's first message is its creation, not a reply.
                if (await db.Messages.AnyAsync(m => m.TicketId == received.TicketId && m.Direction == MessageDirection.In && m.Id < received.MessageId, ct))
                    await ToAgentAsync(received, NotificationKeys.CustomerReplied, assignee, received.MessageId, ct);
                break;
            case ReplySent reply:
                if (!await mail.ReplyReachesCustomerAsync(reply.MessageId, ct)) await ToCustomerAsync(reply, NotificationKeys.AgentReplied, reply.MessageId, ct);
                break;
            case TicketStatusChanged { To: TicketStatus.Resolved } resolved:
                await ToCustomerAsync(resolved, NotificationKeys.TicketResolved, null, ct);
                break;
            case TicketAssigneeChanged { To: { } assigned } change:
                await ToAgentAsync(change, NotificationKeys.TicketAssigned, assigned, null, ct);
                break;
            case SlaAlertRaised alert:
                foreach (var agentId in await Workspace.SlaRecipients.OfAsync(db, alert, ct))
                    await ToAgentAsync(alert, alert.Breach ? NotificationKeys.SlaBreach : NotificationKeys.SlaWarning, agentId, null, ct);
                break;
        }
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (_queued) mail.Wake();
        _queued = false;
        return Task.CompletedTask;
    }

    private async Task ToCustomerAsync(TicketDomainEvent e, string key, long? messageId, CancellationToken ct)
    {
        var contactId = await db.Tickets.Where(t => t.Id == e.TicketId).Select(t => t.ContactId).SingleAsync(ct);
        var address = await db.ContactEmails.Where(x => x.ContactId == contactId).OrderBy(x => x.Id).Select(x => x.Address).FirstOrDefaultAsync(ct);
        if (address is null) return;
        await QueueAsync(e, key, address, options.Value.DefaultLanguage, forAgent: false, messageId, ct);
    }

    private async Task ToAgentAsync(TicketDomainEvent e, string key, long agentId, long? messageId, CancellationToken ct)
    {
        if (e.Cause is { Kind: ActorKind.Agent, Id: var causeId } && causeId == agentId) return;
        var agent = await db.Agents.Where(a => a.Id == agentId && a.IsActive).Select(a => new { a.Email, a.Language }).SingleOrDefaultAsync(ct);
        if (agent is null || await db.Set<NotificationOptOut>().AnyAsync(o => o.AgentId == agentId && o.Notification == key, ct)) return;
        await QueueAsync(e, key, agent.Email, agent.Language ?? options.Value.DefaultLanguage, forAgent: true, messageId, ct);
    }

    private async Task QueueAsync(TicketDomainEvent e, string key, string address, string language, bool forAgent, long? messageId, CancellationToken ct)
    {
        _own ??= await mail.OwnAddressesAsync(ct);
        if (_own.Contains(address.Trim())) return;
        var about = await AboutAsync(e, messageId, ct);
        if (about.Mailbox is not { } mailbox) return;
        if (!NotificationKeys.Languages.Contains(language)) language = "en";
        var url = forAgent && options.Value.BaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/tickets/{e.TicketId}" : null;
        var (subject, body) = await templates.TextAsync(key, language, ct);
        var rendered = NotificationTemplates.Render(subject, body, new NotificationValues(about.Number, about.Subject, url, about.Customer, about.AgentName, about.MessageText));
        var queued = await mail.QueueAsync(ChannelDelivery.Notification(mailbox, e.TicketId, address, rendered.Subject, rendered.Text, rendered.Html,
            DedupeKey(e.EventId, key, address), clock.GetUtcNow()), ct);
        if (queued) logger.LogDebug("Notification {Key} about ticket {Ticket} queued for {Recipient}", key, e.TicketId, address);
        _queued |= queued;
    }

    /// <summary>What the notifications of one event say about its ticket, read once for all their recipients (a ticket
    /// new in a group notifies each of its agents).</summary>
    private sealed record About(long? Mailbox, long Number, string Subject, string? Customer, string? MessageText, string? AgentName);

    private readonly Dictionary<(long EventId, long? MessageId), About> _about = [];

    private async Task<About> AboutAsync(TicketDomainEvent e, long? messageId, CancellationToken ct)
    {
        if (_about.TryGetValue((e.EventId, messageId), out var known)) return known;
        var mailbox = await mail.MailboxForAsync(e.TicketId, ct);
        var ticket = await db.Tickets.Where(t => t.Id == e.TicketId).Select(t => new { t.Number, t.Subject, t.ContactId }).SingleAsync(ct);
        var customer = await db.Contacts.Where(c => c.Id == ticket.ContactId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var message = messageId is { } id
            ? await db.Messages.Where(m => m.Id == id).Select(m => new { m.BodyText, m.AuthorKind, m.AuthorId }).SingleOrDefaultAsync(ct)
            : null;
        var agentId = message is { AuthorKind: ActorKind.Agent } ? message.AuthorId : e.Cause.Kind == ActorKind.Agent ? e.Cause.Id : null;
        var agentName = agentId is { } a ? await db.Agents.Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return _about[(e.EventId, messageId)] = new About(mailbox, ticket.Number, ticket.Subject, customer, message?.BodyText, agentName);
    }

    /// <summary>One (event, template, recipient): the address hashed, so the key stays short and says nothing.</summary>
    internal static string DedupeKey(long eventId, string key, string address) =>
        $"n:{eventId}:{key}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..24]}";
}
