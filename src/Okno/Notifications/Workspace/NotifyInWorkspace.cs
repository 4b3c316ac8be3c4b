using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Notifications.Workspace;

/// <summary>Turns ticket events into bell items (<see cref="AgentNotification"/>), written in the handler's transaction:
/// <list type="bullet">
/// <item>a ticket assigned to me (by someone else);</item>
/// <item>the customer wrote on my ticket or on one I follow (not the message that opened it);</item>
/// <item>I was mentioned in a note (<see cref="TicketMention"/>);</item>
/// <item>a colleague replied or wrote a note on a ticket I follow (<see cref="TicketFollower"/>);</item>
/// <item>an SLA target of my ticket reached its warning or due time (unassigned: the group's supervisors hear of it).</item>
/// </list>
/// Never to the agent who caused it, never to an inactive agent, never when the agent switched that kind off. One item
/// per (agent, event, kind), so an event handled again after a failure adds nothing. Screens are told after commit
/// (<see cref="AgentNotificationFeed"/>).</summary>
internal sealed class NotifyInWorkspace(OknoDb db, AgentNotificationFeed feed) : ITicketEventHandler
{
    public const string HandlerName = "notifications.workspace";
    private readonly HashSet<long> _told = [];
    /// <summary>Tickets whose creation this batch handled and whose first message event has not come yet.</summary>
    private readonly HashSet<long> _createdHere = [];

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => eventType is TicketAssigneeChanged.Type or MessageReceived.Type or ReplySent.Type or NoteAdded.Type
        or SlaAlertRaised.Type;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken ct)
    {
        if (ticketEvent is TicketCreated) _createdHere.Add(ticketEvent.TicketId);
        // A creation's first message event (its version follows the creation's) is the first message of the ticket.
        else if (ticketEvent is TicketMessageEvent and not MessageReceived) _createdHere.Remove(ticketEvent.TicketId);
        switch (ticketEvent)
        {
            case TicketAssigneeChanged { To: { } assigned } change:
                await NotifyAsync(change, WorkspaceNotificationKinds.TicketAssigned, [assigned], null, ct);
                break;
            case MessageReceived received:
            {
                // The ticket's first message is its creation, not a reply: nobody hears of it here. A ticket created in
                // this batch whose first message event this is needs no read to know it.
                if (_createdHere.Remove(received.TicketId) || !await db.Messages.AnyAsync(m => m.TicketId == received.TicketId && m.Direction == MessageDirection.In && m.Id < received.MessageId, ct))
                    break;
                List<long> recipients = [.. await FollowersAsync(received, ct)];
                if (received.After.AssigneeId is { } assignee) recipients.Add(assignee);
                await NotifyAsync(received, WorkspaceNotificationKinds.CustomerReplied, recipients, received.MessageId, ct);
                break;
            }
            case ReplySent reply:
                await NotifyAsync(reply, WorkspaceNotificationKinds.ColleagueReplied, await FollowersAsync(reply, ct), reply.MessageId, ct);
                break;
            // Only crossings seen as they happened become events (TicketSlaClock.FoundLateAfter): each is news.
            case SlaAlertRaised alert:
                await NotifyAsync(alert, alert.Breach ? WorkspaceNotificationKinds.SlaBreach : WorkspaceNotificationKinds.SlaWarning,
                    await SlaRecipients.OfAsync(db, alert, ct), null, ct);
                break;
            case NoteAdded note:
            {
                var mentioned = await db.TicketMentions.Where(m => m.MessageId == note.MessageId).Select(m => m.AgentId).ToListAsync(ct);
                await NotifyAsync(note, WorkspaceNotificationKinds.Mentioned, mentioned, note.MessageId, ct);
                // A follower who is also mentioned hears of the note once, as a mention.
                var followers = (await FollowersAsync(note, ct)).Except(mentioned).ToList();
                await NotifyAsync(note, WorkspaceNotificationKinds.ColleagueNoted, followers, note.MessageId, ct);
                break;
            }
        }
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (_told.Count > 0) feed.Publish([.. _told]);
        _told.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Who followed the ticket when the event happened: the handler may run later than that (a backlog, a retry),
    /// and someone who starts following afterwards must not hear of what came before.
    /// Nor does a follower who may no longer see it (the ticket moved to a group they are not in): the bell would lead
    /// them to a ticket that does not open (the test of <see cref="TicketAccess.VisibleTo"/>, on the ticket as the event left it).</summary>
    private async Task<List<long>> FollowersAsync(TicketDomainEvent e, CancellationToken ct)
    {
        var since = (await db.TicketFollowers.Where(f => f.TicketId == e.TicketId).Select(f => new { f.AgentId, f.Since }).ToListAsync(ct))
            .Where(f => f.Since <= e.At).Select(f => f.AgentId).ToList();
        if (since.Count == 0) return since;
        return await db.Agents.Where(a => since.Contains(a.Id)).WhoMaySee(db.TicketMentions, e.TicketId, e.After.GroupId, e.After.AssigneeId)
            .Select(a => a.Id).ToListAsync(ct);
    }

    private async Task NotifyAsync(TicketDomainEvent e, string kind, IReadOnlyCollection<long> recipients, long? messageId, CancellationToken ct)
    {
        if (recipients.Count == 0) return;
        var message = messageId is { } id
            ? await db.Messages.Where(m => m.Id == id).Select(m => new { m.BodyText, m.AuthorKind, m.AuthorId }).SingleOrDefaultAsync(ct)
            : null;
        var author = message is null ? e.Cause : new Actor(message.AuthorKind, message.AuthorId);
        var excluded = new[] { e.Cause, author }.Where(a => a.Kind == ActorKind.Agent).Select(a => a.Id!.Value).ToHashSet();
        var candidates = recipients.Distinct().Where(r => !excluded.Contains(r)).ToList();
        if (candidates.Count == 0) return;
        var switchKey = WorkspaceNotificationKinds.SwitchOf(kind);
        var wanted = await db.Agents.Where(a => candidates.Contains(a.Id) && a.IsActive)
            .Where(a => !db.Set<NotificationOptOut>().Any(o => o.AgentId == a.Id && o.Notification == switchKey))
            .Select(a => a.Id).ToListAsync(ct);
        if (wanted.Count == 0) return;
        var already = await db.AgentNotifications.Where(n => n.EventId == e.EventId && n.Kind == kind && wanted.Contains(n.AgentId))
            .Select(n => n.AgentId).ToListAsync(ct);
        var actorName = await NameOfAsync(author, ct);
        var excerpt = message is null ? null : Excerpt(message.BodyText);
        foreach (var agentId in wanted.Except(already))
        {
            db.AgentNotifications.Add(new AgentNotification
            {
                AgentId = agentId, Kind = kind, TicketId = e.TicketId, EventId = e.EventId, ActorName = actorName, Excerpt = excerpt, At = e.At,
            });
            _told.Add(agentId);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<string?> NameOfAsync(Actor actor, CancellationToken ct) => actor switch
    {
        { Kind: ActorKind.Agent, Id: { } agent } => await db.Agents.Where(a => a.Id == agent).Select(a => a.Name).SingleOrDefaultAsync(ct),
        { Kind: ActorKind.Contact, Id: { } contact } => await db.Contacts.Where(c => c.Id == contact).Select(c => c.Name).SingleOrDefaultAsync(ct),
        _ => null,
    };

    /// <summary>The message's start on one line, cut at a word where it can be.</summary>
    internal static string? Excerpt(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0) return null;
        if (oneLine.Length <= AgentNotification.ExcerptMaxLength) return oneLine;
        var cut = oneLine[..(AgentNotification.ExcerptMaxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > AgentNotification.ExcerptMaxLength / 2 ? cut[..space] : cut) + "…";
    }
}

/// <summary>Who hears of an SLA warning or breach, in the bell and by mail: the assignee; for an unassigned ticket, the
/// supervisors of its group (every supervisor when it has no group).</summary>
internal static class SlaRecipients
{
    public static async Task<List<long>> OfAsync(OknoDb db, TicketDomainEvent e, CancellationToken ct)
    {
        if (e.After.AssigneeId is { } assignee) return [assignee];
        var supervisors = db.Agents.Where(a => a.Role == Platform.Security.AgentRole.Supervisor && a.IsActive);
        if (e.After.GroupId is { } group) supervisors = supervisors.Where(a => a.Groups.Any(m => m.GroupId == group));
        return await supervisors.Select(a => a.Id).ToListAsync(ct);
    }
}
