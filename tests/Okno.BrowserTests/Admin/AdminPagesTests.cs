using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Admin;

[Collection(ChromiumCollection.Name)]
public sealed class AdminPagesTests(OknoInChromium okno)
{
    [Fact]
    public Task Admin_creates_a_group_and_an_agent_in_it_changes_their_role_and_deactivates_them() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var group = $"L1 {suffix}";
        var email = $"olga-{suffix}@test.okno";
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/groups");

        await page.Locator("#group-create").ClickAsync();
        await page.Locator("#group-name").FillAsync(group);
        await page.Locator("#group-description").FillAsync("First line of support");
        await page.Locator("#group-save").ClickAsync();
        var groupRow = page.Locator("#groups-table tbody tr", new() { HasText = group });
        await Expect(groupRow.Locator(".group-agents")).ToHaveTextAsync("0");
        await Expect(groupRow.Locator(".group-description")).ToHaveTextAsync("First line of support");

        await tab.GotoInteractiveAsync("/admin/agents");
        await page.Locator("#agent-create").ClickAsync();
        await page.Locator("#agent-email").FillAsync(email);
        await page.Locator("#agent-name").FillAsync("Olga Browser");
        await page.Locator("#agent-password").FillAsync("first-password-1");
        await ChooseAsync(page, "#agent-groups", group);
        await CloseSelectAsync(page);
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-dialog")).ToHaveCountAsync(0);
        var row = page.Locator("#agents-table tbody tr", new() { HasText = email });
        await Expect(row.Locator(".agent-name")).ToHaveTextAsync("Olga Browser");
        await Expect(row.Locator(".agent-role")).ToHaveTextAsync("Agent");
        await Expect(row.Locator(".agent-groups")).ToHaveTextAsync(group);
        await Expect(row.Locator(".agent-status")).ToHaveTextAsync("Active");
        await Expect(row.Locator(".agent-language")).ToHaveTextAsync("Browser's language");

        await row.Locator("button[id^=agent-edit-]").ClickAsync();
        await ChooseAsync(page, "#agent-role", "Supervisor");
        // The choice reaches the server over the circuit: saving before the select shows it saved the old role (seen in CI).
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agent-role input").First).ToHaveValueAsync("Supervisor");
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-dialog")).ToHaveCountAsync(0);
        await Expect(row.Locator(".agent-role")).ToHaveTextAsync("Supervisor");

