namespace Okno.Routing.Distribution;

/// <summary>An agent distribution may give tickets to now (a member of the group, active, online, receiving, inside
/// working hours), with their open tickets and skills.</summary>
public sealed class Candidate(long agentId, string name, int openTickets, int? maxOpenTickets, IReadOnlySet<string> skills, int openChats = 0,
    int? maxOpenChats = null)
{
    public long AgentId { get; } = agentId;
    public string Name { get; } = name;
    public int OpenTickets { get; set; } = openTickets;
    public int? MaxOpenTickets { get; } = maxOpenTickets;
    public IReadOnlySet<string> Skills { get; } = skills;
    public bool HasRoom => MaxOpenTickets is not { } max || OpenTickets < max;
    public int OpenChats { get; set; } = openChats;
    public int? MaxOpenChats { get; } = maxOpenChats;
    /// <summary>Room for this ticket: under the cap of open tickets, and for a chat also under the cap of live chats.</summary>
    public bool HasRoomFor(bool chat) => HasRoom && (!chat || MaxOpenChats is not { } max || OpenChats < max);
}

/// <summary>The choice of an agent for one ticket: pure, so every rule of it is tested without a database.</summary>
public static class DistributionPicker
{
    /// <summary>The skills a ticket asks for: those of its tags that some member of its group has as a skill.</summary>
    public static IReadOnlyList<string> RequiredSkills(IEnumerable<string> ticketTags, IReadOnlySet<string> groupSkills) =>
        ticketTags.Where(groupSkills.Contains).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The agent for a ticket needing <paramref name="skills"/> among <paramref name="candidates"/> (any order),
    /// or null when nobody with room has them all. Round robin: the first after <paramref name="lastAgentId"/> by id,
    /// wrapping around. Least loaded: the fewest open tickets; equally loaded agents take turns the round robin way. A
    /// <paramref name="chat"/> also needs room under the agent's cap of live chats.</summary>
    public static Candidate? Pick(DistributionMode mode, IEnumerable<Candidate> candidates, IReadOnlyList<string> skills, long? lastAgentId,
        bool chat = false)
    {
        var able = candidates.Where(c => c.HasRoomFor(chat) && skills.All(c.Skills.Contains)).OrderBy(c => c.AgentId).ToList();
        if (able.Count == 0) return null;
        if (mode == DistributionMode.LeastLoaded)
        {
            var fewest = able.Min(c => c.OpenTickets);
            able = able.Where(c => c.OpenTickets == fewest).ToList();
        }
        else if (mode != DistributionMode.RoundRobin) return null;
        return able.FirstOrDefault(c => c.AgentId > (lastAgentId ?? long.MinValue)) ?? able[0];
    }

    public static string ModeName(DistributionMode mode) => mode switch
    {
        DistributionMode.RoundRobin => "round_robin",
        DistributionMode.LeastLoaded => "least_loaded",
        _ => "manual",
    };
}
