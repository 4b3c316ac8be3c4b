using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Automation.Triggers;

/// <summary>A rule that acts on tickets by itself: a trigger (reacts to ticket events after they commit). Rules are data:
/// the events, conditions and actions are JSON of typed records (<see cref="TriggerDefinition"/>), each condition and
/// action a class registered by name and validated on save. Its id is what <see cref="Tickets.Actor.Automation"/> names,
/// so the history says which rule changed a ticket.</summary>
public sealed class AutomationRule
{
    public long Id { get; set; }
    /// <summary><see cref="TriggerKind"/> or <see cref="TimeRuleKind"/>: both share ids, runs and the history's «rule» name.</summary>
    public string Kind { get; set; } = TriggerKind;
    public string Name { get; set; } = "";
    /// <summary>Rules run in this order (ascending); each sees the changes the ones before it made.</summary>
    public int Position { get; set; }
    public bool IsEnabled { get; set; }
    /// <summary>JSON of <see cref="TriggerDefinition"/> without name, position and enabled (those are columns).</summary>
    public string Definition { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long? UpdatedBy { get; set; }
    /// <summary>A time rule's scan has acted on every episode that began at or before this instant (the next pass starts
    /// after it, so a pass over a million tickets reads only what is new); null: from the start. Reset by every change.</summary>
    public DateTimeOffset? ScannedUpTo { get; set; }
    /// <summary>Raised by every save: a client editing a stale copy is refused.</summary>
    public long Version { get; set; }

    public const string TriggerKind = "trigger";
    public const string TimeRuleKind = "time_rule";
    public const int NameMaxLength = 100;
}

/// <summary>One time a rule's conditions held for a ticket: what it did (or why it did nothing), for the rule's page and
/// the loop limits. Unique per (rule, ticket, operation): the events one request wrote run a rule once, however many
/// of them it listens to.</summary>
public sealed class AutomationRun
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    public long TicketId { get; set; }
    /// <summary>The outbox event that started it.</summary>
    public long EventId { get; set; }
    public Guid OperationId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Outcome { get; set; } = "";
    /// <summary>Emails it sent (to the customer or to agents): the per-ticket hourly limit counts these.</summary>
    public int Emails { get; set; }
    /// <summary>For a time rule: when the condition episode it acted on began (the ticket's StatusSince, AssigneeSince or
    /// AwaitingReplySince), so it acts once per episode; null for a trigger.</summary>
    public DateTimeOffset? EpisodeAt { get; set; }
    /// <summary>What it did, as stable codes with values ("priority=high; tags+=vip"), shown translated on the rule's page.</summary>
    public string Summary { get; set; } = "";

    public const int SummaryMaxLength = 2000;
}

/// <summary>What happened when a rule's conditions held.</summary>
public static class RunOutcomes
{
    /// <summary>Its actions ran (those that could: the summary names any that could not).</summary>
    public const string Applied = "applied";
    /// <summary>It was reached through a chain of rules as long as <see cref="TriggerEngine.MaxDepth"/>: nothing done.</summary>
    public const string DepthLimit = "depth_limit";
}

/// <summary>One row: raised by every change of a rule, so each node's cached rule list (<see cref="TriggerSetup"/>) sees
/// a change made on another node at its next batch.</summary>
public sealed class AutomationState
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Generation { get; set; }
}

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> b)
    {
        b.ToTable("AutomationRules");
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Name).HasMaxLength(AutomationRule.NameMaxLength);
        b.HasIndex(r => new { r.Kind, r.Position });
    }
}

internal sealed class AutomationRunConfiguration : IEntityTypeConfiguration<AutomationRun>
{
    public void Configure(EntityTypeBuilder<AutomationRun> b)
    {
        b.ToTable("AutomationRuns");
        b.Property(r => r.Outcome).HasMaxLength(32);
        b.Property(r => r.Summary).HasMaxLength(AutomationRun.SummaryMaxLength);
        // A rule's page lists its latest runs (keyset, newest first); the unique key makes "once per operation" hold
        // even if two writers raced; the ticket's recent runs are what the hourly email limit sums.
        b.HasIndex(r => new { r.RuleId, r.Id });
        b.HasIndex(r => new { r.RuleId, r.TicketId, r.OperationId }).IsUnique();
        b.HasIndex(r => new { r.TicketId, r.At });
        b.HasOne<AutomationRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomationStateConfiguration : IEntityTypeConfiguration<AutomationState>
{
    public void Configure(EntityTypeBuilder<AutomationState> b)
    {
        b.ToTable("AutomationState");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new AutomationState { Id = AutomationState.SingletonId, Generation = 0 });
    }
}
