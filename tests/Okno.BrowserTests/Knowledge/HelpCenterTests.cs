using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Knowledge;

[Collection(ChromiumCollection.Name)]
public sealed class HelpCenterTests(OknoInChromium okno)
{
    [Fact]
    public Task Anonymous_visitor_searches_reads_votes_and_contacts_support_with_suggestions() => okno.InPageAsync("ru-RU", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Оборудование" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Печать" });
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Принтер не печатает {suffix}";
        var article = await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title, body = "Проверьте, что в лотке есть **бумага**.", visibility = "public",
        });
        var page = tab.Page;

        // No sign-in: /help picks Russian from the browser and lists the article.
        await page.GotoAsync("/help");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/help/ru$"));
        await Expect(page.GetByText(title)).ToBeVisibleAsync();

        // Suggestions while typing, then the plain search form.
        await page.Locator("#help-q").PressSequentiallyAsync("принтеры", new() { Delay = 20 });
        await Expect(page.Locator("#help-q-suggestions a", new() { HasText = title })).ToBeVisibleAsync();
        await page.Locator("#help-search-submit").ClickAsync();
        await Expect(page.Locator("#help-results")).ToBeVisibleAsync();
        await Expect(page.Locator("#help-results mark").First).ToBeVisibleAsync();
        await tab.ScreenshotAsync("search");

        // The result opens the article; "no" with a comment is thanked.
        await page.Locator("a.help-result", new() { HasText = title }).ClickAsync();
        await Expect(page.Locator("#help-article-title")).ToHaveTextAsync(title);
        // Plain server-rendered HTML: no Blazor or MudBlazor downloaded for visitors.
        Assert.Equal(0, await page.Locator("script[src*='blazor.web']").CountAsync());
        await tab.ScreenshotAsync("article");
        await Expect(page.Locator(".help-article-body strong")).ToHaveTextAsync("бумага");
        await page.Locator("#help-feedback-comment").FillAsync("Бумага есть, всё равно не печатает.");
        await page.Locator("#help-feedback-no").ClickAsync();
        await Expect(page.Locator("#help-feedback-thanks")).ToBeVisibleAsync();
        var vote = await okno.App.WithDbAsync(db => db.Set<ArticleFeedback>().SingleAsync(f => f.ArticleId == article.Id()));
        Assert.False(vote.Helpful);
        Assert.Equal("Бумага есть, всё равно не печатает.", vote.Comment);

        // Contact support: the subject suggests the article, the request becomes a ticket with a number.
        await page.Locator("#help-contact-link").ClickAsync();
        await page.Locator("#help-contact-email").FillAsync($"visitor.{suffix}@example.com");
        await page.Locator("#help-contact-name").FillAsync("Анна");
        await page.Locator("#help-contact-subject").PressSequentiallyAsync("Принтер не печатает", new() { Delay = 20 });
        await Expect(page.Locator("#help-contact-subject-suggestions a", new() { HasText = title })).ToBeVisibleAsync();
        await page.Locator("#help-contact-message").FillAsync("Лоток полон, но печати нет.");
        await page.Locator("#help-contact-submit").ClickAsync();
        // The visitor is given a reference, not the desk's sequential number.
        await Expect(page.Locator("#help-ticket-created")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        await Expect(page.Locator("#help-ticket-created")).Not.ToContainTextAsync("#");

        var visit = vote.VisitId;
        var kinds = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>().Where(e => e.VisitId == visit).Select(e => e.Kind).ToListAsync());
        Assert.Contains(HelpVisitEventKind.ArticleOpened, kinds);
        Assert.Contains(HelpVisitEventKind.FeedbackGiven, kinds);
        Assert.Contains(HelpVisitEventKind.TicketCreated, kinds);
        Assert.True(await okno.App.WithDbAsync(db => db.Set<HelpSearch>().AnyAsync(s => s.VisitId == visit && s.ResultCount > 0)));
        Assert.Empty(tab.Problems);
    });

    /// <summary>Issue 14's help-center defects: "Also available in:Русский" and "Title(in another language…)" ran
    /// together, "Contact support" was on a page twice and the contact page linked to itself, Markdown tables were
    /// unruled text.</summary>
    [Fact]
    public Task Help_center_text_is_spaced_contact_support_is_once_per_page_and_tables_are_ruled() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Billing" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Invoices" });
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Invoice fields {suffix}";
        var article = await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "en", title, visibility = "public",
            body = "Fields:\n\n| Field | Meaning |\n|---|---|\n| INN | Tax number |\n| KPP | Registration code |\n",
        });
        (await admin.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id()}", new
        {
            language = "ru", title = $"Поля счёта {suffix}", body = "Поля счёта.", visibility = "public",
        })).EnsureSuccessStatusCode();
        await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = $"Только по-русски {suffix}", body = "Текст.", visibility = "public",
        });
        var page = tab.Page;

        await page.GotoAsync("/help/en");
        var fallback = page.Locator("li", new() { Has = page.Locator($"a:text-is('Только по-русски {suffix}')") });
        await Expect(fallback).ToContainTextAsync($"Только по-русски {suffix} (in another language: ");

        await page.Locator("a", new() { HasText = title }).ClickAsync();
        await Expect(page.Locator("#help-article-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#help-article-languages")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Also available in: Русский\s*$"));
        Assert.Equal(1, await page.GetByText("Contact support", new() { Exact = true }).CountAsync());
        var cell = page.Locator(".help-article-body td", new() { HasText = "Tax number" });
        Assert.Equal("solid", await cell.EvaluateAsync<string>("td => getComputedStyle(td).borderTopStyle"));
        await tab.ScreenshotAsync("article-table");

        await page.Locator("#help-contact-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Contact support");
        Assert.Equal(0, await page.Locator("a[href$='/contact']").CountAsync());
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_agent_sees_an_unverified_sender_and_confirms_them_into_the_customer_who_owns_the_address() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var domain = $"contoso-{Guid.NewGuid():N}.example";
        await admin.PostJsonAsync("/api/v1/companies", new { name = "Contoso", domain });
        var known = await admin.CreateTicketAsync("An older request", $"anna@{domain}");
        var page = tab.Page;

        await page.GotoAsync("/help/en/contact");
        await page.Locator("#help-contact-email").FillAsync($"anna@{domain}");
        await page.Locator("#help-contact-name").FillAsync("Someone");
        await page.Locator("#help-contact-subject").FillAsync("Show me Anna's tickets");
        await page.Locator("#help-contact-message").FillAsync("Please.");
        await page.Locator("#help-contact-submit").ClickAsync();
        var text = await page.Locator("#help-ticket-created").InnerTextAsync();
        var reference = System.Text.RegularExpressions.Regex.Match(text, "[0-9A-Z]{5}-[0-9A-Z]{5}").Value;
        var stored = reference.Replace("-", "", StringComparison.Ordinal);
        var ticketId = await okno.App.WithDbAsync(db => db.Set<Okno.Tickets.Ticket>().Where(t => t.Reference == stored).Select(t => t.Id).SingleAsync());

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticketId}");
        await Expect(page.Locator("#ticket-unverified-sender")).ToHaveTextAsync("Unverified sender");
        await Expect(page.Locator("#ticket-reference")).ToContainTextAsync(reference);
        await Expect(page.Locator("#customer-name")).ToHaveTextAsync("Someone");
        await Expect(page.Locator("#customer-unverified-email")).ToContainTextAsync($"anna@{domain}");
        await Expect(page.Locator("#customer-company")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#contact-tickets a[href='/tickets/{known.Id()}']")).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("unverified");

        await page.Locator("#customer-confirm").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Confirm sender", Exact = true }).ClickAsync();
        await Expect(page.Locator("#customer-name")).ToHaveTextAsync("Test Customer");
        await Expect(page.Locator("#ticket-unverified-sender")).ToHaveCountAsync(0);
        await Expect(page.Locator("#customer-unverified")).ToHaveCountAsync(0);
        await Expect(page.Locator("#customer-company")).ToContainTextAsync("Contoso");
        await Expect(page.Locator($"#contact-tickets a[href='/tickets/{known.Id()}']")).ToHaveCountAsync(1);

        // A signed-in admin's cookie also opens /health's details.
        // Read with the page's cookies, not navigated to: a JSON document makes Chromium ask for /favicon.ico (a 404).
        var health = await page.APIRequest.GetAsync("/health");
        Assert.Contains("\"checks\"", await health.TextAsync());
        Assert.Empty(tab.Problems);
    });
}
