using Microsoft.EntityFrameworkCore;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Knowledge;

[Collection(ChromiumCollection.Name)]
public sealed class HelpCenterTrailPanelTests(OknoInChromium okno)
{
    [Fact]
    public Task Ticket_page_shows_what_the_visitor_searched_and_read_before_writing() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать " + suffix });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });
        var title = $"Принтер не печатает {suffix}";
        var article = await admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = section.Id(), language = "ru", title, body = "Проверьте кабель.", visibility = "public" });
        var path = article.Str("helpCenterPath");

        // The visitor (this browser, not signed in yet) searches, opens the article from the results, then writes in.
        var page = tab.Page;
        await page.GotoAsync("/help/ru/search?q=" + Uri.EscapeDataString("принтер " + suffix));
        await page.Locator("a.help-result", new() { HasText = title }).ClickAsync();
        await Expect(page.Locator("#help-article-title")).ToHaveTextAsync(title);
        await page.GotoAsync("/help/ru/contact");
        await page.Locator("#help-contact-email").FillAsync($"trail.{suffix}@example.com");
        await page.Locator("#help-contact-subject").FillAsync("Не печатает");
        await page.Locator("#help-contact-message").FillAsync("Статья не помогла.");
        await page.Locator("#help-contact-submit").ClickAsync();
        await Expect(page.Locator("#help-ticket-created")).ToBeVisibleAsync();
        var ticketId = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>().Where(e => e.Kind == HelpVisitEventKind.TicketCreated)
            .OrderByDescending(e => e.Id).Select(e => e.TicketId!.Value).FirstAsync());
        var phoned = await admin.CreateTicketAsync("Phone call " + suffix);

        await tab.SignInAsync(returnUrl: $"/tickets/{ticketId}");
        var trail = page.Locator("#help-trail");
        await Expect(trail).ToContainTextAsync("In the help center before writing");
        await Expect(trail.Locator(".help-trail-step")).ToHaveCountAsync(2);
        await Expect(trail.Locator(".help-trail-search .help-trail-query")).ToHaveTextAsync("принтер " + suffix);
        await Expect(trail.Locator(".help-trail-article a")).ToHaveAttributeAsync("href", path);
        await Expect(trail.Locator(".help-trail-article a")).ToHaveTextAsync(title);
        await tab.ScreenshotAsync("help-trail");

        // A ticket from another channel shows no such panel.
        await tab.GotoInteractiveAsync($"/tickets/{phoned.Id()}");
        await Expect(page.Locator(".ticket-side")).ToBeVisibleAsync();
        await Expect(page.Locator("#help-trail")).ToHaveCountAsync(0);
    });
}
