using System.Net.Http.Json;
using System.Text.Json;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Knowledge;

[Collection(ChromiumCollection.Name)]
public sealed class KnowledgeBaseTests(OknoInChromium okno)
{
    [Fact]
    public Task Agent_writes_an_article_in_russian_translates_edits_restores_and_inserts_a_macro_into_a_reply() => okno.InPageAsync("ru-RU", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать" });
        await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Принтер не печатает {suffix}";

        await tab.SignInAsync(returnUrl: "/kb/articles/new");
        var page = tab.Page;

        // A new article in Russian (the page's language), saved as a draft.
        await page.Locator("#kb-title-input").FillAsync(title);
        await page.Locator("#kb-body-input").FillAsync("Проверьте бумагу.");
        await Expect(page.Locator("#kb-preview")).ToContainTextAsync("Проверьте бумагу.");
        await page.Locator("#kb-save").ClickAsync();
        await Expect(page.Locator("#kb-editor-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#kb-revision-1")).ToBeVisibleAsync();
        await Expect(page.Locator("#kb-help-path")).ToContainTextAsync($"/help/ru/articles/");
        await Expect(page.Locator("#kb-help-path")).ToContainTextAsync($"-printer-ne-pechataet-{suffix}");
        var id = long.Parse(page.Url.Split("/kb/articles/")[1].Split('?')[0]);

        // An image goes into the article's files and its Markdown into the text.
        await page.Locator("#kb-files input[type=file]").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "dot.png", MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="),
        });
        await Expect(page.Locator("#kb-preview img[src^='/api/v1/kb/files/']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#kb-body-input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"!\[dot\.png\]\(/api/v1/kb/files/\d+\)$"));

        // An edit makes revision 2; Markdown is previewed as it is typed.
        await page.Locator("#kb-body-input").FillAsync("Проверьте бумагу и **картридж**.");
        await Expect(page.Locator("#kb-preview strong")).ToHaveTextAsync("картридж");
        await page.Locator("#kb-save").ClickAsync();
        await Expect(page.Locator("#kb-revision-2")).ToBeVisibleAsync();

        // An English translation.
        await page.Locator("#kb-add-en").ClickAsync();
        await Expect(page.Locator("#kb-title-input")).ToHaveValueAsync("");
        await page.Locator("#kb-title-input").FillAsync($"Printer does not print {suffix}");
        await page.Locator("#kb-body-input").FillAsync("Check the paper.");
        await Expect(page.Locator("#kb-preview")).ToContainTextAsync("Check the paper.");
        await page.Locator("#kb-save").ClickAsync();
        await Expect(page.Locator("#kb-lang-en")).ToBeVisibleAsync();
        await Expect(page.Locator("#kb-revision-1")).ToBeVisibleAsync();
        await Expect(page.Locator("#kb-fallback-note")).ToBeVisibleAsync();
        var english = await admin.GetJsonAsync($"/api/v1/kb/articles/{id}?language=en");
        Assert.Equal("Check the paper.", english.Str("body"));

        // Back to Russian: the diff of revision 1 against the current one, then restore it.
        await page.Locator("#kb-lang-ru").ClickAsync();
        await Expect(page.Locator("#kb-revision-2")).ToBeVisibleAsync();
        await page.Locator("#kb-diff-1").ClickAsync();
        await Expect(page.Locator("#kb-diff .kb-diff-removed")).ToContainTextAsync("- Проверьте бумагу.");
        await Expect(page.Locator("#kb-diff .kb-diff-added")).ToContainTextAsync("+ Проверьте бумагу и **картридж**.");
        await tab.ScreenshotAsync("diff");
        await page.Locator("#kb-restore-1").ClickAsync();
        await Expect(page.Locator("#kb-revision-3")).ToBeVisibleAsync();
        await Expect(page.Locator("#kb-body-input")).ToHaveValueAsync("Проверьте бумагу.");
        var russian = await admin.GetJsonAsync($"/api/v1/kb/articles/{id}?language=ru");
        Assert.Equal("Проверьте бумагу.", russian.Str("body"));
        Assert.Equal(3, russian.GetProperty("revision").GetInt32());

        // The list shows both translations.
        await tab.GotoInteractiveAsync("/kb");
        await Expect(page.Locator("#kb-articles .kb-article-link", new() { HasText = suffix })).ToHaveCountAsync(2);
        await tab.ScreenshotAsync("list");

        // A canned answer goes into a reply filled for the ticket.
        var macro = await admin.PostJsonAsync("/api/v1/macros", new { name = $"Приветствие {suffix}", body = "Здравствуйте, {{customer.name}}! Заявка {{ticket.number}}." });
        var ticket = await admin.CreateTicketAsync("Не печатает " + suffix, $"anna-{suffix}@example.com");
        await tab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        await page.Locator("#reply-body").FillAsync("Добрый день.");
        await page.Locator("#reply-insert").ClickAsync();
        await Expect(page.Locator($"#insert-macro-{macro.Id()}")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("insert");
        await page.Locator($"#insert-macro-{macro.Id()}").ClickAsync();
        await Expect(page.Locator("#reply-body")).ToHaveTextAsync(
            $"Добрый день.\n\nЗдравствуйте, Test Customer! Заявка {ticket.GetProperty("number").GetInt64()}.", new() { UseInnerText = true });

        // A published article goes in as a link to its help-center page (drafts are not offered).
        await (await admin.PutAsJsonAsync($"/api/v1/kb/articles/{id}", new { language = "ru", title, body = "Проверьте бумагу.", visibility = "public" }))
            .JsonAsync(System.Net.HttpStatusCode.OK);
        await page.Locator("#reply-insert").ClickAsync();
        await page.Locator("#insert-articles-tab").ClickAsync();
        await page.Locator("#insert-filter").FillAsync(suffix);
        var offered = page.Locator("#insert-list .insert-article-title");
        await Expect(offered).ToHaveTextAsync([title]);
        await page.Locator("#insert-list [id^=insert-article-link-]").ClickAsync();
        await Expect(page.Locator("#reply-body")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            $@"\s{title}: http://[^/]+/help/ru/articles/{id}-printer-ne-pechataet-{suffix}$"), new() { UseInnerText = true });
    });
}

