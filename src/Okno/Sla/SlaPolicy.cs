using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Sla;

/// <summary>An SLA policy: targets per priority on a business calendar, a warning threshold, the statuses that pause
/// the clock, and the conditions that select it (all of them must hold; policies are tried by <see cref="Position"/>,
/// the first match wins, and the default policy takes a ticket no other matches). Targets and conditions are JSON: a
/// policy is read whole, never searched inside.</summary>
public sealed class SlaPolicy
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long CalendarId { get; set; }
    public int Position { get; set; }
    public bool IsDefault { get; set; }
    public int WarnAtPercent { get; set; }
    /// <summary>Statuses as the API writes them, comma-separated ("pending,on_hold").</summary>
    public string PauseStatuses { get; set; } = "";
    /// <summary>JSON: priority ("low"…"urgent") → <see cref="SlaPolicyTargets"/>.</summary>
    public string Targets { get; set; } = "{}";
    /// <summary>JSON: the list of <see cref="SlaCondition"/>.</summary>
    public string Conditions { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int NameMaxLength = 100;
    public const int DefaultWarnAtPercent = 80;

    /// <summary>The warning threshold, when given, is a percentage of the target from 1 to 100.</summary>
    public static void CheckWarnAtPercent(int? warnAtPercent, FieldErrors errors)
    {
        if (warnAtPercent is < 1 or > 100) errors.Add("warnAtPercent", ErrorCodes.OutOfRange, "From 1 to 100.", ("min", 1), ("max", 100));
    }

    public IReadOnlyDictionary<string, SlaPolicyTargets> ReadTargets() =>
        JsonSerializer.Deserialize<Dictionary<string, SlaPolicyTargets>>(Targets, SlaCalendar.Json) ?? [];

    public IReadOnlyList<SlaCondition> ReadConditions() => JsonSerializer.Deserialize<List<SlaCondition>>(Conditions, SlaCalendar.Json) ?? [];

    public IReadOnlySet<string> ReadPauseStatuses() => PauseStatuses.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}

/// <summary>One priority's targets in business minutes (a target left null is not measured).</summary>
public sealed record SlaPolicyTargets(int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes)
{
    /// <summary>A year of minutes: the longest target.</summary>
    public const int MaxMinutes = 365 * 24 * 60;

    /// <summary>Checks each target given (from 1 to <see cref="MaxMinutes"/>); <paramref name="at"/> names where they are
    /// in the request ("targets.urgent").</summary>
    public void Check(string at, FieldErrors errors)
    {
        void Target(string field, int? minutes)
        {
            if (minutes is < 1 or > MaxMinutes)
                errors.Add($"{at}.{field}", ErrorCodes.OutOfRange, $"From 1 to {MaxMinutes} minutes.", ("min", 1), ("max", MaxMinutes));
        }
        Target("firstResponseMinutes", FirstResponseMinutes);
        Target("nextResponseMinutes", NextResponseMinutes);
        Target("resolutionMinutes", ResolutionMinutes);
    }
}

/// <summary>A condition of a policy: the ticket's <see cref="Field"/> (group, company, type, channel, tag, priority) is
/// one of <see cref="Values"/> (ids for group and company, the API's names for the rest; for tag: has one of them).</summary>
public sealed record SlaCondition(string Field, IReadOnlyList<string> Values);

/// <summary>Where one ticket stands with SLA: the policy chosen and why, the due times of its targets, and when the clock
/// next has something to say (<see cref="NextCheckAt"/>: a warning or a due time to record), which the minute scan
/// reads by index instead of looking at every open ticket.</summary>
public sealed class TicketSla
{
    public long TicketId { get; set; }
    public long PolicyId { get; set; }
    /// <summary>The setup generation (<see cref="SlaSetupState.Generation"/>) it was computed under.</summary>
    public long Generation { get; set; }
    /// <summary>JSON: the conditions that selected the policy (empty: the default policy).</summary>
    public string MatchedBy { get; set; } = "[]";
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public string? FirstResponseState { get; set; }
    public DateTimeOffset? NextResponseDueAt { get; set; }
    public string? NextResponseState { get; set; }
    public DateTimeOffset? ResolutionDueAt { get; set; }
    public string? ResolutionState { get; set; }
    public DateTimeOffset? NextCheckAt { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>A warning or breach of one target that was recorded on the ticket: unique per (ticket, target, kind, the
/// target's start — a new wait for an answer is a new next-response target), so it is recorded once even with two nodes.</summary>
public sealed class SlaAlert
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public string Target { get; set; } = "";
    public bool Breach { get; set; }
    public DateTimeOffset TargetStartedAt { get; set; }
    public DateTimeOffset CrossedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One row: the generation of the SLA setup (policies and calendars; raised by every change of them) and how
/// far the recompute of open tickets under it has come.</summary>
public sealed class SlaSetupState
{
    public const long SingletonId = 1;
    public long Id { get; set; }
    public long Generation { get; set; }
    /// <summary>The generation every open ticket has been recomputed under; below <see cref="Generation"/> while the
    /// recompute runs.</summary>
    public long RecomputedGeneration { get; set; }
    /// <summary>The last ticket id the running recompute has done.</summary>
    public long RecomputeCursor { get; set; }
    /// <summary>When the setup last changed, and when the open tickets were last all recomputed (for the status page).</summary>
    public DateTimeOffset? ChangedAt { get; set; }
    public DateTimeOffset? RecomputedAt { get; set; }
    /// <summary>The last scan that found something due: when, how long it took, tickets looked at, alerts recorded.</summary>
    public DateTimeOffset? LastScanAt { get; set; }
    public long LastScanMilliseconds { get; set; }
    public int LastScanTickets { get; set; }
    public int LastScanAlerts { get; set; }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("SlaPolicies");
        b.Property(p => p.Name).HasMaxLength(SlaPolicy.NameMaxLength);
        b.Property(p => p.PauseStatuses).HasMaxLength(100);
        b.HasIndex(p => p.Position);
        b.HasOne<SlaCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketSlaConfiguration : IEntityTypeConfiguration<TicketSla>
{
    public void Configure(EntityTypeBuilder<TicketSla> b)
    {
        b.ToTable("TicketSlas");
        b.HasKey(s => s.TicketId);
        b.Property(s => s.TicketId).ValueGeneratedNever();
        b.Property(s => s.FirstResponseState).HasMaxLength(10);
        b.Property(s => s.NextResponseState).HasMaxLength(10);
        b.Property(s => s.ResolutionState).HasMaxLength(10);
        // The scan: tickets whose warning or due time has come, soonest first; most tickets have nothing coming.
        b.HasIndex(s => new { s.NextCheckAt, s.TicketId }).HasFilter("\"NextCheckAt\" IS NOT NULL");
        b.HasIndex(s => new { s.PolicyId, s.TicketId });
        b.HasOne<Ticket>().WithOne().HasForeignKey<TicketSla>(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaAlertConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> b)
    {
        b.ToTable("SlaAlerts");
        b.Property(a => a.Target).HasMaxLength(16);
        b.HasIndex(a => new { a.TicketId, a.Target, a.Breach, a.TargetStartedAt }).IsUnique();
        b.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaSetupStateConfiguration : IEntityTypeConfiguration<SlaSetupState>
{
    public void Configure(EntityTypeBuilder<SlaSetupState> b)
    {
        b.ToTable("SlaSetupState");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new SlaSetupState { Id = SlaSetupState.SingletonId, Generation = 1, RecomputedGeneration = 1 });
    }
}
