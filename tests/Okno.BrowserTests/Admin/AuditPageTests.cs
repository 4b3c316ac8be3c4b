using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Admin;

[Collection(ChromiumCollection.Name)]
public sealed class AuditPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_finds_a_tickets_actions_on_the_audit_page_and_downloads_them_as_csv() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Аудит " + Guid.NewGuid().ToString("N")[..6]);
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "pending", priority = "high" });
        var number = ticket.GetProperty("number").GetInt64();

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-audit");
        await Expect(page.Locator("#audit-title")).ToHaveTextAsync("Журнал аудита");
        await Expect(page.Locator("#audit-table .audit-row").First).ToBeVisibleAsync();

        await page.Locator("#audit-ticket").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rows = page.Locator("#audit-table .audit-row");
        await Expect(rows).ToHaveCountAsync(4);   // created, the customer's message, priority, status
        await Expect(rows.First.Locator(".audit-object")).ToHaveTextAsync($"#{number}");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Изменён статус");
        await page.ChooseAsync("#audit-action", "Изменён приоритет");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".audit-action")).ToHaveTextAsync("Изменён приоритет");
        await tab.ScreenshotAsync();

        // The export link carries the page's filters and downloads with the admin's session.
        var csvLink = page.Locator("#audit-csv");
        await Expect(csvLink).ToHaveAttributeAsync("download", "okno-audit.csv");
        var href = await csvLink.GetAttributeAsync("href");
        Assert.Contains($"ticket={number}", href, StringComparison.Ordinal);
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        var lines = (await response.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("ticket.changed.priority", lines[1], StringComparison.Ordinal);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_admin_narrows_the_audit_page_to_one_object() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Audit page group " + Guid.NewGuid().ToString("N")[..6]);
        await (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(admin, $"/api/v1/groups/{group}",
            new { name = "Audit page renamed " + Guid.NewGuid().ToString("N")[..6] })).JsonAsync(System.Net.HttpStatusCode.OK);

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/audit");
        await Expect(page.Locator("#audit-table .audit-row").First).ToBeVisibleAsync();
        await page.ChooseAsync("#audit-object-type", "group");
        await page.Locator("#audit-object-id").FillAsync(group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rows = page.Locator("#audit-table .audit-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".audit-object")).ToHaveTextAsync($"group:{group}");
        Assert.Contains($"object=group%3A{group}", await page.Locator("#audit-csv").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Empty(tab.Problems);
    });
}
