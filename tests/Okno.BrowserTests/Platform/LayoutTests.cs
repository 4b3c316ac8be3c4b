using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

/// <summary>The main pages at 1366×768 (the most common laptop screen among agents) in both languages: nothing wider than
/// the window, and the ticket page shows the conversation's end, the reply box and the customer card without scrolling.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class LayoutTests(OknoInChromium okno)
{
    public static TheoryData<string> Locales => ["ru-RU", "en-US"];

    [Theory]
    [MemberData(nameof(Locales))]
    public Task No_main_page_is_wider_than_a_1366_pixel_screen(string locale) => okno.InPageAsync(locale, async tab =>
    {
        var page = tab.Page;
        await page.SetViewportSizeAsync(1366, 768);
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ticket = await admin.CreateTicketAsync($"Layout check printer {suffix} with a rather long subject that goes on and on about the printer",
            $"layout-{suffix}@example.com", new { tags = new[] { "printer", "layout" } });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        var pages = new[] { "/inbox", $"/search?q=printer", $"/tickets/{ticket.Id()}", "/kb", "/macros", "/notifications", "/me/notifications",
            "/admin/agents", "/admin/groups", "/admin/channels", "/admin/outbox", "/admin/distribution", "/reports/kb-search" };
        var wide = new List<string>();
        foreach (var url in pages)
        {
            await tab.GotoInteractiveAsync(url);
            await page.WaitForTimeoutAsync(300);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 1366)
            {
                wide.Add($"{url}: {width}px");
                await tab.ScreenshotAsync("wide" + wide.Count);
            }
        }
        Assert.True(wide.Count == 0, "Wider than the screen: " + string.Join("; ", wide));

        // Every sort order's name shows whole in the inbox's sort field ("Последняя активность" was cut to "Последняя акти…").
        foreach (var sort in new[] { "created", "updated", "priority" })
        {
            await tab.GotoInteractiveAsync($"/inbox?sort={sort}");
            var input = page.Locator("#inbox-filters .okno-filter-wide input").First;
            await Expect(input).Not.ToHaveValueAsync("");
            var (scroll, client) = (await input.EvaluateAsync<int>("e => e.scrollWidth"), await input.EvaluateAsync<int>("e => e.clientWidth"));
            Assert.True(scroll <= client, $"The sort field cuts '{await input.InputValueAsync()}': {scroll} > {client} px");
        }
    });

    [Theory]
    [MemberData(nameof(Locales))]
    public Task The_ticket_page_shows_the_reply_box_and_the_customer_card_without_scrolling(string locale) => okno.InPageAsync(locale, async tab =>
    {
        var page = tab.Page;
        await page.SetViewportSizeAsync(1366, 768);
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Layout of the ticket page " + Guid.NewGuid().ToString("N")[..6]);
        for (var i = 0; i < 3; i++)
            await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = $"Reply {i}: please try again and tell us what you see." });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");
        await Expect(page.Locator("#timeline .timeline-out").Last).ToContainTextAsync("Reply 2");
        await tab.ScreenshotAsync();
        await Expect(page.Locator("#reply-body")).ToBeInViewportAsync();
        await Expect(page.Locator("#customer-card")).ToBeInViewportAsync();
        await Expect(page.Locator("#timeline .timeline-out").Last).ToBeInViewportAsync();
    });
}