        await row.Locator("button[id^=agent-deactivate-]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Expect(row.Locator(".agent-status")).ToHaveTextAsync("Inactive");
        await Expect(row.Locator("button[id^=agent-deactivate-]")).ToHaveCountAsync(0);
        await tab.ScreenshotAsync();

        var stored = await okno.App.WithDbAsync(db => db.Agents.Include(a => a.Groups).ThenInclude(g => g.Group).SingleAsync(a => a.Email == email));
        Assert.Equal(AgentRole.Supervisor, stored.Role);
        Assert.False(stored.IsActive);
        Assert.Equal([group], stored.Groups.Select(g => g.Group.Name));

        // The group page counts the new member and lists them.
        await tab.GotoInteractiveAsync("/admin/groups");
        await LoadAllAsync(page, "groups");
        await Expect(groupRow.Locator(".group-agents")).ToHaveTextAsync("1");
        await groupRow.Locator("button[id^=group-members-]").ClickAsync();
        await Expect(page.Locator("#group-members-table")).ToContainTextAsync(email);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task A_taken_email_is_shown_next_to_the_field_and_the_dialog_stays_open() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/agents");

        await page.Locator("#agent-create").ClickAsync();
        await page.Locator("#agent-email").FillAsync(OknoFactory.AdminEmail);
        await page.Locator("#agent-name").FillAsync("Second Admin");
        await page.Locator("#agent-password").FillAsync("short");
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-dialog")).ToContainTextAsync("At least 10 characters.");

        await page.Locator("#agent-password").FillAsync("long-enough-password");
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-dialog")).ToContainTextAsync("An agent with this email already exists.");
        await tab.ScreenshotAsync();
        await page.Locator("#agent-cancel").ClickAsync();
        await Expect(page.Locator("#agent-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agents-table")).ToContainTextAsync(OknoFactory.AdminEmail);
    });

    [Fact]
    public Task Roles_page_counts_active_agents_in_russian_and_links_to_the_agents_of_a_role() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var email = await CreateAgentAsync(AgentRole.Supervisor);
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/roles");

        await Expect(page.Locator("#role-admin .role-name")).ToHaveTextAsync("Администратор");
        await Expect(page.Locator("#role-count-supervisor")).Not.ToHaveTextAsync(new Regex("^(…|0)$"));
        await tab.ScreenshotAsync("roles");
        // A link inside the running UI: the circuit navigates, no new page load.
        await page.Locator("#role-link-supervisor").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/agents\\?role=supervisor$"));
        await Expect(page.Locator("#agents-filter")).ToContainTextAsync("Супервайзер");
        await Expect(page.Locator("#agents-table")).ToContainTextAsync(email);
        await Expect(page.Locator("#agents-table")).Not.ToContainTextAsync(OknoFactory.AdminEmail);
        await tab.ScreenshotAsync("agents");

        // Same page, another query: the list reloads without the filter.
        await page.Locator("#agents-filter-clear").ClickAsync();
        await Expect(page.Locator("#agents-filter")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agents-table")).ToContainTextAsync(OknoFactory.AdminEmail);
        await Expect(page.Locator("#agents-table")).ToContainTextAsync(email);
    });

    [Fact]
    public Task An_agent_who_is_not_an_admin_does_not_get_the_admin_pages() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var email = await CreateAgentAsync(AgentRole.Agent);
        await tab.SignInAsync(email, "agent-password-1", "/admin/agents");

        await Expect(page).Not.ToHaveURLAsync(new Regex("/admin/agents$"));
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Plain Agent");
        // Told so, with the way back; not dropped on the inbox without a word.
        await Expect(page.Locator("#no-access-title")).ToHaveTextAsync("No access");
        await Expect(page.Locator("#no-access-back")).ToHaveAttributeAsync("href", "/inbox");
        await Expect(page.Locator("#agents-table")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agent-create")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/groups", "/admin/roles" })
        {
            await tab.GotoInteractiveAsync(path);
            await Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
            await Expect(page.Locator("#no-access")).ToBeVisibleAsync();
            await Expect(page.Locator("#groups-table, #roles-table, #group-create")).ToHaveCountAsync(0);
        }
        await page.Locator("#no-access-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));

        // Inside a running circuit the router does not ask the server; the page itself refuses.
        await page.EvaluateAsync("Blazor.navigateTo('/admin/agents')");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/agents$"));
        await Expect(page.Locator("#no-access")).ToBeVisibleAsync();
        await Expect(page.Locator("#agents-table, #agent-create")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Groups_page_shows_a_page_at_a_time_and_loads_more_on_request() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var prefix = "Paged " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = okno.App.Services.CreateAsyncScope())
        {
            var admin = await AdminAsync(scope.ServiceProvider);
            for (var i = 1; i <= Okno.Platform.Web.Paging.DefaultLimit + 1; i++)
                await scope.ServiceProvider.GetRequiredService<CreateGroup>().ExecuteAsync(new GroupRequest($"{prefix} {i:00}", null), admin, null, default);
        }
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/groups");

        var last = $"{prefix} {Okno.Platform.Web.Paging.DefaultLimit + 1:00}";
        await Expect(page.Locator("#groups-table tbody tr")).ToHaveCountAsync(Okno.Platform.Web.Paging.DefaultLimit);
        await Expect(page.Locator("#groups-table")).Not.ToContainTextAsync(last);
        await LoadAllAsync(page, "groups");
        await Expect(page.Locator("#groups-table")).ToContainTextAsync(last);
    });

    /// <summary>Clicks "Load more" under the table until every page is on screen.</summary>
    private static async Task LoadAllAsync(IPage page, string list)
    {
        await Expect(page.Locator($"#{list}-table tbody tr").First).ToBeVisibleAsync();
        while (await page.Locator($"#{list}-more").CountAsync() > 0)
        {
            var rows = await page.Locator($"#{list}-table tbody tr").CountAsync();
            await page.Locator($"#{list}-more").ClickAsync();
            await Expect(page.Locator($"#{list}-table tbody tr")).Not.ToHaveCountAsync(rows);
        }
    }

    private static async Task<CurrentAgent> AdminAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<OknoDb>();
        return (await services.GetRequiredService<IAgentAccounts>().ActiveAsync(db, (await db.Agents.SingleAsync(a => a.Email == OknoFactory.AdminEmail)).Id, default))!;
    }

    private async Task<string> CreateAgentAsync(AgentRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.okno";
        await using var scope = okno.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateAgent>().ExecuteAsync(
            new CreateAgentRequest(email, "Plain Agent", role, "agent-password-1", [], null), await AdminAsync(scope.ServiceProvider), null, default);
        return email;
    }

    /// <summary>Opens a MudSelect (its options render in a popover at the layout) and clicks the option with this text.</summary>
    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.Locator($"{field} .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
    }

    /// <summary>A multi-select stays open after a choice; a click outside it (on its overlay) closes it.</summary>
    private static async Task CloseSelectAsync(IPage page)
    {
        await page.Mouse.ClickAsync(5, 5);
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
