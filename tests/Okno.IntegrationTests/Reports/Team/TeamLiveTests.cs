using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Routing.Distribution;
using Okno.Testing;
using Okno.Tickets.Live;

namespace Okno.IntegrationTests.Reports.Team;

/// <summary>The live team view's API: presence, the ticket an agent has open and types in, open and today's solved
/// tickets (today in the asked zone), open chats; for supervisors and admins only.</summary>
public sealed class TeamLiveTests
{
    [Theory]
    [BothDatabases]
    public async Task The_live_view_shows_each_agents_presence_open_ticket_typing_load_and_solved_today(string provider)
    {
        // 20:00 UTC on the 5th is 23:00 in Moscow; 22:30 UTC is already the 6th there.
        var t0 = new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var (ivanId, ivan) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (supervisorId, supervisor) = await app.CreateAgentAsync(admin, role: "supervisor", groupIds: [group]);

        var early = (await ivan.CreateTicketAsync("Resolved on the 5th (Moscow)", extra: new { groupId = group, assigneeId = ivanId })).Id();
        await ivan.PatchAsync($"/api/v1/tickets/{early}", new { status = "resolved" });
        clock.SetUtcNow(t0.AddHours(2.5));
        var open1 = await ivan.CreateTicketAsync("Printer broken", extra: new { groupId = group, assigneeId = ivanId });
        await ivan.CreateTicketAsync("VPN down", extra: new { groupId = group, assigneeId = ivanId });
        var late = (await ivan.CreateTicketAsync("Resolved on the 6th (Moscow)", extra: new { groupId = group, assigneeId = ivanId })).Id();
        await ivan.PatchAsync($"/api/v1/tickets/{late}", new { status = "resolved" });

        await app.Services.GetRequiredService<AgentPresences>().BeatAsync(ivanId, active: true, CancellationToken.None);
        using var visit = app.Services.GetRequiredService<TicketPresence>().Join(open1.Id(), ivanId, "Agent agent");
        visit.Typed(reply: true);

        var view = await supervisor.GetJsonAsync("/api/v1/team/live");
        Assert.Equal("Europe/Moscow", view.Str("timeZone"));
        var me = view.Items().Single(m => m.GetProperty("agentId").GetInt64() == ivanId);
        Assert.Equal("online", me.Str("presence"));
        var viewing = Assert.Single(me.GetProperty("viewing").EnumerateArray());
        Assert.Equal((open1.Id(), open1.GetProperty("number").GetInt64(), true),
            (viewing.Id(), viewing.GetProperty("number").GetInt64(), viewing.GetProperty("typing").GetBoolean()));
        Assert.Equal(2, me.GetProperty("openTickets").GetInt32());
        Assert.Equal(1, me.GetProperty("solvedToday").GetInt32());
        Assert.Equal(0, me.GetProperty("chatsInProgress").GetInt32());
        var sup = view.Items().Single(m => m.GetProperty("agentId").GetInt64() == supervisorId);
        Assert.Equal("offline", sup.Str("presence"));
        Assert.Empty(sup.GetProperty("viewing").EnumerateArray());

        // In UTC both resolutions fall on the 5th; typing fades; a closed screen is gone from the view.
        var utc = (await supervisor.GetJsonAsync("/api/v1/team/live?zone=UTC")).Items().Single(m => m.GetProperty("agentId").GetInt64() == ivanId);
        Assert.Equal(2, utc.GetProperty("solvedToday").GetInt32());
        clock.Advance(TicketPresence.TypingFadesAfter);
        Assert.False((await supervisor.GetJsonAsync("/api/v1/team/live")).Items().Single(m => m.GetProperty("agentId").GetInt64() == ivanId)
            .GetProperty("viewing")[0].GetProperty("typing").GetBoolean());
        visit.Dispose();
        Assert.Empty((await supervisor.GetJsonAsync("/api/v1/team/live")).Items().Single(m => m.GetProperty("agentId").GetInt64() == ivanId)
            .GetProperty("viewing").EnumerateArray());

        // Keyset pages of one agent each cover everyone once.
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync("/api/v1/team/live?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            ids.AddRange(page.Items().Select(m => m.GetProperty("agentId").GetInt64()));
            cursor = page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.Str("nextCursor");
        } while (cursor is not null);
        Assert.Equal(ids.Order().Distinct(), ids);
        Assert.Contains(ivanId, ids);
        Assert.Contains(supervisorId, ids);

        Assert.Equal(HttpStatusCode.Forbidden, (await ivan.GetAsync("/api/v1/team/live")).StatusCode);
        var bad = await (await supervisor.GetAsync("/api/v1/team/live?zone=Mars/Olympus")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("team.unknown_time_zone", bad.GetProperty("errorCodes").GetProperty("zone")[0].Str("code"));
    }
}
