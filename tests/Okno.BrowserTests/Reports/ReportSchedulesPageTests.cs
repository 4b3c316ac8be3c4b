using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Reports;

/// <summary>Scheduled reports: "Schedule this report" on the KPI dashboard opens the dialog with the dashboard's report
/// and grouping, and the saved schedule shows in the list with its next due time; the Reports menu leads there.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReportSchedulesPageTests(OknoInChromium okno)
{
    [Fact]
    public Task A_schedule_made_from_the_dashboard_shows_in_the_list() => okno.InPageAsync("en-US", async tab =>
    {
        await tab.SignInAsync(returnUrl: "/reports");
        var page = tab.Page;
        await Expect(page.Locator("#kpi-title")).ToHaveTextAsync("KPI dashboard");
        await Expect(page.Locator("#kpi-trend-table")).ToBeVisibleAsync();
        await page.OpenAsync("#kpi-schedule", "#rs-dialog");
        // Prefilled: the dashboard's bar report (Tickets created) grouped by group; the signed-in admin receives it.
        await Expect(page.Locator("#rs-name")).ToHaveValueAsync("Tickets created");
        var name = "Weekly " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#rs-name").FillAsync(name);
        await page.Locator("#rs-send-at").FillAsync("08:15");
        await page.Locator("#rs-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/schedules$"));
        var row = page.Locator(".rs-row", new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("weekly, Monday, 08:15");
        await Expect(row.Locator(".rs-next")).ToContainTextAsync(" 08:15");

        var admin = await okno.App.AdminClientAsync();
        var saved = (await admin.GetJsonAsync("/api/v1/reports/schedules?limit=100")).Items().Single(s => s.Str("name") == name);
        Assert.Equal(("created", "group", "monday"), (saved.Str("report"), saved.Str("groupBy"), saved.Str("weekday")));

        // The Reports menu leads to the list too.
        await page.GotoAsync(okno.BaseUrl + "/reports");
        await page.ChooseFromMenuAsync("#nav-reports", "#nav-report-schedules");
        await Expect(page.Locator("#rs-title")).ToHaveTextAsync("Scheduled reports");
    });
}
