namespace Okno.Knowledge;

/// <summary>Who may read a translation: everyone in the help center, agents only, or nobody but its editors yet.</summary>
public enum ArticleVisibility { Public, Internal, Draft }

/// <summary>One knowledge-base article: a place in a section and one <see cref="ArticleTranslation"/> per language.
/// The fallback language is the one it was first written in; a reader asking for a missing language gets that one.</summary>
public sealed class Article
{
    public long Id { get; set; }
    public long SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public string FallbackLanguage { get; set; } = "";
    public long CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ArticleTranslation> Translations { get; set; } = [];
}

/// <summary>An article in one language: title, Markdown body and its sanitized HTML, slug, visibility. Each save
/// also appends an <see cref="ArticleRevision"/>; the row itself always holds the latest content.</summary>
public sealed class ArticleTranslation
{
    public const int TitleMaxLength = 250;
    public const int BodyMaxLength = 200_000;
    public const int SlugMaxLength = 100;
    public const int LanguageMaxLength = 8;

    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Body { get; set; } = "";
    public string Html { get; set; } = "";
    public ArticleVisibility Visibility { get; set; }
    public int RevisionCount { get; set; }
    public long UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One saved state of a translation. Append-only: a restore adds a new revision with the old content.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public long TranslationId { get; set; }
    public long ArticleId { get; set; }
    public string Language { get; set; } = "";
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public ArticleVisibility Visibility { get; set; }
    /// <summary>The revision this one copied when it was made by a restore.</summary>
    public int? RestoredFrom { get; set; }
    public long AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An image or attachment of an article; the bytes live in the content-addressed AttachmentStore.</summary>
public sealed class ArticleFile
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public long UploadedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
