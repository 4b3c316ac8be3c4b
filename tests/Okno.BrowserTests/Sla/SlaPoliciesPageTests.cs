using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Okno.Sla;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Sla;

/// <summary>The SLA policies admin pages. The app is shared by the whole collection, so every policy made here matches
/// only tickets of its own (a fresh group or a tag nobody else uses), and the default policy made here is undone.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SlaPoliciesPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_creates_a_policy_with_an_urgent_priority_condition_and_targets_and_finds_it_listed_with_its_summary() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Urgent hardware " + suffix;
        var admin = await okno.App.AdminClientAsync();
        var group = "L2 · Hardware " + suffix;
        var groupId = await admin.CreateGroupAsync(group);
        var company = "Hornsby" + suffix;
        var companyId = (await admin.PostJsonAsync("/api/v1/companies", new { name = company, domain = $"hornsby-{suffix}.example" })).Id();

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-sla-policies");
        await Expect(page.Locator("#policies-title")).ToHaveTextAsync("SLA policies");
        await page.Locator("#policy-create").ClickAsync();
        await Expect(page.Locator("#policy-title")).ToHaveTextAsync("New policy");
        // A new policy starts on the shipped calendar, warning at 80 %, paused while pending or on hold.
        await Expect(Shown(page, "#policy-calendar")).ToHaveValueAsync(RussianCalendar.Name);
        await Expect(page.Locator("#policy-warn")).ToHaveValueAsync("80");
        await Expect(Shown(page, "#policy-pauses")).ToHaveValueAsync("Waiting for the customer, On hold");

        await page.Locator("#policy-name").FillAsync(name);
        await page.Locator("#target-urgent-first").FillAsync("45");
        await page.Locator("#target-urgent-resolution").FillAsync("4");
        await page.ChooseAsync("#target-urgent-resolution-unit", "h");
        await page.Locator("#condition-add").ClickAsync();
        await ChooseManyAsync(page, "#condition-0-values", "Urgent");
        await page.Locator("#condition-add").ClickAsync();
        await page.ChooseAsync("#condition-1-field", "group");
        await ChooseManyAsync(page, "#condition-1-values", group);
        // A company is found by its name, not picked from a list of them all.
        await page.Locator("#condition-add").ClickAsync();
        await page.ChooseAsync("#condition-2-field", "company");
        await page.Locator("#condition-2-company").FillAsync(company);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = company }).ClickAsync();
        await Expect(page.Locator($"#condition-2-values .mud-chip[data-company='{companyId}']")).ToContainTextAsync(company);
        await Expect(page.Locator("#condition-2-company")).ToHaveValueAsync("");
        await Expect(page.Locator("#policy-preview-link")).ToHaveAttributeAsync("href", new Regex(@"/admin/sla-preview\?calendarId=\d+$"));
        await tab.ScreenshotAsync("editor");
        await page.Locator("#policy-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/sla-policies$"));
        var row = page.Locator("#policies-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".policy-conditions")).ToHaveTextAsync($"priority: Urgent; group: {group}; company: {company}");
        await Expect(row.Locator(".policy-targets")).ToHaveTextAsync("Urgent: 45 min · — · 4 h");
        await Expect(row.Locator(".policy-calendar")).ToHaveTextAsync(RussianCalendar.Name);
        await Expect(row.Locator(".policy-warn")).ToHaveTextAsync("80 %");
        // The change is recomputed over the open tickets; the status line follows it until it is done.
        await Expect(page.Locator("#policies-recompute")).ToHaveTextAsync(new Regex(@"^All open tickets are up to date \(recomputed at \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$"),
            new() { Timeout = 30_000 });
        await Expect(page.Locator("#policies-scan")).ToContainTextAsync("Checks due now:");

        var stored = await okno.App.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Name == name));
        var targets = Assert.Single(stored.ReadTargets());
        Assert.Equal(("urgent", new SlaPolicyTargets(45, null, 240)), (targets.Key, targets.Value));
        Assert.Equal(["priority", "group", "company"], stored.ReadConditions().Select(c => c.Field));
        Assert.Equal([companyId.ToString()], stored.ReadConditions()[2].Values);
        Assert.Equal(["urgent"], stored.ReadConditions()[0].Values);
        Assert.Equal([groupId.ToString()], stored.ReadConditions()[1].Values);
        Assert.False(stored.IsDefault);
        Assert.Equal(["on_hold", "pending"], stored.ReadPauseStatuses().Order());

        // Open again: the editor shows what was saved, 240 minutes as 4 hours.
        await row.Locator($"#policy-edit-{stored.Id}").ClickAsync();
        await Expect(page.Locator("#policy-title")).ToHaveTextAsync(name);
        await Expect(page.Locator("#target-urgent-first")).ToHaveValueAsync("45");
        await Expect(page.Locator("#target-urgent-resolution")).ToHaveValueAsync("4");
        await Expect(Shown(page, "#target-urgent-resolution-unit")).ToHaveValueAsync("h");
        await Expect(Shown(page, "#condition-1-values")).ToHaveValueAsync(group);
        await Expect(page.Locator($"#condition-2-values .mud-chip[data-company='{companyId}']")).ToContainTextAsync(company);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task Policies_are_reordered_with_the_arrows_and_a_default_policy_is_listed_last_without_conditions() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var calendarId = await okno.App.WithDbAsync(db => db.SlaCalendars.Where(c => c.Name == RussianCalendar.Name).Select(c => c.Id).SingleAsync());
        async Task<long> CreateAsync(string name) => (await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name, calendarId,
            targets = new { normal = new { firstResponseMinutes = 60 } },
            conditions = new[] { new { field = "tag", values = new[] { "never-" + suffix } } },
        })).Id();
        var first = await CreateAsync("First " + suffix);
        var second = await CreateAsync("Second " + suffix);
        var previousDefault = (await admin.GetJsonAsync("/api/v1/sla/policies")).Items().FirstOrDefault(p => p.GetProperty("isDefault").GetBoolean());
        var fallback = "Fallback " + suffix;
        try
        {
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/sla-policies");
            var rows = page.Locator("#policies-table tbody tr");
            await Expect(rows.Filter(new() { HasTextRegex = new Regex($"(First|Second) {suffix}") }).Locator(".policy-name"))
                .ToHaveTextAsync([$"First {suffix}", $"Second {suffix}"]);
            await Expect(page.Locator($"#policy-up-{first}")).ToBeVisibleAsync();

            await page.Locator($"#policy-up-{second}").ClickAsync();
            await Expect(rows.Filter(new() { HasTextRegex = new Regex($"(First|Second) {suffix}") }).Locator(".policy-name"))
                .ToHaveTextAsync([$"Second {suffix}", $"First {suffix}"]);
            var positions = await okno.App.WithDbAsync(db => db.SlaPolicies.Where(p => p.Id == first || p.Id == second).ToDictionaryAsync(p => p.Id, p => p.Position));
            Assert.True(positions[second] < positions[first], "The second policy is now tried before the first.");

            // A default policy: its conditions are not asked for; it is listed last, marked.
            await page.Locator("#policy-create").ClickAsync();
            await page.Locator("#policy-name").FillAsync(fallback);
            await page.Locator("#target-normal-first").FillAsync("8");
            await page.ChooseAsync("#target-normal-first-unit", "h");
            await page.Locator("#condition-add").ClickAsync();
            await page.Locator("#policy-default input[type=checkbox]").ClickAsync();
            await Expect(page.Locator("#policy-default-note")).ToBeVisibleAsync();
            await Expect(page.Locator("#condition-add")).ToHaveCountAsync(0);
            await Expect(page.Locator("#condition-0")).ToHaveCountAsync(0);
            await page.Locator("#policy-save").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/admin/sla-policies$"));
            var last = rows.Last;
            await Expect(last.Locator(".policy-name")).ToContainTextAsync(fallback);
            await Expect(last.Locator(".policy-default")).ToHaveTextAsync("Default");
            await Expect(last.Locator(".policy-conditions")).ToHaveTextAsync("Every ticket no other policy matches");
            await Expect(last.Locator(".policy-targets")).ToHaveTextAsync("Normal: 8 h · — · —");
            await Expect(last.Locator("[id^=policy-up-]")).ToHaveCountAsync(0);
            var stored = await okno.App.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Name == fallback));
            Assert.True(stored.IsDefault);
            Assert.Empty(stored.ReadConditions());
            Assert.Equal(480, stored.ReadTargets()["normal"].FirstResponseMinutes);
            await tab.ScreenshotAsync("list");
            Assert.Empty(tab.Problems);
        }
        finally
        {
            await UndoDefaultAsync(admin, fallback, suffix, previousDefault);
        }
    });

    [Fact]
    public Task In_russian_a_zero_target_and_a_condition_without_values_are_named_at_their_fields_and_nothing_is_saved() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var name = "Неверная " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/sla-policies/new");
        await Expect(page.Locator("#policy-title")).ToHaveTextAsync("Новая политика");
        // The added row shows the page is interactive before anything is typed.
        await page.Locator("#condition-add").ClickAsync();
        await page.ChooseAsync("#condition-0-field", "метка");
        await page.Locator("#policy-name").FillAsync(name);
        await page.Locator("#target-urgent-first").FillAsync("0");
        await page.Locator("#target-high-resolution").FillAsync("8");
        await page.Locator("#policy-save").ClickAsync();

        await Expect(page.Locator("#policy-error")).ToContainTextAsync("Проверьте отмеченные поля.");
        await Expect(page.FieldError("target-urgent-first")).ToContainTextAsync("От 1 до");
        await Expect(page.FieldError("target-high-resolution")).ToHaveCountAsync(0);
        await Expect(page.Locator("#condition-0-error")).ToHaveTextAsync("Обязательное поле.");
        await tab.ScreenshotAsync("error");
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.SlaPolicies.CountAsync(p => p.Name == name)));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/sla-policies/new$"));

        // Fixed (a tag typed and entered, the target emptied), it saves; the list speaks Russian.
        await page.Locator("#target-urgent-first").FillAsync("");
        await page.Locator("#condition-0-tag").FillAsync("Никогда " + name);
        await page.Locator("#condition-0-tag").PressAsync("Enter");
        await Expect(page.Locator("#condition-0-values .mud-chip")).ToHaveCountAsync(1);
        await page.Locator("#policy-save").ClickAsync();
        var row = page.Locator("#policies-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".policy-conditions")).ToHaveTextAsync($"метка: {("никогда " + name).ToLowerInvariant()}");
        await Expect(row.Locator(".policy-targets")).ToHaveTextAsync("Высокий: — · — · 8 мин");
        var stored = await okno.App.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Name == name));
        Assert.Equal(["high"], stored.ReadTargets().Keys);
    });

    [Fact]
    public Task Deleting_a_policy_with_an_open_ticket_under_it_is_refused_naming_the_ticket_and_goes_through_once_it_is_resolved() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Busy " + suffix;
        var tag = "sla-busy-" + suffix;
        var admin = await okno.App.AdminClientAsync();
        var calendarId = await okno.App.WithDbAsync(db => db.SlaCalendars.Where(c => c.Name == RussianCalendar.Name).Select(c => c.Id).SingleAsync());
        var policy = (await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name, calendarId,
            targets = new { normal = new { firstResponseMinutes = 60 } },
            conditions = new[] { new { field = "tag", values = new[] { tag } } },
        })).Id();
        var ticket = await admin.CreateTicketAsync("Under the busy policy " + suffix, extra: new { tags = new[] { tag } });
        await UntilAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/sla")) is { ValueKind: JsonValueKind.Object } sla
            && sla.TryGetProperty("policy", out var p) && p.ValueKind == JsonValueKind.Object && p.Str("name") == name);
        // The refusal reads the stored due times, which the clock's event handler writes a moment after the ticket.
        await UntilAsync(() => okno.App.WithDbAsync(db => db.TicketSlas.AnyAsync(s => s.TicketId == ticket.Id() && s.PolicyId == policy)));
        var number = ticket.GetProperty("number").GetInt64();

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/sla-policies");
        var row = page.Locator("#policies-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".policy-conditions")).ToHaveTextAsync($"tag: {tag}");
        await row.Locator($"#policy-delete-{policy}").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Delete" }).ClickAsync();
        await Expect(page.Locator("#policies-error")).ToHaveTextAsync(
            $"Open tickets under the policy '{name}': 1 (#{number}); change its conditions so they match another policy first.");
        await Expect(row).ToHaveCountAsync(1);
        Assert.Equal(1, await okno.App.WithDbAsync(db => db.SlaPolicies.CountAsync(p => p.Id == policy)));

        // Resolved, the ticket no longer holds the policy.
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });
        await row.Locator($"#policy-delete-{policy}").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#policies-error")).ToHaveCountAsync(0);
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.SlaPolicies.CountAsync(p => p.Id == policy)));
    });

    /// <summary>Opens a multi-select MudSelect, ticks these options and closes it (its popover stays open while ticking).</summary>
    private static async Task ChooseManyAsync(IPage page, string field, params string[] options)
    {
        await page.Locator($"{field} .mud-input-control").First.ClickAsync();
        foreach (var option in options)
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await page.CloseSelectAsync();
        await Expect(Shown(page, field)).ToHaveValueAsync(new Regex(Regex.Escape(options[^1])));
    }

    /// <summary>The input where a MudSelect shows what is chosen.</summary>
    private static ILocator Shown(IPage page, string field) => page.Locator($"{field} input").First;

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await done()) return;
            await Task.Delay(200);
        }
        Assert.Fail("The ticket never came under the policy.");
    }

    /// <summary>The default made here would take every other test's tickets: it becomes a policy no ticket matches, and the
    /// default there was before is the default again.</summary>
    private static async Task UndoDefaultAsync(HttpClient admin, string fallback, string suffix, JsonElement previousDefault)
    {
        var mine = (await admin.GetJsonAsync("/api/v1/sla/policies")).Items().FirstOrDefault(p => p.Str("name") == fallback);
        if (mine.ValueKind == JsonValueKind.Object)
        {
            var demoted = JsonNode.Parse(mine.GetRawText())!.AsObject();
            demoted["isDefault"] = false;
            demoted["conditions"] = new JsonArray(new JsonObject { ["field"] = "tag", ["values"] = new JsonArray("never-" + suffix) });
            (await admin.PutAsJsonAsync($"/api/v1/sla/policies/{mine.Id()}", demoted)).EnsureSuccessStatusCode();
        }
        if (previousDefault.ValueKind == JsonValueKind.Object)
        {
            var restored = JsonNode.Parse(previousDefault.GetRawText())!.AsObject();
            restored["isDefault"] = true;
            (await admin.PutAsJsonAsync($"/api/v1/sla/policies/{previousDefault.Id()}", restored)).EnsureSuccessStatusCode();
        }
    }
}
