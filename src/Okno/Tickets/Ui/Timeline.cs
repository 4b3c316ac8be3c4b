namespace Okno.Tickets.Ui;

/// <summary>One entry of a ticket's timeline: a message (or note), or a change from the history.</summary>
public abstract record TimelineItem(DateTimeOffset At, long Order, string Key);

/// <summary>A message; <paramref name="FromTicketNumber"/> is set when it came from a ticket merged into this one.</summary>
public sealed record TimelineMessage(MessageView Message, long? FromTicketNumber, long Order)
    : TimelineItem(Message.CreatedAt, Order, $"m{Message.Id}");

public sealed record TimelineEvent(TicketEventView Event) : TimelineItem(Event.At, Event.Version, $"e{Event.Id}");

public static class Timeline
{
    /// <summary>Most items a page reads of each list (messages, history) before it offers "load more".</summary>
    public const int Cap = 1000;

    /// <summary>Messages and history interleaved by time, oldest first. The history's "message added" entries are the
    /// messages themselves, so they are not shown twice; they lend their version to the message, which orders a message
    /// and a change made in the same instant exactly as they happened.</summary>
    public static IReadOnlyList<TimelineItem> Build(IEnumerable<MessageView> messages, IEnumerable<TicketEventView> events,
        IEnumerable<(long TicketNumber, MessageView Message)>? mergedMessages = null)
    {
        var eventList = events.ToList();
        var versionOfMessage = eventList.Where(e => e.MessageId is not null && IsMessageEvent(e.Kind))
            .GroupBy(e => e.MessageId!.Value).ToDictionary(g => g.Key, g => g.Min(e => e.Version));
        var items = new List<TimelineItem>();
        items.AddRange(messages.Select(m => new TimelineMessage(m, null, versionOfMessage.GetValueOrDefault(m.Id, long.MaxValue))));
        items.AddRange(eventList.Where(e => !IsMessageEvent(e.Kind)).Select(e => new TimelineEvent(e)));
        if (mergedMessages is not null) items.AddRange(mergedMessages.Select(m => new TimelineMessage(m.Message, m.TicketNumber, 0)));
        return items.OrderBy(i => i.At).ThenBy(i => i.Order).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }

    private static bool IsMessageEvent(TicketEventKind kind) => kind is TicketEventKind.MessageAdded or TicketEventKind.NoteAdded;
}
