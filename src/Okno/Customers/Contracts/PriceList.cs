using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Customers.Contracts;

public enum PriceItemKind { Service, Material }

/// <summary>A named list of services and materials with their prices (S7, issue 20). Prices are in the desk's currency
/// (<see cref="ContractsOptions.Currency"/>), two decimal places.</summary>
public sealed class PriceList
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int NameMaxLength = 200;
}

/// <summary>One service or material of a <see cref="PriceList"/>: its code is unique within the list.</summary>
public sealed class PriceListItem
{
    public long Id { get; set; }
    public long PriceListId { get; set; }
    public PriceItemKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="Units"/>.</summary>
    public string Unit { get; set; } = "";
    public decimal Price { get; set; }
    public bool IsActive { get; set; } = true;

    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 250;
    public const decimal MaxPrice = 9_999_999_999.99m;
    /// <summary>The units a price is given per; a fixed list so that work logs and statements can count them.</summary>
    public static readonly string[] Units = ["hour", "minute", "piece", "visit", "km", "day", "month", "kg", "m", "m2", "l", "set", "service"];
}

/// <summary>Desk-wide settings of contracts and price lists (<c>Okno:Contracts</c>).</summary>
public sealed class ContractsOptions
{
    public const string Section = "Okno:Contracts";
    /// <summary>ISO 4217 code shown with every price.</summary>
    public string Currency { get; set; } = "RUB";
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> b)
    {
        b.ToTable("PriceLists");
        b.Property(p => p.Name).HasMaxLength(PriceList.NameMaxLength);
        b.HasIndex(p => p.Name);
    }
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> b)
    {
        b.ToTable("PriceListItems");
        b.Property(i => i.Code).HasMaxLength(PriceListItem.CodeMaxLength);
        b.Property(i => i.Name).HasMaxLength(PriceListItem.NameMaxLength);
        b.Property(i => i.Unit).HasMaxLength(16);
        b.Property(i => i.Price).HasPrecision(12, 2);
        b.HasIndex(i => new { i.PriceListId, i.Code }).IsUnique();
        b.HasIndex(i => new { i.PriceListId, i.Id });
        b.HasOne<PriceList>().WithMany().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Cascade);
    }
}
