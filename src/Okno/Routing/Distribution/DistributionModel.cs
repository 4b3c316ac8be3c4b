using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Admin;
using Okno.Sla;

namespace Okno.Routing.Distribution;

/// <summary>How a group's new tickets find an agent: left for agents to take (manual), handed to the group's available
/// agents in turn (round robin), or to the available agent with the fewest open tickets (least loaded).</summary>
public enum DistributionMode { Manual, RoundRobin, LeastLoaded }

/// <summary>Where an agent is, from their open workspace: online, away (the workspace is open but untouched for a
/// while), offline (no workspace open).</summary>
public enum Presence { Offline, Away, Online }

/// <summary>A group's distribution; a group without a row is manual.</summary>
public sealed class GroupDistribution
{
    public long GroupId { get; set; }
    public DistributionMode Mode { get; set; }
    /// <summary>The agent who got the group's last ticket: round robin goes on after them, and least loaded breaks ties
    /// the same way, so equally loaded agents take turns.</summary>
    public long? LastAgentId { get; set; }
}

/// <summary>What distribution needs to know of an agent beyond their groups; an agent without a row has no cap, no
/// skills, works any time and receives tickets.</summary>
public sealed class AgentDistribution
{
    public const int MaxSkills = 20;
    public const int MaxOpenTicketsLimit = 10_000;
    public const int MaxOpenChatsLimit = 100;

    public long AgentId { get; set; }
    /// <summary>Open tickets (not resolved or closed) at which distribution stops giving them more; null: no cap.</summary>
    public int? MaxOpenTickets { get; set; }
    /// <summary>Live chats (tickets of channel chat not resolved or closed) at which distribution gives them no more chats
    /// (other tickets still come, up to <see cref="MaxOpenTickets"/>); null: no limit of its own.</summary>
    public int? MaxOpenChats { get; set; }
    /// <summary>Tag names (normalised): a ticket tagged with a skill some member of its group has goes only to members
    /// who have it.</summary>
    public List<string> Skills { get; set; } = [];
    /// <summary>Working hours, as a business calendar of the SLA section; null: any time.</summary>
    public long? CalendarId { get; set; }
    /// <summary>The agent (or a supervisor) paused receiving: distribution passes them by until they resume.</summary>
    public bool Paused { get; set; }
}

/// <summary>When an agent's workspace last told the server it is open (<see cref="SeenAt"/>) and when its agent last
/// touched it (<see cref="ActiveAt"/>); presence is derived from the two (see <see cref="AgentPresences"/>).</summary>
public sealed class AgentPresence
{
    public long AgentId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
    public DateTimeOffset ActiveAt { get; set; }
}

/// <summary>One row every distribution pass raises first thing in its transaction: passes on any node (after a ticket
/// event, a presence change, the minute sweep) take turns, so two never hand out the same capacity twice.</summary>
public sealed class DistributionTurn
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Generation { get; set; }
}

internal sealed class GroupDistributionConfiguration : IEntityTypeConfiguration<GroupDistribution>
{
    public void Configure(EntityTypeBuilder<GroupDistribution> b)
    {
        b.ToTable("GroupDistributions");
        b.HasKey(g => g.GroupId);
        b.Property(g => g.GroupId).ValueGeneratedNever();
        b.Property(g => g.Mode).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Group>().WithOne().HasForeignKey<GroupDistribution>(g => g.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentDistributionConfiguration : IEntityTypeConfiguration<AgentDistribution>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AgentDistribution> b)
    {
        b.ToTable("AgentDistributions");
        b.HasKey(a => a.AgentId);
        b.Property(a => a.AgentId).ValueGeneratedNever();
        b.HasOne<Agent>().WithOne().HasForeignKey<AgentDistribution>(a => a.AgentId).OnDelete(DeleteBehavior.Cascade);
        // A deleted calendar leaves the agent working any time rather than never.
        b.HasOne<SlaCalendar>().WithMany().HasForeignKey(a => a.CalendarId).OnDelete(DeleteBehavior.SetNull);
        b.Property(a => a.Skills).HasMaxLength(AgentDistribution.MaxSkills * (Tickets.Tag.NameMaxLength + 3) + 2)
            .HasConversion(v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
                new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
                    v => v.ToList()));
    }
}

internal sealed class AgentPresenceConfiguration : IEntityTypeConfiguration<AgentPresence>
{
    public void Configure(EntityTypeBuilder<AgentPresence> b)
    {
        b.ToTable("AgentPresences");
        b.HasKey(p => p.AgentId);
        b.Property(p => p.AgentId).ValueGeneratedNever();
        b.HasOne<Agent>().WithOne().HasForeignKey<AgentPresence>(p => p.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DistributionTurnConfiguration : IEntityTypeConfiguration<DistributionTurn>
{
    public void Configure(EntityTypeBuilder<DistributionTurn> b)
    {
        b.ToTable("DistributionTurns");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasData(new DistributionTurn { Id = DistributionTurn.SingletonId, Generation = 0 });
    }
}
