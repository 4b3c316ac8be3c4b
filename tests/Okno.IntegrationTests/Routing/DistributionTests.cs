using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Routing.Distribution;
using Okno.Tickets;
using Okno.Testing;

namespace Okno.IntegrationTests.Routing;

/// <summary>Automatic distribution through the API and the event stream (issue 16): least loaded and round robin with
/// the decision in the history, presence, pause, caps, skills, working hours, the backlog draining oldest first when
/// capacity frees or an agent comes online, the refusals, and two passes at once never overfilling an agent.</summary>
public sealed class DistributionTests
{
    [Theory]
    [BothDatabases]
    public async Task Least_loaded_gives_each_ticket_to_the_online_agent_with_fewest_open_and_the_history_says_why(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Поддержка");
        var (busy, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (free, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (offline, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        await admin.CreateTicketAsync("Уже в работе 1", extra: new { groupId = group, assigneeId = busy });
        await admin.CreateTicketAsync("Уже в работе 2", extra: new { groupId = group, assigneeId = busy });
        await OnlineAsync(app, busy, free);

        var mode = await (await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "least_loaded" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("least_loaded", 0L, 3, 2), (mode.Str("mode"), mode.GetProperty("backlog").GetInt64(), mode.GetProperty("members").GetInt32(),
            mode.GetProperty("available").GetInt32()));

        var first = await AssignedAsync(admin, await admin.CreateTicketAsync("Первый", extra: new { groupId = group }));
        var second = await AssignedAsync(admin, await admin.CreateTicketAsync("Второй", extra: new { groupId = group }));
        // Now both have two: the tie goes to the one after the last chosen, wrapping round to the lower id.
        var third = await AssignedAsync(admin, await admin.CreateTicketAsync("Третий", extra: new { groupId = group }));
        Assert.Equal([free, free, busy], new[] { first, second, third }.Select(t => t.GetProperty("assigneeId").GetInt64()));

        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{first.Id()}/history")).Items();
        var assignment = Assert.Single(history, e => e.Str("field") == "assignee");
        Assert.Equal(("system", free.ToString()), (assignment.GetProperty("actor").Str("kind"), assignment.Str("newValue")));
        var decision = assignment.GetProperty("decision");
        Assert.Equal(("least_loaded", 0, 0), (decision.Str("mode"), decision.GetProperty("openTickets").GetInt32(), decision.GetProperty("skills").GetArrayLength()));
        var tie = Assert.Single((await admin.GetJsonAsync($"/api/v1/tickets/{third.Id()}/history")).Items(), e => e.Str("field") == "assignee");
        Assert.Equal(2, tie.GetProperty("decision").GetProperty("openTickets").GetInt32());

        var firstPage = await admin.GetJsonAsync($"/api/v1/distribution/agents?groupId={group}&limit=2");
        var nextPage = await admin.GetJsonAsync($"/api/v1/distribution/agents?groupId={group}&limit=2&cursor={firstPage.Str("nextCursor")}");
        Assert.Equal(JsonValueKind.Null, nextPage.GetProperty("nextCursor").ValueKind);
        var agents = firstPage.Items().Concat(nextPage.Items()).ToDictionary(a => a.GetProperty("agentId").GetInt64());
        Assert.Equal([busy, free, offline], agents.Keys);
        Assert.Equal(("online", 3, true), (agents[busy].GetProperty("presence").Str("status"), agents[busy].GetProperty("openTickets").GetInt32(),
            agents[busy].GetProperty("available").GetBoolean()));
        Assert.Equal(("offline", 0, false), (agents[offline].GetProperty("presence").Str("status"), agents[offline].GetProperty("openTickets").GetInt32(),
            agents[offline].GetProperty("available").GetBoolean()));
    }

    [Theory]
    [BothDatabases]
    public async Task The_backlog_drains_oldest_first_when_an_agent_resumes_frees_capacity_or_comes_online(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Первая линия");
        var (olga, olgaClient) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (ivan, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        await admin.PatchAsync($"/api/v1/distribution/agents/{olga}", new { maxOpenTickets = 1 });
        await olgaClient.PutAsJsonAsync("/api/v1/me/distribution", new { paused = true });
        await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "round_robin" });
        await OnlineAsync(app, olga);

        // Olga is paused and Ivan offline: everything waits.
        var tickets = new List<JsonElement>();
        for (var i = 1; i <= 3; i++) tickets.Add(await admin.CreateTicketAsync($"Заявка {i}", extra: new { groupId = group }));
        await DistributedAsync(app);
        Assert.All(await AssigneesAsync(admin, tickets), a => Assert.Null(a));
        Assert.Equal(3, (await admin.GetJsonAsync("/api/v1/distribution/groups")).Items().Single(g => g.GetProperty("groupId").GetInt64() == group)
            .GetProperty("backlog").GetInt64());

        // Resuming gives her the oldest one, up to her cap.
        var resumed = await (await olgaClient.PutAsJsonAsync("/api/v1/me/distribution", new { paused = false })).JsonAsync(HttpStatusCode.OK);
        Assert.False(resumed.GetProperty("paused").GetBoolean());
        Assert.Equal([olga, null, null], await AssigneesAsync(admin, tickets));

        // Resolving it frees her capacity: the next oldest follows.
        await admin.PatchAsync($"/api/v1/tickets/{tickets[0].Id()}", new { status = "resolved" });
        await JobHelpers.UntilAsync(async () => (await AssigneesAsync(admin, tickets))[1] == olga, 30);
        Assert.Null((await AssigneesAsync(admin, tickets))[2]);

        // Ivan opens his workspace: the rest is his at once.
        var presences = app.Services.GetRequiredService<AgentPresences>();
        Assert.True(await presences.BeatAsync(ivan, active: true, CancellationToken.None));
        Assert.False(await presences.BeatAsync(ivan, active: true, CancellationToken.None));
        await app.Services.GetRequiredService<DistributionWakeUp>().ForAgentAsync(ivan, CancellationToken.None);
        Assert.Equal([olga, olga, ivan], await AssigneesAsync(admin, tickets));
    }

    [Theory]
    [BothDatabases]
    public async Task Skills_and_working_hours_decide_who_may_take_a_ticket(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("1С и SAP");
        var (sapExpert, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (generalist, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (nightShift, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var today = DateTime.UtcNow.Date;
        var allDay = new[] { new { from = "00:00", to = "24:00" } };
        var offToday = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Выходной сегодня", timeZone = "UTC",
            week = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay },
            days = new[] { today, today.AddDays(1) }.Select(d => new { date = d.ToString("yyyy-MM-dd"), kind = "holiday", name = "Отгул" }).ToArray(),
        });
        var sap = await admin.PatchAsync($"/api/v1/distribution/agents/{sapExpert}", new { skills = new[] { " SAP ", "sap", "1c" } });
        Assert.Equal(["1c", "sap"], sap.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var night = await admin.PatchAsync($"/api/v1/distribution/agents/{nightShift}", new { calendarId = offToday.Id() });
        Assert.Equal(("Выходной сегодня", false), (night.Str("calendarName"), night.GetProperty("inWorkingHours").GetBoolean()));
        await OnlineAsync(app, sapExpert, generalist, nightShift);
        await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "round_robin" });

        var plain = new List<JsonElement>();
        for (var i = 0; i < 4; i++) plain.Add(await AssignedAsync(admin, await admin.CreateTicketAsync($"Общий вопрос {i}", extra: new { groupId = group })));
        var skilled = await AssignedAsync(admin, await admin.CreateTicketAsync("Ошибка в SAP", extra: new { groupId = group, tags = new[] { "sap", "срочно" } }));
        // The night shift is outside its hours; the others take turns; the SAP ticket goes to the one who knows SAP.
        Assert.Equal([sapExpert, generalist, sapExpert, generalist], plain.Select(t => t.GetProperty("assigneeId").GetInt64()));
        Assert.Equal(sapExpert, skilled.GetProperty("assigneeId").GetInt64());
        var decision = Assert.Single((await admin.GetJsonAsync($"/api/v1/tickets/{skilled.Id()}/history")).Items(), e => e.Str("field") == "assignee")
            .GetProperty("decision");
        Assert.Equal("round_robin", decision.Str("mode"));
        Assert.Equal(["sap"], decision.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));

        // With the SAP expert paused, a SAP ticket waits rather than going to someone without the skill.
        await admin.PatchAsync($"/api/v1/distribution/agents/{sapExpert}", new { paused = true });
        var waiting = await admin.CreateTicketAsync("Снова SAP", extra: new { groupId = group, tags = new[] { "sap" } });
        await DistributedAsync(app);
        Assert.Null(await AssigneeAsync(admin, waiting.Id()));
        // Working hours lifted: the night shift takes general work again.
        await admin.PatchAsync($"/api/v1/distribution/agents/{nightShift}", new { calendarId = (long?)null });
        var after = new List<JsonElement>();
        for (var i = 0; i < 2; i++) after.Add(await AssignedAsync(admin, await admin.CreateTicketAsync($"Ещё вопрос {i}", extra: new { groupId = group })));
        Assert.Equal([generalist, nightShift], after.Select(t => t.GetProperty("assigneeId").GetInt64()));
        Assert.Null(await AssigneeAsync(admin, waiting.Id()));
    }

