using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>Issue 14: an agent opens a ticket for a caller from the workspace, and changes many tickets in the inbox
/// at once.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class NewTicketAndBulkTests(OknoInChromium okno)
{
    private static readonly Regex TicketUrl = new(@"/tickets/\d+$");

    [Fact]
    public Task An_agent_creates_a_ticket_for_a_new_caller_with_group_priority_and_tag_and_lands_on_it() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var groupName = "Hotline " + Guid.NewGuid().ToString("N")[..6];
        await api.CreateGroupAsync(groupName);
        var email = $"caller-{Guid.NewGuid():N}@example.com";
        var subject = "Card blocked at the till " + Guid.NewGuid().ToString("N")[..6];

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync("/inbox");
        var page = tab.Page;
        await page.Locator("#inbox-new-ticket").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{okno.BaseUrl}/tickets/new");

        // Saved with nothing filled in: the fields say what is missing, in the form, and nothing is created.
        await page.Locator("#new-save").ClickAsync();
        await Expect(page.Locator("#new-ticket-error")).ToBeVisibleAsync();
        await Expect(page.FieldError("new-subject")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync($"{okno.BaseUrl}/tickets/new");

        await page.Locator("#customer-mode-new").ClickAsync();
        await page.Locator("#new-customer-name").FillAsync("Pavel Caller");
        await page.Locator("#new-customer-email").FillAsync(email);
        await page.Locator("#new-customer-phone").FillAsync("+7 495 123-45-67");
        await page.Locator("#new-subject").FillAsync(subject);
        await page.Locator("#new-body").FillAsync("Called: his card was blocked after three wrong PINs.");
        await page.ChooseAsync("#new-group", groupName);
        await page.ChooseAsync("#new-priority", "High");
        await page.Locator("#new-tag-input").FillAsync("Phone-Call");
        await page.Locator("#new-tag-add").ClickAsync();
        await Expect(page.Locator("#new-tags [data-tag=phone-call]")).ToBeVisibleAsync();
        await page.Locator("#new-ticket-form input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "receipt.txt", MimeType = "text/plain", Buffer = "Receipt 17"u8.ToArray(),
        });
        await Expect(page.Locator("#new-attachments [data-file-name='receipt.txt']")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("form");
        await page.Locator("#new-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(TicketUrl);
        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync(subject);
        await Expect(page.Locator("#group-select")).ToContainTextAsync(groupName);
        await Expect(page.Locator("#priority-select")).ToContainTextAsync("High");
        await Expect(page.Locator("#ticket-tags [data-tag=phone-call]")).ToBeVisibleAsync();
        await Expect(page.Locator("#ticket-channel")).ToContainTextAsync("Phone");
        await Expect(page.Locator("#customer-card #customer-name")).ToHaveTextAsync("Pavel Caller");
        await Expect(page.Locator("#timeline .timeline-in")).ToContainTextAsync("three wrong PINs");
        await Expect(page.Locator("#timeline a.timeline-attachment")).ToContainTextAsync("receipt.txt");
        await tab.ScreenshotAsync();
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_agent_creates_a_ticket_for_an_existing_customer_found_by_search() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = $"known-{marker}@example.com";
        var earlier = await api.CreateTicketAsync("Earlier question " + marker, email);
        var contactId = earlier.GetProperty("customer").Id();
        var subject = "Walked in about the invoice " + marker;

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync("/tickets/new");
        var page = tab.Page;
        await page.Locator("#customer-search").FillAsync("known-" + marker);
        var choice = page.Locator($".mud-popover-open .customer-choice[data-contact-id='{contactId}']");
        await Expect(choice).ToContainTextAsync(email);
        await choice.ClickAsync();
        await Expect(page.Locator("#customer-search")).ToHaveValueAsync(new Regex(Regex.Escape(email)));
        await page.Locator("#new-subject").FillAsync(subject);
        await page.Locator("#new-body").FillAsync("Asked for a copy of the March invoice.");
        await page.Locator("#new-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(TicketUrl);
        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync(subject);
        var created = await api.GetJsonAsync($"/api/v1/tickets/{page.Url.Split('/')[^1]}");
        // The same contact, not a new one with the same address.
        Assert.Equal(contactId, created.GetProperty("customer").Id());
        Assert.Equal("phone", created.Str("channel"));
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_agent_checks_rows_with_a_shift_click_changes_their_status_and_sees_what_changed_and_what_was_refused() =>
        okno.InPageAsync("en-US", async tab =>
        {
            var api = await okno.App.AdminClientAsync();
            var tag = "bulk" + Guid.NewGuid().ToString("N")[..8];
            var ids = new List<long>();
            for (var i = 0; i < 4; i++)
                ids.Add((await api.CreateTicketAsync($"Bulk {i} {tag}", extra: new { tags = new[] { tag } })).Id());

            await tab.SignInAsync();
            await tab.GotoInteractiveAsync($"/inbox?view=all_open&sort=created&tag={tag}");
            var page = tab.Page;
            var rows = page.Locator("#inbox-table tr.inbox-row");
            await Expect(rows).ToHaveCountAsync(4);
            var boxes = page.Locator("#inbox-table tr.inbox-row input.inbox-check");

            // Newest first: rows 0..2 are the last three created; a click, then Shift+click, checks the range.
            await boxes.Nth(0).ClickAsync();
            // The range starts at the row the server has seen checked: on a busy machine a Shift+click sent before the first
            // click was handled had no start, and checked one row (CI, 2026-12-05).
            await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("1 ticket selected");
            await boxes.Nth(2).ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
            await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("3 tickets selected");
            await Expect(boxes.Nth(1)).ToBeCheckedAsync();
            await Expect(boxes.Nth(3)).Not.ToBeCheckedAsync();

            // Meanwhile a colleague closes one of them: it is refused, the others change.
            var closedId = ids[2];   // row 1
            await api.PatchAsync($"/api/v1/tickets/{closedId}", new { status = "closed" });
            await Expect(rows).ToHaveCountAsync(3);

            await page.Locator("#bulk-status button").First.ClickAsync();
            await page.Locator("#bulk-status-pending").ClickAsync();
            await Expect(page.Locator("#bulk-result")).ToContainTextAsync("2 tickets changed, 1 refused: closed.");
            foreach (var id in new[] { ids[3], ids[1] })
                await Expect(page.Locator($"#inbox-table tr.inbox-row[data-ticket-id='{id}'] .inbox-status")).ToHaveTextAsync("Waiting for customer");
            await Expect(page.Locator($"#inbox-table tr.inbox-row[data-ticket-id='{ids[0]}'] .inbox-status")).ToHaveTextAsync("New");
            Assert.Equal("pending", (await api.GetJsonAsync($"/api/v1/tickets/{ids[3]}")).Str("status"));

            // The closed ticket left the view and the selection; the header box checks the whole page.
            await Expect(page.Locator("#bulk-bar")).ToHaveCountAsync(0);
            await page.Locator("#inbox-check-page").ClickAsync();
            await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("3 tickets selected");
            await tab.ScreenshotAsync();
            Assert.Empty(tab.Problems);
        });

    [Fact]
    public Task Select_all_in_this_view_takes_the_tickets_beyond_the_first_page() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var tag = "all" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        for (var i = 0; i < 27; i++) ids.Add((await api.CreateTicketAsync($"Many {i} {tag}", extra: new { tags = new[] { tag } })).Id());

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync($"/inbox?view=all_open&tag={tag}");
        var page = tab.Page;
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(25);
        await page.Locator("#inbox-check-page").ClickAsync();
        await Expect(page.Locator("#bulk-select-all-note")).ToContainTextAsync("All 25 tickets on this page are selected.");
        await page.Locator("#bulk-select-all").ClickAsync();
        await Expect(page.Locator("#bulk-select-all-note")).ToContainTextAsync("All 27 tickets in this view are selected.");
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("27 tickets selected");
        await page.Locator("#bulk-tag").FillAsync("Batch");
        await page.Locator("#bulk-tag-add").ClickAsync();
        await Expect(page.Locator("#bulk-result")).ToContainTextAsync("27 tickets changed.");
        // The two tickets that were never on screen changed too.
        foreach (var id in ids.Take(2))
            Assert.Contains("batch", (await api.GetJsonAsync($"/api/v1/tickets/{id}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task Merging_the_selection_into_one_of_them_closes_the_others() => okno.InPageAsync("en-US", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var tag = "merge" + Guid.NewGuid().ToString("N")[..8];
        var survivor = await api.CreateTicketAsync($"Printer jam {tag}", extra: new { tags = new[] { tag } });
        var duplicate = await api.CreateTicketAsync($"Printer jam again {tag}", extra: new { tags = new[] { tag } });

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync($"/inbox?view=all_open&tag={tag}");
        var page = tab.Page;
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(2);
        await page.Locator("#inbox-check-page").ClickAsync();
        await page.Locator("#bulk-merge button").First.ClickAsync();
        await page.Locator($".mud-popover-open [data-number='{survivor.GetProperty("number").GetInt64()}']").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Expect(page.Locator("#bulk-result")).ToContainTextAsync("1 ticket merged.");
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(1);
        Assert.Equal("closed", (await api.GetJsonAsync($"/api/v1/tickets/{duplicate.Id()}")).Str("status"));
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task The_russian_result_uses_russian_plural_forms() => okno.InPageAsync("ru-RU", async tab =>
    {
        var api = await okno.App.AdminClientAsync();
        var tag = "ru" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 2; i++) await api.CreateTicketAsync($"Массово {i} {tag}", extra: new { tags = new[] { tag } });

        await tab.SignInAsync();
        await tab.GotoInteractiveAsync($"/inbox?view=all_open&tag={tag}");
        var page = tab.Page;
        await Expect(page.Locator("#inbox-table tr.inbox-row")).ToHaveCountAsync(2);
        await page.Locator("#inbox-check-page").ClickAsync();
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("Выбраны 2 заявки");
        await page.Locator("#bulk-priority button").First.ClickAsync();
        await page.Locator("#bulk-priority-urgent").ClickAsync();
        await Expect(page.Locator("#bulk-result")).ToContainTextAsync("2 заявки изменены.");
        Assert.Empty(tab.Problems);
    });
}
