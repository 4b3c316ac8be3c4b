using Microsoft.Extensions.DependencyInjection;
using Okno.Surveys;
using Okno.Testing;
using Okno.Tickets;
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
        await Expect(page.Locator(".kpi-tile[data-kpi='csat'] .kpi-tile-delta")).ToBeVisibleAsync();
        await Expect(page.Locator(".kpi-tile[data-kpi='nps']")).ToBeVisibleAsync();
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

    [Fact]
    public Task A_list_custom_field_groups_the_bar_and_its_option_opens_its_tickets() => okno.InPageAsync("ru-RU", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var key = "product_" + suffix;
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key, labelRu = "Продукт " + suffix, labelEn = "Product " + suffix, type = "one_of",
            options = new[] { new { key = "crm", labelRu = "Клиенты", labelEn = "Clients" }, new { key = "erp", labelRu = "Склад", labelEn = "Stock" } } });
        var ticket = (await admin.CreateTicketAsync("По полю " + suffix, extra: new { customFields = new Dictionary<string, object> { [key] = "erp" } })).Id();
        await JobHelpers.UntilAsync(async () =>
            (await admin.GetJsonAsync($"/api/v1/reports/created?cf.{key}=erp")).GetProperty("total")[0].GetDouble() >= 1, 30);

        await tab.SignInAsync(returnUrl: "/reports");
        var page = tab.Page;
        await Expect(page.Locator(".kpi-tile[data-kpi='created']")).ToBeVisibleAsync();
        await page.ChooseAsync("#kpi-group-by-field", "Поле: Продукт " + suffix);
        await page.Locator("#kpi-show").ClickAsync();
        var row = page.Locator("#kpi-bar-table .kpi-bar-row[data-group='erp']");
        await Expect(row).ToContainTextAsync("Склад");
        await Expect(row.Locator("a.kpi-drill")).ToHaveTextAsync("1");
        Assert.Contains($"groupBy=cf.{key}", await page.Locator("#kpi-bar-csv").GetAttributeAsync("href"));
        await row.Locator("a.kpi-drill").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/tickets\\?"));
        await Expect(page.Locator("#kpt-table .kpt-ticket")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#kpt-table .kpt-ticket[data-id='{ticket}']")).ToContainTextAsync("По полю " + suffix);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task A_click_on_a_group_bar_in_the_chart_opens_its_tickets() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Bar " + Guid.NewGuid().ToString("N")[..6]);
        var ticket = (await admin.CreateTicketAsync("Chart bar drill-down", extra: new { groupId = group })).Id();
        await JobHelpers.UntilAsync(async () =>
            (await admin.GetJsonAsync($"/api/v1/reports/created?groupId={group}")).GetProperty("total")[0].GetDouble() >= 1, 30);

        await tab.SignInAsync(returnUrl: "/reports");
        var page = tab.Page;
        await Expect(page.Locator($"#kpi-bar-table .kpi-bar-row[data-group='{group}']")).ToBeVisibleAsync();
        // The chart draws the groups in the table's order, one series each; the bars with a height are the groups' values.
        var groups = await page.Locator("#kpi-bar-table .kpi-bar-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.group)");
        var values = await page.Locator("#kpi-bar-table .kpi-bar-row a.kpi-drill").AllInnerTextsAsync();
        var drawn = groups.Where((_, i) => values[i] != "0").ToList();
        // Zero values are drawn as 0.5-unit slivers: the bars taller than that, in drawing order (series by series).
        var heights = await page.Locator("#kpi-bar-chart svg path.mud-chart-bar").EvaluateAllAsync<double[]>("ps => ps.map(p => p.getBBox().height)");
        var bars = page.Locator("#kpi-bar-chart svg path.mud-chart-bar");
        var visible = Enumerable.Range(0, heights.Length).Where(i => heights[i] > 1).Select(i => bars.Nth(i)).ToList();
        Assert.True(drawn.Count == visible.Count, $"{drawn.Count} groups, {visible.Count} bars: {string.Join(" ", heights)}");
        // A bar is a thick stroke on a zero-width path, which Playwright counts as not visible: a real mouse click at its centre.
        await visible[drawn.IndexOf(group.ToString(System.Globalization.CultureInfo.InvariantCulture))].ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/reports/tickets\\?.*group={group}"));
        await Expect(page.Locator($"#kpt-table .kpt-ticket[data-id='{ticket}']")).ToContainTextAsync("Chart bar drill-down");
    });

    [Fact]
    public Task A_low_CSAT_number_drills_down_to_the_rated_ticket() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("CSAT " + Guid.NewGuid().ToString("N")[..6]);
        var ticket = await admin.CreateTicketAsync("Rated low " + Guid.NewGuid().ToString("N")[..6], extra: new { groupId = group });
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });
        // A sent survey with a known token (the mail carrying it is the integration tests' business), answered 2 of 5.
        var token = CsatTokens.New();
        await okno.App.WithDbAsync(async db =>
        {
            db.CsatSurveys.Add(new CsatSurvey
            {
                TicketId = ticket.Id(), ResolutionEventId = -Random.Shared.NextInt64(1, long.MaxValue),
                ContactId = ticket.GetProperty("customer").GetProperty("id").GetInt64(), GroupId = group, Channel = ChannelKind.Api,
                ResolvedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow, Status = CsatStatus.Sent, Language = "en",
                TokenHash = CsatTokens.Hash(token), SentAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await using (var scope = okno.App.Services.CreateAsyncScope())
            Assert.Equal(CsatRateOutcome.Rated, await scope.ServiceProvider.GetRequiredService<CsatAnswers>().RateByTokenAsync(token, 2, CancellationToken.None));
        Assert.Equal(2.0, (await admin.GetJsonAsync($"/api/v1/reports/csat?groupId={group}")).GetProperty("total")[1].GetDouble());

        await tab.SignInAsync(returnUrl: "/reports");
        var page = tab.Page;
        // Today's row of the satisfaction table (days in the report time zone, Moscow by default): its "rated 1–3" number.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var unsatisfied = page.Locator($"#kpi-surveys-table .kpi-surveys-row[data-bucket='{today}'] a.kpi-unsatisfied");
        await Expect(unsatisfied).ToBeVisibleAsync();
        await unsatisfied.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/tickets\\?.*rating=unsatisfied"));
        await Expect(page.Locator($"#kpt-table .kpt-ticket[data-id='{ticket.Id()}']")).ToContainTextAsync("Rated low");
        Assert.Contains("rating=unsatisfied", await page.Locator("#kpt-csv").GetAttributeAsync("href"));
    });
}
