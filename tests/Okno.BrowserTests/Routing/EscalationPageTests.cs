using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Routing;
using Okno.Testing;
using Okno.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Routing;

/// <summary>Support lines in the browser (issue 16): an agent escalates a ticket from its page with a reason and a
/// comment and sees it in the timeline; an admin orders the lines and adds a reason.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class EscalationPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_agent_escalates_a_ticket_from_its_page_with_a_reason_and_sees_the_timeline_entry() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var (l1, l2) = (await admin.CreateGroupAsync("First " + suffix), await admin.CreateGroupAsync("Second " + suffix));
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new[] { new { groupId = l1 }, new { groupId = l2 } } })).JsonAsync(System.Net.HttpStatusCode.OK);
        var reason = "Needs DB access " + suffix;
        await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = reason });
        var email = $"olga-{suffix}@test.okno";
        var olga = await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Olga " + suffix, role = "agent", password = "agent-password-1", groupIds = new[] { l1, l2 } });
        var ticket = await admin.CreateTicketAsync("Report is empty " + suffix, extra: new { groupId = l1, assigneeId = olga.Id() });

        await tab.SignInAsync(email, "agent-password-1", $"/tickets/{ticket.Id()}");
        await Expect(page.Locator("#current-line")).ToContainTextAsync("First " + suffix);
        await page.Locator("#escalate-open").ClickAsync();
        await Expect(page.Locator("#escalate-dialog")).ToBeVisibleAsync();
        await page.ChooseAsync("#escalate-line", "2. Second " + suffix);
        await Expect(page.Locator("#escalate-direction")).ToHaveTextAsync("Escalation to a later line.");
        // Without a reason the dialog says so at the field and nothing moves.
        await page.Locator("#escalate-comment").FillAsync("Customer's report needs a query on the DB");
        await page.Locator("#escalate-submit").ClickAsync();
        await Expect(page.Locator("#escalate-dialog")).ToContainTextAsync("Choose why the ticket moves to another line.");
        await page.ChooseAsync("#escalate-reason", reason);
        await tab.ScreenshotAsync("escalate-dialog");
        await page.Locator("#escalate-submit").ClickAsync();
        await Expect(page.Locator("#escalate-dialog")).ToHaveCountAsync(0);

        var entry = page.Locator(".timeline-event[data-kind=escalated]");
        await Expect(entry).ToContainTextAsync($"Olga {suffix} escalated to Second {suffix} — reason: «{reason}»");
        await Expect(entry.Locator(".timeline-escalation-comment")).ToHaveTextAsync(": Customer's report needs a query on the DB");
        await Expect(page.Locator("#current-line")).ToContainTextAsync("Second " + suffix);
        // The group change the escalation brings is not told twice.
        await Expect(page.Locator(".timeline-event[data-field=group]")).ToHaveCountAsync(1);
        Assert.Equal(l2, await okno.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id()).Select(t => t.GroupId).SingleAsync()));
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_admin_orders_the_lines_marks_a_vendor_and_adds_a_reason_in_russian() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var (first, vendor) = (await admin.CreateGroupAsync("Первая " + suffix), await admin.CreateGroupAsync("Подрядчик " + suffix));
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = Array.Empty<object>() })).JsonAsync(System.Net.HttpStatusCode.OK);

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-lines");
        await Expect(page.Locator("#lines-title")).ToHaveTextAsync("Линии поддержки");
        await page.Locator($".line-add[data-group-id='{vendor}']").ClickAsync();
        await page.Locator($".line-add[data-group-id='{first}']").ClickAsync();
        await page.Locator($".line-row[data-group-id='{first}'] .line-up").ClickAsync();
        // The swap has drawn before the switch is touched (under CI load the check once landed on the row that moved).
        await Expect(page.Locator(".line-row").First).ToHaveAttributeAsync("data-group-id", first.ToString());
        await page.Locator($".line-row[data-group-id='{vendor}'] .line-external input").CheckAsync();
        await page.Locator("#lines-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Линии поддержки сохранены.");

        await page.Locator("#reason-new").FillAsync("Нужен выезд " + suffix);
        await page.Locator("#reason-add").ClickAsync();
        await Expect(page.Locator(".reason-row .reason-name", new() { HasText = "Нужен выезд " + suffix })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("lines");

        var lines = await okno.App.WithDbAsync(db => db.Set<SupportLine>().OrderBy(l => l.Position).ToListAsync());
        Assert.Equal([(first, 1, LineKind.Internal), (vendor, 2, LineKind.External)], lines.Select(l => (l.GroupId, l.Position, l.Kind)));
        Assert.Empty(tab.Problems);
    });
}
