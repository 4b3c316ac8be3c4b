using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Customers.Contracts;

public enum ContractKind { Subscription, HourPackage, PerIncident }

/// <summary>A service contract with a client company (S7, issue 20): its period, kind, the SLA policy it grants (an id
/// only: Customers does not reference the SLA section, which validates it through <see cref="ISlaPolicyDirectory"/>),
/// its price list with contract-specific prices, the services a subscription includes, and the service objects it covers
/// (none listed: the whole company).</summary>
public sealed class Contract
{
    public long Id { get; set; }
    public long CompanyId { get; set; }
    public string Number { get; set; } = "";
    public ContractKind Kind { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day it covers (inclusive); null: open-ended.</summary>
    public DateOnly? EndsOn { get; set; }
    /// <summary>Hours of an hour package; null for the other kinds.</summary>
    public decimal? IncludedHours { get; set; }
    public long? SlaPolicyId { get; set; }
    public long? PriceListId { get; set; }
    /// <summary>The company's default contract: chosen first when several cover a ticket (see <see cref="ContractSelection"/>).</summary>
    public bool IsDefault { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ContractPrice> Prices { get; set; } = [];
    public List<ContractIncludedItem> IncludedItems { get; set; } = [];
    public List<ContractServiceObject> ServiceObjects { get; set; } = [];

    public const int NumberMaxLength = 64;
    public const int NotesMaxLength = 4000;
}

/// <summary>A contract's own price for an item of its price list, overriding the list's.</summary>
public sealed class ContractPrice
{
    public long ContractId { get; set; }
    public long PriceListItemId { get; set; }
    public decimal Price { get; set; }
}

/// <summary>An item a subscription includes (covered, not billed).</summary>
public sealed class ContractIncludedItem
{
    public long ContractId { get; set; }
    public long PriceListItemId { get; set; }
}

/// <summary>A service object of the contract's company that the contract covers (issue 20, part "objectsui").</summary>
public sealed class ContractServiceObject
{
    public long ContractId { get; set; }
    public long ServiceObjectId { get; set; }
}

/// <summary>Tells whether an SLA policy exists: implemented by the SLA section, so that Customers stores a policy id
/// without referencing it.</summary>
public interface ISlaPolicyDirectory
{
    Task<bool> ExistsAsync(long policyId, CancellationToken ct);

    /// <summary>A contract's granted policy changed, in the caller's transaction: open tickets are to be recomputed.</summary>
    Task GrantChangedAsync(CancellationToken ct);

    /// <summary>The policies a contract may grant, in the order they are tried (for the contract editor).</summary>
    Task<IReadOnlyList<SlaPolicyChoice>> ChoicesAsync(CancellationToken ct);
}

public sealed record SlaPolicyChoice(long Id, string Name);

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("Contracts");
        b.Property(c => c.Number).HasMaxLength(Contract.NumberMaxLength);
        b.Property(c => c.Notes).HasMaxLength(Contract.NotesMaxLength);
        b.Property(c => c.IncludedHours).HasPrecision(9, 2);
        b.HasIndex(c => new { c.CompanyId, c.Number }).IsUnique();
        // The ticket's contract at creation: a company's active contracts.
        b.HasIndex(c => new { c.CompanyId, c.IsActive, c.StartsOn });
        b.HasIndex(c => c.SlaPolicyId);
        b.HasIndex(c => c.PriceListId);
        b.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PriceList>().WithMany().HasForeignKey(c => c.PriceListId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Prices).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.IncludedItems).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ServiceObjects).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractServiceObjectConfiguration : IEntityTypeConfiguration<ContractServiceObject>
{
    public void Configure(EntityTypeBuilder<ContractServiceObject> b)
    {
        b.ToTable("ContractServiceObjects");
        b.HasKey(p => new { p.ContractId, p.ServiceObjectId });
        // The contracts covering an object (ticket creation reads them by contract; the object page by object).
        b.HasIndex(p => p.ServiceObjectId);
        // A deleted object simply stops being covered.
        b.HasOne<ServiceObjects.ServiceObject>().WithMany().HasForeignKey(p => p.ServiceObjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractPriceConfiguration : IEntityTypeConfiguration<ContractPrice>
{
    public void Configure(EntityTypeBuilder<ContractPrice> b)
    {
        b.ToTable("ContractPrices");
        b.HasKey(p => new { p.ContractId, p.PriceListItemId });
        b.Property(p => p.Price).HasPrecision(12, 2);
        b.HasIndex(p => p.PriceListItemId);
        b.HasOne<PriceListItem>().WithMany().HasForeignKey(p => p.PriceListItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractIncludedItemConfiguration : IEntityTypeConfiguration<ContractIncludedItem>
{
    public void Configure(EntityTypeBuilder<ContractIncludedItem> b)
    {
        b.ToTable("ContractIncludedItems");
        b.HasKey(p => new { p.ContractId, p.PriceListItemId });
        b.HasIndex(p => p.PriceListItemId);
        b.HasOne<PriceListItem>().WithMany().HasForeignKey(p => p.PriceListItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A contract as the choice at a ticket's creation sees it. <see cref="ObjectIds"/>: the service objects it
/// covers (null or empty: the whole company).</summary>
public sealed record ContractCandidate(long Id, long CompanyId, bool IsActive, bool IsDefault, DateOnly StartsOn, DateOnly? EndsOn,
    IReadOnlyCollection<long>? ObjectIds = null);

/// <summary>Which contract a new ticket is served under, as a pure function. Candidates: the company's active contracts
/// whose period covers the day the ticket was opened (UTC date; start and end inclusive) and, when the ticket names a
/// service object, that cover it: a contract listing objects covers only those, one listing none the whole company.
/// Of several: one listing the ticket's object (the site's own contract beats the company-wide one); then the one marked
/// default for the company; else the most recently started; on the same start, the newest (highest id). A ticket without
/// an object may get a contract of listed objects too (the agent names the object later).</summary>
public static class ContractSelection
{
    public static long? Choose(IEnumerable<ContractCandidate> contracts, long? companyId, DateOnly on, long? serviceObjectId = null)
    {
        if (companyId is not { } company) return null;
        bool Lists(ContractCandidate c) => serviceObjectId is { } o && c.ObjectIds is { } ids && ids.Contains(o);
        return contracts
            .Where(c => c.CompanyId == company && c.IsActive && c.StartsOn <= on && (c.EndsOn is not { } end || end >= on))
            .Where(c => serviceObjectId is null || c.ObjectIds is not { Count: > 0 } || Lists(c))
            .OrderByDescending(Lists).ThenByDescending(c => c.IsDefault).ThenByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => (long?)c.Id).FirstOrDefault();
    }
}

/// <summary>The ticket's contract: an index on Tickets, kept here with the contracts. No foreign key: SQLite adds one to an
/// existing table only by rebuilding it (Tickets, of millions of rows); <see cref="Contracts.DeleteAsync"/> refuses to
/// delete a contract tickets are linked to instead, and only existing contracts are linked.</summary>
internal sealed class TicketContractConfiguration : IEntityTypeConfiguration<Tickets.Ticket>
{
    public void Configure(EntityTypeBuilder<Tickets.Ticket> b) => b.HasIndex(t => t.ContractId);
}
