namespace Okno.Knowledge;

/// <summary>The codes of the errors of the knowledge base and macros (see <see cref="Platform.Web.ErrorCodes"/> for the
/// general ones).</summary>
public static class KnowledgeErrorCodes
{
    /// <summary>{id}</summary>
    public const string ArticleNotFound = "article.not_found";
    /// <summary>{id} of the article, {language}</summary>
    public const string TranslationNotFound = "article.translation_not_found";
    /// <summary>{id}</summary>
    public const string RevisionNotFound = "revision.not_found";
    /// <summary>{id}; also a field error for a category id that does not exist.</summary>
    public const string CategoryNotFound = "category.not_found";
    /// <summary>{id}; also a field error for a section id that does not exist.</summary>
    public const string SectionNotFound = "section.not_found";
    /// <summary>{id}</summary>
    public const string MacroNotFound = "macro.not_found";
    public const string CategoryNotEmpty = "category.not_empty";
    public const string SectionNotEmpty = "section.not_empty";
    /// <summary>{field}, {slug}, {language}</summary>
    public const string SlugTaken = "article.slug_taken";
    /// <summary>{max}</summary>
    public const string InvalidSlug = "article.invalid_slug";
    public const string RevisionsOfDifferentLanguages = "revision.language_mismatch";
}
