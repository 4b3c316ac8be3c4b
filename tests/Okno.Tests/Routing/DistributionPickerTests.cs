using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Okno.Routing.Distribution;
using Okno.Tickets;

namespace Okno.Tests.Routing;

/// <summary>How distribution chooses an agent for one ticket (issue 16): round robin turns, least loaded with ties
/// taking turns, caps, skills; what a ticket's tags ask for; and how presence follows from the workspace's beats.</summary>
public sealed class DistributionPickerTests
{
    private static Candidate Agent(long id, int open = 0, int? cap = null, params string[] skills) =>
        new(id, "Agent " + id, open, cap, skills.ToHashSet());

    public static TheoryData<string, DistributionMode, Candidate[], string[], long?, long?> Choices => new()
    {
        // case, mode, candidates, skills the ticket needs, the group's last agent, expected agent
        { "round robin starts with the lowest id", DistributionMode.RoundRobin, [Agent(3), Agent(1), Agent(2)], [], null, 1 },
        { "round robin goes on after the last one", DistributionMode.RoundRobin, [Agent(1), Agent(2), Agent(3)], [], 1, 2 },
        { "round robin wraps around", DistributionMode.RoundRobin, [Agent(1), Agent(2), Agent(3)], [], 3, 1 },
        { "round robin when the last one left the group", DistributionMode.RoundRobin, [Agent(1), Agent(5)], [], 3, 5 },
        { "round robin skips a full agent", DistributionMode.RoundRobin, [Agent(1), Agent(2, open: 4, cap: 4), Agent(3)], [], 1, 3 },
        { "least loaded takes the fewest open", DistributionMode.LeastLoaded, [Agent(1, open: 3), Agent(2, open: 1), Agent(3, open: 2)], [], null, 2 },
        { "least loaded ties take turns", DistributionMode.LeastLoaded, [Agent(1, open: 1), Agent(2, open: 1), Agent(3, open: 5)], [], 1, 2 },
        { "least loaded tie after the last wraps", DistributionMode.LeastLoaded, [Agent(1, open: 1), Agent(2, open: 1)], [], 2, 1 },
        { "least loaded ignores a full agent with fewer", DistributionMode.LeastLoaded, [Agent(1, open: 2, cap: 2), Agent(2, open: 7)], [], null, 2 },
        { "skills: only who has them all", DistributionMode.LeastLoaded,
            [Agent(1, 0, null, "sap"), Agent(2, 5, null, "sap", "1c"), Agent(3, 0, null, "1c")], ["1c", "sap"], null, 2 },
        { "skills: nobody has them", DistributionMode.RoundRobin, [Agent(1, 0, null, "sap"), Agent(2)], ["1c"], null, null },
        { "skills: the skilled one is full", DistributionMode.RoundRobin, [Agent(1, 1, 1, "sap"), Agent(2)], ["sap"], null, null },
        { "everyone full", DistributionMode.LeastLoaded, [Agent(1, 1, 1), Agent(2, 3, 3)], [], null, null },
        { "nobody available", DistributionMode.RoundRobin, [], [], null, null },
        { "manual never picks", DistributionMode.Manual, [Agent(1)], [], null, null },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Picks_the_agent_the_mode_caps_and_skills_allow(string @case, DistributionMode mode, Candidate[] candidates, string[] skills,
        long? lastAgentId, long? expected)
    {
        Assert.True(expected == DistributionPicker.Pick(mode, candidates, skills, lastAgentId)?.AgentId, @case);
    }

    [Fact]
    public void A_ticket_asks_for_those_of_its_tags_that_are_someones_skill_in_the_group()
    {
        var groupSkills = new HashSet<string> { "sap", "1c", "english" };
        Assert.Equal(["1c", "sap"], DistributionPicker.RequiredSkills(["urgent", "sap", "1c", "sap"], groupSkills));
        Assert.Empty(DistributionPicker.RequiredSkills(["urgent", "printer"], groupSkills));
        Assert.Empty(DistributionPicker.RequiredSkills(["sap"], new HashSet<string>()));
    }

    [Fact]
    public void Assigning_tickets_one_after_another_fills_agents_up_to_their_caps_evenly()
    {
        var team = new[] { Agent(1, cap: 2), Agent(2, open: 1, cap: 3), Agent(3, cap: 1) };
        long? last = null;
        var given = new List<long>();
        while (DistributionPicker.Pick(DistributionMode.LeastLoaded, team, [], last) is { } agent)
        {
            given.Add(agent.AgentId);
            agent.OpenTickets++;
            last = agent.AgentId;
        }
        // 0,1,0 → 1 and 3 tie at 0 (1 first), then 3, then all at 1 → 1 (after 3 wraps), then 2; 1 is full at 2, 2 gets its third.
        Assert.Equal([1L, 3, 1, 2, 2], given);
        Assert.All(team, a => Assert.False(a.HasRoom));
    }

    [Fact]
    public void Presence_is_online_while_beating_and_touched_away_when_untouched_offline_when_silent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        var presences = new AgentPresences(null!, clock, Options.Create(new DistributionOptions { AwayAfterMinutes = 10, OfflineAfterSeconds = 70 }));
        var now = clock.GetUtcNow();
        Assert.Equal(Presence.Offline, presences.StatusOf(null, now));
        // Touched at 9:00 and still beating: online for ten minutes, then away.
        AgentPresence Beating(DateTimeOffset at) => new() { AgentId = 1, SeenAt = at, ActiveAt = now };
        Assert.Equal(Presence.Online, presences.StatusOf(Beating(now.AddMinutes(9)), now.AddMinutes(9)));
        Assert.Equal(Presence.Away, presences.StatusOf(Beating(now.AddMinutes(10)), now.AddMinutes(10)));
        // Silent: offline 70 s after the last beat, whatever the last touch.
        var silent = new AgentPresence { AgentId = 1, SeenAt = now, ActiveAt = now };
        Assert.Equal(Presence.Online, presences.StatusOf(silent, now.AddSeconds(69)));
        Assert.Equal(Presence.Offline, presences.StatusOf(silent, now.AddSeconds(70)));
    }

    [Fact]
    public void A_chat_skips_agents_at_their_cap_of_live_chats_while_other_tickets_still_reach_them()
    {
        var busyWithChats = new Candidate(1, "Анна", openTickets: 3, maxOpenTickets: 10, new HashSet<string>(), openChats: 2, maxOpenChats: 2);
        var free = new Candidate(2, "Борис", openTickets: 5, maxOpenTickets: 10, new HashSet<string>(), openChats: 0, maxOpenChats: 2);
        var noChatCap = new Candidate(3, "Вера", openTickets: 9, maxOpenTickets: 10, new HashSet<string>(), openChats: 7);
        Candidate[] team = [busyWithChats, free, noChatCap];
        // Least loaded would pick Анна (3 open); a chat goes past her to the least loaded with room for a chat.
        Assert.Equal(2, DistributionPicker.Pick(DistributionMode.LeastLoaded, team, [], null, chat: true)!.AgentId);
        Assert.Equal(1, DistributionPicker.Pick(DistributionMode.LeastLoaded, team, [], null, chat: false)!.AgentId);
        free.OpenChats = 2;
        Assert.Equal(3, DistributionPicker.Pick(DistributionMode.RoundRobin, team, [], null, chat: true)!.AgentId);
        noChatCap.OpenTickets = 10;
        Assert.Null(DistributionPicker.Pick(DistributionMode.RoundRobin, team, [], null, chat: true));
    }
}
