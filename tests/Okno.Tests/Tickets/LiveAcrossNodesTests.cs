using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Okno.Platform.Cluster;
using Okno.Tickets.Live;

namespace Okno.Tests.Tickets;

/// <summary>Ticket changes and presence between nodes, over an in-memory bus that delivers like Redis pub/sub (to
/// every subscriber, the sender included) and can cut one node off as if it died. The same over real Redis:
/// ClusterTests in the integration tests.</summary>
public sealed class LiveAcrossNodesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_change_published_on_one_node_reaches_every_node_once()
    {
        var wire = new Wire();
        var a = new TicketFeed(NullLogger<TicketFeed>.Instance, wire.Node());
        var b = new TicketFeed(NullLogger<TicketFeed>.Instance, wire.Node());
        var seenOnA = new List<TicketChange>();
        var seenOnB = new List<TicketChange>();
        using var onA = a.Subscribe(seenOnA.Add);
        using var onB = b.Subscribe(seenOnB.Add);

        var change = new TicketChange(42, TicketChangeKind.MessageAdded, 3, null, 7, MessageId: 99, InternalNote: true);
        b.Publish(change);

        Assert.Equal([change], seenOnA);   // travelled as JSON and came back equal
        Assert.Equal([change], seenOnB);   // delivered at once, its echo from the bus skipped
    }

    [Fact]
    public void A_node_cut_off_from_the_bus_still_serves_its_own_screens()
    {
        var wire = new Wire();
        var aBus = wire.Node();
        var a = new TicketFeed(NullLogger<TicketFeed>.Instance, aBus);
        var b = new TicketFeed(NullLogger<TicketFeed>.Instance, wire.Node());
        var seenOnA = new List<TicketChange>();
        var seenOnB = new List<TicketChange>();
        using var onA = a.Subscribe(seenOnA.Add);
        using var onB = b.Subscribe(seenOnB.Add);
        wire.CutOff(aBus);

        a.Publish(new TicketChange(1, TicketChangeKind.Created, null, null, 1));

        Assert.Single(seenOnA);
        Assert.Empty(seenOnB);
    }

    [Fact]
    public void A_message_that_is_not_a_ticket_change_is_ignored()
    {
        var wire = new Wire();
        var bus = wire.Node();
        var feed = new TicketFeed(NullLogger<TicketFeed>.Instance, bus);
        var seen = new List<TicketChange>();
        using var subscription = feed.Subscribe(seen.Add);

        wire.Node().Publish(TicketFeed.Channel, "{not json");
        wire.Node().Publish(TicketFeed.Channel, """{"node":"x","change":{"ticketId":1,"kind":"exploded"}}""");

        Assert.Empty(seen);
    }

    [Fact]
    public async Task Viewers_and_typing_on_one_node_are_seen_on_the_other_and_leave_with_the_screen()
    {
        var clock = new FakeTimeProvider(T0);
        var wire = new Wire();
        using var a = new TicketPresence(clock, wire.Node());
        using var b = new TicketPresence(clock, wire.Node());
        var raisedOnA = new List<long>();
        using var subscription = a.Subscribe(raisedOnA.Add);

        using var olgaOnA = a.Join(7, 1, "Olga");
        var ivanOnB = b.Join(7, 2, "Ivan");
        Assert.Equal(["Ivan", "Olga"], a.ViewersOf(7).Select(v => v.Name));
        Assert.Equal(["Ivan", "Olga"], b.ViewersOf(7).Select(v => v.Name));
        Assert.Contains(7L, raisedOnA);

        ivanOnB.Typed();
        Assert.True(a.ViewersOf(7).Single(v => v.Name == "Ivan").Typing);
        // Ivan keeps typing past the fade time: the other node must not drop it while his node still says so.
        clock.Advance(TimeSpan.FromSeconds(4));
        ivanOnB.Typed();
        clock.Advance(TimeSpan.FromSeconds(4));
        await Task.Yield();
        Assert.True(a.ViewersOf(7).Single(v => v.Name == "Ivan").Typing);
        // He stops: his node's fade reaches the other node too.
        clock.Advance(TicketPresence.TypingFadesAfter);
        await Task.Yield();
        Assert.False(a.ViewersOf(7).Single(v => v.Name == "Ivan").Typing);

        raisedOnA.Clear();
        ivanOnB.Dispose();
        Assert.Equal(["Olga"], a.ViewersOf(7).Select(v => v.Name));
        Assert.Equal([7L], raisedOnA);
    }

    [Fact]
    public async Task The_viewers_of_a_node_that_died_fade_away_and_the_others_are_told()
    {
        var clock = new FakeTimeProvider(T0);
        var wire = new Wire();
        using var a = new TicketPresence(clock, wire.Node());
        var bBus = wire.Node();
        using var b = new TicketPresence(clock, bBus);
        using var c = new TicketPresence(clock, wire.Node());
        using var ivanOnB = b.Join(7, 2, "Ivan");
        using var olgaOnC = c.Join(7, 1, "Olga");
        var raisedOnA = new List<long>();
        using var subscription = a.Subscribe(raisedOnA.Add);

        wire.CutOff(bBus);   // B dies without leaving
        // Regular rounds keep C's viewers alive on A; nothing more comes from B.
        for (var elapsed = TimeSpan.Zero; elapsed < TicketPresence.OtherNodeExpiresAfter; elapsed += TicketPresence.ShareEvery)
        {
            Assert.Equal(["Ivan", "Olga"], a.ViewersOf(7).Select(v => v.Name));
            olgaOnC.StillHere();   // her browser is alive
            clock.Advance(TicketPresence.ShareEvery);
            await Task.Yield();
        }
        clock.Advance(TicketPresence.ShareEvery);
        await Task.Yield();

        Assert.Equal(["Olga"], a.ViewersOf(7).Select(v => v.Name));
        Assert.Contains(7L, raisedOnA);
    }

    [Fact]
    public async Task A_viewer_whose_browser_died_on_a_live_node_fades_on_the_other_node_within_half_a_minute()
    {
        var clock = new FakeTimeProvider(T0);
        var wire = new Wire();
        using var a = new TicketPresence(clock, wire.Node());
        using var b = new TicketPresence(clock, wire.Node());
        using var olgaOnB = b.Join(7, 1, "Olga");
        using var ivanOnB = b.Join(7, 2, "Ivan");
        var raisedOnA = new List<long>();
        using var subscription = a.Subscribe(raisedOnA.Add);
        Assert.Equal(["Ivan", "Olga"], a.ViewersOf(7).Select(v => v.Name));

        // Olga's browser dies right away; Ivan's keeps beating. B itself stays up and keeps sharing its list.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(30); elapsed += TimeSpan.FromSeconds(5))
        {
            if (elapsed.Ticks % TicketPresence.HeartbeatEvery.Ticks == 0) ivanOnB.StillHere();
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        Assert.Equal(["Ivan"], a.ViewersOf(7).Select(v => v.Name));
        Assert.Equal(["Ivan"], b.ViewersOf(7).Select(v => v.Name));
        Assert.Contains(7L, raisedOnA);   // A's screens redraw without waiting for anything else to happen
    }

    [Fact]
    public void A_node_that_starts_later_learns_who_is_already_there()
    {
        var clock = new FakeTimeProvider(T0);
        var wire = new Wire();
        using var a = new TicketPresence(clock, wire.Node());
        using var olgaOnA = a.Join(7, 1, "Olga");

        using var late = new TicketPresence(clock, wire.Node());

        Assert.Equal(["Olga"], late.ViewersOf(7).Select(v => v.Name));
    }

    /// <summary>Pub/sub in memory: synchronous, every subscriber of a channel gets every message, sender included.</summary>
    private sealed class Wire
    {
        private readonly List<(Member Node, string Channel, Action<string> OnMessage)> _subscriptions = [];
        private readonly HashSet<Member> _cutOff = [];

        public INodeBus Node() => new Member(this);

        public void CutOff(INodeBus node) => _cutOff.Add((Member)node);

        private void Send(Member from, string channel, string message)
        {
            if (_cutOff.Contains(from)) return;
            foreach (var (node, subscribed, onMessage) in _subscriptions.ToList())
                if (subscribed == channel && !_cutOff.Contains(node)) onMessage(message);
        }

        private sealed class Member(Wire wire) : INodeBus
        {
            public string NodeId { get; } = Guid.NewGuid().ToString("N");

            public void Publish(string channel, string message) => wire.Send(this, channel, message);

            public IDisposable Subscribe(string channel, Action<string> onMessage)
            {
                var entry = (this, channel, onMessage);
                wire._subscriptions.Add(entry);
                return new Unsubscribe(() => wire._subscriptions.Remove(entry));
            }
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
