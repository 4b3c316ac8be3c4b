using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Automation;

/// <summary>The time rules admin pages. The app is shared by the whole collection, so the rule made here is deleted at the end.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class TimeRulesUiTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_creates_pending_for_two_hours_add_a_note_and_it_is_listed_with_its_wait_in_words_and_stored_as_built() =>
        okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Pending too long " + suffix;
        var note = "Still pending {ticket.number} " + suffix;
        var admin = await okno.App.AdminClientAsync();
        long? ruleId = null;
        try
        {
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
            await page.ChooseFromMenuAsync("#nav-admin", "#nav-time-rules");
            await Expect(page.Locator("#time-rules-title")).ToHaveTextAsync("Time rules");
            await page.Locator("#time-rule-create").ClickAsync();
            await Expect(page.Locator("#time-rule-title")).ToHaveTextAsync("New time rule");
            // A new rule starts as "in the status waiting for customer"; the wait is still to be given.
            await Expect(page.Locator("#time-rule-measure input").First).ToHaveValueAsync("In a status");
            await Expect(page.Locator("#time-rule-status input").First).ToHaveValueAsync("Waiting for customer");

            await page.Locator("#time-rule-name").FillAsync(name);
            await page.Locator("#time-rule-amount").FillAsync("2");
            await page.Locator("#time-rule-amount").PressAsync("Tab");
            await Expect(page.Locator("#time-rule-unit input").First).ToHaveValueAsync("Hours");
            await Expect(page.Locator("#time-rule-description")).ToHaveTextAsync("Waiting for customer for 2 hours");

            // A time rule judges a state, not a change: the change operators are not offered.
            await page.Locator("#condition-add").ClickAsync();
            await page.Locator("#condition-0-operator .mud-input-control").First.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(["is", "is not", "contains", "does not contain", "is empty"]);
            await page.Keyboard.PressAsync("Escape");
            await page.Locator("#condition-0-remove").ClickAsync();
            await Expect(page.Locator("#conditions-empty")).ToBeVisibleAsync();

            await page.Locator("#action-add").ClickAsync();
            await page.ChooseAsync("#action-0-type", "Add an internal note");
            await page.Locator("#action-0-body").FillAsync(note);
            await tab.ScreenshotAsync("editor");

            await page.Locator("#time-rule-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/time-rules$"));
            var row = page.Locator("#time-rules-table tbody tr", new() { HasText = name });
            await Expect(row.Locator(".time-rule-wait")).ToHaveTextAsync("Waiting for customer for 2 hours");
            await Expect(row.Locator(".time-rule-enabled")).ToHaveTextAsync("Yes");
            await tab.ScreenshotAsync("list");

            var saved = (await admin.GetJsonAsync("/api/v1/time-rules")).Items().Single(r => r.Str("name") == name);
            ruleId = saved.Id();
            Assert.True(saved.GetProperty("enabled").GetBoolean());
            Assert.Equal(("status_for", "pending", 2, "hours"),
                (saved.Str("measure"), saved.Str("status"), saved.GetProperty("amount").GetInt32(), saved.Str("unit")));
            Assert.False(saved.TryGetProperty("calendarId", out var calendar) && calendar.ValueKind != JsonValueKind.Null);
            Assert.Equal("all", saved.Str("match"));
            Assert.Empty(saved.GetProperty("conditions").EnumerateArray());
            var action = Assert.Single(saved.GetProperty("actions").EnumerateArray());
            Assert.Equal(("add_note", note), (action.Str("type"), action.Str("body")));

            // The editor shows what was saved, and the rule has not run yet.
            await row.Locator(".time-rule-name a").ClickAsync();
            await Expect(page.Locator("#time-rule-title")).ToHaveTextAsync(name);
            await Expect(page.Locator("#time-rule-amount")).ToHaveValueAsync("2");
            await Expect(page.Locator("#action-0-body")).ToHaveValueAsync(note);
            await Expect(page.Locator("#runs-empty")).ToBeVisibleAsync();
            Assert.Empty(tab.Problems);
        }
        finally
        {
            ruleId ??= (await admin.GetJsonAsync("/api/v1/time-rules")).Items().FirstOrDefault(r => r.Str("name") == name) is { ValueKind: JsonValueKind.Object } left
                ? left.Id() : null;
            if (ruleId is { } id) (await admin.DeleteAsync($"/api/v1/time-rules/{id}")).EnsureSuccessStatusCode();
        }
    });
}
