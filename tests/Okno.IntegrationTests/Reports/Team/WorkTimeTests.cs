using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Routing.Distribution;
using Okno.Testing;

namespace Okno.IntegrationTests.Reports.Team;

/// <summary>Agent work time: presence spans written from beats (online, away from when the agent stopped touching the
/// workspace, busy while paused), closed at the last beat after a crash, cut at midnight in the report's zone, beside
/// replies and resolutions; as JSON and CSV.</summary>
public sealed class WorkTimeTests
{
    [Theory]
    [BothDatabases]
    public async Task Beats_become_spans_and_the_report_splits_them_by_day_beside_handled_tickets(string provider)
    {
        // 20:00 UTC on Monday the 7th is 23:00 in Moscow: midnight there falls an hour in.
        var t0 = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (annaId, anna) = await app.CreateAgentAsync(admin);
        var (borisId, _) = await app.CreateAgentAsync(admin);
        var presences = app.Services.GetRequiredService<AgentPresences>();
        void At(int minutes) => clock.SetUtcNow(t0.AddMinutes(minutes));
        // A workspace beats every minute (each beat is stored: older than half the offline time).
        async Task BeatAsync(long agent, int fromMinute, int toMinute, bool active)
        {
            for (var m = fromMinute; m <= toMinute; m++)
            {
                At(m);
                await presences.BeatAsync(agent, active, CancellationToken.None);
            }
        }

        for (var m = 0; m <= 80; m++)
        {
            At(m);
            // Anna: active until 30, then away from 30 + 10 minutes; back at 50 but paused (busy), across midnight.
            if (m == 50) await anna.PutAsJsonAsync("/api/v1/me/distribution", new { paused = true });
            await presences.BeatAsync(annaId, active: m <= 30 || m >= 50, CancellationToken.None);
            // Boris: silent for 18 minutes: a new span, the old one ends at his last beat.
            if (m <= 2 || m == 20) await presences.BeatAsync(borisId, active: true, CancellationToken.None);
        }

        // Anna's node dies at minute 80; her work at minute 85 (00:25 on the 8th in Moscow) counts on the 8th.
        At(85);
        var ticket = (await admin.CreateTicketAsync("Work time", extra: new { assigneeId = annaId })).Id();
        await anna.PostJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "Done." });
        await anna.PatchAsync($"/api/v1/tickets/{ticket}", new { status = "resolved" });
        At(90);
        // The minute sweep's work (the job itself may run meanwhile on real time, so its count is not asserted).
        await presences.CloseSilentSpansAsync(CancellationToken.None);

        var spans = await app.WithDbAsync(db => db.Set<AgentPresenceSpan>().Where(s => s.AgentId == annaId).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([(WorkStatus.Online, 0, 40), (WorkStatus.Away, 40, 50), (WorkStatus.Busy, 50, 80)],
            spans.Select(s => (s.Status, (int)(s.From - t0).TotalMinutes, (int)(s.To!.Value - t0).TotalMinutes)));
        var boris = await app.WithDbAsync(db => db.Set<AgentPresenceSpan>().Where(s => s.AgentId == borisId).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([(0, 2), (20, 20)], boris.Select(s => ((int)(s.From - t0).TotalMinutes, s.To is { } to ? (int)(to - t0).TotalMinutes : -1)));

        // Back after the crash, still paused: a new busy span; still open, it lasts until now in the report.
        await BeatAsync(annaId, 90, 100, active: true);
        var report = await admin.GetJsonAsync("/api/v1/reports/work-time?from=2026-12-07&to=2026-12-08");
        Assert.Equal("Europe/Moscow", report.Str("timeZone"));
        var rows = report.GetProperty("rows").EnumerateArray()
            .Select(r => (r.Str("day"), r.GetProperty("agentId").GetInt64(), r.GetProperty("onlineHours").GetDouble(), r.GetProperty("awayHours").GetDouble(),
                r.GetProperty("busyHours").GetDouble(), r.GetProperty("replies").GetInt32(), r.GetProperty("solved").GetInt32()))
            .OrderBy(r => r.Item1).ThenBy(r => r.Item2).ToList();
        Assert.Equal([
            ("2026-12-07", annaId, 0.67, 0.17, 0.17, 0, 0),
            ("2026-12-07", borisId, 0.03, 0.0, 0.0, 0, 0),
            ("2026-12-08", annaId, 0.0, 0.0, 0.5, 1, 1),
        ], rows.Where(r => r.Item2 == annaId || r.Item2 == borisId).ToList());

        // In UTC everything is on the 7th; one agent only.
        var utc = (await admin.GetJsonAsync($"/api/v1/reports/work-time?from=2026-12-07&to=2026-12-07&zone=UTC&agentId={annaId}"))
            .GetProperty("rows").EnumerateArray().ToList();
        var day = Assert.Single(utc);
        Assert.Equal((0.67, 0.17, 0.67, 1, 1), (day.GetProperty("onlineHours").GetDouble(), day.GetProperty("awayHours").GetDouble(),
            day.GetProperty("busyHours").GetDouble(), day.GetProperty("replies").GetInt32(), day.GetProperty("solved").GetInt32()));

        var csv = await admin.GetAsync($"/api/v1/reports/work-time.csv?from=2026-12-07&to=2026-12-08&agentId={annaId}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,agent_id,agent,online_hours,away_hours,busy_hours,replies,solved", lines[0]);
        Assert.Equal($"2026-12-08,{annaId},Agent agent,0.00,0.00,0.50,1,1", lines[2]);
        // The xlsx twin: the same rows, the day a date cell, the numbers number cells.
        var xlsx = await admin.GetAsync($"/api/v1/reports/work-time.xlsx?from=2026-12-07&to=2026-12-08&agentId={annaId}");
        Assert.Equal(Okno.Reports.Exports.ReportExport.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(lines.Length, sheet.Count);
        Assert.Equal(lines[0].Split(','), sheet[0].Select(c => c.Text));
        Assert.True(sheet[2][0].IsDate && sheet[2][1].IsNumber && sheet[2][5].IsNumber);
        Assert.Equal((new DateTime(2026, 12, 8), (double)annaId, "Agent agent", 0.5, 1.0), (sheet[2][0].Date, sheet[2][1].Number, sheet[2][2].Text, sheet[2][5].Number, sheet[2][7].Number));

        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/api/v1/reports/work-time")).StatusCode);
        var bad = await (await admin.GetAsync("/api/v1/reports/work-time?from=2026-12-08&to=2026-12-07")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("team.range_reversed", bad.GetProperty("errorCodes").GetProperty("from")[0].Str("code"));
        bad = await (await admin.GetAsync("/api/v1/reports/work-time?zone=Nowhere/Else")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("team.unknown_time_zone", bad.GetProperty("errorCodes").GetProperty("zone")[0].Str("code"));
    }
}
