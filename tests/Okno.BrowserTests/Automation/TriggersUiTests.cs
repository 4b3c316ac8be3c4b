using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Okno.Automation.Triggers;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Automation;

/// <summary>The triggers admin pages. The app is shared by the whole collection, so a trigger made here matches only
/// tickets whose subject holds a word made up for the test, and it is deleted at the end.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class TriggersUiTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_builds_a_trigger_from_dropdowns_previews_it_saves_it_and_sees_it_act_on_a_new_ticket_and_listed_among_its_runs() =>
        okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var word = "zebrafix" + suffix;
        var tag = "vip-" + suffix;
        var name = "Zebra urgent " + suffix;
        var admin = await okno.App.AdminClientAsync();
        var existing = await admin.CreateTicketAsync($"Old {word} printer");
        var unrelated = await admin.CreateTicketAsync($"Unrelated printer {suffix}");
        long? ruleId = null;
        try
        {
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
            await page.ChooseFromMenuAsync("#nav-admin", "#nav-triggers");
            await Expect(page.Locator("#triggers-title")).ToHaveTextAsync("Triggers");
            await page.Locator("#trigger-create").ClickAsync();
            await Expect(page.Locator("#trigger-title")).ToHaveTextAsync("New trigger");
            // A new trigger listens to new tickets until told otherwise.
            await Expect(page.Locator("#event-ticket_created input[type=checkbox]")).ToBeCheckedAsync();
            await Expect(page.Locator("#event-ticket_updated input[type=checkbox]")).Not.ToBeCheckedAsync();

            await page.Locator("#trigger-name").FillAsync(name);
            await page.Locator("#condition-add").ClickAsync();
            await Expect(page.Locator("#condition-0-field input").First).ToHaveValueAsync("Subject");
            // Only the operators the subject allows are offered: no "is one of", no "changed to".
            await page.Locator("#condition-0-operator .mud-input-control").First.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(
                ["is", "is not", "contains", "does not contain", "is empty", "changed"]);
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*contains\\s*$") }).ClickAsync();
            await page.Locator("#condition-0-text").FillAsync(word);
            await EnterChipAsync(page.Locator("#condition-0-text"), page.Locator("#condition-0-values .mud-chip"), word);
            await Expect(page.Locator("#condition-0-values .mud-chip")).ToHaveTextAsync([word]);

            await page.Locator("#action-add").ClickAsync();
            await Expect(page.Locator("#action-0-type input").First).ToHaveValueAsync("Set priority");
            await page.ChooseAsync("#action-0-value", "Urgent");
            await page.Locator("#action-add").ClickAsync();
            await page.ChooseAsync("#action-1-type", "Add tags");
            await page.Locator("#action-1-tag").FillAsync(tag);
            await EnterChipAsync(page.Locator("#action-1-tag"), page.Locator("#action-1-value .mud-chip"), tag);
            await Expect(page.Locator("#action-1-value .mud-chip")).ToHaveTextAsync([tag]);

            await page.Locator("#trigger-preview").ClickAsync();
            await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex(@"^1 matched of \d+ scanned\.$"));
            var shown = page.Locator($"#preview-tickets .preview-ticket[data-ticket='{existing.Id()}']");
            await Expect(shown).ToContainTextAsync($"#{existing.GetProperty("number").GetInt64()}");
            await Expect(shown).ToContainTextAsync($"Old {word} printer");
            await Expect(shown.Locator("a")).ToHaveAttributeAsync("href", $"/tickets/{existing.Id()}");
            await Expect(page.Locator($"#preview-tickets .preview-ticket[data-ticket='{unrelated.Id()}']")).ToHaveCountAsync(0);
            await tab.ScreenshotAsync("editor");

            await page.Locator("#trigger-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/triggers$"));
            var row = page.Locator("#triggers-table tbody tr", new() { HasText = name });
            await Expect(row.Locator(".trigger-events")).ToHaveTextAsync("Ticket created");
            await Expect(row.Locator(".trigger-last-run")).ToHaveTextAsync("Never ran");

            var saved = (await admin.GetJsonAsync("/api/v1/triggers")).Items().Single(t => t.Str("name") == name);
            ruleId = saved.Id();
            Assert.True(saved.GetProperty("enabled").GetBoolean());
            Assert.Equal(["ticket_created"], saved.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
            var condition = Assert.Single(saved.GetProperty("conditions").EnumerateArray());
            Assert.Equal(("subject", "contains", word), (condition.Str("field"), condition.Str("operator"), condition.GetProperty("values")[0].GetString()));
            Assert.Equal(["set_priority", "add_tags"], saved.GetProperty("actions").EnumerateArray().Select(a => a.Str("type")));
            Assert.Equal("urgent", saved.GetProperty("actions")[0].Str("value"));
            Assert.Equal([tag], saved.GetProperty("actions")[1].GetProperty("values").EnumerateArray().Select(v => v.GetString()));

            // A new ticket that matches gets the rule's changes.
            var fresh = await admin.CreateTicketAsync($"Help with the {word} please");
            var changed = default(JsonElement);
            await JobHelpers.EventuallyAsync(async () =>
                (changed = await admin.GetJsonAsync($"/api/v1/tickets/{fresh.Id()}")).Str("priority") == "urgent" ? "changed" : null, 30);
            Assert.Contains(tag, changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

            // The rule's page lists the run, what it did in words.
            await tab.GotoInteractiveAsync($"/admin/triggers/{ruleId}");
            await Expect(page.Locator("#trigger-title")).ToHaveTextAsync(name);
            var run = page.Locator("#runs-table .trigger-run");
            await Expect(run).ToHaveCountAsync(1);
            await Expect(run.Locator(".run-ticket")).ToContainTextAsync($"#{fresh.GetProperty("number").GetInt64()}");
            await Expect(run.Locator(".run-outcome")).ToHaveTextAsync("Applied");
            await Expect(run.Locator(".run-summary div")).ToHaveTextAsync(["Priority set to Urgent", $"Tags added: {tag}"]);
            // The editor shows what was saved.
            await Expect(page.Locator("#condition-0-operator input").First).ToHaveValueAsync("contains");
            await Expect(page.Locator("#condition-0-values .mud-chip")).ToHaveTextAsync([word]);
            await Expect(page.Locator("#action-1-value .mud-chip")).ToHaveTextAsync([tag]);
            await tab.ScreenshotAsync("runs");

            // And the list names the last run.
            await page.Locator("#trigger-back").ClickAsync();
            await Expect(row.Locator(".trigger-last-run")).ToContainTextAsync("Applied");
            Assert.Empty(tab.Problems);
        }
        finally
        {
            ruleId ??= (await admin.GetJsonAsync("/api/v1/triggers")).Items().FirstOrDefault(r => r.Str("name") == name) is { ValueKind: JsonValueKind.Object } left
                ? left.Id() : null;
            if (ruleId is { } id) (await admin.DeleteAsync($"/api/v1/triggers/{id}")).EnsureSuccessStatusCode();
        }
    });

    [Fact]
    public Task In_russian_a_trigger_without_actions_and_with_an_empty_condition_is_refused_with_the_errors_at_their_places() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var name = "Без действий " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/triggers/new");
        await Expect(page.Locator("#trigger-title")).ToHaveTextAsync("Новый триггер");
        // The added row shows the page is interactive before anything is typed.
        await page.Locator("#condition-add").ClickAsync();
        await page.ChooseAsync("#condition-0-operator", "содержит");
        await page.Locator("#trigger-name").FillAsync(name);
        await page.Locator("#trigger-save").ClickAsync();

        await Expect(page.Locator("#trigger-error")).ToContainTextAsync("Проверьте отмеченные поля.");
        await Expect(page.Locator("#actions-error")).ToHaveTextAsync("Обязательное поле.");
        await Expect(page.Locator("#condition-0-error")).ToHaveTextAsync("Значения: Обязательное поле.");
        await Expect(page.Locator("#conditions-error")).ToHaveCountAsync(0);
        await Expect(page.Locator(".trigger-error-field")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/triggers/new$"));
        await tab.ScreenshotAsync("error");
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.Set<AutomationRule>().CountAsync(r => r.Name == name)));
    });

    [Fact]
    public Task The_list_reorders_switches_off_and_deletes_triggers_and_a_run_names_the_group_it_moved_the_ticket_to() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var word = "quokka" + suffix;
        var admin = await okno.App.AdminClientAsync();
        var group = "Billing " + suffix;
        var groupId = await admin.CreateGroupAsync(group);
        async Task<long> CreateAsync(string name, object action) => (await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name, events = new[] { "ticket_created" }, match = "all",
            conditions = new[] { new { field = "subject", @operator = "contains", values = new[] { word } } },
            actions = new[] { action },
        })).Id();
        var first = await CreateAsync("First " + suffix, new { type = "set_group", value = groupId.ToString() });
        var second = await CreateAsync("Second " + suffix, new { type = "add_note", body = "Seen {ticket.number}" });
        try
        {
            var ticket = await admin.CreateTicketAsync($"About {word}");
            await JobHelpers.EventuallyAsync(async () =>
                (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("groupId") is { ValueKind: JsonValueKind.Number } g
                && g.GetInt64() == groupId ? "moved" : null, 30);

            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/triggers");
            var mine = page.Locator("#triggers-table tbody tr").Filter(new() { HasTextRegex = new Regex($"(First|Second) {suffix}") });
            await Expect(mine.Locator(".trigger-name")).ToHaveTextAsync([$"First {suffix}", $"Second {suffix}"]);
            await Expect(mine.First.Locator(".trigger-last-run")).ToContainTextAsync("Applied");

            await page.Locator($"#trigger-up-{second}").ClickAsync();
            await Expect(mine.Locator(".trigger-name")).ToHaveTextAsync([$"Second {suffix}", $"First {suffix}"]);
            var positions = await okno.App.WithDbAsync(db => db.Set<AutomationRule>().Where(r => r.Id == first || r.Id == second).ToDictionaryAsync(r => r.Id, r => r.Position));
            Assert.True(positions[second] < positions[first], "The second trigger now runs before the first.");

            await page.Locator($"#trigger-enabled-{first} input[type=checkbox]").ClickAsync();
            await Expect(page.Locator($"#trigger-enabled-{first} input[type=checkbox]")).Not.ToBeCheckedAsync();
            await JobHelpers.EventuallyAsync(async () =>
                await okno.App.WithDbAsync(db => db.Set<AutomationRule>().AnyAsync(r => r.Id == first && !r.IsEnabled)) ? "off" : null, 10);

            // The run names the group by its name, not its id.
            await mine.Filter(new() { HasText = "First " + suffix }).Locator(".trigger-name a").ClickAsync();
            await Expect(page.Locator("#runs-table .trigger-run .run-summary")).ToHaveTextAsync($"Moved to the group {group}");

            await page.Locator("#trigger-back").ClickAsync();
            await page.Locator($"#trigger-delete-{second}").ClickAsync();
            await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Delete" }).ClickAsync();
            await Expect(mine).ToHaveCountAsync(1);
            Assert.False(await okno.App.WithDbAsync(db => db.Set<AutomationRule>().AnyAsync(r => r.Id == second)));
            Assert.Empty(tab.Problems);
        }
        finally
        {
            foreach (var id in new[] { first, second })
                await admin.DeleteAsync($"/api/v1/triggers/{id}");
        }
    });

    /// <summary>Presses Enter in a chip input until the chip shows: on a busy machine the typed text can reach the server
    /// after the key, and the first Enter then finds nothing to add (a second one adds it once; the box is empty after).
    /// A box redrawn after the text was typed (the operator's choice re-rendering the row) comes back empty: the text is
    /// typed again while no chip shows (CI, 2026-12-05: ten Enters in an empty box).</summary>
    private static async Task EnterChipAsync(ILocator input, ILocator chips, string text)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await chips.CountAsync() == 0 && await input.InputValueAsync() != text) await input.FillAsync(text);
            await input.PressAsync("Enter");
            if (await chips.CountAsync() > 0) return;
            await Task.Delay(300);
        }
    }
}
