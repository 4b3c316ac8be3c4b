namespace Okno.Knowledge;

/// <summary>A top-level group of the knowledge base ("Billing", "Printers"); ordered by <see cref="Position"/>. Its name
/// (and description) exist per language, like an article's content: one <see cref="CategoryTranslation"/> each.</summary>
public sealed class Category
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 500;

    public long Id { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Section> Sections { get; set; } = [];
    public List<CategoryTranslation> Translations { get; set; } = [];
}

/// <summary>A part of a category that holds articles; ordered by <see cref="Position"/> inside its category. Named per
/// language like its category.</summary>
public sealed class Section
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<SectionTranslation> Translations { get; set; } = [];
}

/// <summary>A category's name and description in one language.</summary>
public sealed class CategoryTranslation : ILocalizedName
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public string Language { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>A section's name and description in one language.</summary>
public sealed class SectionTranslation : ILocalizedName
{
    public long Id { get; set; }
    public long SectionId { get; set; }
    public string Language { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>What a category's and a section's translation share, so one piece of code writes and picks both.</summary>
public interface ILocalizedName
{
    long Id { get; }
    string Language { get; set; }
    string Name { get; set; }
    string? Description { get; set; }
}
