using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>A section; <see cref="Name"/>/<see cref="Description"/> in the language asked for (else the first one written,
/// <see cref="Language"/> says which), <see cref="Translations"/> all of them in the order written.</summary>
public sealed record SectionView(long Id, long CategoryId, string Name, string? Description, int Position, string Language,
    IReadOnlyList<LocalizedName> Translations);

/// <summary>A category with its sections; names as in <see cref="SectionView"/>.</summary>
public sealed record CategoryView(long Id, string Name, string? Description, int Position, IReadOnlyList<SectionView> Sections, string Language,
    IReadOnlyList<LocalizedName> Translations);

/// <summary>Categories in their order, each with its sections in order; keyset-paged over (position, id). Names are
/// given in <c>language</c> when they exist in it.</summary>
public sealed class CategoryQueries(OknoDb db)
{
    public async Task<Page<CategoryView>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken) =>
        await ListAsync(limit, cursor, null, cancellationToken);

    public async Task<Page<CategoryView>> ListAsync(int limit, string? cursor, string? language, CancellationToken cancellationToken)
    {
        var after = Paging.Decode(cursor, 2);
        var query = db.Set<Category>().AsNoTracking();
        if (after is not null)
        {
            var (position, id) = ((int)after[0], after[1]);
            query = query.Where(c => c.Position > position || (c.Position == position && c.Id > id));
        }
        var rows = await query.OrderBy(c => c.Position).ThenBy(c => c.Id).Take(limit + 1).AsSplitQuery()
            .Include(c => c.Translations).Include(c => c.Sections).ThenInclude(s => s.Translations).ToListAsync(cancellationToken);
        return Paging.ToPage(rows.Select(c => View(c, language)).ToList(), limit, c => Paging.Encode(c.Position, c.Id));
    }

    public Task<CategoryView> GetAsync(long id, CancellationToken cancellationToken) => GetAsync(id, null, cancellationToken);

    public async Task<CategoryView> GetAsync(long id, string? language, CancellationToken cancellationToken)
    {
        var category = await db.Set<Category>().AsNoTracking().AsSplitQuery().Include(c => c.Translations).Include(c => c.Sections).ThenInclude(s => s.Translations)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));
        return View(category, language);
    }

    public Task<SectionView> SectionAsync(long id, CancellationToken cancellationToken) => SectionAsync(id, null, cancellationToken);

    public async Task<SectionView> SectionAsync(long id, string? language, CancellationToken cancellationToken)
    {
        var section = await db.Set<Section>().AsNoTracking().Include(s => s.Translations).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
        return View(section, language);
    }

    /// <summary>The names in the order they were written (the first is the fallback).</summary>
    internal static IReadOnlyList<LocalizedName> Names<T>(IEnumerable<T> rows) where T : ILocalizedName =>
        rows.OrderBy(t => t.Id).Select(t => new LocalizedName(t.Language, t.Name, t.Description)).ToList();

    private static CategoryView View(Category c, string? language)
    {
        var names = Names(c.Translations);
        var name = LocalizedNames.Pick(names, language) ?? new LocalizedName("", "", null);
        return new CategoryView(c.Id, name.Name, name.Description, c.Position,
            c.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => View(s, language)).ToList(), name.Language, names);
    }

    private static SectionView View(Section s, string? language)
    {
        var names = Names(s.Translations);
        var name = LocalizedNames.Pick(names, language) ?? new LocalizedName("", "", null);
        return new SectionView(s.Id, s.CategoryId, name.Name, name.Description, s.Position, name.Language, names);
    }
}
