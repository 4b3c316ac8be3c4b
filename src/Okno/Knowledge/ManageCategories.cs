using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>Body of category create/replace; a missing position puts the category last. Names: either
/// <see cref="Translations"/> (the whole set) or <see cref="Name"/>/<see cref="Description"/> in <see cref="Language"/>
/// (see <see cref="LocalizedNames"/>).</summary>
public sealed record CategoryRequest(string? Name, string? Description, int? Position, string? Language = null,
    IReadOnlyList<LocalizedNameInput?>? Translations = null);

/// <summary>Body of section create/replace; a categoryId on replace moves the section. Names as in <see cref="CategoryRequest"/>.</summary>
public sealed record SectionRequest(string? Name, string? Description, int? Position, long? CategoryId, string? Language = null,
    IReadOnlyList<LocalizedNameInput?>? Translations = null);

// The six small use cases of the category tree live together: each is a few lines over the same tables.

public sealed class CreateCategory(OknoDb db, CategoryQueries queries, TimeProvider clock)
{
    public async Task<CategoryView> ExecuteAsync(CategoryRequest request, CancellationToken cancellationToken)
    {
        var (names, _) = LocalizedNames.Check(request.Name, request.Description, request.Language, request.Translations, request.Position);
        var id = await db.WriteAsync(async ct =>
        {
            var position = request.Position ?? (await db.Set<Category>().MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
            var category = new Category { Position = position, CreatedAt = clock.GetUtcNow() };
            LocalizedNames.Apply(category.Translations, names, true, () => new CategoryTranslation(), _ => { });
            db.Add(category);
            await db.SaveChangesAsync(ct);
            return category.Id;
        }, cancellationToken);
        return await queries.GetAsync(id, names[0].Language, cancellationToken);
    }
}

public sealed class ChangeCategory(OknoDb db, CategoryQueries queries)
{
    public async Task<CategoryView> ExecuteAsync(long id, CategoryRequest request, CancellationToken cancellationToken)
    {
        var (names, replaceAll) = LocalizedNames.Check(request.Name, request.Description, request.Language, request.Translations, request.Position);
        await db.WriteAsync(async ct =>
        {
            var category = await db.Set<Category>().Include(c => c.Translations).SingleOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));
            LocalizedNames.Apply(category.Translations, names, replaceAll, () => new CategoryTranslation(), gone => db.Remove(gone));
            if (request.Position is { } position) category.Position = position;
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
        return await queries.GetAsync(id, names[0].Language, cancellationToken);
    }
}

/// <summary>Only an empty category can go: its sections must be deleted or moved first.</summary>
public sealed class DeleteCategory(OknoDb db)
{
    public async Task ExecuteAsync(long id, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var category = await db.Set<Category>().Include(c => c.Translations).SingleOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));
            if (await db.Set<Section>().AnyAsync(s => s.CategoryId == id, ct))
                throw new OknoException(new StateConflict(KnowledgeErrorCodes.CategoryNotEmpty, "The category still has sections; delete or move them first."));
            db.Remove(category);
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
}

public sealed class CreateSection(OknoDb db, CategoryQueries queries, TimeProvider clock)
{
    public async Task<SectionView> ExecuteAsync(long categoryId, SectionRequest request, CancellationToken cancellationToken)
    {
        var (names, _) = LocalizedNames.Check(request.Name, request.Description, request.Language, request.Translations, request.Position);
        var id = await db.WriteAsync(async ct =>
        {
            if (!await db.Set<Category>().AnyAsync(c => c.Id == categoryId, ct)) throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", categoryId));
            var position = request.Position ?? (await db.Set<Section>().Where(s => s.CategoryId == categoryId).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
            var section = new Section { CategoryId = categoryId, Position = position, CreatedAt = clock.GetUtcNow() };
            LocalizedNames.Apply(section.Translations, names, true, () => new SectionTranslation(), _ => { });
            db.Add(section);
            await db.SaveChangesAsync(ct);
            return section.Id;
        }, cancellationToken);
        return await queries.SectionAsync(id, names[0].Language, cancellationToken);
    }
}

public sealed class ChangeSection(OknoDb db, CategoryQueries queries)
{
    public async Task<SectionView> ExecuteAsync(long id, SectionRequest request, CancellationToken cancellationToken)
    {
        var (names, replaceAll) = LocalizedNames.Check(request.Name, request.Description, request.Language, request.Translations, request.Position);
        if (request.CategoryId is { } categoryId && !await db.Set<Category>().AnyAsync(c => c.Id == categoryId, cancellationToken))
            throw new OknoException(InvalidInput.Field("categoryId", KnowledgeErrorCodes.CategoryNotFound, $"There is no category {categoryId}.", ("id", categoryId)));
        await db.WriteAsync(async ct =>
        {
            var section = await db.Set<Section>().Include(s => s.Translations).SingleOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
            LocalizedNames.Apply(section.Translations, names, replaceAll, () => new SectionTranslation(), gone => db.Remove(gone));
            if (request.Position is { } position) section.Position = position;
            if (request.CategoryId is { } moveTo) section.CategoryId = moveTo;
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
        return await queries.SectionAsync(id, names[0].Language, cancellationToken);
    }
}

/// <summary>Only an empty section can go: its articles must be moved first.</summary>
public sealed class DeleteSection(OknoDb db)
{
    public async Task ExecuteAsync(long id, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var section = await db.Set<Section>().Include(s => s.Translations).SingleOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
            if (await db.Set<Article>().AnyAsync(a => a.SectionId == id, ct))
                throw new OknoException(new StateConflict(KnowledgeErrorCodes.SectionNotEmpty, "The section still has articles; move them first."));
            db.Remove(section);
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
}
