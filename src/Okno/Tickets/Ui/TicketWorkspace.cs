using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets.Ui;

/// <summary>Everything the ticket page shows of one ticket, read in one scope.</summary>
public sealed record TicketSnapshot(TicketView Ticket, IReadOnlyList<MessageView> Messages, IReadOnlyList<TicketEventView> History,
    bool MoreMessages, bool MoreHistory, RelatedTickets Related, IReadOnlyList<(long TicketNumber, MessageView Message)> MergedMessages)
{
    /// <summary>Tickets whose changes this page shows too (merged into this one).</summary>
    public IEnumerable<long> MergedIds => Related.MergedFrom.Select(r => r.Id);

    /// <summary>The newest message shown (0 when there is none): where a reply's collision check starts.</summary>
    public long NewestMessageId => Messages.Count == 0 ? 0 : Messages.Max(m => m.Id);
}

/// <summary>Reads for the ticket page: the ticket with all pages of its messages and history up to a cap (a page of
/// each list per query, never a query per item).</summary>
public static class TicketWorkspace
{
    public static async Task<TicketSnapshot> ReadAsync(TicketQueries queries, long ticketId, CurrentAgent agent, int cap,
        CancellationToken cancellationToken)
    {
        var ticket = await queries.GetAsync(ticketId, agent, cancellationToken);
        var (messages, moreMessages) = await AllAsync((cursor, ct) => queries.MessagesAsync(ticketId, Paging.MaxLimit, cursor, agent, ct),
            cap, cancellationToken);
        var (history, moreHistory) = await AllAsync((cursor, ct) => queries.HistoryAsync(ticketId, Paging.MaxLimit, cursor, agent, ct),
            cap, cancellationToken);
        var related = await queries.RelatedAsync(ticketId, agent, cancellationToken);
        // A survivor's timeline also shows what was written on the tickets merged into it: a page read per merged
        // ticket (there are few), never a read per message.
        var merged = new List<(long, MessageView)>();
        foreach (var source in related.MergedFrom)
        {
            var (items, _) = await AllAsync((cursor, ct) => queries.MessagesAsync(source.Id, Paging.MaxLimit, cursor, agent, ct), cap, cancellationToken);
            merged.AddRange(items.Select(m => (source.Number, m)));
        }
        return new TicketSnapshot(ticket, messages, history, moreMessages, moreHistory, related, merged);
    }

    /// <summary>Messages written after <paramref name="afterMessageId"/> (oldest first): what a reply would collide with.</summary>
    public static async Task<IReadOnlyList<MessageView>> NewerMessagesAsync(TicketQueries queries, long ticketId, long afterMessageId,
        CurrentAgent agent, CancellationToken cancellationToken)
    {
        var cursor = afterMessageId > 0 ? Paging.Encode(afterMessageId) : null;
        var (items, _) = await AllAsync((c, ct) => queries.MessagesAsync(ticketId, Paging.MaxLimit, c ?? cursor, agent, ct),
            Paging.MaxLimit * 2, cancellationToken);
        return items;
    }

    private static async Task<(List<T> Items, bool More)> AllAsync<T>(Func<string?, CancellationToken, Task<Page<T>>> read, int cap,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await read(cursor, cancellationToken);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null && items.Count < cap);
        return (items, cursor is not null);
    }
}
