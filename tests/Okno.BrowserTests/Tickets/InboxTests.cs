using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Okno.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

[Collection(ChromiumCollection.Name)]
public sealed class InboxTests(OknoInChromium okno, ITestOutputHelper output)
{
    [Fact]
    public Task A_ticket_created_through_the_API_appears_in_an_open_inbox_without_a_reload_and_the_counter_follows() =>
        okno.InPageAsync("en-US", async tab =>
        {
            var api = await okno.App.AdminClientAsync();
            await api.CreateTicketAsync("Warm-up ticket " + Guid.NewGuid().ToString("N")[..6]);
            await tab.SignInAsync();
            await tab.GotoInteractiveAsync("/inbox?view=all_open");
            await Expect(tab.Page.Locator("#inbox-table")).ToBeVisibleAsync();
            var page = tab.Page;
            var navigations = 0;
            page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

            var delays = new List<double>();
            var afterCommit = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var before = await CountAsync(tab, "all_open");
                var subject = $"Live ticket {i} {Guid.NewGuid():N}";
                var row = page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject });
                var watch = Stopwatch.StartNew();
                await api.CreateTicketAsync(subject);
                var answered = watch.Elapsed.TotalMilliseconds;
                // Resolves on the DOM change itself (Playwright watches the page), not on a polling interval.
                await row.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
                delays.Add(watch.Elapsed.TotalMilliseconds);
                afterCommit.Add(watch.Elapsed.TotalMilliseconds - answered);
                await Expect(page.Locator("#count-all_open")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
            }
            Assert.Equal(0, navigations);   // the page was never reloaded
            delays.Sort();
            afterCommit.Sort();
            output.WriteLine($"API-created ticket → visible in an open inbox: median {delays[2]:F0} ms (min {delays[0]:F0}, " +
                $"max {delays[^1]:F0}) from sending the POST; median {afterCommit[2]:F0} ms (min {afterCommit[0]:F0}, max " +
                $"{afterCommit[^1]:F0}) from its 201 answer; {delays.Count} tickets");
            await tab.ScreenshotAsync();
        });

    [Fact]
    public Task Views_hold_what_their_names_say_and_keyboard_moves_opens_and_replies() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var me = (await api.GetJsonAsync("/api/v1/me")).Id();
        var tag = "kbd" + Guid.NewGuid().ToString("N")[..8];
        var first = await api.CreateTicketAsync("Keyboard first " + tag, extra: new { tags = new[] { tag } });
        var second = await api.CreateTicketAsync("Keyboard second " + tag, extra: new { tags = new[] { tag }, assigneeId = me });
        var third = await api.CreateTicketAsync("Keyboard third " + tag, extra: new { tags = new[] { tag } });
        await api.PatchAsync($"/api/v1/tickets/{first.Id()}", new { status = "pending" });

        await tab.SignInAsync();
        var page = tab.Page;
        await tab.GotoInteractiveAsync($"/inbox?view=mine&tag={tag}");
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToContainTextAsync("Keyboard second");
        await page.Locator("#view-waiting").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=waiting"));
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToContainTextAsync("Keyboard first");
        await page.Locator("#view-closed").ClickAsync();
        await Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();

        await tab.GotoInteractiveAsync($"/inbox?view=all_open&sort=created&tag={tag}");
        var rows = page.Locator("#inbox-table tr.inbox-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("html[data-okno-keys='inbox']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(2)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(rows.Nth(2)).ToHaveAttributeAsync("aria-selected", "false");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{okno.BaseUrl}/tickets/{second.Id()}");

        await tab.GotoInteractiveAsync($"/inbox?view=all_open&sort=created&tag={tag}");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("html[data-okno-keys='inbox']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("r");
        await Expect(page).ToHaveURLAsync($"{okno.BaseUrl}/tickets/{third.Id()}?reply=1");
        await Expect(page.Locator("#reply-body")).ToBeFocusedAsync();
    });

    /// <summary>Issue 14: a live update re-renders the inbox in the agent's language, not in that of the request that
    /// caused it (a ticket created through the API in English switched a Russian inbox to English).</summary>
    [Fact]
    public Task A_russian_inbox_stays_russian_when_a_ticket_comes_from_an_english_request() => okno.InPageAsync("ru-RU", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await tab.SignInAsync();
        await tab.GotoInteractiveAsync("/inbox?view=all_open");
        var page = tab.Page;
        await Expect(page.Locator("#view-mine")).ToContainTextAsync("Мои");
        var subject = $"Written in English {Guid.NewGuid():N}";
        await api.CreateTicketAsync(subject);
        var row = page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Новая|Открыта"));
        await Expect(page.Locator("#view-mine")).ToContainTextAsync("Мои");
        await Expect(page.Locator("#nav-inbox")).ToHaveTextAsync("Входящие");
    });

    [Fact]
    public Task Inbox_switches_to_russian_and_back_to_english() => okno.InPageAsync("en-US", async tab =>
    {
        await tab.SignInAsync();
        var page = tab.Page;
        await Expect(page.Locator("#view-mine")).ToContainTextAsync("Mine");
        await Expect(page.Locator("#nav-inbox")).ToHaveTextAsync("Inbox");

        await tab.LoadsInteractiveAsync(() => page.Locator("#lang-ru").ClickAsync());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox"));
        await Expect(page.Locator("#view-mine")).ToContainTextAsync("Мои");
        await Expect(page.Locator("#view-waiting")).ToContainTextAsync("Ждут клиента");
        await Expect(page.Locator("#nav-inbox")).ToHaveTextAsync("Входящие");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        await tab.LoadsInteractiveAsync(() => page.Locator("#lang-en").ClickAsync());
        await Expect(page.Locator("#view-mine")).ToContainTextAsync("Mine");
        await Expect(page.Locator("#nav-inbox")).ToHaveTextAsync("Inbox");
    });

    [Fact]
    public Task Header_search_finds_a_ticket_by_number_and_by_customer_email() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var email = $"searcher-{Guid.NewGuid():N}@example.com";
        var ticket = await api.CreateTicketAsync("Scanner jams on every page", email);
        await tab.SignInAsync();
        var page = tab.Page;

        await tab.LoadsInteractiveAsync(async () =>
        {
            await page.Locator("#header-search").FillAsync(email);
            await page.Locator("#header-search").PressAsync("Enter");
        });
        await Expect(page.Locator("#search-results tr.search-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#search-results")).ToContainTextAsync("Scanner jams on every page");
        await Expect(page.Locator("#search-results")).ToContainTextAsync("customer");

        await tab.LoadsInteractiveAsync(async () =>
        {
            await page.Locator("#header-search").FillAsync("#" + ticket.GetProperty("number").GetInt64());
            await page.Locator("#header-search").PressAsync("Enter");
        });
        await Expect(page.Locator($"#search-results tr[data-ticket-id='{ticket.Id()}']")).ToBeVisibleAsync();

        await tab.LoadsInteractiveAsync(async () =>
        {
            // Digits only: no ticket has this number, and a typo fallback cannot turn it into a word some other test wrote.
            await page.Locator("#header-search").FillAsync("987654321987");
            await page.Locator("#header-search").PressAsync("Enter");
        });
        await Expect(page.Locator("#search-empty")).ToBeVisibleAsync();
    });

    private static async Task<int> CountAsync(BrowserTab tab, string view) =>
        int.Parse(await tab.Page.Locator($"#count-{view}").InnerTextAsync(), CultureInfo.InvariantCulture);
}
