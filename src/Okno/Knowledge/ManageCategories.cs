using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Knowledge;

/// <summary>Body of category create/replace; a missing position puts the category last.</summary>
public sealed record CategoryRequest(string? Name, string? Description, int? Position);

/// <summary>Body of section create/replace; a categoryId on replace moves the section.</summary>
public sealed record SectionRequest(string? Name, string? Description, int? Position, long? CategoryId);

// The six small use cases of the category tree live together: each is a few lines over the same two tables.

public sealed class CreateCategory(OknoDb db, CategoryQueries queries, TimeProvider clock)
{
    public async Task<CategoryView> ExecuteAsync(CategoryRequest request, CancellationToken cancellationToken)
    {
        CategoryRules.Check(request.Name, request.Description, request.Position);
        var id = await db.WriteAsync(async ct =>
        {
            var position = request.Position ?? (await db.Set<Category>().MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
            var category = new Category { Name = request.Name!.Trim(), Description = Clean(request.Description), Position = position, CreatedAt = clock.GetUtcNow() };
            db.Add(category);
            await db.SaveChangesAsync(ct);
            return category.Id;
        }, cancellationToken);
        return await queries.GetAsync(id, cancellationToken);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ChangeCategory(OknoDb db, CategoryQueries queries)
{
    public async Task<CategoryView> ExecuteAsync(long id, CategoryRequest request, CancellationToken cancellationToken)
    {
        CategoryRules.Check(request.Name, request.Description, request.Position);
        await db.WriteAsync(async ct =>
        {
            var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));
            category.Name = request.Name!.Trim();
            category.Description = CreateCategory.Clean(request.Description);
            if (request.Position is { } position) category.Position = position;
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
        return await queries.GetAsync(id, cancellationToken);
    }
}

/// <summary>Only an empty category can go: its sections must be deleted or moved first.</summary>
public sealed class DeleteCategory(OknoDb db)
{
    public async Task ExecuteAsync(long id, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", id));
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
        CategoryRules.Check(request.Name, request.Description, request.Position);
        var id = await db.WriteAsync(async ct =>
        {
            if (!await db.Set<Category>().AnyAsync(c => c.Id == categoryId, ct)) throw new OknoException(new NotFound(KnowledgeErrorCodes.CategoryNotFound, "Category", categoryId));
            var position = request.Position ?? (await db.Set<Section>().Where(s => s.CategoryId == categoryId).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
            var section = new Section
            {
                CategoryId = categoryId, Name = request.Name!.Trim(), Description = CreateCategory.Clean(request.Description), Position = position,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(section);
            await db.SaveChangesAsync(ct);
            return section.Id;
        }, cancellationToken);
        return await queries.SectionAsync(id, cancellationToken);
    }
}

public sealed class ChangeSection(OknoDb db, CategoryQueries queries)
{
    public async Task<SectionView> ExecuteAsync(long id, SectionRequest request, CancellationToken cancellationToken)
    {
        CategoryRules.Check(request.Name, request.Description, request.Position);
        if (request.CategoryId is { } categoryId && !await db.Set<Category>().AnyAsync(c => c.Id == categoryId, cancellationToken))
            throw new OknoException(InvalidInput.Field("categoryId", KnowledgeErrorCodes.CategoryNotFound, $"There is no category {categoryId}.", ("id", categoryId)));
        await db.WriteAsync(async ct =>
        {
            var section = await db.Set<Section>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
            section.Name = request.Name!.Trim();
            section.Description = CreateCategory.Clean(request.Description);
            if (request.Position is { } position) section.Position = position;
            if (request.CategoryId is { } moveTo) section.CategoryId = moveTo;
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
        return await queries.SectionAsync(id, cancellationToken);
    }
}

/// <summary>Only an empty section can go: its articles must be moved first.</summary>
public sealed class DeleteSection(OknoDb db)
{
    public async Task ExecuteAsync(long id, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var section = await db.Set<Section>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.SectionNotFound, "Section", id));
            if (await db.Set<Article>().AnyAsync(a => a.SectionId == id, ct))
                throw new OknoException(new StateConflict(KnowledgeErrorCodes.SectionNotEmpty, "The section still has articles; move them first."));
            db.Remove(section);
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
}

internal static class CategoryRules
{
    public static void Check(string? name, string? description, int? position)
    {
        var errors = new FieldErrors();
        errors.Text("name", name?.Trim(), Category.NameMaxLength);
        errors.Text("description", description, Category.DescriptionMaxLength, required: false);
        if (position is < 0 or > 1_000_000) errors.Add("position", ErrorCodes.OutOfRange, "Between 0 and 1000000.", ("min", 0), ("max", 1_000_000));
        errors.ThrowIfAny();
    }
}
