using System.Collections.Concurrent;
using System.Text.Json;
using Okno.Platform.Cluster;
using Okno.Platform.Localization;

namespace Okno.Tickets.Live;

/// <summary>An agent who has a ticket open; <see cref="Typing"/> while they write a reply or note;
/// <see cref="TypingReply"/>: what they type is a public reply (not an internal note), so the customer may be told.</summary>
public sealed record TicketViewer(long AgentId, string Name, bool Typing, bool TypingReply = false);

/// <summary>A ticket an agent has open (on any node), and whether they type in it.</summary>
public sealed record AgentTicketVisit(long TicketId, bool Typing, bool TypingReply);

/// <summary>Who has which ticket open, and who is typing. Each open ticket screen joins with its own key (one agent
/// may have the ticket open in two tabs) and leaves when it is closed; typing fades after a few seconds without a
/// keystroke, so a closed laptop does not type forever.
/// A screen whose browser died does not leave: the server keeps its disconnected circuit for minutes. So a screen
/// says it is still there every <see cref="HeartbeatEvery"/> (<see cref="Visit.StillHere"/>, from the browser), and one
/// not heard of for <see cref="ViewerExpiresAfter"/> is dropped, checked every <see cref="SweepEvery"/>: a dead
/// browser's viewer is gone at most half a minute after its last heartbeat.
/// With several nodes (a <see cref="INodeBus"/>), each node owns the visits of its own screens and sends the other
/// nodes its list of viewers of a ticket whenever that list changes, and all its lists again every
/// <see cref="ShareEvery"/>. A list not heard of again within <see cref="OtherNodeExpiresAfter"/> is dropped, so the
/// viewers of a node that died fade like a closed laptop's typing. A node that starts asks the others for their
/// lists at once.</summary>
public sealed class TicketPresence : IDisposable
{
    public static readonly TimeSpan TypingFadesAfter = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan ShareEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan OtherNodeExpiresAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ViewerExpiresAfter = TimeSpan.FromSeconds(25);
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);
    public const string Channel = "tickets:presence";

    private readonly TimeProvider _clock;
    private readonly INodeBus? _bus;
    private readonly IDisposable? _fromOtherNodes;
    private readonly ITimer? _sharing;
    private readonly ITimer _sweeping;
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, Entry>> _tickets = new();
    /// <summary>Ticket → node → that node's viewers of the ticket, as last heard.</summary>
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, Heard>> _otherNodes = new();
    /// <summary>Agent → tickets they were last seen viewing (here or on another node): the reverse of the lists above, so
    /// "what is agent X looking at" reads a few entries instead of every ticket. A superset: entries are added wherever
    /// a viewer appears and dropped when <see cref="VisitsOf"/> finds the agent gone from that ticket.</summary>
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<long, byte>> _byAgent = new();
    private readonly Lock _gate = new();
    private Action<long>[] _subscribers = [];

    public TicketPresence(TimeProvider clock, INodeBus? bus = null)
    {
        _clock = clock;
        _bus = bus;
        _sweeping = clock.CreateTimer(_ => ForgetSilentViewers(), null, SweepEvery, SweepEvery);
        if (bus is null) return;
        _fromOtherNodes = bus.Subscribe(Channel, Receive);
        _sharing = clock.CreateTimer(_ => ShareAllAndForgetSilentNodes(), null, ShareEvery, ShareEvery);
        Send(new Message(bus.NodeId, Hello: true, []));
    }

    /// <summary>Marks the ticket as open by this agent until the returned handle is disposed.</summary>
    public Visit Join(long ticketId, long agentId, string name)
    {
        var key = Guid.NewGuid();
        _tickets.GetOrAdd(ticketId, _ => new())[key] = new Entry(agentId, name, null, _clock.GetUtcNow());
        Index(agentId, ticketId);
        Changed(ticketId);
        return new Visit(this, ticketId, key, agentId, name);
    }

    /// <summary>Everyone with the ticket open on any node, one entry per agent (typing if any of their tabs types),
    /// by name.</summary>
    public IReadOnlyList<TicketViewer> ViewersOf(long ticketId)
    {
        var all = LocalViewersOf(ticketId);
        if (_otherNodes.TryGetValue(ticketId, out var nodes))
        {
            var now = _clock.GetUtcNow();
            all = [.. all, .. nodes.Values.Where(h => now - h.At < OtherNodeExpiresAfter).SelectMany(h => h.Viewers)];
        }
        return all.GroupBy(v => v.AgentId)
            .Select(g => new TicketViewer(g.Key, g.First().Name, g.Any(v => v.Typing), g.Any(v => v.TypingReply)))
            .OrderBy(v => v.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The tickets the agent has open on any node, by ticket id, with whether they type in each.</summary>
    public IReadOnlyList<AgentTicketVisit> VisitsOf(long agentId)
    {
        if (!_byAgent.TryGetValue(agentId, out var tickets)) return [];
        var visits = new List<AgentTicketVisit>();
        foreach (var ticketId in tickets.Keys)
        {
            var viewer = ViewersOf(ticketId).FirstOrDefault(v => v.AgentId == agentId);
            // Gone since (left, faded, or their node went silent). A join racing this removal is indexed again by the
            // screen's next heartbeat.
            if (viewer is null) tickets.TryRemove(ticketId, out _);
            else visits.Add(new AgentTicketVisit(ticketId, viewer.Typing, viewer.TypingReply));
        }
        return visits.OrderBy(v => v.TicketId).ToList();
    }

    private void Index(long agentId, long ticketId) => _byAgent.GetOrAdd(agentId, _ => new())[ticketId] = 0;

    private List<TicketViewer> LocalViewersOf(long ticketId)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries)) return [];
        var now = _clock.GetUtcNow();
        return entries.Values.Where(e => now - e.SeenAt < ViewerExpiresAfter).GroupBy(e => e.AgentId)
            .Select(g => new TicketViewer(g.Key, g.First().Name, g.Any(e => e.TypedAt is { } at && now - at < TypingFadesAfter),
                g.Any(e => e.TypedAt is { } at && now - at < TypingFadesAfter && e.Reply)))
            .OrderBy(v => v.AgentId).ToList();
    }

    /// <summary>Called with a ticket id whenever someone joins, leaves, starts or stops typing on it.</summary>
    /// <remarks>The subscriber is called in the culture it subscribed in (<see cref="InCulture"/>).</remarks>
    public IDisposable Subscribe(Action<long> subscriber)
    {
        var inCulture = InCulture.OfCaller(subscriber);
        lock (_gate) _subscribers = [.. _subscribers, inCulture];
        return new Subscription(this, inCulture);
    }

    private void Typed(long ticketId, Guid key, bool reply)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries) || !entries.TryGetValue(key, out var entry)) return;
        var now = _clock.GetUtcNow();
        var wasTyping = entry.TypedAt is { } at && now - at < TypingFadesAfter;
        // A keystroke is a sign of life too.
        entries[key] = entry with { TypedAt = now, SeenAt = now, Reply = reply };
        if (wasTyping && entry.Reply == reply) return;
        Changed(ticketId);
        // Nobody else learns that typing stopped unless something looks again after the fade time.
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            if (_tickets.TryGetValue(ticketId, out var current) && current.TryGetValue(key, out var e)
                && e.TypedAt is { } at && _clock.GetUtcNow() - at < TypingFadesAfter) return;
            timer?.Dispose();
            Changed(ticketId);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void StoppedTyping(long ticketId, Guid key)
    {
        if (!_tickets.TryGetValue(ticketId, out var entries) || !entries.TryGetValue(key, out var entry) || entry.TypedAt is null) return;
        entries[key] = entry with { TypedAt = null };
        Changed(ticketId);
    }

    /// <summary>The screen's heartbeat. A screen dropped for silence (its browser lost the connection for a while and
    /// came back) joins again under the same key.</summary>
    private void StillHere(long ticketId, Guid key, long agentId, string name)
    {
        var entries = _tickets.GetOrAdd(ticketId, _ => new());
        var now = _clock.GetUtcNow();
        var back = true;
        entries.AddOrUpdate(key, _ => new Entry(agentId, name, null, now), (_, entry) =>
        {
            back = now - entry.SeenAt >= ViewerExpiresAfter;
            return entry with { SeenAt = now };
        });
        Index(agentId, ticketId);
        if (back) Changed(ticketId);
    }

    /// <summary>Drops the screens that stopped saying they are there, and tells everyone (other nodes included).</summary>
    private void ForgetSilentViewers()
    {
        var now = _clock.GetUtcNow();
        foreach (var (ticketId, entries) in _tickets)
        {
            var forgot = false;
            foreach (var (key, entry) in entries)
                if (now - entry.SeenAt >= ViewerExpiresAfter && entries.TryRemove(new KeyValuePair<Guid, Entry>(key, entry))) forgot = true;
            if (entries.IsEmpty) _tickets.TryRemove(new KeyValuePair<long, ConcurrentDictionary<Guid, Entry>>(ticketId, entries));
            if (forgot) Changed(ticketId);
        }
    }

    private void Leave(long ticketId, Guid key)
    {
        if (_tickets.TryGetValue(ticketId, out var entries) && entries.TryRemove(key, out _))
        {
            if (entries.IsEmpty) _tickets.TryRemove(new KeyValuePair<long, ConcurrentDictionary<Guid, Entry>>(ticketId, entries));
            Changed(ticketId);
        }
    }

    /// <summary>A visit on this node changed: tell this node's screens and the other nodes.</summary>
    private void Changed(long ticketId)
    {
        Raise(ticketId);
        if (_bus is not null) Send(new Message(_bus.NodeId, Hello: false, [new Shared(ticketId, LocalViewersOf(ticketId))]));
    }

    /// <summary>Sends the other nodes this node's viewers of every ticket that has any.</summary>
    private void ShareAll()
    {
        var shared = _tickets.Keys.Select(id => new Shared(id, LocalViewersOf(id))).Where(s => s.Viewers.Count > 0).ToList();
        if (shared.Count > 0) Send(new Message(_bus!.NodeId, Hello: false, shared));
    }

    private void ShareAllAndForgetSilentNodes()
    {
        ShareAll();

        var now = _clock.GetUtcNow();
        foreach (var (ticketId, nodes) in _otherNodes)
        {
            var forgot = false;
            foreach (var (node, heard) in nodes)
                if (now - heard.At >= OtherNodeExpiresAfter && nodes.TryRemove(new KeyValuePair<string, Heard>(node, heard))) forgot = true;
            if (nodes.IsEmpty) _otherNodes.TryRemove(new KeyValuePair<long, ConcurrentDictionary<string, Heard>>(ticketId, nodes));
            if (forgot) Raise(ticketId);
        }
    }

    private void Send(Message message) => _bus!.Publish(Channel, JsonSerializer.Serialize(message, JsonSerializerOptions.Web));

    private void Receive(string text)
    {
        Message? message;
        try { message = JsonSerializer.Deserialize<Message>(text, JsonSerializerOptions.Web); }
        catch (JsonException) { return; }
        if (message is null || message.Node == _bus!.NodeId) return;
        if (message.Hello)
        {
            // A node that just started knows nobody yet: tell it now rather than at the next round.
            ShareAll();
            return;
        }
        var now = _clock.GetUtcNow();
        foreach (var (ticketId, viewers) in message.Tickets ?? [])
        {
            var nodes = _otherNodes.GetOrAdd(ticketId, _ => new());
            var before = nodes.TryGetValue(message.Node, out var earlier) && now - earlier.At < OtherNodeExpiresAfter ? earlier.Viewers : [];
            if (viewers is null or []) nodes.TryRemove(message.Node, out _);
            else nodes[message.Node] = new Heard(viewers, now);
            foreach (var viewer in viewers ?? []) Index(viewer.AgentId, ticketId);
            // The regular round repeats unchanged lists; screens only redraw for a difference.
            if (!before.SequenceEqual(viewers ?? [])) Raise(ticketId);
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

    public void Dispose()
    {
        _sweeping.Dispose();
        _sharing?.Dispose();
        _fromOtherNodes?.Dispose();
    }

    private sealed record Entry(long AgentId, string Name, DateTimeOffset? TypedAt, DateTimeOffset SeenAt, bool Reply = false);

    private sealed record Heard(IReadOnlyList<TicketViewer> Viewers, DateTimeOffset At);

    /// <summary>One node's viewers of one ticket; an empty list means nobody is left there.</summary>
    private sealed record Shared(long TicketId, IReadOnlyList<TicketViewer> Viewers);

    /// <summary>What travels between nodes: a node's lists, or (Hello) a new node's request for everyone's lists.</summary>
    private sealed record Message(string Node, bool Hello, IReadOnlyList<Shared> Tickets);

    /// <summary>One open ticket screen. Typing is reported through it, so only the screen that joined can type.</summary>
    public sealed class Visit(TicketPresence presence, long ticketId, Guid key, long agentId, string name) : IDisposable
    {
        private volatile bool _left;

        /// <summary>The screen is still open in a live browser; call every <see cref="HeartbeatEvery"/>. A heartbeat
        /// that arrives after the screen left brings nothing back.</summary>
        public void StillHere()
        {
            if (!_left) presence.StillHere(ticketId, key, agentId, name);
        }

        /// <summary>A keystroke in the reply or note editor; cheap enough to call on every input event.</summary>
        public void Typed(bool reply = false) => presence.Typed(ticketId, key, reply);

        /// <summary>The draft was sent or emptied.</summary>
        public void StoppedTyping() => presence.StoppedTyping(ticketId, key);

        public void Dispose()
        {
            _left = true;
            presence.Leave(ticketId, key);
        }
    }

    private sealed class Subscription(TicketPresence presence, Action<long> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (presence._gate) presence._subscribers = presence._subscribers.Where(s => s != subscriber).ToArray();
        }
    }
}
