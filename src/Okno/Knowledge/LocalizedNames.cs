using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>A category's or section's name in one language, as the API gives it.</summary>
public sealed record LocalizedName(string Language, string Name, string? Description);

/// <summary>A name in one language as a request gives it.</summary>
public sealed record LocalizedNameInput(string? Language, string? Name, string? Description);

/// <summary>Checking, writing and choosing the per-language names of categories and sections. A request either gives
/// <c>translations</c> (the whole set: a language left out is removed) or one <c>name</c>/<c>description</c> in
/// <c>language</c> (other languages kept); a name given without a language is taken to be in the language it is
/// written in (<see cref="LanguageOf"/>), the same rule that moved the names written before translations existed.</summary>
public static class LocalizedNames
{
    public const int MaxTranslations = 20;

    /// <summary>ru when the text has a Cyrillic letter, otherwise en: the help center's two languages, told apart by script.</summary>
    public static string LanguageOf(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF') ? "ru" : "en";

    /// <summary>The names to write and whether they replace every existing one; throws the 400 naming each bad field.</summary>
    public static (IReadOnlyList<LocalizedName> Names, bool ReplaceAll) Check(string? name, string? description, string? language,
        IReadOnlyList<LocalizedNameInput?>? translations, int? position)
    {
        var errors = new FieldErrors();
        if (position is < 0 or > 1_000_000) errors.Add("position", ErrorCodes.OutOfRange, "Between 0 and 1000000.", ("min", 0), ("max", 1_000_000));
        var names = new List<LocalizedName>();
        if (translations is not null)
        {
            if (name is not null || description is not null || language is not null)
                errors.Add("translations", ErrorCodes.InvalidValue, "Give either 'translations' or 'name' (with 'description' and 'language'), not both.");
            if (translations.Count == 0) errors.Required("translations");
            else if (translations.Count > MaxTranslations) errors.TooMany("translations", MaxTranslations, "languages");
            else
                for (var i = 0; i < translations.Count; i++)
                {
                    var field = $"translations[{i}]";
                    var item = translations[i];
                    if (item is null) { errors.Required(field); continue; }
                    var lang = ArticleWriter.CheckLanguage(item.Language, errors, field + ".language");
                    if (lang is not null && names.Any(n => n.Language == lang))
                        errors.Add(field + ".language", ErrorCodes.InvalidValue, $"'{lang}' is given twice.", ("language", lang));
                    if (Checked(item.Name, item.Description, field + ".", errors) && lang is not null)
                        names.Add(new LocalizedName(lang, item.Name!.Trim(), Clean(item.Description)));
                }
        }
        else
        {
            var lang = language is null ? null : ArticleWriter.CheckLanguage(language, errors);
            if (Checked(name, description, "", errors)) names.Add(new LocalizedName(lang ?? LanguageOf(name!), name!.Trim(), Clean(description)));
        }
        errors.ThrowIfAny();
        return (names, translations is not null);
    }

    private static bool Checked(string? name, string? description, string prefix, FieldErrors errors)
    {
        errors.Text(prefix + "name", name?.Trim(), Category.NameMaxLength);
        errors.Text(prefix + "description", description, Category.DescriptionMaxLength, required: false);
        return !errors.Has(prefix + "name") && !errors.Has(prefix + "description");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Writes <paramref name="names"/> into <paramref name="existing"/> (tracked rows): changed in place, added,
    /// and — when they replace all — the languages left out removed.</summary>
    public static void Apply<T>(List<T> existing, IReadOnlyList<LocalizedName> names, bool replaceAll, Func<T> create, Action<T> remove)
        where T : class, ILocalizedName
    {
        foreach (var name in names)
        {
            var row = existing.FirstOrDefault(e => e.Language == name.Language);
            if (row is null)
            {
                row = create();
                row.Language = name.Language;
                existing.Add(row);
            }
            row.Name = name.Name;
            row.Description = name.Description;
        }
        if (!replaceAll) return;
        foreach (var gone in existing.Where(e => names.All(n => n.Language != e.Language)).ToList())
        {
            existing.Remove(gone);
            remove(gone);
        }
    }

    /// <summary>The name in <paramref name="language"/>, else the first one written (the list is in the order written);
    /// null only for a list without names.</summary>
    public static LocalizedName? Pick(IReadOnlyList<LocalizedName> names, string? language) =>
        names.FirstOrDefault(n => n.Language == language) ?? names.FirstOrDefault();
}
