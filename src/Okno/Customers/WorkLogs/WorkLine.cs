using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Customers.Contracts;
using Okno.Platform.Data;

namespace Okno.Customers.WorkLogs;

/// <summary>One line of work on a ticket (S7, issue 20): who, when, what (a price-list item, or a free-text material),
/// how much (minutes for an hour-unit service, else a quantity), at what unit price (resolved when logged: the
/// contract's own price, else the list's), and how much of it is within the contract and how much is billed
/// (<see cref="WorkCoverage"/>). The ticket's company and contract are copied onto the line when it is logged, so a
/// monthly statement and the accounting export read one index range, not the tickets.</summary>
public sealed class WorkLine
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public long? CompanyId { get; set; }
    public long? ContractId { get; set; }
    public long AgentId { get; set; }
    public DateTimeOffset WorkedAt { get; set; }
    public long? PriceListItemId { get; set; }
    public PriceItemKind ItemKind { get; set; }
    public string? ItemCode { get; set; }
    public string ItemName { get; set; } = "";
    public string Unit { get; set; } = "";
    /// <summary>Time spent, for an hour-unit (or minute-unit) service; null for a quantity.</summary>
    public int? Minutes { get; set; }
    /// <summary>In the item's unit (hours for "hour": minutes / 60).</summary>
    public decimal Quantity { get; set; }
    public decimal WithinQuantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Total { get; set; }
    public decimal BillableAmount { get; set; }
    /// <summary>What the line takes from its contract's hour package (0 for any other).</summary>
    public int PackageMinutes { get; set; }
    /// <summary><see cref="CoverageSplit.Reason"/>.</summary>
    public string Reason { get; set; } = "";
    public CoverageOverride? Override { get; set; }
    public string? OverrideReason { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int NameMaxLength = 250;
    public const int CommentMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    /// <summary>A week: a longer line is a typo, not work.</summary>
    public const int MaxMinutes = 7 * 24 * 60;
    public const decimal MaxQuantity = 1_000_000m;
}

/// <summary>An hour package's used minutes, kept in the same transaction as its lines (so its page reads one row,
/// never a scan of lines), and whether its warning threshold was crossed (the account manager is told once per
/// crossing: the mark is cleared when usage drops below it again). <see cref="UsedMinutes"/> is a concurrency token:
/// two lines of two tickets under one package cannot both take the last minutes; the loser is retried.</summary>
public sealed class ContractWorkUsage
{
    public long ContractId { get; set; }
    public int UsedMinutes { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
}

/// <summary>An agent's running timer (one per agent), kept in the database so it survives a page reload and a restart.</summary>
public sealed class WorkTimer
{
    public long AgentId { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>Desk-wide settings of work logs (<c>Okno:WorkLogs</c>).</summary>
public sealed class WorkLogsOptions
{
    public const string Section = "Okno:WorkLogs";
    /// <summary>The price list of tickets without a contract (or whose contract has none).</summary>
    public long? DefaultPriceListId { get; set; }
    /// <summary>A stopped timer's minutes are rounded up to a multiple of this.</summary>
    public int TimerRoundingMinutes { get; set; } = 1;
    /// <summary>An hour package warns when this share of it is used.</summary>
    public int PackageWarningPercent { get; set; } = 80;
}

public static class WorkLogsData
{
    extension(OknoDb db)
    {
        public DbSet<WorkLine> WorkLines => db.Set<WorkLine>();
        public DbSet<ContractWorkUsage> ContractWorkUsages => db.Set<ContractWorkUsage>();
        public DbSet<WorkTimer> WorkTimers => db.Set<WorkTimer>();
    }
}

internal sealed class WorkLineConfiguration : IEntityTypeConfiguration<WorkLine>
{
    public void Configure(EntityTypeBuilder<WorkLine> b)
    {
        b.ToTable("WorkLines");
        b.Property(l => l.ItemCode).HasMaxLength(PriceListItem.CodeMaxLength);
        b.Property(l => l.ItemName).HasMaxLength(WorkLine.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(16);
        b.Property(l => l.Reason).HasMaxLength(32);
        b.Property(l => l.OverrideReason).HasMaxLength(WorkLine.ReasonMaxLength);
        b.Property(l => l.Comment).HasMaxLength(WorkLine.CommentMaxLength);
        b.Property(l => l.Quantity).HasPrecision(14, 4);
        b.Property(l => l.WithinQuantity).HasPrecision(14, 4);
        b.Property(l => l.UnitPrice).HasPrecision(12, 2);
        b.Property(l => l.Total).HasPrecision(16, 2);
        b.Property(l => l.BillableAmount).HasPrecision(16, 2);
        // The ticket's panel; a company's statement for a month; a contract's lines; the accounting export in time order.
        b.HasIndex(l => new { l.TicketId, l.WorkedAt });
        b.HasIndex(l => new { l.CompanyId, l.WorkedAt });
        b.HasIndex(l => new { l.ContractId, l.WorkedAt });
        b.HasIndex(l => new { l.WorkedAt, l.Id });
        b.HasIndex(l => l.AgentId);
        b.HasIndex(l => l.PriceListItemId);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(l => l.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PriceListItem>().WithMany().HasForeignKey(l => l.PriceListItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ContractWorkUsageConfiguration : IEntityTypeConfiguration<ContractWorkUsage>
{
    public void Configure(EntityTypeBuilder<ContractWorkUsage> b)
    {
        b.ToTable("ContractWorkUsages");
        b.HasKey(u => u.ContractId);
        b.Property(u => u.UsedMinutes).IsConcurrencyToken();
        b.HasOne<Contract>().WithOne().HasForeignKey<ContractWorkUsage>(u => u.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkTimerConfiguration : IEntityTypeConfiguration<WorkTimer>
{
    public void Configure(EntityTypeBuilder<WorkTimer> b)
    {
        b.ToTable("WorkTimers");
        b.HasKey(t => t.AgentId);
        b.HasIndex(t => t.TicketId);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
