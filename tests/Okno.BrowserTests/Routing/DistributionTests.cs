using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Outbox;
using Okno.Routing.Distribution;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Events;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Routing;

/// <summary>Automatic distribution in the browser (issue 16): the presence beacon of an agent's open workspace makes them
/// online, the distribution page sets a group's mode and an agent's settings, the agent pauses and resumes from the app
/// bar, and the ticket's timeline tells how the assignee was chosen. The app is shared by the collection, so each test
/// makes its own group whose only member is its own agent: nobody else's presence decides where its tickets go. The
/// beacon's first beat is immediate, so nothing here waits for Okno:Distribution:BeatSeconds.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DistributionTests(OknoInChromium okno)
{
    private const string Password = "agent-password-1";

    [Fact]
    public Task An_admin_sets_round_robin_on_the_page_and_the_online_agent_gets_a_new_ticket_the_timeline_says_how() =>
        okno.InTwoPagesAsync("en-US", async (adminTab, agentTab) =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Round " + suffix);
        var (olga, email) = await AgentAsync(admin, "Olga " + suffix, group);

        // The agent's workspace is open: the beacon beats and she is online.
        await agentTab.SignInAsync(email, Password, "/inbox");
        await Expect(agentTab.Page.Locator("#presence")).ToHaveAttributeAsync("data-presence", "online");
        await Expect(agentTab.Page.Locator("#presence")).ToHaveAttributeAsync("title", "Online — your presence for automatic distribution");

        var page = adminTab.Page;
        await adminTab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-distribution");
        await Expect(page.Locator("#distribution-title")).ToHaveTextAsync("Distribution");
        var groupRow = page.Locator($".group-row[data-group-id='{group}']");
        await Expect(groupRow).ToHaveAttributeAsync("data-mode", "manual");
        await Expect(groupRow.Locator(".group-available")).ToHaveTextAsync("1 of 1");
        await page.ChooseAsync($"#group-mode-{group}", "Round robin");
        await Expect(groupRow).ToHaveAttributeAsync("data-mode", "round_robin");
        Assert.Equal(DistributionMode.RoundRobin, await okno.App.WithDbAsync(db =>
            db.Set<GroupDistribution>().Where(g => g.GroupId == group).Select(g => g.Mode).SingleAsync()));

        await page.ChooseAsync("#agents-group-filter", "Round " + suffix);
        var agentRow = page.Locator(".agent-row");
        await Expect(agentRow).ToHaveCountAsync(1);
        await Expect(agentRow).ToHaveAttributeAsync("data-agent-id", olga.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(agentRow).ToHaveAttributeAsync("data-presence", "online");
        await Expect(agentRow).ToHaveAttributeAsync("data-available", "true");
        await Expect(agentRow.Locator(".agent-hours")).ToHaveTextAsync("Any time");
        await adminTab.ScreenshotAsync("page");

        var ticket = await admin.CreateTicketAsync("Printer jammed " + suffix, extra: new { groupId = group });
        await JobHelpers.UntilAsync(async () => await AssigneeAsync(ticket.Id()) == olga, 30);

        await agentTab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        var decision = agentTab.Page.Locator(".timeline-decision");
        await Expect(decision).ToHaveAttributeAsync("data-mode", "round_robin");
        await Expect(decision).ToHaveTextAsync($"Assigned automatically to Olga {suffix} — round robin");
        // Her load shows on the page at its next re-read.
        await Expect(agentRow.Locator(".agent-load")).ToHaveTextAsync("1 / no cap", new() { Timeout = 30_000 });
        Assert.Empty(adminTab.Problems);
        Assert.Empty(agentTab.Problems);
    });

    [Fact]
    public Task An_agent_pauses_receiving_from_the_app_bar_a_new_ticket_waits_and_resuming_hands_it_over() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Загрузка " + suffix);
        var (olga, email) = await AgentAsync(admin, "Ольга " + suffix, group);
        await (await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "least_loaded" })).JsonAsync(HttpStatusCode.OK);
        await admin.PatchAsync($"/api/v1/distribution/agents/{olga}", new { skills = new[] { "SAP" } });

        await tab.SignInAsync(email, Password, "/inbox");
        var beacon = page.Locator("#presence");
        await Expect(beacon).ToHaveAttributeAsync("data-presence", "online");
        await Expect(beacon).ToHaveAttributeAsync("title", "В сети — ваш статус для автоматического распределения");
        await beacon.ClickAsync();
        await Expect(page.Locator("#presence-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#presence-receive input")).ToBeCheckedAsync();
        await page.Locator("#presence-receive input").UncheckAsync();
        await Expect(beacon).ToHaveAttributeAsync("data-paused", "true");
        await Expect(page.Locator("#presence-label")).ToHaveTextAsync("Пауза");
        await Expect(page.Locator("#presence-receive-help")).ToContainTextAsync("Приостановлено");
        await tab.ScreenshotAsync("paused");
        Assert.True(await okno.App.WithDbAsync(db => db.Set<AgentDistribution>().Where(a => a.AgentId == olga).Select(a => a.Paused).SingleAsync()));

        // Paused: distribution has seen the new ticket and left it waiting.
        var ticket = await admin.CreateTicketAsync("Не проводится счёт " + suffix, extra: new { groupId = group, tags = new[] { "sap" } });
        await DistributionHandledAsync(ticket.Id());
        Assert.Null(await AssigneeAsync(ticket.Id()));

        await page.Locator("#presence-receive input").CheckAsync();
        await Expect(beacon).ToHaveAttributeAsync("data-paused", "false");
        await Expect(page.Locator("#presence-label")).ToHaveCountAsync(0);
        await JobHelpers.UntilAsync(async () => await AssigneeAsync(ticket.Id()) == olga, 30);

        await tab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        var decision = page.Locator(".timeline-decision");
        await Expect(decision).ToHaveAttributeAsync("data-mode", "least_loaded");
        await Expect(decision).ToHaveTextAsync($"Назначено автоматически: Ольга {suffix} — наименьшая загрузка, открытых: 0, навыки: sap");

        // Signing out makes her offline at once, not after the silence.
        Assert.True(await okno.App.WithDbAsync(db => db.Set<AgentPresence>().AnyAsync(p => p.AgentId == olga)));
        await page.Locator("#signout").ClickAsync();
        await Expect(page.Locator("#signin-submit")).ToBeVisibleAsync();
        await JobHelpers.UntilAsync(async () => !await okno.App.WithDbAsync(db => db.Set<AgentPresence>().AnyAsync(p => p.AgentId == olga)), 10);
        var state = await admin.GetJsonAsync($"/api/v1/distribution/agents/{olga}");
        Assert.Equal("offline", state.GetProperty("presence").GetProperty("status").GetString());
        // The tab's circuit, told at once that its session ended, races the sign-out post's redirect to the sign-in page
        // (see SignInTests): whichever loses is aborted, the one expected problem.
        Assert.DoesNotContain(tab.Problems, p => !(p.Contains("net::ERR_ABORTED", StringComparison.Ordinal)
            && (p.Contains("/signout", StringComparison.Ordinal) || p.Contains("/signin", StringComparison.Ordinal))));
    });

    [Fact]
    public Task The_edit_dialog_refuses_a_cap_of_zero_at_the_field_and_saves_a_cap_and_skills() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Caps " + suffix);
        var (olga, _) = await AgentAsync(admin, "Olga " + suffix, group);

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/distribution");
        await page.ChooseAsync("#agents-group-filter", "Caps " + suffix);
        // Filtered: her row is also in the full list, so wait for the filter before clicking in it.
        await Expect(page.Locator(".agent-row")).ToHaveCountAsync(1);
        var row = page.Locator($".agent-row[data-agent-id='{olga}']");
        await Expect(row.Locator(".agent-load")).ToHaveTextAsync("0 / no cap");
        // Not online: her workspace is not open.
        await Expect(row).ToHaveAttributeAsync("data-presence", "offline");
        await Expect(row).ToHaveAttributeAsync("data-available", "false");

        await row.Locator(".agent-edit").ClickAsync();
        await Expect(page.Locator("#distribution-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agent-distribution-dialog")).ToBeVisibleAsync();
        await page.Locator("#agent-cap").FillAsync("0");
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.FieldError("agent-cap")).ToHaveTextAsync("Between 1 and 10000.");
        await Expect(page.Locator("#agent-distribution-dialog")).ToBeVisibleAsync();
        Assert.False(await okno.App.WithDbAsync(db => db.Set<AgentDistribution>().AnyAsync(a => a.AgentId == olga)));

        await page.Locator("#agent-cap").FillAsync("3");
        await page.Locator("#agent-skill").FillAsync("SAP");
        await page.Locator("#agent-skill").PressAsync("Enter");
        await Expect(page.Locator("#agent-skills .mud-chip")).ToHaveTextAsync(["sap"]);
        // A skill typed but not added with Enter is saved too.
        await page.Locator("#agent-skill").FillAsync("1c");
        await tab.ScreenshotAsync("dialog");
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-distribution-dialog")).ToHaveCountAsync(0);

        await Expect(row.Locator(".agent-load")).ToHaveTextAsync("0 / 3");
        await Expect(row.Locator(".agent-skills .mud-chip")).ToHaveTextAsync(["1c", "sap"]);
        var saved = await okno.App.WithDbAsync(db => db.Set<AgentDistribution>().SingleAsync(a => a.AgentId == olga));
        Assert.Equal(3, saved.MaxOpenTickets);
        Assert.Equal(["1c", "sap"], saved.Skills);
        Assert.Null(saved.CalendarId);
        Assert.False(saved.Paused);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task A_supervisor_reaches_the_page_from_the_bar_sees_modes_without_changing_them_and_pauses_an_agent() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Watched " + suffix);
        var (olga, _) = await AgentAsync(admin, "Olga " + suffix, group);
        var supervisorEmail = $"sup-{suffix}@test.okno";
        await admin.PostJsonAsync("/api/v1/agents", new { email = supervisorEmail, name = "Sveta " + suffix, role = "supervisor", password = Password, groupIds = new[] { group } });

        await tab.SignInAsync(supervisorEmail, Password, "/inbox");
        await page.Locator("#nav-distribution").ClickAsync();
        await Expect(page.Locator("#distribution-title")).ToHaveTextAsync("Distribution");
        var groupRow = page.Locator($".group-row[data-group-id='{group}']");
        await Expect(groupRow.Locator(".group-mode-text")).ToHaveTextAsync("Manual");
        await Expect(page.Locator($"#group-mode-{group}")).ToHaveCountAsync(0);
        await Expect(page.Locator("#distribution-modes-admins")).ToBeVisibleAsync();

        await page.ChooseAsync("#agents-group-filter", "Watched " + suffix);
        await Expect(page.Locator(".agent-row")).ToHaveCountAsync(2);
        var row = page.Locator($".agent-row[data-agent-id='{olga}']");
        await row.Locator(".agent-edit").ClickAsync();
        await Expect(page.Locator("#agent-distribution-dialog")).ToBeVisibleAsync();
        await page.Locator("#agent-paused input").CheckAsync();
        await page.Locator("#agent-save").ClickAsync();
        await Expect(page.Locator("#agent-distribution-dialog")).ToHaveCountAsync(0);
        await Expect(row).ToHaveAttributeAsync("data-paused", "true");
        await Expect(row.Locator(".agent-paused")).ToHaveTextAsync("Paused");
        Assert.True(await okno.App.WithDbAsync(db => db.Set<AgentDistribution>().Where(a => a.AgentId == olga).Select(a => a.Paused).SingleAsync()));
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.Set<GroupDistribution>().CountAsync(g => g.GroupId == group)));
        Assert.Empty(tab.Problems);
    });

    private async Task<(long Id, string Email)> AgentAsync(HttpClient admin, string name, long group)
    {
        var email = $"dist-{Guid.NewGuid():N}@test.okno";
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email, name, role = "agent", password = Password, groupIds = new[] { group } });
        return (agent.Id(), email);
    }

    private Task<long?> AssigneeAsync(long ticketId) =>
        okno.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.AssigneeId).SingleAsync());

    /// <summary>Waits until the distribution's event handler has gone past every event of the ticket so far.</summary>
    private async Task DistributionHandledAsync(long ticketId)
    {
        var last = await okno.App.WithDbAsync(db => db.Set<OutboxEvent>()
            .Where(e => e.Topic == TicketEventOutbox.Topic && e.StreamId == ticketId).MaxAsync(e => e.Id));
        await JobHelpers.UntilAsync(() => okno.App.WithDbAsync(db =>
            db.Set<OutboxProgress>().AnyAsync(p => p.Handler == "routing.distribution" && p.LastEventId >= last)), 30);
    }
}
