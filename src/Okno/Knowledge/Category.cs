namespace Okno.Knowledge;

/// <summary>A top-level group of the knowledge base ("Billing", "Printers"); ordered by <see cref="Position"/>.</summary>
public sealed class Category
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 500;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Section> Sections { get; set; } = [];
}

/// <summary>A part of a category that holds articles; ordered by <see cref="Position"/> inside its category.</summary>
public sealed class Section
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
