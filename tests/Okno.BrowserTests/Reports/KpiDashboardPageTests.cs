using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Reports;

/// <summary>The KPI dashboard: tiles with the previous period, the charts' tables, and a bar's number opening the tickets
/// behind it; export links carry the same query.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class KpiDashboardPageTests(OknoInChromium okno)
{
    [Fact]
    public Task A_group_bar_drills_down_to_its_tickets() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var groupName = "KPI " + Guid.NewGuid().ToString("N")[..6];
        var group = await admin.CreateGroupAsync(groupName);
        var ticket = (await admin.CreateTicketAsync("Dashboard drill-down", extra: new { groupId = group })).Id();
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "On it" });
        // The aggregates follow the event stream: wait until the group's ticket is counted.
        await JobHelpers.UntilAsync(async () =>
            (await admin.GetJsonAsync($"/api/v1/reports/created?groupId={group}")).GetProperty("total")[0].GetDouble() >= 1, 30);

        await tab.SignInAsync(returnUrl: "/reports");
        var page = tab.Page;
        await Expect(page.Locator("#kpi-title")).ToHaveTextAsync("KPI dashboard");
        await Expect(page.Locator(".kpi-tile[data-kpi='created']")).ToBeVisibleAsync();
        await Expect(page.Locator(".kpi-tile[data-kpi='csat']")).ToContainTextAsync("not wired yet");
        await Expect(page.Locator("#kpi-trend-table .kpi-trend-row").First).ToBeVisibleAsync();
        var csv = await page.Locator("#kpi-bar-csv").GetAttributeAsync("href");
        Assert.Contains("/api/v1/reports/created?", csv);
        Assert.Contains("groupBy=group", csv);
        Assert.Contains("format=csv", csv);

        var row = page.Locator($"#kpi-bar-table .kpi-bar-row[data-group='{group}']");
        await Expect(row).ToContainTextAsync(groupName);
        await Expect(row.Locator("a.kpi-drill")).ToHaveTextAsync("1");
        await row.Locator("a.kpi-drill").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/tickets\\?"));
        await Expect(page.Locator("#kpt-table .kpt-ticket")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#kpt-table .kpt-ticket[data-id='{ticket}']")).ToContainTextAsync("Dashboard drill-down");
        Assert.Contains("format=xlsx", await page.Locator("#kpt-xlsx").GetAttributeAsync("href"));
    });
}
