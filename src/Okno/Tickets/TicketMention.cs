using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Tickets;

/// <summary>A colleague named in an internal note (<c>@Name</c>). It is the record of who mentioned whom, where and
/// when, and the narrow grant that comes with it: the mentioned agent may open this one ticket even outside their groups
/// (<see cref="TicketAccess"/>), and nothing else. Written with the note, in its transaction; never edited.</summary>
public sealed class TicketMention
{
    public const int MaxPerNote = 20;

    public long Id { get; set; }
    public long TicketId { get; set; }
    public long MessageId { get; set; }
    public Message Message { get; set; } = null!;
    /// <summary>The mentioned agent.</summary>
    public long AgentId { get; set; }
    /// <summary>The agent who wrote the note; null when the system or a rule did.</summary>
    public long? ByAgentId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An agent who follows a ticket: told when a colleague replies or writes a note on it, or the customer writes.
/// Only a ticket the agent may see can be followed.</summary>
public sealed class TicketFollower
{
    public long TicketId { get; set; }
    public long AgentId { get; set; }
    public DateTimeOffset Since { get; set; }
}

internal sealed class TicketMentionConfiguration : IEntityTypeConfiguration<TicketMention>
{
    public void Configure(EntityTypeBuilder<TicketMention> b)
    {
        b.ToTable("TicketMentions");
        // The access check asks "is this agent mentioned on this ticket" on every ticket read by a grouped agent.
        b.HasIndex(m => new { m.TicketId, m.AgentId });
        b.HasIndex(m => m.MessageId);
        b.HasOne<Ticket>().WithMany(t => t.Mentions).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Message).WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketFollowerConfiguration : IEntityTypeConfiguration<TicketFollower>
{
    public void Configure(EntityTypeBuilder<TicketFollower> b)
    {
        b.ToTable("TicketFollowers");
        b.HasKey(f => new { f.TicketId, f.AgentId });
        b.HasIndex(f => f.AgentId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(f => f.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
