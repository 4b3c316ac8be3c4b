using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Knowledge;

public sealed record SectionView(long Id, long CategoryId, string Name, string? Description, int Position);

public sealed record CategoryView(long Id, string Name, string? Description, int Position, IReadOnlyList<SectionView> Sections);

/// <summary>Categories in their order, each with its sections in order; keyset-paged over (position, id).</summary>
public sealed class CategoryQueries(OknoDb db)
{
    public async Task<Page<CategoryView>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Paging.Decode(cursor, 2);
        var query = db.Set<Category>().AsNoTracking();
        if (after is not null)
        {
            var (position, id) = ((int)after[0], after[1]);
            query = query.Where(c => c.Position > position || (c.Position == position && c.Id > id));
        }
        var rows = await query.OrderBy(c => c.Position).ThenBy(c => c.Id).Take(limit + 1)
            .Select(c => new CategoryView(c.Id, c.Name, c.Description, c.Position,
                c.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id)
                    .Select(s => new SectionView(s.Id, s.CategoryId, s.Name, s.Description, s.Position)).ToList()))
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, c => Paging.Encode(c.Position, c.Id));
    }

    public async Task<CategoryView> GetAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<Category>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CategoryView(c.Id, c.Name, c.Description, c.Position,
                c.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id)
                    .Select(s => new SectionView(s.Id, s.CategoryId, s.Name, s.Description, s.Position)).ToList()))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));

    public async Task<SectionView> SectionAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<Section>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SectionView(s.Id, s.CategoryId, s.Name, s.Description, s.Position))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
}
