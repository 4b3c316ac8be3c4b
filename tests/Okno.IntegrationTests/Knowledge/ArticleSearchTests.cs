using System.Text.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Knowledge;

/// <summary>Knowledge-base search through the database index, alike on SQLite and PostgreSQL.</summary>
public sealed class ArticleSearchTests
{
    [Theory]
    [BothDatabases]
    public async Task Articles_are_found_by_other_word_forms_title_first_with_snippets_and_edits_count_at_once(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });
        async Task<JsonElement> ArticleAsync(string language, string title, string body) =>
            await admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = section.Id(), language, title, body, visibility = "public" });
        var printer = await ArticleAsync("ru", "Принтер не печатает", "Проверьте бумагу и картридж.");
        var paper = await ArticleAsync("ru", "Замятие бумаги", "Если принтер зажевал лист, откройте крышку.");
        var english = await ArticleAsync("en", "Printer is broken", "Restart the spooler service.");

        async Task<List<JsonElement>> SearchAsync(string q, string? lang = null) =>
            (await admin.GetJsonAsync($"/api/v1/kb/search?q={Uri.EscapeDataString(q)}{(lang is null ? "" : "&lang=" + lang)}"))
            .GetProperty("items").EnumerateArray().ToList();

        var plural = await SearchAsync("принтеры");
        Assert.Equal([printer.Id(), paper.Id()], plural.Select(i => i.GetProperty("articleId").GetInt64()));   // title hit first
        Assert.Contains("<mark>", plural[0].GetProperty("snippet").GetString());
        Assert.Equal([printer.Id()], (await SearchAsync("печатать")).Select(i => i.GetProperty("articleId").GetInt64()));
        Assert.Equal([english.Id()], (await SearchAsync("printers", "en")).Select(i => i.GetProperty("articleId").GetInt64()));
        Assert.Empty(await SearchAsync("принтеры", "en"));
        foreach (var hostile in new[] { "\"принтер", "принтер*", "(", "NEAR(a b)", "'; DROP TABLE \"Tickets\"; --", "AND OR NOT" })
            await SearchAsync(hostile);

        await admin.PutAsync($"/api/v1/kb/articles/{paper.Id()}", System.Net.Http.Json.JsonContent.Create(new
        {
            language = "ru", title = "Замятие листа", body = "Откройте крышку и достаньте лист.", visibility = "public",
        }));
        Assert.Equal([printer.Id()], (await SearchAsync("принтеры")).Select(i => i.GetProperty("articleId").GetInt64()));
        Assert.Single(await SearchAsync("листы"));
    }
}
