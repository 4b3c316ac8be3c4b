using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Notifications.Workspace;
using Okno.Sla;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Sla;

/// <summary>SLA on real tickets (issue 15): policies chosen by ordered conditions with a default, due times kept by the
/// ticket-event handler, the due sort and the at-risk list, the scan recording each warning and breach once as a ticket
/// event that rings the assignee's bell, a policy change recomputing open tickets, and what may not be deleted.</summary>
public sealed class TicketSlaTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothDatabases]
    public async Task Tickets_get_the_first_matching_policy_their_clock_is_kept_and_each_crossing_is_recorded_once(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (agentId, agent) = await app.CreateAgentAsync(admin);
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", AroundTheClock("Europe/Moscow"));
        var urgent = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Urgent", calendarId = calendar.Id(), warnAtPercent = 50,
            targets = new { urgent = new { firstResponseMinutes = 60, resolutionMinutes = 240 } },
            conditions = new[] { new { field = "priority", values = new[] { "urgent" } } },
        });
        var standard = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Standard", calendarId = calendar.Id(), isDefault = true,
            targets = new { normal = new { firstResponseMinutes = 240 }, urgent = new { firstResponseMinutes = 120 } },
        });

        var hot = await admin.CreateTicketAsync("Server down", extra: new { priority = "urgent" });
        var calm = await admin.CreateTicketAsync("A question");
        await admin.PatchAsync($"/api/v1/tickets/{hot.Id()}", new { assigneeId = agentId });
        await DueAsync(admin, hot.Id(), Start.AddMinutes(60));
        await DueAsync(admin, calm.Id(), Start.AddMinutes(240));

        var explained = await admin.GetJsonAsync($"/api/v1/tickets/{hot.Id()}/sla");
        Assert.Equal("Urgent", explained.GetProperty("policy").Str("name"));
        Assert.Equal("priority", explained.GetProperty("matchedBy")[0].Str("field"));
        Assert.Equal("running", explained.GetProperty("firstResponse").Str("state"));
        Assert.Equal(60, explained.GetProperty("firstResponse").GetProperty("remainingMinutes").GetDouble());
        Assert.Equal(JsonValueKind.Null, explained.GetProperty("nextResponse").ValueKind);
        Assert.Contains(explained.GetProperty("timeline").EnumerateArray(), e => e.Str("what") == "policy" && e.Str("detail").StartsWith("Urgent"));
        Assert.Equal("Standard", (await admin.GetJsonAsync($"/api/v1/tickets/{calm.Id()}/sla")).GetProperty("policy").Str("name"));
        Assert.Equal("running", (await admin.GetJsonAsync($"/api/v1/tickets/{hot.Id()}")).GetProperty("sla").GetProperty("resolution").Str("state"));

        // Soonest due first; nothing is at risk yet.
        var byDue = (await admin.GetJsonAsync("/api/v1/tickets?view=all_open&sort=due")).Items().Select(t => t.Id()).ToList();
        Assert.Equal([hot.Id(), calm.Id()], byDue.Take(2));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/tickets?view=all_open&sla=at_risk")).Items());

        // Half the first-response target gone: the warning, once, however often the scan runs.
        // (Okno's own scan job runs too, on the same fake clock: count what is recorded, not who recorded it.)
        clock.Advance(TimeSpan.FromMinutes(31));
        await ScanUntilAsync(app, hot.Id(), 1);
        await ScanAsync(app);
        Assert.Equal(1, await AlertsAsync(app, hot.Id()));
        Assert.Equal([hot.Id()], (await admin.GetJsonAsync("/api/v1/tickets?view=all_open&sla=at_risk")).Items().Select(t => t.Id()));
        // Then the due time: the breach, recorded on the ticket's history and rung on the assignee's bell.
        clock.Advance(TimeSpan.FromMinutes(30));
        await ScanUntilAsync(app, hot.Id(), 2);
        var alerts = await app.WithDbAsync(db => db.TicketEvents.Where(e => e.TicketId == hot.Id() && e.Kind == TicketEventKind.SlaAlert)
            .OrderBy(e => e.TicketVersion).Select(e => new { e.Field, e.NewValue }).ToListAsync());
        Assert.Equal([("sla_warning", "first_response"), ("sla_breach", "first_response")], alerts.Select(a => (a.Field!, a.NewValue!)));
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.AgentNotifications.AnyAsync(n => n.AgentId == agentId && n.Kind == WorkspaceNotificationKinds.SlaBreach)), 20);
        Assert.True(await app.WithDbAsync(db => db.AgentNotifications.AnyAsync(n => n.AgentId == agentId && n.Kind == WorkspaceNotificationKinds.SlaWarning)));

        // Answered late: missed. The due sort now follows resolution.
        await agent.PostJsonAsync($"/api/v1/tickets/{hot.Id()}/messages", new { body = "Looking into it" });
        await JobHelpers.UntilAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{hot.Id()}/sla")).GetProperty("firstResponse").Str("state") == "missed", 20);
        await DueAsync(admin, hot.Id(), Start.AddMinutes(240));

        // A policy change recomputes open tickets from their history.
        await (await admin.PutAsJsonAsync($"/api/v1/sla/policies/{standard.Id()}", new
        {
            name = "Standard", calendarId = calendar.Id(), isDefault = true, targets = new { normal = new { firstResponseMinutes = 480 } },
        })).JsonAsync(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await ActivatorUtilities.CreateInstance<SlaRecompute>(scope.ServiceProvider).RunAsync(CancellationToken.None) >= 2);
        await DueAsync(admin, calm.Id(), Start.AddMinutes(480));
        await DueAsync(admin, hot.Id(), Start.AddMinutes(240));

        // What is in use is not deleted, and the refusal names the users.
        var calendarRefused = await (await admin.DeleteAsync($"/api/v1/calendars/{calendar.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("calendar.in_use", calendarRefused.Str("code"));
        Assert.Contains("Urgent", calendarRefused.Str("detail"));
        var policyRefused = await (await admin.DeleteAsync($"/api/v1/sla/policies/{urgent.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("sla.policy_in_use", policyRefused.Str("code"));
        Assert.Contains("#" + hot.GetProperty("number").GetInt64(), policyRefused.Str("detail"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_bad_policy_is_refused_naming_each_field_and_nothing_is_saved(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/sla/policies", new
        {
            name = "", calendarId = 999_999, warnAtPercent = 0, pauseStatuses = new[] { "closed" },
            targets = new Dictionary<string, object> { ["urgent"] = new { firstResponseMinutes = 0 }, ["someday"] = new { } },
            conditions = new object[] { new { field = "mood", values = new[] { "x" } }, new { field = "group", values = new[] { "424242" } } },
        });
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["calendarId", "conditions[0].field", "conditions[1].values[0]", "name", "pauseStatuses[0]", "targets.someday", "targets.urgent.firstResponseMinutes", "warnAtPercent"],
            problem.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/sla/policies")).Items());

        // A default policy has no conditions; the order names every policy once.
        var calendar = (await admin.GetJsonAsync("/api/v1/calendars")).Items()[0].Id();
        var withConditions = await (await admin.PostAsJsonAsync("/api/v1/sla/policies", new
        {
            name = "D", calendarId = calendar, isDefault = true, conditions = new[] { new { field = "priority", values = new[] { "low" } } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["conditions"], withConditions.ErrorFields());
        var a = await admin.PostJsonAsync("/api/v1/sla/policies", new { name = "A", calendarId = calendar });
        var b = await admin.PostJsonAsync("/api/v1/sla/policies", new { name = "B", calendarId = calendar });
        await (await admin.PutAsJsonAsync("/api/v1/sla/policies/order", new { ids = new[] { a.Id() } })).JsonAsync(HttpStatusCode.BadRequest);
        var reordered = await (await admin.PutAsJsonAsync("/api/v1/sla/policies/order", new { ids = new[] { b.Id(), a.Id() } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["B", "A"], reordered.Items().Select(p => p.Str("name")));

        // Agents read policies, only admins change them.
        var (_, agent) = await app.CreateAgentAsync(admin);
        await agent.GetJsonAsync("/api/v1/sla/policies");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/v1/sla/policies/{a.Id()}")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task A_crossing_found_long_after_it_happened_is_noted_once_but_not_announced(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (agentId, _) = await app.CreateAgentAsync(admin);
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", AroundTheClock("UTC"));
        var ticket = await admin.CreateTicketAsync("Old news");
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId = agentId });
        // SLA switched on after the ticket was already 5 hours old: its first response was breached hours ago.
        clock.Advance(TimeSpan.FromHours(5));
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Everyone", calendarId = calendar.Id(), isDefault = true, targets = new { normal = new { firstResponseMinutes = 60 } },
        });
        Assert.Equal(Start.AddHours(5), (await admin.GetJsonAsync("/api/v1/sla/status")).GetProperty("changedAt").GetDateTimeOffset());
        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<SlaRecompute>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        Assert.False((await admin.GetJsonAsync("/api/v1/sla/status")).GetProperty("recomputing").GetBoolean());

        await ScanUntilAsync(app, ticket.Id(), 2);
        await ScanAsync(app);
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/sla/status")).GetProperty("dueNow").GetInt32());
        Assert.Equal(2, await AlertsAsync(app, ticket.Id()));
        Assert.False(await app.WithDbAsync(db => db.TicketEvents.AnyAsync(e => e.TicketId == ticket.Id() && e.Kind == TicketEventKind.SlaAlert)));
        Assert.Equal("breached", (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/sla")).GetProperty("firstResponse").Str("state"));
        await Task.Delay(500);
        Assert.False(await app.WithDbAsync(db => db.AgentNotifications.AnyAsync(n => n.AgentId == agentId && n.Kind.StartsWith("sla_"))));
    }

    [Fact]
    public async Task Two_nodes_scanning_at_once_record_each_crossing_once()
    {
        var clock = new FakeTimeProvider(Start);
        await using var first = OknoFactory.Postgres(services: s => s.AddSingleton<TimeProvider>(clock));
        await using var second = first.SecondNode();
        var admin = await first.AdminClientAsync();
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", AroundTheClock("UTC"));
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Everyone", calendarId = calendar.Id(), isDefault = true, warnAtPercent = 50,
            targets = new { normal = new { firstResponseMinutes = 10, resolutionMinutes = 12 } },
        });
        var tickets = new List<long>();
        for (var i = 0; i < 5; i++) tickets.Add((await admin.CreateTicketAsync($"Both nodes {i}")).Id());
        foreach (var id in tickets) await DueAsync(admin, id, Start.AddMinutes(10));

        // Past every warning and due time (all within the last minutes, so each is announced), then both nodes scan at once.
        clock.Advance(TimeSpan.FromMinutes(13));
        for (var round = 0; round < 2; round++)
            await Task.WhenAll(ScanAsync(first), ScanAsync(second), ScanAsync(first), ScanAsync(second));
        await JobHelpers.UntilAsync(async () =>
        {
            await Task.WhenAll(ScanAsync(first), ScanAsync(second));
            return await first.WithDbAsync(db => db.SlaAlerts.CountAsync()) >= 20;
        }, 30);

        var recorded = await first.WithDbAsync(db => db.TicketEvents.Where(e => e.Kind == TicketEventKind.SlaAlert)
            .Select(e => new { e.TicketId, e.Field, e.NewValue }).ToListAsync());
        Assert.Equal(20, recorded.Count);   // 5 tickets × 2 targets × (warning, breach)
        Assert.Equal(20, recorded.Distinct().Count());
        Assert.Equal(20, await first.WithDbAsync(db => db.SlaAlerts.CountAsync()));
    }

    private static object AroundTheClock(string zone)
    {
        var day = new[] { new { from = "00:00", to = "24:00" } };
        return new
        {
            name = "24/7 " + zone, timeZone = zone,
            week = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day, saturday = day, sunday = day },
            days = Array.Empty<object>(),
        };
    }

    /// <summary>Waits until the ticket's soonest SLA due time is <paramref name="expected"/> (the handler runs after commit).</summary>
    private static async Task<DateTimeOffset> DueAsync(HttpClient client, long ticketId, DateTimeOffset expected)
    {
        DateTimeOffset? seen = null;
        try
        {
            await JobHelpers.UntilAsync(async () =>
            {
                var due = (await client.GetJsonAsync($"/api/v1/tickets/{ticketId}")).GetProperty("slaDueAt");
                seen = due.ValueKind == JsonValueKind.Null ? null : due.GetDateTimeOffset();
                return seen == expected;
            }, 20);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Ticket {ticketId}: due {seen:O}, expected {expected:O}.");
        }
        return expected;
    }

    /// <summary>Scans until the ticket has <paramref name="expected"/> alerts: a scan that finds the clock handler at work
    /// (it handles the alert events themselves) leaves the batch to the next run.</summary>
    private static async Task ScanUntilAsync(OknoFactory app, long ticketId, int expected)
    {
        await JobHelpers.UntilAsync(async () =>
        {
            await ScanAsync(app);
            return await AlertsAsync(app, ticketId) >= expected;
        }, 20);
        Assert.Equal(expected, await AlertsAsync(app, ticketId));
    }

    private static Task<int> AlertsAsync(OknoFactory app, long ticketId) => app.WithDbAsync(db => db.SlaAlerts.CountAsync(a => a.TicketId == ticketId));

    private static async Task<(int Tickets, int Alerts)> ScanAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<SlaScan>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
