using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Okno.Knowledge;
using Okno.Testing;

namespace Okno.IntegrationTests.Knowledge;

/// <summary>The Issue14HelpCenterNames migration moves every category and section name written before names had
/// languages into a translation in the language it is written in, without loss, on both databases; and back.</summary>
public sealed class HelpCenterNamesMigrationTests
{
    [Theory]
    [BothDatabases]
    public async Task Old_names_become_translations_in_the_language_they_are_written_in(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        // Written through today's API, so the articles (which decide a Latin name's language) are real rows.
        var windows = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Windows", language = "en" });
        var setup = await admin.PostJsonAsync($"/api/v1/kb/categories/{windows.Id()}/sections", new { name = "Setup", language = "en" });
        var empty = await admin.PostJsonAsync($"/api/v1/kb/categories/{windows.Id()}/sections", new { name = "Misc", language = "en" });
        await admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = setup.Id(), language = "ru", title = "Установка", body = "Текст.", visibility = "public" });
        var printing = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать", language = "en" });
        var billing = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Billing", language = "ru" });

        await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_Issue14HelpCenterNames", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before);
            // Back down, each keeps its one name; descriptions too.
            Assert.Equal("Windows", await db.Database.SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM \"KbCategories\" WHERE \"Id\" = {windows.Id()}").SingleAsync());
            Assert.Equal("Setup", await db.Database.SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM \"KbSections\" WHERE \"Id\" = {setup.Id()}").SingleAsync());
            await db.Database.ExecuteSqlRawAsync("UPDATE \"KbCategories\" SET \"Description\" = 'Всё о Windows' WHERE \"Id\" = {0}", windows.Id());
            await migrator.MigrateAsync();
            return 0;
        });

        var names = await app.WithDbAsync(async db => (
            Categories: await db.Set<CategoryTranslation>().AsNoTracking().ToListAsync(),
            Sections: await db.Set<SectionTranslation>().AsNoTracking().ToListAsync()));
        CategoryTranslation Category(long id) => Assert.Single(names.Categories, t => t.CategoryId == id);
        SectionTranslation Section(long id) => Assert.Single(names.Sections, t => t.SectionId == id);
        // A Latin name goes to the language its articles were written in; a section without articles to its category's.
        Assert.Equal(("ru", "Windows", "Всё о Windows"), (Category(windows.Id()).Language, Category(windows.Id()).Name, Category(windows.Id()).Description));
        Assert.Equal(("ru", "Setup"), (Section(setup.Id()).Language, Section(setup.Id()).Name));
        Assert.Equal(("ru", "Misc"), (Section(empty.Id()).Language, Section(empty.Id()).Name));
        // A Cyrillic name is Russian; a Latin one with nothing to go by is English.
        Assert.Equal(("ru", "Печать"), (Category(printing.Id()).Language, Category(printing.Id()).Name));
        Assert.Equal(("en", "Billing"), (Category(billing.Id()).Language, Category(billing.Id()).Name));
        Assert.Equal(3, names.Categories.Count);
        Assert.Equal(2, names.Sections.Count);
    }
}