    [Theory]
    [BothDatabases]
    public async Task The_minute_sweep_gives_out_what_waited_for_working_hours_to_begin(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (agentId, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var today = DateTime.UtcNow.Date;
        var allDay = new[] { new { from = "00:00", to = "24:00" } };
        object Calendar(bool offToday) => new
        {
            name = "Смена", timeZone = "UTC",
            week = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay },
            days = offToday ? new[] { today, today.AddDays(1) }.Select(d => new { date = d.ToString("yyyy-MM-dd"), kind = "holiday", name = "Нерабочий" }).ToArray()
                : [],
        };
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", Calendar(offToday: true));
        await admin.PatchAsync($"/api/v1/distribution/agents/{agentId}", new { calendarId = calendar.Id() });
        await OnlineAsync(app, agentId);
        await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "round_robin" });
        var ticket = await admin.CreateTicketAsync("Ночью", extra: new { groupId = group });
        await DistributedAsync(app);
        Assert.Null(await AssigneeAsync(admin, ticket.Id()));

        // The calendar changes under the agent (as the clock would reach their hours): nothing tells distribution but the sweep.
        await (await admin.PutAsJsonAsync($"/api/v1/calendars/{calendar.Id()}", Calendar(offToday: false))).JsonAsync(HttpStatusCode.OK);
        Assert.Null(await AssigneeAsync(admin, ticket.Id()));
        await using (var scope = app.Services.CreateAsyncScope())
            await new DistributionSweep(scope.ServiceProvider.GetRequiredService<Distributor>()).Execute(null!, CancellationToken.None);
        Assert.Equal(agentId, await AssigneeAsync(admin, ticket.Id()));
    }

    [Theory]
    [BothDatabases]
    public async Task Bad_settings_are_refused_with_their_field_and_code_and_change_nothing(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (agentId, agent) = await app.CreateAgentAsync(admin, groupIds: [group]);

        async Task RefusedAsync(object body, string field, string code)
        {
            var problem = await (await admin.PatchAsJsonAsync($"/api/v1/distribution/agents/{agentId}", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty(field)[0].Str("code"));
        }
        await RefusedAsync(new { maxOpenTickets = 0, skills = new[] { "ok" } }, "maxOpenTickets", global::Okno.Platform.Web.ErrorCodes.OutOfRange);
        await RefusedAsync(new { skills = Enumerable.Range(0, 21).Select(i => $"s{i}").ToArray() }, "skills", global::Okno.Platform.Web.ErrorCodes.TooMany);
        await RefusedAsync(new { skills = new[] { "a\u0001b" } }, "skills[0]", global::Okno.Platform.Web.ErrorCodes.ControlCharacters);
        await RefusedAsync(new { calendarId = 999_999 }, "calendarId", global::Okno.Sla.SlaErrorCodes.NotFound);
        await RefusedAsync(new { paused = (bool?)null }, "paused", global::Okno.Platform.Web.ErrorCodes.Required);
        var unchanged = await admin.GetJsonAsync($"/api/v1/distribution/agents/{agentId}");
        Assert.Equal((JsonValueKind.Null, 0, false), (unchanged.GetProperty("maxOpenTickets").ValueKind, unchanged.GetProperty("skills").GetArrayLength(),
            unchanged.GetProperty("paused").GetBoolean()));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "sometimes" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/distribution/groups/999999", new { mode = "round_robin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/v1/distribution/agents/999999", new { paused = true })).StatusCode);
        // Agents change neither modes nor others' settings; they pause only themselves.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "round_robin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PatchAsJsonAsync($"/api/v1/distribution/agents/{agentId}", new { maxOpenTickets = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PutAsJsonAsync("/api/v1/me/distribution", new { })).StatusCode);
        Assert.True((await (await agent.PutAsJsonAsync("/api/v1/me/distribution", new { paused = true })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("paused").GetBoolean());
        Assert.Equal("manual", (await admin.GetJsonAsync("/api/v1/distribution/groups")).Items().Single(g => g.GetProperty("groupId").GetInt64() == group).Str("mode"));
    }

    [Theory]
    [BothDatabases]
    public async Task Passes_running_at_once_never_give_an_agent_more_than_their_cap(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (agentId, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        await admin.PatchAsync($"/api/v1/distribution/agents/{agentId}", new { maxOpenTickets = 3 });
        for (var i = 0; i < 10; i++) await admin.CreateTicketAsync($"Очередь {i}", extra: new { groupId = group });
        await admin.PutAsJsonAsync($"/api/v1/distribution/groups/{group}", new { mode = "least_loaded" });
        await DistributedAsync(app);
        // Online only now, behind the app's back: the passes below are the first to see the agent.
        await app.WithDbAsync(async db =>
        {
            db.Add(new AgentPresence { AgentId = agentId, SeenAt = DateTimeOffset.UtcNow, ActiveAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });

        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Distributor>().DrainAsync(null, CancellationToken.None);
        }));
        Assert.Equal(3, passes.Sum());
        var assigned = await app.WithDbAsync(db => db.Tickets.Where(t => t.GroupId == group && t.AssigneeId == agentId).OrderBy(t => t.Id).Select(t => t.Subject).ToListAsync());
        Assert.Equal(["Очередь 0", "Очередь 1", "Очередь 2"], assigned);
    }

    /// <summary>Waits until distribution has handled every ticket event written so far.</summary>
    private static async Task DistributedAsync(OknoFactory app)
    {
        var last = await app.WithDbAsync(db => db.OutboxEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => db.OutboxProgress.AsNoTracking()
            .Where(p => p.Handler == "routing.distribution").Select(p => p.LastEventId).SingleOrDefaultAsync()) >= last, 30);
    }

    private static async Task OnlineAsync(OknoFactory app, params long[] agentIds)
    {
        var presences = app.Services.GetRequiredService<AgentPresences>();
        foreach (var id in agentIds) await presences.BeatAsync(id, active: true, CancellationToken.None);
    }

    private static async Task<JsonElement> AssignedAsync(HttpClient client, JsonElement created)
    {
        JsonElement ticket = default;
        await JobHelpers.UntilAsync(async () => (ticket = await client.GetJsonAsync($"/api/v1/tickets/{created.Id()}"))
            .GetProperty("assigneeId").ValueKind == JsonValueKind.Number, 30);
        return ticket;
    }

    private static async Task<long?> AssigneeAsync(HttpClient client, long ticketId) =>
        (await client.GetJsonAsync($"/api/v1/tickets/{ticketId}")).GetProperty("assigneeId") is { ValueKind: JsonValueKind.Number } id ? id.GetInt64() : null;

    private static async Task<long?[]> AssigneesAsync(HttpClient client, IEnumerable<JsonElement> tickets)
    {
        var result = new List<long?>();
        foreach (var t in tickets) result.Add(await AssigneeAsync(client, t.Id()));
        return [.. result];
    }
}