[Collection(ChromiumCollection.Name)]
public sealed class KnowledgeAdminPagesTests(OknoInChromium okno)
{
    [Fact]
    public Task Agent_manages_categories_sections_and_canned_answers() => okno.InPageAsync("en-US", async tab =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(returnUrl: "/kb/categories");
        var page = tab.Page;

        await page.Locator("#kb-new-category").FillAsync($"Network {suffix}");
        await page.Locator("#kb-add-category").ClickAsync();
        var category = page.Locator("[id^=kb-category-]", new() { HasText = $"Network {suffix}" });
        await Expect(category).ToBeVisibleAsync();
        var categoryId = (await category.GetAttributeAsync("id"))!["kb-category-".Length..];
        await page.Locator($"#kb-new-section-{categoryId}").FillAsync("VPN");
        await page.Locator($"#kb-add-section-{categoryId}").ClickAsync();
        await Expect(category.Locator(".kb-section-name")).ToHaveTextAsync(["VPN"]);

        // Named in English only (the page's language) until the Russian name is given in the same editor.
        await Expect(category.Locator(".kb-category-name-missing")).ToContainTextAsync("Russian");
        await page.Locator($"#kb-rename-category-{categoryId}-start").ClickAsync();
        await Expect(page.Locator($"#kb-rename-category-{categoryId}-en")).ToHaveValueAsync($"Network {suffix}");
        await page.Locator($"#kb-rename-category-{categoryId}-ru").FillAsync($"Сеть {suffix}");
        await page.Locator($"#kb-rename-category-{categoryId}-ru-description").FillAsync("VPN и Wi-Fi");
        await page.Locator($"#kb-rename-category-save-{categoryId}").ClickAsync();
        await Expect(category.Locator(".kb-category-name")).ToHaveTextAsync($"Network {suffix}");
        await Expect(category.Locator(".kb-category-name-missing")).ToHaveCountAsync(0);
        var admin = await okno.App.AdminClientAsync();
        var russian = await admin.GetJsonAsync($"/api/v1/kb/categories/{categoryId}?language=ru");
        Assert.Equal(($"Сеть {suffix}", "VPN и Wi-Fi"), (russian.Str("name"), russian.Str("description")));

        await page.Locator($"#kb-delete-category-{categoryId}").ClickAsync();
        await Expect(page.Locator("#kb-categories-error")).ToContainTextAsync("not empty");

        await tab.GotoInteractiveAsync("/macros");
        await page.Locator("#macro-new").ClickAsync();
        await page.Locator("#macro-name").FillAsync($"Thanks {suffix}");
        await page.Locator("#macro-body").FillAsync("Thank you, {{customer.name}}!");
        await page.Locator("#macro-save").ClickAsync();
        await Expect(page.Locator("#macros-table .macro-name", new() { HasText = suffix })).ToBeVisibleAsync();
        await page.Locator("#macro-filter").FillAsync("no such macro at all");
        await Expect(page.Locator("#macros-empty")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_body_the_text_gate_refuses_shows_the_reason_in_the_preview_and_under_the_field_and_the_page_keeps_working() =>
        okno.InPageAsync("ru-RU", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Глубина " + Guid.NewGuid().ToString("N")[..6] });
        await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Цитаты" });
        await tab.SignInAsync(returnUrl: "/kb/articles/new");
        var page = tab.Page;
        await page.Locator("#kb-title-input").FillAsync("Слишком глубоко " + Guid.NewGuid().ToString("N")[..6]);

        // 40 nested quotes: over the nesting limit (32). The preview says why, in the page's language, and renders nothing.
        await page.Locator("#kb-body-input").FillAsync(string.Concat(Enumerable.Repeat("> ", 40)) + "текст");
        await Expect(page.Locator("#kb-preview-error")).ToContainTextAsync("вложен слишком глубоко");
        await page.Locator("#kb-save").ClickAsync();
        await Expect(page.GetByText("не больше 32 уровней").Last).ToBeVisibleAsync();
        Assert.Contains("/kb/articles/new", page.Url);

        // The circuit is alive: a normal body previews and saves.
        await page.Locator("#kb-body-input").FillAsync("> одна цитата с **выделением**");
        await Expect(page.Locator("#kb-preview-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#kb-preview strong")).ToHaveTextAsync("выделением");
        await page.Locator("#kb-save").ClickAsync();
        await Expect(page.Locator("#kb-revision-1")).ToBeVisibleAsync();
    });
}
