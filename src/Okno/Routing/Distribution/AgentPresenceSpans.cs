using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;
using Quartz;

namespace Okno.Routing.Distribution;

/// <summary>What an agent's time was spent as: online (and receiving), away (workspace open but untouched), busy
/// (online while paused from receiving tickets). Offline is the time between spans.</summary>
public enum WorkStatus { Online, Away, Busy }

/// <summary>One stretch of an agent's presence, [<see cref="From"/>, <see cref="To"/>); <see cref="To"/> is null while it
/// lasts (at most one such span per agent). Written by <see cref="AgentPresences"/> when a stored beat, a leave, a pause
/// or the offline sweep changes the agent's status, so presence has a history for the work-time report.</summary>
public sealed class AgentPresenceSpan
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    public WorkStatus Status { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
}

internal sealed class AgentPresenceSpanConfiguration : IEntityTypeConfiguration<AgentPresenceSpan>
{
    public void Configure(EntityTypeBuilder<AgentPresenceSpan> b)
    {
        b.ToTable("AgentPresenceSpans");
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(s => new { s.AgentId, s.From });
        b.HasIndex(s => s.From);
        // One open span per agent: two nodes recording the same change race on it and one retries.
        b.HasIndex(s => s.AgentId, "IX_AgentPresenceSpans_Open_AgentId").IsUnique().HasFilter("\"To\" IS NULL");
    }
}

/// <summary>Every minute, closes the open spans of agents whose workspace fell silent (a closed laptop, a crashed node
/// that never said they left) at the last moment they were seen. Clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class PresenceSpanSweep(AgentPresences presences) : IJob
{
    public static readonly JobKey Key = new("presence-span-sweep");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await presences.CloseSilentSpansAsync(cancellationToken);
}
