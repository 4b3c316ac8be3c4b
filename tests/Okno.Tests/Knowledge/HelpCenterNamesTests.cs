using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Testing;

namespace Okno.Tests.Knowledge;

/// <summary>Category and section names per language: written through the API, shown in the help center in the
/// visitor's language, and in the other language when a translation is missing (the English help center showed the
/// Russian headings).</summary>
public sealed class HelpCenterNamesTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    private HttpClient Visitor() => okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    private async Task<JsonElement> PutAsync(string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await Admin.PutAsJsonAsync(url, body)).JsonAsync(expected);

    [Fact]
    public async Task Help_center_shows_headings_in_the_visitors_language_and_falls_back_to_the_other()
    {
        var (ruCategory, enCategory) = (Unique("Оборудование"), Unique("Hardware"));
        var (ruSection, enSection, ruOnlySection) = (Unique("Принтеры"), Unique("Printers"), Unique("Сканеры"));
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new
        {
            translations = new[] { new { language = "ru", name = ruCategory, description = "Всё о технике" }, new { language = "en", name = enCategory, description = "All about devices" } },
        });
        var printers = await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new
        {
            translations = new[] { new { language = "ru", name = ruSection }, new { language = "en", name = enSection } },
        });
        var scanners = await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = ruOnlySection, language = "ru" });
        foreach (var (section, language, title) in new[] { (printers.Id(), "ru", "Принтер не печатает"), (printers.Id(), "en", "Printer does not print"), (scanners.Id(), "en", "Scanner is slow") })
            await Admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = section, language, title = Unique(title), body = "Text.", visibility = "public" });

        var english = await Visitor().GetStringAsync("/help/en");
        Assert.Contains($"<h2 lang=\"en\">{enCategory}</h2>", english);
        Assert.Contains("All about devices", english);
        Assert.Contains($"<h3 lang=\"en\">{enSection}</h3>", english);
        Assert.DoesNotContain(ruCategory, english);
        Assert.DoesNotContain(ruSection, english);
        // No English name yet: the Russian one, marked as Russian, rather than nothing.
        Assert.Contains($"<h3 lang=\"ru\">{ruOnlySection}</h3>", english);

        var russian = await Visitor().GetStringAsync("/help/ru");
        Assert.Contains($"<h2 lang=\"ru\">{ruCategory}</h2>", russian);
        Assert.Contains("Всё о технике", russian);
        Assert.Contains($"<h3 lang=\"ru\">{ruSection}</h3>", russian);
        Assert.DoesNotContain(enCategory, russian);

        // The article page's breadcrumbs too.
        var article = await Admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = printers.Id(), language = "en", title = Unique("Paper jam"), body = "Open the tray.", visibility = "public" });
        var page = await Visitor().GetStringAsync(article.Str("helpCenterPath"));
        Assert.Contains($"<span lang=\"en\">{enCategory}</span>", page);
        Assert.Contains($"<span lang=\"en\">{enSection}</span>", page);

        // An English name added later replaces the fallback.
        var named = await PutAsync($"/api/v1/kb/sections/{scanners.Id()}", new { name = "Scanners", language = "en" });
        Assert.Equal("Scanners", named.Str("name"));
        Assert.Equal(["ru", "en"], named.GetProperty("translations").EnumerateArray().Select(t => t.Str("language")));
        Assert.Contains("<h3 lang=\"en\">Scanners</h3>", await Visitor().GetStringAsync("/help/en"));
        Assert.Contains($"<h3 lang=\"ru\">{ruOnlySection}</h3>", await Visitor().GetStringAsync("/help/ru"));
    }

    [Fact]
    public async Task Api_gives_names_in_the_language_asked_for_and_replaces_the_whole_set()
    {
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Учётные записи" });
        // A name without a language is in the language it is written in.
        Assert.Equal("ru", category.Str("language"));
        Assert.Equal("ru", Assert.Single(category.GetProperty("translations").EnumerateArray()).Str("language"));

        var both = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new
        {
            translations = new[] { new { language = "ru", name = "Учётные записи", description = (string?)null }, new { language = "en", name = "Accounts", description = (string?)"Sign-in" } },
        });
        Assert.Equal(2, both.GetProperty("translations").GetArrayLength());
        var english = await Admin.GetJsonAsync($"/api/v1/kb/categories/{category.Id()}?language=en");
        Assert.Equal(("Accounts", "Sign-in", "en"), (english.Str("name"), english.Str("description"), english.Str("language")));
        var russian = await Admin.GetJsonAsync($"/api/v1/kb/categories/{category.Id()}?language=ru");
        Assert.Equal("Учётные записи", russian.Str("name"));
        // A language without a name answers with the first one written.
        Assert.Equal("Учётные записи", (await Admin.GetJsonAsync($"/api/v1/kb/categories/{category.Id()}?language=de")).Str("name"));

        // The whole set replaces: Russian left out is removed.
        var only = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new { translations = new[] { new { language = "en", name = "Accounts" } } });
        Assert.Equal("Accounts", Assert.Single(only.GetProperty("translations").EnumerateArray()).Str("name"));
        Assert.Equal("Accounts", (await Admin.GetJsonAsync($"/api/v1/kb/categories/{category.Id()}?language=ru")).Str("name"));
    }

    [Fact]
    public async Task Bad_names_are_refused_naming_the_field_and_nothing_is_written()
    {
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Billing", language = "en" });
        Assert.Equal("en", category.Str("language"));
        var twice = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new
        {
            translations = new[] { new { language = "en", name = "Billing" }, new { language = "EN", name = "Payments" } },
        }, HttpStatusCode.BadRequest);
        Assert.Contains("translations[1].language", twice.ErrorFields());
        var blank = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new { translations = new[] { new { language = "ru", name = " " } } },
            HttpStatusCode.BadRequest);
        Assert.Contains("translations[0].name", blank.ErrorFields());
        var both = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new { name = "X", translations = new[] { new { language = "ru", name = "Y" } } },
            HttpStatusCode.BadRequest);
        Assert.Contains("translations", both.ErrorFields());
        var language = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "X", language = "english" }, HttpStatusCode.BadRequest);
        Assert.Contains("language", language.ErrorFields());
        var none = await PutAsync($"/api/v1/kb/categories/{category.Id()}", new { translations = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        Assert.Contains("translations", none.ErrorFields());

        var unchanged = await Admin.GetJsonAsync($"/api/v1/kb/categories/{category.Id()}");
        Assert.Equal("Billing", Assert.Single(unchanged.GetProperty("translations").EnumerateArray()).Str("name"));
    }
}
