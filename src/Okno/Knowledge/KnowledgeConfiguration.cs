using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Knowledge;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("KbCategories");
        b.HasIndex(c => new { c.Position, c.Id });
        b.HasMany(c => c.Sections).WithOne(s => s.Category).HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // The names go with the category: they are part of it, not a history to keep.
        b.HasMany(c => c.Translations).WithOne().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryTranslationConfiguration : IEntityTypeConfiguration<CategoryTranslation>
{
    public void Configure(EntityTypeBuilder<CategoryTranslation> b)
    {
        b.ToTable("KbCategoryTranslations");
        b.Property(t => t.Language).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.Property(t => t.Name).HasMaxLength(Category.NameMaxLength);
        b.Property(t => t.Description).HasMaxLength(Category.DescriptionMaxLength);
        b.HasIndex(t => new { t.CategoryId, t.Language }).IsUnique();
    }
}

internal sealed class SectionTranslationConfiguration : IEntityTypeConfiguration<SectionTranslation>
{
    public void Configure(EntityTypeBuilder<SectionTranslation> b)
    {
        b.ToTable("KbSectionTranslations");
        b.Property(t => t.Language).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.Property(t => t.Name).HasMaxLength(Category.NameMaxLength);
        b.Property(t => t.Description).HasMaxLength(Category.DescriptionMaxLength);
        b.HasIndex(t => new { t.SectionId, t.Language }).IsUnique();
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.ToTable("KbSections");
        b.HasIndex(s => new { s.CategoryId, s.Position, s.Id });
        b.HasMany(s => s.Translations).WithOne().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.ToTable("KbArticles");
        b.Property(a => a.FallbackLanguage).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.HasIndex(a => new { a.SectionId, a.Id });
        b.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Translations).WithOne(t => t.Article).HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleTranslationConfiguration : IEntityTypeConfiguration<ArticleTranslation>
{
    public void Configure(EntityTypeBuilder<ArticleTranslation> b)
    {
        b.ToTable("KbArticleTranslations");
        b.Property(t => t.Language).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.Property(t => t.Title).HasMaxLength(ArticleTranslation.TitleMaxLength);
        b.Property(t => t.Slug).HasMaxLength(ArticleTranslation.SlugMaxLength);
        b.HasIndex(t => new { t.ArticleId, t.Language }).IsUnique();
        // A slug names one article per language in the help center URL.
        b.HasIndex(t => new { t.Language, t.Slug }).IsUnique();
        // The agents' list: newest translation first, optionally one language and one visibility.
        b.HasIndex(t => new { t.Language, t.Id });
        b.HasIndex(t => new { t.Language, t.Visibility, t.Id });
        b.HasIndex(t => new { t.Visibility, t.Id });
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(t => t.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> b)
    {
        b.ToTable("KbArticleRevisions");
        b.Property(r => r.Language).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.Property(r => r.Title).HasMaxLength(ArticleTranslation.TitleMaxLength);
        b.HasIndex(r => new { r.TranslationId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.ArticleId, r.Language, r.Id });
        b.HasOne<ArticleTranslation>().WithMany().HasForeignKey(r => r.TranslationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleFileConfiguration : IEntityTypeConfiguration<ArticleFile>
{
    public void Configure(EntityTypeBuilder<ArticleFile> b)
    {
        b.ToTable("KbArticleFiles");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasIndex(f => new { f.ArticleId, f.Id });
        b.HasOne<Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> b)
    {
        b.ToTable("Macros");
        b.Property(m => m.Name).HasMaxLength(Macro.NameMaxLength);
        b.Property(m => m.AddTags).HasMaxLength(Macro.AddTagsMaxLength);
        b.Ignore(m => m.Acts);
        b.HasIndex(m => new { m.OwnerId, m.Id });
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
