using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Knowledge;
using Okno.Platform.Data;
using Okno.Testing;

namespace Okno.IntegrationTests.Knowledge;

/// <summary>The knowledge base's reads and writes behave alike on SQLite and PostgreSQL: translations, the fallback,
/// unique slugs per language, revisions, case-insensitive Cyrillic title filter, paging, categories, macros.</summary>
public sealed class KnowledgeStorageTests
{
    [Theory]
    [BothDatabases]
    public async Task Articles_translations_revisions_and_macros_store_and_read_alike(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });

        var ru = await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Принтер не печатает", body = "Проверьте **бумагу**.", visibility = "public",
        });
        await (await admin.PutAsJsonAsync($"/api/v1/kb/articles/{ru.Id()}", new
        {
            language = "en", title = "Printer does not print", body = "Check the *paper*.", visibility = "draft",
        })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/v1/kb/articles/{ru.Id()}", new
        {
            language = "ru", title = "Принтер не печатает", body = "Проверьте **бумагу** и картридж.", visibility = "public",
        })).JsonAsync(HttpStatusCode.OK);
        var other = await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Сканер", body = "x", visibility = "internal",
        });

        // Slug uniqueness per language is the database's index too.
        await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Принтер не печатает!", body = "y", visibility = "draft",
        }, HttpStatusCode.Conflict);

        var fallback = await admin.GetJsonAsync($"/api/v1/kb/articles/{other.Id()}?language=en");
        Assert.Equal("ru", fallback.Str("language"));

        // Title filter folds Cyrillic case alike on both databases.
        var byTitle = await admin.GetJsonAsync("/api/v1/kb/articles?language=ru&title=ПРИНТЕР");
        Assert.Equal([ru.Id()], byTitle.Items().Select(i => i.Id()));
        var page1 = await admin.GetJsonAsync("/api/v1/kb/articles?limit=2");
        var page2 = await admin.GetJsonAsync($"/api/v1/kb/articles?limit=2&cursor={page1.Str("nextCursor")}");
        Assert.Equal([(other.Id(), "ru"), (ru.Id(), "en"), (ru.Id(), "ru")],
            page1.Items().Concat(page2.Items()).Select(i => (i.Id(), i.Str("language"))));
        Assert.Equal([ru.Id()], (await admin.GetJsonAsync("/api/v1/kb/articles?visibility=draft")).Items().Select(i => i.Id()));
        Assert.Equal(3, (await admin.GetJsonAsync($"/api/v1/kb/articles?category={category.Id()}")).Items().Count);

        var revisions = (await admin.GetJsonAsync($"/api/v1/kb/articles/{ru.Id()}/revisions?language=ru")).Items();
        Assert.Equal([2, 1], revisions.Select(r => r.GetProperty("number").GetInt32()));
        var restored = await (await admin.PostAsync($"/api/v1/kb/articles/{ru.Id()}/revisions/{revisions[1].Id()}/restore", null))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Проверьте **бумагу**.", restored.Str("body"));
        var diff = await admin.GetJsonAsync($"/api/v1/kb/articles/{ru.Id()}/diff?from={revisions[0].Id()}&to={revisions[1].Id()}");
        Assert.Equal("- Проверьте **бумагу** и картридж.\n+ Проверьте **бумагу**.\n", diff.Str("text"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            Assert.Equal(4, await db.Set<ArticleRevision>().CountAsync(r => r.ArticleId == ru.Id()));
            var stored = await db.Set<ArticleTranslation>().SingleAsync(t => t.ArticleId == ru.Id() && t.Language == "ru");
            Assert.Equal(3, stored.RevisionCount);
            Assert.Equal("printer-ne-pechataet", stored.Slug);
            Assert.Equal(TimeSpan.Zero, stored.UpdatedAt.Offset);
        }

        var ticket = await admin.CreateTicketAsync("Картридж", "ivan@example.com");
        var macro = await admin.PostJsonAsync("/api/v1/macros", new { name = "Ответ", body = "{{customer.name}}, заявка {{ticket.number}}" });
        await admin.PostJsonAsync("/api/v1/macros", new { name = "Личный", body = "x", shared = false });
        var preview = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/{macro.Id()}/preview", new { }, HttpStatusCode.OK);
        Assert.Equal($"Test Customer, заявка {ticket.GetProperty("number").GetInt64()}", preview.Str("text"));
        Assert.Equal(["Ответ"], (await admin.GetJsonAsync("/api/v1/macros?name=ОТВ")).Items().Select(m => m.Str("name")));
    }

    [Theory]
    [BothDatabases]
    public async Task Concurrent_saves_of_one_translation_each_get_their_own_revision_number(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "C" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "S" });
        var article = await admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = section.Id(), language = "ru", title = "Гонка", body = "0", visibility = "draft" });

        var saves = Enumerable.Range(1, 6).Select(async i =>
        {
            var client = await app.AdminClientAsync();
            var response = await client.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id()}", new { language = "ru", title = "Гонка", body = $"{i}", visibility = "draft" });
            await response.JsonAsync(HttpStatusCode.OK);
        });
        await Task.WhenAll(saves);

        var numbers = (await admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}/revisions?language=ru&limit=100")).Items()
            .Select(r => r.GetProperty("number").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Reverse(), numbers);
        var current = await admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}");
        Assert.Equal(7, current.GetProperty("revision").GetInt32());
        var newest = await admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}/revisions/{(await admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}/revisions?language=ru&limit=1")).Items()[0].Id()}");
        Assert.Equal(current.Str("body"), newest.Str("body"));
    }
}
