using System.Collections.Concurrent;

namespace Okno.Tickets.Live;

/// <summary>An agent who has a ticket open; <see cref="Typing"/> while they write a reply or note.</summary>
public sealed record TicketViewer(long AgentId, string Name, bool Typing);

/// <summary>Who has which ticket open, and who is typing, on this node. Each open ticket screen joins with its own
/// key (one agent may have the ticket open in two tabs) and leaves when it is closed; typing fades after a few
/// seconds without a keystroke, so a closed laptop does not type forever.</summary>
public sealed class TicketPresence(TimeProvider clock)
{
    public static readonly TimeSpan TypingFadesAfter = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, Entry>> _tickets = new();
    private readonly Lock _gate = new();
    private Action<long>[] _subscribers = [];

    /// <summary>Marks the ticket as open by this agent until the returned handle is disposed.</summary>
    public Visit Join(long ticketId, long agentId, string name)
    {
        var key = Guid.NewGuid();
        _tickets.GetOrAdd(ticketId, _ => new())[key] = new Entry(agentId, name, null);
        Raise(ticketId);
        return new Visit(this, ticketId, key);
    }

    /// <summary>Everyone with the ticket open, one entry per agent (typing if any of their tabs types), by name.</summary>
    public IReadOnlyList<TicketViewer> ViewersOf(long ticketId)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries)) return [];
        var now = clock.GetUtcNow();
        return entries.Values.GroupBy(e => e.AgentId)
            .Select(g => new TicketViewer(g.Key, g.First().Name, g.Any(e => e.TypedAt is { } at && now - at < TypingFadesAfter)))
            .OrderBy(v => v.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Called with a ticket id whenever someone joins, leaves, starts or stops typing on it.</summary>
    public IDisposable Subscribe(Action<long> subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers, subscriber];
        return new Subscription(this, subscriber);
    }

    private void Typed(long ticketId, Guid key)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries) || !entries.TryGetValue(key, out var entry)) return;
        var now = clock.GetUtcNow();
        var wasTyping = entry.TypedAt is { } at && now - at < TypingFadesAfter;
        entries[key] = entry with { TypedAt = now };
        if (wasTyping) return;
        Raise(ticketId);
        // Nobody else learns that typing stopped unless something looks again after the fade time.
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            if (_tickets.TryGetValue(ticketId, out var current) && current.TryGetValue(key, out var e)
                && e.TypedAt is { } at && clock.GetUtcNow() - at < TypingFadesAfter) return;
            timer?.Dispose();
            Raise(ticketId);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void StoppedTyping(long ticketId, Guid key)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries) || !entries.TryGetValue(key, out var entry) || entry.TypedAt is null) return;
        entries[key] = entry with { TypedAt = null };
        Raise(ticketId);
    }

    private void Leave(long ticketId, Guid key)
    {
        if (_tickets.TryGetValue(ticketId, out var entries) && entries.TryRemove(key, out _))
        {
            if (entries.IsEmpty) _tickets.TryRemove(new KeyValuePair<long, ConcurrentDictionary<Guid, Entry>>(ticketId, entries));
            Raise(ticketId);
        }
    }

    private void Raise(long ticketId)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(ticketId); }
            catch (Exception) { /* a screen that failed to refresh must not stop the others */ }
        }
    }

    private sealed record Entry(long AgentId, string Name, DateTimeOffset? TypedAt);

    /// <summary>One open ticket screen. Typing is reported through it, so only the screen that joined can type.</summary>
    public sealed class Visit(TicketPresence presence, long ticketId, Guid key) : IDisposable
    {
        /// <summary>A keystroke in the reply or note editor; cheap enough to call on every input event.</summary>
        public void Typed() => presence.Typed(ticketId, key);

        /// <summary>The draft was sent or emptied.</summary>
        public void StoppedTyping() => presence.StoppedTyping(ticketId, key);

        public void Dispose() => presence.Leave(ticketId, key);
    }

    private sealed class Subscription(TicketPresence presence, Action<long> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (presence._gate) presence._subscribers = presence._subscribers.Where(s => s != subscriber).ToArray();
        }
    }
}
