using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Routing;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Routing;

/// <summary>Support lines and escalation through the API (issue 16): the ordered lines, the reasons, escalating and
/// returning a ticket (its group, assignee, history, outbox event and report fact), the refusals, and the line report
/// with its CSV from a small scripted day.</summary>
public sealed class EscalationTests
{
    [Theory]
    [BothDatabases]
    public async Task An_escalation_moves_the_ticket_records_history_event_and_fact_and_a_bad_one_changes_nothing(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (l1, l2, l3, other) = (await admin.CreateGroupAsync("L1"), await admin.CreateGroupAsync("L2"), await admin.CreateGroupAsync("Vendor"),
            await admin.CreateGroupAsync("Бухгалтерия"));
        var lines = await (await admin.PutAsJsonAsync("/api/v1/lines", new
        {
            lines = new object[] { new { groupId = l1 }, new { groupId = l2, kind = "internal" }, new { groupId = l3, kind = "external" } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([(l1, 1, "internal"), (l2, 2, "internal"), (l3, 3, "external")],
            lines.Items().Select(l => (l.GetProperty("groupId").GetInt64(), l.GetProperty("position").GetInt32(), l.Str("kind"))));
        var dbAccess = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Нужен доступ к БД" });
        var unused = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Не по профилю" });
        var archived = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Старая причина" });
        await admin.PutAsJsonAsync($"/api/v1/escalation-reasons/{archived.Id()}", new { archived = true });
        Assert.Equal(["Нужен доступ к БД", "Не по профилю"], (await admin.GetJsonAsync("/api/v1/escalation-reasons")).Items().Select(r => r.Str("name")));

        var (firstLineId, firstLine) = await app.CreateAgentAsync(admin, groupIds: [l1]);
        var (bothId, _) = await app.CreateAgentAsync(admin, groupIds: [l1, l2]);
        var ticket = await admin.CreateTicketAsync("Нет доступа к отчётам", extra: new { groupId = l1, assigneeId = firstLineId });
        var kept = await admin.CreateTicketAsync("Второй", extra: new { groupId = l1, assigneeId = bothId });

        // Refusals name the field and code, and leave the ticket as it was.
        async Task<JsonElement> RefusedAsync(object body, string field, string code)
        {
            var problem = await (await firstLine.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/escalate", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty(field)[0].Str("code"));
            return problem;
        }
        await RefusedAsync(new { groupId = l2, comment = "нужна вторая линия" }, "reason", RoutingErrorCodes.ReasonRequired);
        await RefusedAsync(new { groupId = l2, reason = archived.Id(), comment = "x" }, "reason", RoutingErrorCodes.ReasonUnknown);
        await RefusedAsync(new { groupId = other, reason = dbAccess.Id(), comment = "x" }, "groupId", RoutingErrorCodes.NotALine);
        await RefusedAsync(new { groupId = l1, reason = dbAccess.Id(), comment = "x" }, "groupId", RoutingErrorCodes.SameLine);
        await RefusedAsync(new { groupId = l2, reason = dbAccess.Id() }, "comment", global::Okno.Platform.Web.ErrorCodes.Required);
        var unchanged = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal((l1, firstLineId, ticket.GetProperty("version").GetInt64()),
            (unchanged.GetProperty("groupId").GetInt64(), unchanged.GetProperty("assigneeId").GetInt64(), unchanged.GetProperty("version").GetInt64()));

        // Escalated by the first-line agent: the ticket goes to L2 without them (they are not in L2).
        var escalated = await (await firstLine.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/escalate",
            new { groupId = l2, reason = dbAccess.Id(), comment = "Нужен доступ к БД <script>alert(1)</script>" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(l2, escalated.GetProperty("groupId").GetInt64());
        Assert.Equal(JsonValueKind.Null, escalated.GetProperty("assigneeId").ValueKind);
        // A member of the new line keeps the ticket.
        var stayed = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{kept.Id()}/escalate",
            new { groupId = l2, reason = dbAccess.Id(), comment = "дальше" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((l2, bothId), (stayed.GetProperty("groupId").GetInt64(), stayed.GetProperty("assigneeId").GetInt64()));

        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history")).Items();
        var entry = Assert.Single(history, e => e.Str("kind") == "escalated");
        Assert.Equal(("escalated", l1.ToString(), l2.ToString()), (entry.Str("field"), entry.Str("oldValue"), entry.Str("newValue")));
        Assert.Equal((dbAccess.Id(), "Нужен доступ к БД"), (entry.GetProperty("reason").Id(), entry.GetProperty("reason").Str("name")));
        Assert.Equal("Нужен доступ к БД <script>alert(1)</script>", entry.Str("comment"));
        Assert.Contains(history, e => e.Str("field") == "group" && e.Str("newValue") == l2.ToString());
        Assert.Contains(history, e => e.Str("field") == "assignee" && e.GetProperty("newValue").ValueKind == JsonValueKind.Null);

        var outbox = await app.WithDbAsync(db => db.OutboxEvents.Where(e => e.StreamId == ticket.Id() && e.Type == TicketEscalated.Type).ToListAsync());
        var read = Assert.IsType<TicketEscalated>(TicketEventOutbox.Read(Assert.Single(outbox)));
        Assert.Equal((l1, l2, false, dbAccess.Id()), (read.FromGroupId, read.ToGroupId, read.Returned, read.ReasonId));
        Assert.Equal(Actor.Agent(firstLineId), read.Cause);

        // The handler writes the report's fact once.
        var fact = await JobHelpers.EventuallyAsync(() => app.WithDbAsync(db => db.Set<Escalation>().SingleOrDefaultAsync(e => e.TicketId == ticket.Id())));
        Assert.Equal((l1, l2, false, dbAccess.Id(), read.EventId), (fact.FromGroupId, fact.ToGroupId, fact.Returned, fact.ReasonId, fact.EventId));

        // Back to L1: a return, which needs no comment.
        var returned = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/escalate", new { groupId = l1, reason = unused.Id() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(l1, returned.GetProperty("groupId").GetInt64());
        Assert.Contains((await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history")).Items(), e => e.Str("kind") == "escalated" && e.Str("field") == "returned");
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<Escalation>().AnyAsync(e => e.TicketId == ticket.Id() && e.Returned)));

        // A reason the history names is archived, not deleted; an unnamed one is deleted.
        var spare = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Запасная" });
        Assert.True((await (await admin.DeleteAsync($"/api/v1/escalation-reasons/{dbAccess.Id()}")).JsonAsync(HttpStatusCode.OK)).GetProperty("archived").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/escalation-reasons/{spare.Id()}")).StatusCode);
        var all = (await admin.GetJsonAsync("/api/v1/escalation-reasons?archived=true")).Items();
        Assert.True(all.Single(r => r.Id() == dbAccess.Id()).GetProperty("archived").GetBoolean());
        Assert.DoesNotContain(all, r => r.Id() == spare.Id());
        // The history still names the archived reason.
        Assert.Equal("Нужен доступ к БД", (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history")).Items()
            .First(e => e.Str("kind") == "escalated").GetProperty("reason").Str("name"));

        // Only admins change lines and reasons; a group named twice is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await firstLine.PutAsJsonAsync("/api/v1/lines", new { lines = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firstLine.PostAsJsonAsync("/api/v1/escalation-reasons", new { name = "x" })).StatusCode);
        var twice = await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new[] { new { groupId = l1 }, new { groupId = l1 } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(RoutingErrorCodes.LineTwice, twice.GetProperty("errorCodes").GetProperty("lines[1].groupId")[0].Str("code"));
        Assert.Equal(3, (await admin.GetJsonAsync("/api/v1/lines")).Items().Count);
    }

    [Theory]
    [BothDatabases]
    public async Task An_automation_escalates_inside_a_transaction_already_open_and_its_rollback_undoes_the_move(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (l1, l2) = (await admin.CreateGroupAsync("L1"), await admin.CreateGroupAsync("L2"));
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new[] { new { groupId = l1 }, new { groupId = l2 } } })).JsonAsync(HttpStatusCode.OK);
        var reason = (await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Правило" })).Id();
        var ticket = (await admin.CreateTicketAsync("Через правило", extra: new { groupId = l1 })).Id();
        var rule = Actor.Automation(41, 1);

        async Task<long?> EscalateInTransactionAsync(bool commit)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<global::Okno.Platform.Data.OknoDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var view = await scope.ServiceProvider.GetRequiredService<EscalateTicket>()
                .ExecuteAsync(ticket, new EscalationRequest(l2, reason, "правило «VIP»"), rule, TicketAccessRule.All, CancellationToken.None);
            if (commit) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
            return view.GroupId;
        }

        // Seen inside the transaction, gone with its rollback: the use case did not commit on its own.
        Assert.Equal(l2, await EscalateInTransactionAsync(commit: false));
        Assert.Equal(l1, (await admin.GetJsonAsync($"/api/v1/tickets/{ticket}")).GetProperty("groupId").GetInt64());
        Assert.Equal(l2, await EscalateInTransactionAsync(commit: true));
        var events = await app.WithDbAsync(db => db.OutboxEvents.Where(e => e.StreamId == ticket && e.Type == TicketEscalated.Type).ToListAsync());
        Assert.Equal(rule, Assert.IsType<TicketEscalated>(TicketEventOutbox.Read(Assert.Single(events))).Cause);
    }

    [Theory]
    [BothDatabases]
    public async Task The_line_report_counts_a_scripted_day_in_the_chosen_zone_and_exports_it(string provider)
    {
        // 20:00 UTC on the 5th is already the 6th in Vladivostok (UTC+10).
        var t0 = new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (l1, l2, l3) = (await admin.CreateGroupAsync("Первая"), await admin.CreateGroupAsync("Вторая"), await admin.CreateGroupAsync("=Вендор"));
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new object[] { new { groupId = l1 }, new { groupId = l2 }, new { groupId = l3, kind = "external" } } }))
            .JsonAsync(HttpStatusCode.OK);
        var access = (await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Доступ" })).Id();
        var profile = (await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Не по профилю" })).Id();

        var a = (await admin.CreateTicketAsync("A", extra: new { groupId = l1 })).Id();
        var b = (await admin.CreateTicketAsync("B", extra: new { groupId = l1 })).Id();
        var c = (await admin.CreateTicketAsync("C", extra: new { groupId = l1 })).Id();
        var d = (await admin.CreateTicketAsync("D", extra: new { groupId = l1 })).Id();
        void At(int minutes) => clock.SetUtcNow(t0.AddMinutes(minutes));
        async Task Escalate(long ticket, long to, long reason) =>
            await (await admin.PostAsJsonAsync($"/api/v1/tickets/{ticket}/escalate", new { groupId = to, reason, comment = "см. выше" })).JsonAsync(HttpStatusCode.OK);
        async Task Resolve(long ticket) => await admin.PatchAsync($"/api/v1/tickets/{ticket}", new { status = "resolved" });

        At(5); await Resolve(c);                      // L1 resolves C itself
        At(10); await Escalate(a, l2, access);        // A: 10 min in L1
        At(20); await Escalate(b, l2, access);        // B: 20 min in L1
        At(30); await Escalate(a, l1, profile);       // A back to L1 after 20 min in L2
        At(30); await Escalate(d, l3, profile);       // D: 30 min in L1, straight to the vendor
        At(40); await Resolve(a);                     // in L1, but L1 escalated it before: not L1's own
        At(50); await Resolve(b);                     // L2 resolves B itself
        await FactsAsync(app, clock, escalations: 4, resolutions: 3);

        var report = await admin.GetJsonAsync("/api/v1/reports/lines?from=2026-12-05&to=2026-12-05");
        Assert.Equal(("2026-12-05", "2026-12-05", "UTC"), (report.Str("from"), report.Str("to"), report.Str("timeZone")));
        var rows = report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("groupId").GetInt64());
        Assert.Equal((1, 3, 0, 1, 1200.0), Figures(rows[l1]));
        Assert.Equal([("Доступ", 2), ("Не по профилю", 1)],
            rows[l1].GetProperty("escalatedByReason").EnumerateArray().Select(r => (r.Str("name"), r.GetProperty("count").GetInt32())));
        Assert.Equal((1, 0, 1, 0, (double?)null), Figures(rows[l2]));
        Assert.Equal((0, 0, 0, 0, (double?)null), Figures(rows[l3]));
        Assert.Equal("external", rows[l3].Str("kind"));

        // The same moments are the 6th in Vladivostok.
        var vladivostokFifth = await admin.GetJsonAsync("/api/v1/reports/lines?from=2026-12-05&to=2026-12-05&zone=Asia/Vladivostok");
        Assert.All(vladivostokFifth.GetProperty("lines").EnumerateArray(), l => Assert.Equal((0, 0, 0, 0, (double?)null), Figures(l)));
        var vladivostokSixth = await admin.GetJsonAsync("/api/v1/reports/lines?from=2026-12-06&to=2026-12-06&zone=Asia/Vladivostok");
        Assert.Equal((1, 3, 0, 1, 1200.0), Figures(vladivostokSixth.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("groupId").GetInt64() == l1)));

        // Bad periods are refused by field.
        var bad = await (await admin.GetAsync("/api/v1/reports/lines?from=2026-12-06&to=2026-12-05&zone=Mars/Olympus")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["zone"], bad.ErrorFields());
        var reversed = await (await admin.GetAsync("/api/v1/reports/lines?from=2026-12-06&to=2026-12-05")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(RoutingErrorCodes.RangeReversed, reversed.GetProperty("errorCodes").GetProperty("from")[0].Str("code"));

        var csvResponse = await admin.GetAsync("/api/v1/reports/lines.csv?from=2026-12-05&to=2026-12-05");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("from,to,time_zone,position,line,kind,reason,resolved_by_line,escalated_onward,returned_down,returned_back,median_minutes_before_escalation", csv[0]);
        Assert.Equal("2026-12-05,2026-12-05,UTC,1,Первая,internal,,1,3,0,1,20", csv[1]);
        Assert.Equal("2026-12-05,2026-12-05,UTC,1,Первая,internal,Доступ,,2,,,", csv[2]);
        Assert.Equal("2026-12-05,2026-12-05,UTC,1,Первая,internal,Не по профилю,,1,,,", csv[3]);
        Assert.Equal("2026-12-05,2026-12-05,UTC,2,Вторая,internal,,1,0,1,0,", csv[4]);
        // A name a spreadsheet would run as a formula is escaped.
        Assert.StartsWith("2026-12-05,2026-12-05,UTC,3,", csv[5]);
        Assert.Contains("'=Вендор", csv[5], StringComparison.Ordinal);
    }

    /// <summary>Waits for the handler to have written the facts; a failing handler says why. The clock moves a second a
    /// try: the outbox polls for an event it found still in flight on the app's clock, which is this fake one.</summary>
    private static async Task FactsAsync(OknoFactory app, FakeTimeProvider clock, int escalations, int resolutions)
    {
        try
        {
            await JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return await db.Set<Escalation>().CountAsync() == escalations && await db.Set<LineResolution>().CountAsync() == resolutions;
            }), 30);
        }
        catch (TimeoutException)
        {
            var progress = await app.WithDbAsync(db => db.OutboxProgress.SingleOrDefaultAsync(p => p.Handler == LineFacts.HandlerName));
            var counts = await app.WithDbAsync(async db => (await db.Set<Escalation>().CountAsync(), await db.Set<LineResolution>().CountAsync()));
            Assert.Fail($"Facts {counts} instead of ({escalations}, {resolutions}); handler: {progress?.Handled} handled, error: {progress?.LastError}");
        }
    }

    private static (int Resolved, int Escalated, int ReturnedDown, int ReturnedBack, double? Median) Figures(JsonElement line) => (
        line.GetProperty("resolvedByLine").GetInt32(), line.GetProperty("escalatedOnward").GetInt32(), line.GetProperty("returnedDown").GetInt32(),
        line.GetProperty("returnedBack").GetInt32(),
        line.GetProperty("medianSecondsBeforeEscalation") is { ValueKind: JsonValueKind.Number } m ? m.GetDouble() : null);
}
