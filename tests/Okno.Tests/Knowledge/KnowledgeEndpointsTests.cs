using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Knowledge;
using Okno.Testing;

namespace Okno.Tests.Knowledge;

public sealed class KnowledgeEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    private async Task<long> SectionAsync()
    {
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Cat " + Guid.NewGuid().ToString("N")[..6] });
        return (await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Section" })).Id();
    }

    private async Task<JsonElement> CreateAsync(string title, string body = "Text", string language = "ru", string visibility = "public",
        long? sectionId = null) =>
        await Admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = sectionId ?? await SectionAsync(), language, title, body, visibility });

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Creating_an_article_renders_markdown_with_tables_autolinks_and_task_lists()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = await SectionAsync(), language = "en", title = Unique("Printer setup"), visibility = "internal",
            body = "# Setup\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.com\n\n- [x] done\n- [ ] todo\n",
        });
        var article = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/kb/articles/{article.Id()}", response.Headers.Location?.OriginalString);
        var html = article.Str("html");
        Assert.Contains("<table>", html);
        Assert.Contains("<a href=\"https://example.com\"", html);
        Assert.Contains("☑", html);
        Assert.Contains("☐", html);
        Assert.Equal("en", article.Str("language"));
        Assert.Equal("en", article.Str("fallbackLanguage"));
        Assert.Equal("internal", article.Str("visibility"));
        Assert.Equal(1, article.GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>Hello", "<script")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<div onclick=\"steal()\">x</div>", "onclick")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<input")]
    public async Task Unsafe_markdown_and_html_is_sanitized(string body, string forbidden)
    {
        var article = await CreateAsync(Unique("Unsafe"), body);
        Assert.DoesNotContain(forbidden, article.Str("html"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, article.Str("body"));
    }

    [Fact]
    public async Task Invalid_article_names_every_bad_field()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = 987_654, language = "russian", title = new string('x', 251), visibility = (string?)null, slug = "Bad Slug",
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body", "language", "sectionId", "slug", "title", "visibility"], problem.ErrorFields().Order());

        var nul = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = await SectionAsync(), language = "ru", title = "Nul", body = "a\u0000b", visibility = "draft",
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], nul.ErrorFields());

        var wrongEnum = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles", new { visibility = "secret" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("visibility", wrongEnum.ErrorFields());
    }

    [Fact]
    public async Task A_huge_article_is_refused_naming_the_body_and_a_body_over_the_request_limit_is_413()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = await SectionAsync(), language = "ru", title = "Huge", visibility = "draft", body = new string('a', 200_001),
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], problem.ErrorFields());

        var exactly = await CreateAsync(Unique("Exactly the limit"), new string('b', 200_000));
        Assert.Equal(200_000, exactly.Str("body").Length);

        using var tooBig = new StringContent("{\"body\":\"" + new string('c', 41 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await Admin.PostAsync("/api/v1/kb/articles", tooBig);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Slug_is_transliterated_from_cyrillic_and_a_clash_in_one_language_is_409()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var article = await CreateAsync($"Принтер не печатает: что делать? {suffix}");
        Assert.Equal($"printer-ne-pechataet-chto-delat-{suffix}", article.Str("slug"));
        Assert.Equal($"/help/ru/articles/{article.Id()}-printer-ne-pechataet-chto-delat-{suffix}", article.Str("helpCenterPath"));

        var clash = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = await SectionAsync(), language = "ru", title = $"Принтер не печатает — что делать {suffix}", body = "x", visibility = "public",
        })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("slug", clash.Str("field"));

        // The same slug in another language is a different URL, so it is fine.
        var english = await CreateAsync($"printer ne pechataet chto delat {suffix}", language: "en");
        Assert.Equal(article.Str("slug"), english.Str("slug"));
    }

    [Theory]
    [InlineData("Щётка и ёлка", "shchetka-i-elka")]
    [InlineData("Как настроить VPN (Windows 11)", "kak-nastroit-vpn-windows-11")]
    [InlineData("  Café — crème brûlée  ", "cafe-creme-brulee")]
    [InlineData("!!!", "article")]
    [InlineData("Объём журнала", "obem-zhurnala")]
    public void Slugs_transliterate_and_keep_only_latin_letters_digits_and_hyphens(string title, string slug) =>
        Assert.Equal(slug, Slugs.FromTitle(title));

    [Fact]
    public async Task A_missing_language_falls_back_to_the_first_written_one_and_says_so()
    {
        var article = await CreateAsync(Unique("Сброс пароля"), "Нажмите «Забыли пароль».");
        var english = await Admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}?language=en");
        Assert.Equal("ru", english.Str("language"));
        Assert.Equal("en", english.Str("requestedLanguage"));
        Assert.True(english.GetProperty("isFallback").GetBoolean());

        await (await Admin.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id()}", new
        {
            language = "en", title = Unique("Password reset"), body = "Click *Forgot password*.", visibility = "public",
        })).JsonAsync(HttpStatusCode.OK);
        english = await Admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}?language=EN");
        Assert.Equal("en", english.Str("language"));
        Assert.False(english.GetProperty("isFallback").GetBoolean());
        Assert.Contains("<em>Forgot password</em>", english.Str("html"));
        Assert.Equal(["ru", "en"], english.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("ru", english.Str("fallbackLanguage"));

        await Admin.GetJsonAsync("/api/v1/kb/articles/987654321", HttpStatusCode.NotFound);
        await (await Admin.PutAsJsonAsync("/api/v1/kb/articles/987654321", new { language = "ru", title = "x", body = "y", visibility = "draft" }))
            .JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revisions_are_listed_diffed_and_restored_as_a_new_revision()
    {
        var article = await CreateAsync(Unique("VPN"), "line one\nline two\n");
        var id = article.Id();
        await (await Admin.PutAsJsonAsync($"/api/v1/kb/articles/{id}", new
        {
            language = "ru", title = article.Str("title") + " (v2)", body = "line one\nline 2\nline three\n", visibility = "internal",
        })).JsonAsync(HttpStatusCode.OK);

        var revisions = (await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/revisions?language=ru")).Items();
        Assert.Equal([2, 1], revisions.Select(r => r.GetProperty("number").GetInt32()));
        var (second, first) = (revisions[0].Id(), revisions[1].Id());
        Assert.Equal("line one\nline two\n", (await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/revisions/{first}")).Str("body"));

        var diff = await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/diff?from={first}&to={second}");
        Assert.Equal("  line one\n- line two\n+ line 2\n+ line three\n", diff.Str("text"));
        Assert.Equal(["unchanged", "removed", "added", "added"], diff.GetProperty("lines").EnumerateArray().Select(l => l.Str("kind")));

        var restored = await (await Admin.PostAsync($"/api/v1/kb/articles/{id}/revisions/{first}/restore", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("line one\nline two\n", restored.Str("body"));
        Assert.Equal("public", restored.Str("visibility"));
        Assert.Equal(3, restored.GetProperty("revision").GetInt32());
        revisions = (await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/revisions?language=ru")).Items();
        Assert.Equal([3, 2, 1], revisions.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(1, revisions[0].GetProperty("restoredFrom").GetInt32());

        await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/revisions/987654321", HttpStatusCode.NotFound);
        var missing = await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/diff?from={first}", HttpStatusCode.BadRequest);
        Assert.Equal(["to"], missing.ErrorFields());
        await (await Admin.PostAsync($"/api/v1/kb/articles/{id}/revisions/987654321/restore", null)).JsonAsync(HttpStatusCode.NotFound);
        await Admin.GetJsonAsync($"/api/v1/kb/articles/{id}/revisions?language=de", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Articles_are_listed_by_filters_and_keyset_paged()
    {
        var section = await SectionAsync();
        var otherSection = await SectionAsync();
        var created = new List<long>();
        for (var i = 0; i < 5; i++) created.Add((await CreateAsync(Unique($"Paged {i}"), sectionId: section, visibility: i % 2 == 0 ? "public" : "draft")).Id());
        await CreateAsync(Unique("Elsewhere"), sectionId: otherSection);

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await Admin.GetJsonAsync($"/api/v1/kb/articles?section={section}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items().Select(i => i.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(created.AsEnumerable().Reverse(), seen);

        var drafts = await Admin.GetJsonAsync($"/api/v1/kb/articles?section={section}&visibility=draft&language=ru");
        Assert.Equal([created[3], created[1]], drafts.Items().Select(i => i.Id()));
        var category = (await Admin.GetJsonAsync($"/api/v1/kb/sections/{section}")).GetProperty("categoryId").GetInt64();
        Assert.Equal(5, (await Admin.GetJsonAsync($"/api/v1/kb/articles?category={category}")).Items().Count);
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/kb/articles?section={section}&language=en")).Items());
        var byTitle = await Admin.GetJsonAsync($"/api/v1/kb/articles?section={section}&title=PAGED%203");
        Assert.Equal([created[3]], byTitle.Items().Select(i => i.Id()));

        var bad = await Admin.GetJsonAsync("/api/v1/kb/articles?visibility=secret&limit=500", HttpStatusCode.BadRequest);
        Assert.Contains(bad.ErrorFields(), f => f is "visibility" or "limit");
        await Admin.GetJsonAsync("/api/v1/kb/articles?cursor=nonsense!", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Categories_and_sections_are_ordered_changed_and_deleted_only_when_empty()
    {
        var first = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Zeta", position = 900_001 });
        var second = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Alpha", position = 900_000 });
        var page = await Admin.GetJsonAsync("/api/v1/kb/categories?limit=100");
        var order = page.Items().Select(c => c.Id()).ToList();
        Assert.True(order.IndexOf(second.Id()) < order.IndexOf(first.Id()));

        var b = await Admin.PostJsonAsync($"/api/v1/kb/categories/{first.Id()}/sections", new { name = "B" });
        var a = await Admin.PostJsonAsync($"/api/v1/kb/categories/{first.Id()}/sections", new { name = "A", position = 0 });
        var withSections = await Admin.GetJsonAsync($"/api/v1/kb/categories/{first.Id()}");
        Assert.Equal(["A", "B"], withSections.GetProperty("sections").EnumerateArray().Select(s => s.Str("name")));

        var renamed = await (await Admin.PutAsJsonAsync($"/api/v1/kb/categories/{first.Id()}", new { name = "Omega", description = "Last" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Omega", renamed.Str("name"));
        var moved = await (await Admin.PutAsJsonAsync($"/api/v1/kb/sections/{b.Id()}", new { name = "B2", categoryId = second.Id() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(second.Id(), moved.GetProperty("categoryId").GetInt64());

        await CreateAsync(Unique("Holds the section"), sectionId: a.Id());
        await (await Admin.DeleteAsync($"/api/v1/kb/sections/{a.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        await (await Admin.DeleteAsync($"/api/v1/kb/categories/{first.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        await (await Admin.DeleteAsync($"/api/v1/kb/sections/{b.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        await (await Admin.DeleteAsync("/api/v1/kb/categories/987654321")).JsonAsync(HttpStatusCode.NotFound);

        var invalid = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = " ", position = -1 }, HttpStatusCode.BadRequest);
        Assert.Equal(["name", "position"], invalid.ErrorFields().Order());
        await Admin.PostJsonAsync("/api/v1/kb/categories/987654321/sections", new { name = "x" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Files_are_uploaded_served_to_agents_and_publicly_only_for_public_articles()
    {
        var draft = await CreateAsync(Unique("Draft with image"), visibility: "draft");
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var file = await Admin.PostJsonAsync($"/api/v1/kb/articles/{draft.Id()}/files", new { fileName = "shot.png", contentType = "image/png", contentBase64 = png });
        Assert.Equal($"![shot.png](/api/v1/kb/files/{file.Id()})", file.Str("markdown"));
        var agentGet = await Admin.GetAsync(file.Str("url"));
        Assert.Equal(HttpStatusCode.OK, agentGet.StatusCode);
        Assert.Equal(7, (await agentGet.Content.ReadAsByteArrayAsync()).Length);

        using var anonymous = okno.App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(file.Str("url"))).StatusCode);
        await (await Admin.PutAsJsonAsync($"/api/v1/kb/articles/{draft.Id()}", new
        {
            language = "ru", title = draft.Str("title"), body = $"![shot.png]({file.Str("url")})", visibility = "public",
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(file.Str("url"))).StatusCode);
        var shown = await Admin.GetJsonAsync($"/api/v1/kb/articles/{draft.Id()}");
        Assert.Contains($"<img src=\"/api/v1/kb/files/{file.Id()}\"", shown.Str("html"));

        var bad = await Admin.PostJsonAsync($"/api/v1/kb/articles/{draft.Id()}/files", new { fileName = "x.txt", contentBase64 = "%%%" }, HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorFields());
        await Admin.PostJsonAsync("/api/v1/kb/articles/987654321/files", new { fileName = "x.txt", contentBase64 = "eA==" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_knowledge_and_macro_routes()
    {
        using var client = okno.App.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/kb/articles", "/api/v1/kb/articles/{id}/revisions/{revisionId}/restore", "/api/v1/kb/articles/{id}/diff",
                     "/api/v1/kb/categories/{id}/sections", "/api/v1/kb/articles/{id}/files", "/api/v1/macros", "/api/v1/tickets/{id}/macros/{macroId}/preview" })
            Assert.Contains($"\"{route}\"", document);
        Assert.Contains("\"Knowledge\"", document);
    }

    [Fact]
    public async Task Knowledge_api_requires_sign_in()
    {
        using var anonymous = okno.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/kb/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/macros")).StatusCode);
    }
}
