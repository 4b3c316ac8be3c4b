using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Channels.Chat;

/// <summary>A visitor message in an agent app's stream; the group and assignee let each agent's stream keep to the
/// tickets that agent may see.</summary>
public sealed record ChatAgentMessage(long TicketId, long MessageId, string? ClientId, string Author, DateTimeOffset At, long? GroupId, long? AssigneeId);

/// <summary>Keeps the chat side of tickets in step with their events: a visitor's message written to a ticket records
/// the conversation (which browser it is with) and goes live to the visitor's other tabs and to agent apps; a customer's
/// message that came another way into a chat ticket (their email reply) shows in their widget; a status change tells the
/// widget (resolved: time to rate). Live pushes go out after the commit.</summary>
internal sealed class ChatTicketEvents(OknoDb db, ChatChannels channels, ChatMessages messages, ChatFeed feed, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ChatOptions> options) : ITicketEventHandler
{
    private readonly List<(string Key, string Event, long? Id, object Data)> _pushes = [];

    public string Name => "channels.chat";

    public bool WakesFor(string eventType) => eventType is MessageReceived.Type or TicketStatusChanged.Type;

    /// <summary>Whether chat is in play in this batch: an enabled chat channel, or a conversation (of one since disabled).
    /// Read once per batch; a desk without chat then spends no reads here on a customer's message (it was three per
    /// message, 4.6 % of Okno's CPU during a creation load at 1M tickets).</summary>
    private bool? _anyChat;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (ticketEvent is not (MessageReceived or TicketStatusChanged)) return;
        _anyChat ??= await channels.AnyAsync(cancellationToken) || await db.Set<ChatConversation>().AnyAsync(cancellationToken);
        if (_anyChat == false) return;
        switch (ticketEvent)
        {
            // A new chat ticket's first message is a MessageReceived of its own (Ticket.AddMessage records it): handling
            // the creation too pushed that message twice to agent apps.
            case MessageReceived received:
                await ReceivedAsync(ticketEvent, received.MessageId, cancellationToken);
                break;
            case TicketStatusChanged changed:
                if (await db.Set<ChatConversation>().AnyAsync(c => c.TicketId == changed.TicketId, cancellationToken))
                    _pushes.Add((ChatFeed.TicketKey(changed.TicketId), "state", null, new { status = ChatWidget.StatusName(changed.To) }));
                break;
        }
    }

    private async Task ReceivedAsync(TicketDomainEvent ticketEvent, long messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId)
            .Select(m => new { m.Id, m.TicketId, m.ChannelAccountId, m.ExternalId, m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (message is null) return;
        // A batch may carry the ticket's creation and its first message: the conversation added for one is the other's.
        var conversation = db.Set<ChatConversation>().Local.FirstOrDefault(c => c.TicketId == message.TicketId)
            ?? await db.Set<ChatConversation>().FirstOrDefaultAsync(c => c.TicketId == message.TicketId, cancellationToken);
        var channel = message.ChannelAccountId is { } accountId ? await channels.FindAsync(accountId, cancellationToken) : null;
        ChatVisitor? visitor = null;
        if (channel is not null && message.ExternalId is { } external && external.IndexOf(':') is > 0 and var colon
            && long.TryParse(external.AsSpan(0, colon), out var visitorId))
        {
            visitor = await db.Set<ChatVisitor>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitorId && v.AccountId == channel.AccountId, cancellationToken);
            if (visitor is null) return;
            var now = clock.GetUtcNow();
            if (conversation is null)
            {
                conversation = new ChatConversation { TicketId = message.TicketId, AccountId = channel.AccountId, VisitorId = visitor.Id, UpdatedAt = now };
                // An agent may have answered before this ran (the adapter found the visitor by itself): that answer counts.
                conversation.LastAgentMessageId = await db.Messages.Where(m => m.TicketId == message.TicketId && m.Direction == MessageDirection.Out && !m.IsInternal)
                    .OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
                if (conversation.LastAgentMessageId > 0) conversation.MailDueAt = now + options.Value.MailAfter;
                db.Add(conversation);
            }
            conversation.VisitorId = visitor.Id;
            conversation.UpdatedAt = now;
            var view = await messages.OneAsync(channel, message.Id, cancellationToken);
            if (view is not null)
            {
                _pushes.Add((ChatFeed.VisitorKey(channel.AccountId, visitor.SenderId), "message", view.Id, view));
                _pushes.Add((ChatFeed.AgentsKey, "message", view.Id,
                    new ChatAgentMessage(message.TicketId, message.Id, view.ClientId, "visitor", message.CreatedAt, ticketEvent.After.GroupId, ticketEvent.After.AssigneeId)));
            }
            return;
        }
        // Another way into a chat ticket (the visitor answered the chat's email): it shows in their widget too.
        if (conversation is null) return;
        visitor = await db.Set<ChatVisitor>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == conversation.VisitorId, cancellationToken);
        var chat = await channels.FindAsync(conversation.AccountId, cancellationToken);
        if (visitor is null || chat is null) return;
        if (await messages.OneAsync(chat, message.Id, cancellationToken) is { } other)
            _pushes.Add((ChatFeed.VisitorKey(chat.AccountId, visitor.SenderId), "message", other.Id, other));
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, name, id, data) in _pushes) feed.Publish(key, name, id, data);
        _pushes.Clear();
        return Task.CompletedTask;
    }
}
