using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Tickets;

namespace Okno.Channels.Chat;

public sealed record ChatPanelView(
    string? Name, string? Email, string? Phone, bool OnSite, string? PageUrl, string? PageTitle, IReadOnlyList<ChatVisitedPage> Pages,
    int? Rating, string? RatingComment, long AgentReadUpTo, long NewestVisitorMessage);

/// <summary>The agents' side of a chat ticket: who the visitor is and where they are on the site, and the read marks
/// the visitor sees when an agent has the ticket open.</summary>
public sealed class ChatAgentSide(OknoDb db, ChatFeed feed, TimeProvider clock)
{
    /// <summary>The chat side of a ticket the agent may see; null when it is no chat.</summary>
    public async Task<ChatPanelView?> ReadAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.AllowedBy(agent.Access()).AnyAsync(t => t.Id == ticketId, cancellationToken)) return null;
        var row = await db.Set<ChatConversation>().AsNoTracking().Where(c => c.TicketId == ticketId)
            .Join(db.Set<ChatVisitor>(), c => c.VisitorId, v => v.Id, (c, v) => new { c, v }).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var newest = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In).OrderByDescending(m => m.Id)
            .Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var pages = JsonSerializer.Deserialize<List<ChatVisitedPage>>(row.v.Pages, ChatJson.Options) ?? [];
        return new ChatPanelView(row.v.Name, row.v.Email, row.v.Phone, row.v.IsConnected(clock.GetUtcNow()), row.v.PageUrl, row.v.PageTitle,
            pages.AsEnumerable().Reverse().ToList(), row.c.Rating, row.c.RatingComment, row.c.AgentReadUpTo, newest);
    }

    /// <summary>An agent has the ticket open: the visitor's messages up to <paramref name="upTo"/> are read (their widget
    /// shows it).</summary>
    public async Task MarkReadAsync(long ticketId, long upTo, CancellationToken cancellationToken)
    {
        var changed = await db.Set<ChatConversation>().Where(c => c.TicketId == ticketId && c.AgentReadUpTo < upTo)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentReadUpTo, upTo), cancellationToken);
        if (changed > 0) feed.Publish(ChatFeed.TicketKey(ticketId), "read", null, new { upTo });
    }
}

/// <summary>Marks chats in the inbox whose visitor is on the site now.</summary>
internal sealed class ChatLiveConversations(OknoDb db, TimeProvider clock) : ILiveConversations
{
    public async Task<IReadOnlySet<long>> LiveAsync(IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await db.Set<ChatConversation>().Where(c => ticketIds.Contains(c.TicketId))
            .Join(db.Set<ChatVisitor>(), c => c.VisitorId, v => v.Id, (c, v) => new { c.TicketId, v.ConnectedUntil })
            .Where(x => x.ConnectedUntil > now).Select(x => x.TicketId).ToListAsync(cancellationToken)).ToHashSet();
    }
}
