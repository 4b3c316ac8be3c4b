using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Platform.Text;
using Okno.Reports.Kpi;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Sla;
using Okno.Surveys;
using Okno.Surveys.Nps;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Reports;

/// <summary>Issue 19's consistency test: a known month of tickets made through the real write paths on a fake clock
/// (create, reply, customer message, resolve, reopen, escalate, SLA scans), every KPI asserted against values computed by
/// hand; the rebuild from history gives the same numbers as the live handler; JSON, CSV and xlsx agree, with real number
/// and date cells and formula-like texts neutralised.</summary>
public sealed class KpiConsistencyTests
{
    // Europe/Moscow is UTC+3 all year: local 09:00 is 06:00 UTC.
    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3)).ToUniversalTime();

    [Theory]
    [BothDatabases]
    public async Task A_known_month_gives_the_hand_computed_KPIs_in_every_format(string provider)
    {
        var clock = new FakeTimeProvider(Msk(2, 20, 9));
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var l1 = await admin.CreateGroupAsync("L1");
        var l2 = await admin.CreateGroupAsync("=L2");
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new object[] { new { groupId = l1 }, new { groupId = l2 } } })).JsonAsync(HttpStatusCode.OK);
        var reason = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Нужна вторая линия" });
        // Business time: 09:00–18:00 on weekdays, Moscow.
        var hours = new[] { new { from = "09:00", to = "18:00" } };
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Офис", timeZone = "Europe/Moscow", days = Array.Empty<object>(),
            week = new { monday = hours, tuesday = hours, wednesday = hours, thursday = hours, friday = hours, saturday = Array.Empty<object>(), sunday = Array.Empty<object>() },
        });
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Standard", calendarId = calendar.Id(), isDefault = true,
            targets = new
            {
                normal = new { firstResponseMinutes = 60, nextResponseMinutes = 120, resolutionMinutes = 480 },
                high = new { firstResponseMinutes = 60, resolutionMinutes = 480 },
            },
        });

        // Custom fields the reports keep per value (issue 20): a list, a yes/no; and a text field they refuse.
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "product", labelRu = "Продукт", labelEn = "Product", type = "one_of",
            options = new[] { new { key = "crm", labelRu = "CRM", labelEn = "CRM" }, new { key = "erp", labelRu = "ERP", labelEn = "ERP" } } });
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "vip", labelRu = "VIP", labelEn = "VIP", type = "yes_no" });
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "note", labelRu = "Заметка", labelEn = "Note", type = "text" });
        async Task<long> Create(string subject, long group, string priority, string type, params string[] tags) =>
            (await admin.CreateTicketAsync(subject, "client@example.com", new { groupId = group, priority, type, tags })).Id();
        async Task<long> CreateWith(string subject, long group, string priority, string type, Dictionary<string, object> customFields, params string[] tags) =>
            (await admin.CreateTicketAsync(subject, "client@example.com", new { groupId = group, priority, type, tags, customFields })).Id();
        Task Reply(long id) => admin.PostJsonAsync($"/api/v1/tickets/{id}/messages", new { body = "Ответ" });
        Task Status(long id, string status) => admin.PatchAsync($"/api/v1/tickets/{id}", new { status });
        var signedInAt = clock.GetUtcNow();
        // API tokens expire on the fake clock too: sign in again after a jump.
        async Task At(DateTimeOffset when)
        {
            clock.SetUtcNow(when);
            if (when - signedInAt <= TimeSpan.FromMinutes(30)) return;
            admin = await app.AdminClientAsync();
            signedInAt = when;
        }

        // CSAT answers through the two real answer paths (the survey link's token; a messenger button, saved with the
        // caller's unit of work), on surveys made as the sender leaves them (sent, with a token).
        async Task Csat(long ticket, long? group, int rating, bool button = false)
        {
            var token = CsatTokens.New();
            var (contactId, surveyId) = await app.WithDbAsync(async db =>
            {
                var contact = await db.Tickets.Where(t => t.Id == ticket).Select(t => t.ContactId).SingleAsync();
                var survey = new CsatSurvey
                {
                    TicketId = ticket, ResolutionEventId = -Random.Shared.NextInt64(1, long.MaxValue), ContactId = contact, GroupId = group,
                    Channel = ChannelKind.Api, ResolvedAt = clock.GetUtcNow(), DueAt = clock.GetUtcNow(), Status = CsatStatus.Sent, Language = "ru",
                    TokenHash = CsatTokens.Hash(token), SentAt = clock.GetUtcNow(),
                };
                db.CsatSurveys.Add(survey);
                await db.SaveChangesAsync();
                return (contact, survey.Id);
            });
            await using var scope = app.Services.CreateAsyncScope();
            var answers = scope.ServiceProvider.GetRequiredService<CsatAnswers>();
            if (!button)
                Assert.Equal(CsatRateOutcome.Rated, await answers.RateByTokenAsync(token, rating, CancellationToken.None));
            else
            {
                Assert.NotNull(await answers.RateByButtonAsync(surveyId, contactId, rating, [], CancellationToken.None));
                await scope.ServiceProvider.GetRequiredService<OknoDb>().SaveChangesAsync();
            }
        }
        // NPS answers through the survey link (one campaign run; people without a contact, so any number per run).
        var (npsCampaign, npsRun) = await app.WithDbAsync(async db =>
        {
            var campaign = new NpsCampaign { Name = "KPI", StartAt = clock.GetUtcNow(), CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() };
            db.Add(campaign);
            await db.SaveChangesAsync();
            var run = new NpsRun { CampaignId = campaign.Id, PlannedAt = clock.GetUtcNow(), StartedAt = clock.GetUtcNow() };
            db.Add(run);
            await db.SaveChangesAsync();
            return (campaign.Id, run.Id);
        });
        async Task Nps(int score, long? company)
        {
            var token = CsatTokens.New();
            await app.WithDbAsync(async db =>
            {
                db.Add(new NpsSend { RunId = npsRun, CampaignId = npsCampaign, CompanyId = company, TokenHash = TokenCodec.Hash(token), SentAt = clock.GetUtcNow() });
                return await db.SaveChangesAsync();
            });
            await using var scope = app.Services.CreateAsyncScope();
            var survey = scope.ServiceProvider.GetRequiredService<NpsSurvey>();
            Assert.Equal(NpsAnswerOutcome.Recorded, await survey.AnswerAsync((await survey.FindAsync(token, CancellationToken.None))!, score, CancellationToken.None));
        }
        var acme = (await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme" })).Id();

        // February (the previous period): one low-priority ticket (no SLA target), solved in an hour without a reply.
        var t0 = await Create("Февраль", l1, "low", "question");
        await At(Msk(2, 20, 10)); await Status(t0, "resolved");
        // February's CSAT 5 and NPS 10.
        await At(Msk(2, 20, 10, 30)); await Csat(t0, l1, 5);
        await Nps(10, null);

        // T1 Mon 2 March: answered in 30 min, solved at 10:30 — one touch, SLA met.
        await At(Msk(3, 2, 9)); var t1 = await CreateWith("Счёт", l1, "normal", "question", new() { ["product"] = "crm", ["vip"] = true, ["note"] = "x" }, "billing");
        await At(Msk(3, 2, 9, 30)); await Reply(t1);
        await At(Msk(3, 2, 10, 30)); await Status(t1, "resolved");
        await At(Msk(3, 2, 11)); await Csat(t1, l1, 5);
        // T2 Mon 17:00, high: first response due at 18:00 (business), breached overnight; answered Tue 10:00, again 11:00, solved 12:00.
        await At(Msk(3, 2, 17)); var t2 = await CreateWith("Авария", l1, "high", "incident", new() { ["product"] = "erp" });
        // The SLA scan runs every few seconds in production; a crossing found more than 15 minutes late is noted
        // without a ticket event, so the test scans right after each due time.
        await WaitSlaAsync(app, t2);
        await At(Msk(3, 2, 18, 1)); await ScanUntilAsync(app, t2, TicketSlaClock.FirstResponse);
        await At(Msk(3, 3, 10)); await Reply(t2);
        await At(Msk(3, 3, 11)); await Reply(t2);
        await At(Msk(3, 3, 12)); await Status(t2, "resolved");
        await At(Msk(3, 3, 13)); await Csat(t2, l1, 2);
        await Nps(9, acme);
        // T3 Wed 4 March, low (no SLA): answered in 10 min, solved, reopened Thursday, answered and solved again.
        await At(Msk(3, 4, 10)); var t3 = await CreateWith("Счёт снова", l1, "low", "question", new() { ["product"] = "crm" }, "billing");
        await At(Msk(3, 4, 10, 10)); await Reply(t3);
        await At(Msk(3, 4, 10, 20)); await Status(t3, "resolved");
        await At(Msk(3, 5, 9)); await Status(t3, "open");
        await At(Msk(3, 5, 9, 30)); await Reply(t3);
        await At(Msk(3, 5, 10)); await Status(t3, "resolved");
        await At(Msk(3, 5, 11)); await Csat(t3, l1, 4, button: true);
        await Nps(6, acme);
        // T4 Mon 9 March: escalated to the second line at 11:30, never answered (both targets breach), still open.
        await At(Msk(3, 9, 11)); var t4 = await CreateWith("Не работает выгрузка", l1, "normal", "request", new() { ["product"] = "erp" });
        await At(Msk(3, 9, 11, 30));
        await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t4}/escalate", new { groupId = l2, reason = reason.Id(), comment = "дальше" })).JsonAsync(HttpStatusCode.OK);
        // Created as ERP, then found to be CRM's: created counts under ERP, the open ticket's backlog moves to CRM.
        await admin.PatchAsync($"/api/v1/tickets/{t4}", new { customFields = new Dictionary<string, object> { ["product"] = "crm" } });
        await WaitSlaAsync(app, t4);
        await At(Msk(3, 9, 12, 1)); await ScanUntilAsync(app, t4, TicketSlaClock.FirstResponse);
        // T5 Tue 10 March, second line: answered in 20 min, the customer writes again at 10:00, answered 10:30, solved 11:00.
        await At(Msk(3, 10, 9)); var t5 = await Create("=HYPERLINK(\"http://evil.example\")", l2, "normal", "bug");
        await At(Msk(3, 10, 9, 20)); await Reply(t5);
        await At(Msk(3, 10, 10));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReceiveCustomerMessage>().ExecuteAsync(t5,
                new CustomerMessage(new MessageBody("Ещё вопрос", "<p>Ещё вопрос</p>"), []), Actor.System, TicketAccessRule.All, CancellationToken.None);
        await At(Msk(3, 10, 10, 1)); await ScanUntilAsync(app, t4, TicketSlaClock.Resolution);
        await At(Msk(3, 10, 10, 30)); await Reply(t5);
        await At(Msk(3, 10, 11)); await Status(t5, "resolved");
        await At(Msk(3, 10, 12)); await Csat(t5, l2, 3);
        await Nps(7, null);
        // T6 Fri 20 March: answered in 5 min, solved in 10.
        await At(Msk(3, 20, 15)); var t6 = await Create("Пароль", l1, "normal", "question");
        await At(Msk(3, 20, 15, 5)); await Reply(t6);
        await At(Msk(3, 20, 15, 10)); await Status(t6, "resolved");
        await At(Msk(3, 20, 16)); await Nps(10, acme);
        // Answered at 00:30 on 1 April in Moscow (still 31 March in UTC): April's.
        await At(Msk(4, 1, 0, 30)); await Csat(t6, l1, 1); await Nps(0, acme);
        // T7 at 01:00 on 1 April in Moscow — still 31 March in UTC: April's, not March's.
        await At(Msk(4, 1, 1)); var t7 = await Create("Апрель", l1, "normal", "question");
        await WaitSlaAsync(app, t7);
        await CaughtUpAsync(app);

        const string March = "from=2026-03-01&to=2026-03-31";
        var overview = await admin.GetJsonAsync($"/api/v1/reports/overview?{March}&interval=month");
        var expected = new Dictionary<string, double?>
        {
            ["created"] = 6, ["solved"] = 6, ["backlog"] = 1,
            ["first_response_median_minutes"] = 30, ["first_response_business_median_minutes"] = 30,
            ["resolution_median_minutes"] = 120, ["resolution_business_median_minutes"] = 120,
            ["first_response_compliance"] = 60, ["next_response_compliance"] = 100, ["resolution_compliance"] = 80,
            ["reopen_rate"] = 16.67, ["one_touch_rate"] = 33.33, ["escalations"] = 1, ["solved_by_bot"] = 0, ["help_center_success"] = null,
            // CSAT in March: 5, 2, 4, 3 — two of four rated 4–5, average 3.5. NPS: 9, 6, 7, 10 — (2 − 1) / 4.
            ["csat"] = 50, ["csat_average_rating"] = 3.5, ["nps"] = 25,
        };
        var slaNow = await admin.GetJsonAsync($"/api/v1/reports/sla_compliance?{March}");
        var alerts = await app.WithDbAsync(db => db.TicketEvents.Where(e => e.Kind == TicketEventKind.SlaAlert)
            .Select(e => e.TicketId + ":" + e.Field + ":" + e.NewValue + ":" + e.OldValue).ToListAsync());
        Assert.True(Show(expected) == Show(Named(overview, "total")), $"expected {Show(expected)}\nactual   {Show(Named(overview, "total"))}\n" +
            $"sla {slaNow.GetProperty("total").GetRawText()}\nalerts {string.Join(" | ", alerts)}\nt2={t2} t4={t4}");
        var previous = Named(overview, "previous");
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 0.0], new[] { previous["created"], previous["solved"], previous["backlog"], previous["reopen_rate"], previous["one_touch_rate"] }.Select(v => v ?? -1));
        Assert.Equal("2026-02-01", overview.Str("previousFrom"));
        Assert.Equal([100.0, 5.0, 100.0], new[] { previous["csat"], previous["csat_average_rating"], previous["nps"] }.Select(v => v ?? -1));

        // CSAT and NPS on their own: totals, per group / company, per day, the tickets behind them.
        Assert.Equal([50, 3.5, 4, 2], Named(await admin.GetJsonAsync($"/api/v1/reports/csat?{March}"), "total").Values.Select(v => v!.Value));
        var csatByGroup = Named(await admin.GetJsonAsync($"/api/v1/reports/csat?{March}&interval=month&groupBy=group"), "rows", byGroupName: true);
        Assert.Equal(66.67, csatByGroup["L1"]);
        Assert.Equal(0.0, csatByGroup["=L2"]);
        Assert.Equal([25, 4, 2, 1, 1], Named(await admin.GetJsonAsync($"/api/v1/reports/nps?{March}"), "total").Values.Select(v => v!.Value));
        var npsByCompany = Named(await admin.GetJsonAsync($"/api/v1/reports/nps?{March}&interval=month&groupBy=company"), "rows", byGroupName: true);
        Assert.Equal(33.33, npsByCompany["Acme"]);
        Assert.Equal(0.0, npsByCompany["—"]);
        // Filtered by company, the first days of March: Acme's 9 (3 March) only.
        Assert.Equal([100, 1, 1, 0, 0], Named(await admin.GetJsonAsync($"/api/v1/reports/nps?from=2026-03-01&to=2026-03-04&companyId={acme}"), "total")
            .Values.Select(v => v!.Value));
        var csatDays = (await admin.GetJsonAsync($"/api/v1/reports/csat?{March}")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("values")[2].GetDouble() > 0).Select(r => (r.Str("period"), r.GetProperty("values")[0].GetDouble())).ToList();
        Assert.Equal([("2026-03-02", 100.0), ("2026-03-03", 0.0), ("2026-03-05", 100.0), ("2026-03-10", 0.0)], csatDays);
        Assert.Equal([t1, t2, t3, t5], (await admin.GetJsonAsync($"/api/v1/reports/csat/tickets?{March}")).Items().Select(t => t.Id()));
        Assert.Equal([t2, t5], (await admin.GetJsonAsync($"/api/v1/reports/csat/tickets?{March}&rating=unsatisfied")).Items().Select(t => t.Id()));
        Assert.Equal([t5], (await admin.GetJsonAsync($"/api/v1/reports/csat/tickets?{March}&groupBy=group&group={l2}")).Items().Select(t => t.Id()));
        Assert.Equal([t2], (await admin.GetJsonAsync($"/api/v1/reports/csat/tickets?{March}&interval=week&bucket=2026-03-02&rating=unsatisfied"))
            .Items().Select(t => t.Id()));
        var npsByGroup = await (await admin.GetAsync($"/api/v1/reports/nps?{March}&groupBy=group")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("report.dimension_not_supported", npsByGroup.GetProperty("errorCodes").GetProperty("groupBy")[0].Str("code"));
        Assert.Equal("report.no_tickets", (await (await admin.GetAsync($"/api/v1/reports/nps/tickets?{March}")).JsonAsync(HttpStatusCode.BadRequest))
            .GetProperty("errorCodes").GetProperty("report")[0].Str("code"));
        // JSON, CSV and xlsx agree for both.
        foreach (var report in new[] { "csat", "nps" })
        {
            var json = await admin.GetJsonAsync($"/api/v1/reports/{report}?{March}&interval=week");
            var width = json.GetProperty("columns").GetArrayLength();
            var jsonRows = json.GetProperty("rows").EnumerateArray().Select(r => r.Str("period") + ":" + string.Join(",",
                r.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "" : v.GetDouble().ToString(CultureInfo.InvariantCulture)))).ToList();
            Assert.Contains(jsonRows, r => r.Split(':')[1].Split(',').Any(v => v is not "" and not "0"));
            var reportCsv = (await (await admin.GetAsync($"/api/v1/reports/{report}?{March}&interval=week&format=csv")).Content.ReadAsStringAsync())
                .Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("period,group,group_name," + string.Join(",", json.GetProperty("columns").EnumerateArray().Select(c => c.Str("key"))), reportCsv[0]);
            Assert.Equal(jsonRows, reportCsv.Skip(1).Select(l => l.Split(',')).Select(f => f[0] + ":" + string.Join(",", f.Skip(3))));
            var reportSheet = Xlsx.Read(await (await admin.GetAsync($"/api/v1/reports/{report}?{March}&interval=week&format=xlsx")).Content.ReadAsByteArrayAsync());
            Assert.Equal(jsonRows, reportSheet.Skip(1).Select(r => $"{r[0].Date:yyyy-MM-dd}:" + string.Join(",",
                Enumerable.Range(3, width).Select(i => i < r.Count && r[i].IsNumber ? r[i].Number.ToString(CultureInfo.InvariantCulture) : ""))));
        }

        var fr = Named(await admin.GetJsonAsync($"/api/v1/reports/first_response_time?{March}"), "total");
        Assert.Equal([5, 217, 30, 1440, 37, 30, 120], fr.Values.Select(v => v!.Value));
        var res = Named(await admin.GetJsonAsync($"/api/v1/reports/resolution_time?{March}"), "total");
        Assert.Equal([6, 470, 120, 1440, 170, 120, 1440], res.Values.Select(v => v!.Value));
        var sla = Named(await admin.GetJsonAsync($"/api/v1/reports/sla_compliance?{March}"), "total");
        Assert.Equal([3, 2, 60, 1, 0, 100, 4, 1, 80], sla.Values.Select(v => v!.Value));
        Assert.Equal([1, 6, 16.67], Named(await admin.GetJsonAsync($"/api/v1/reports/reopen_rate?{March}"), "total").Values.Select(v => v!.Value));
        Assert.Equal([2, 6, 33.33], Named(await admin.GetJsonAsync($"/api/v1/reports/one_touch?{March}"), "total").Values.Select(v => v!.Value));

        // The backlog at the end of each day: T2 open overnight on the 2nd, T4 from the 9th on.
        var backlog = await admin.GetJsonAsync($"/api/v1/reports/backlog?{March}");
        var days = backlog.GetProperty("rows").EnumerateArray().Select(r => (r.Str("period"), r.GetProperty("values")[0].GetDouble())).ToList();
        Assert.Equal(31, days.Count);
        Assert.Equal([("2026-03-01", 0.0), ("2026-03-02", 1.0), ("2026-03-03", 0.0), ("2026-03-08", 0.0), ("2026-03-09", 1.0), ("2026-03-31", 1.0)],
            days.Where(d => d.Item1 is "2026-03-01" or "2026-03-02" or "2026-03-03" or "2026-03-08" or "2026-03-09" or "2026-03-31"));

        // Weekly by group: created, and the escalated ticket's backlog moved to the second line.
        var byGroup = await admin.GetJsonAsync($"/api/v1/reports/created?{March}&interval=week&groupBy=group");
        var cells = byGroup.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("values")[0].GetDouble() > 0)
            .Select(r => (r.Str("period"), r.Str("groupName"), r.GetProperty("values")[0].GetDouble())).ToList();
        Assert.Equal([("2026-03-02", "L1", 3.0), ("2026-03-09", "L1", 1.0), ("2026-03-09", "=L2", 1.0), ("2026-03-16", "L1", 1.0)], cells);
        var groupBacklog = Named(await admin.GetJsonAsync($"/api/v1/reports/backlog?{March}&interval=month&groupBy=group"), "rows", byGroupName: true);
        Assert.Equal(1.0, groupBacklog["=L2"]);
        Assert.Equal(0.0, groupBacklog.GetValueOrDefault("L1") ?? 0);
        // Per tag: T1 and T3 carry "billing".
        var tag = Named(await admin.GetJsonAsync($"/api/v1/reports/reopen_rate?{March}&tag=billing"), "total");
        Assert.Equal([1, 3, 33.33], tag.Values.Select(v => v!.Value));

        // Per custom field value: CRM has T1 and T3 (T3 solved twice, reopened once) and T4's backlog since it moved; ERP
        // was created twice (T2, T4 as created); VIP is T1 only.
        Assert.Equal([1, 3, 33.33], Named(await admin.GetJsonAsync($"/api/v1/reports/reopen_rate?{March}&cf.product=crm"), "total").Values.Select(v => v!.Value));
        Assert.Equal([1.0], Named(await admin.GetJsonAsync($"/api/v1/reports/created?{March}&cf.vip=true"), "total").Values.Select(v => v!.Value));
        Assert.Equal([0.0], Named(await admin.GetJsonAsync($"/api/v1/reports/created?{March}&cf.vip=false"), "total").Values.Select(v => v!.Value));
        var byProduct = await admin.GetJsonAsync($"/api/v1/reports/overview?{March}&interval=month&groupBy=cf.product");
        var productCells = byProduct.GetProperty("rows").EnumerateArray().Select(r => (r.Str("group"), r.Str("groupName"),
            r.GetProperty("values")[0].GetDouble(), r.GetProperty("values")[1].GetDouble(), r.GetProperty("values")[2].GetDouble())).OrderBy(c => c.Item1).ToList();
        Assert.Equal([("crm", "CRM", 2.0, 3.0, 1.0), ("erp", "ERP", 2.0, 1.0, 0.0)], productCells);
        // Columns not kept per label have no value; the totals are the field's tickets only.
        Assert.Equal(JsonValueKind.Null, byProduct.GetProperty("rows")[0].GetProperty("values")[3].ValueKind);
        Assert.Equal([4.0, 4.0, 1.0], Named(byProduct, "total").Where(kv => kv.Key is "created" or "solved" or "backlog").Select(kv => kv.Value!.Value));
        // The tickets behind them under the values the reports count them by now (as for groups): T4 is CRM's.
        Assert.Equal([t2], (await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&cf.product=erp")).Items().Select(t => t.Id()));
        Assert.Equal([t1, t3, t4], (await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&cf.product=crm")).Items().Select(t => t.Id()));
        Assert.Equal([t1], (await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&cf.vip=true")).Items().Select(t => t.Id()));
        Assert.Equal([t4], (await admin.GetJsonAsync($"/api/v1/reports/backlog/tickets?{March}&groupBy=cf.product&group=crm")).Items().Select(t => t.Id()));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/reports/backlog/tickets?{March}&groupBy=cf.product&group=erp")).Items());
        var fieldCsv = (await (await admin.GetAsync($"/api/v1/reports/created?{March}&interval=month&groupBy=cf.product&format=csv")).Content.ReadAsStringAsync())
            .Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["period,group,group_name,created", "2026-03-01,crm,CRM,2", "2026-03-01,erp,ERP,2"], fieldCsv);
        async Task<string> FieldError(string query, string name) => (await (await admin.GetAsync($"/api/v1/reports/{query}")).JsonAsync(HttpStatusCode.BadRequest))
            .GetProperty("errorCodes").GetProperty(name)[0].Str("code");
        Assert.Equal("report.not_by_field", await FieldError($"sla_compliance?{March}&cf.product=crm", "cf.product"));
        Assert.Equal("field.not_one_of", await FieldError($"created?{March}&cf.product=sap", "cf.product"));
        Assert.Equal("report.field_with_dimensions", await FieldError($"created?{March}&cf.product=crm&groupBy=group", "cf.product"));
        Assert.Equal("report.field_with_dimensions", await FieldError($"created?{March}&groupBy=cf.product&tag=billing", "groupBy"));
        Assert.Equal("report.field_not_reportable", await FieldError($"created?{March}&groupBy=cf.note", "groupBy"));
        Assert.Equal("custom_field.unknown", await FieldError($"created?{March}&cf.moon=crm", "cf.moon"));
        Assert.Equal("field.not_one_of", await FieldError($"created?{March}&groupBy=cf.", "groupBy"));

        // Drill-down: the tickets behind a weekly bar, and behind the backlog.
        var week = (await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&interval=week&bucket=2026-03-09")).Items().Select(t => t.Id()).ToList();
        Assert.Equal([t4, t5], week);
        var firstPage = await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&limit=4");
        var next = firstPage.Str("nextCursor");
        var secondPage = await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&limit=4&cursor={next}");
        Assert.Equal([t1, t2, t3, t4, t5, t6], firstPage.Items().Concat(secondPage.Items()).Select(t => t.Id()));
        Assert.Equal([t4], (await admin.GetJsonAsync($"/api/v1/reports/backlog/tickets?{March}")).Items().Select(t => t.Id()));
        Assert.Equal([t4, t5], (await admin.GetJsonAsync($"/api/v1/reports/created/tickets?{March}&groupBy=group&group={l2}&bucket=2026-03-09&interval=week"))
            .Items().Select(t => t.Id()));

        // The same numbers in CSV and xlsx (by Accept and by format=), at the chart's granularity.
        var csv = await (await admin.GetAsync($"/api/v1/reports/created?{March}&interval=week&groupBy=group&format=csv")).Content.ReadAsStringAsync();
        var csvLines = csv.Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,group,group_name,created", csvLines[0]);
        Assert.Contains($"2026-03-09,{l2},'=L2,1", csvLines);
        Assert.Contains($"2026-03-02,{l1},L1,3", csvLines);
        Assert.Equal(byGroup.GetProperty("rows").GetArrayLength() + 1, csvLines.Length);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/created?{March}&interval=week&groupBy=group");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Okno.Reports.Exports.ReportExport.XlsxType));
        var xlsxResponse = await admin.SendAsync(request);
        Assert.Equal(Okno.Reports.Exports.ReportExport.XlsxType, xlsxResponse.Content.Headers.ContentType?.MediaType);
        var sheet = Xlsx.Read(await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(["period", "group", "group_name", "created"], sheet[0].Select(c => c.Text));
        var l2Row = sheet.Single(r => r[2].Text == "'=L2" && r[3].Number > 0);
        Assert.Equal((new DateTime(2026, 3, 9), 1.0), (l2Row[0].Date, l2Row[3].Number));
        Assert.True(l2Row[0].IsDate && l2Row[3].IsNumber && !l2Row[2].IsNumber);
        Assert.Equal(csvLines.Length, sheet.Count);
        foreach (var row in sheet.Skip(1))
            Assert.Contains($"{row[0].Date:yyyy-MM-dd},{row[1].Text},{row[2].Text},{row[3].Number.ToString(CultureInfo.InvariantCulture)}", csvLines);

        // The drill-down export: the formula-like subject is inert text in both formats.
        var ticketsCsv = await (await admin.GetAsync($"/api/v1/reports/created/tickets?{March}&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", ticketsCsv);
        var ticketsSheet = Xlsx.Read(await (await admin.GetAsync($"/api/v1/reports/created/tickets?{March}&format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(7, ticketsSheet.Count);
        var evil = ticketsSheet.Single(r => r[0].Number == t5);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", evil[2].Text);
        Assert.True(evil[9].IsDate);
        Assert.Equal(Msk(3, 10, 9).UtcDateTime, evil[9].Date);

        // Errors are ProblemDetails with codes.
        var bad = await (await admin.GetAsync($"/api/v1/reports/created?{March}&groupBy=moon&interval=year")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.not_one_of", bad.GetProperty("errorCodes").GetProperty("groupBy")[0].Str("code"));
        Assert.Equal("field.not_one_of", bad.GetProperty("errorCodes").GetProperty("interval")[0].Str("code"));
        Assert.Equal("report.not_found", (await (await admin.GetAsync($"/api/v1/reports/nothing?{March}")).JsonAsync(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("report.not_by_tag", (await (await admin.GetAsync($"/api/v1/reports/sla_compliance?{March}&tag=billing"))
            .JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errorCodes").GetProperty("tag")[0].Str("code"));

        // The live upserts keep every one-dimension rollup equal to the wide table's sums.
        await RollupsMatchWideAsync(app);
        // Every rollup's reading (grouped by and filtered by its dimension) runs on this database, before and after the rebuild.
        string[] slices = ["groupBy=agent", "groupBy=channel", "groupBy=company", "groupBy=type", "groupBy=priority", $"groupId={l2}",
            "type=question", "priority=normal", "channel=email", "companyId=0", "agentId=0", "groupBy=cf.product", "cf.product=crm", "cf.vip=true"];

        // The rebuild from the tickets' history gives the same numbers as the live handler.
        var before = new List<string>();
        foreach (var report in KpiReport.ReportNames.Where(r => r is not "bot_deflection" and not "help_center_success" and not "nps").Order())
            before.Add((await admin.GetJsonAsync($"/api/v1/reports/{report}?{March}&interval=week&groupBy=group")).GetRawText());
        before.Add((await admin.GetJsonAsync($"/api/v1/reports/nps?{March}&interval=week&groupBy=company")).GetRawText());
        foreach (var slice in slices)
            before.Add((await admin.GetJsonAsync($"/api/v1/reports/overview?{March}&interval=week&{slice}")).GetRawText());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportsRebuild>().RunAsync(CancellationToken.None);
        var after = new List<string>();
        foreach (var report in KpiReport.ReportNames.Where(r => r is not "bot_deflection" and not "help_center_success" and not "nps").Order())
            after.Add((await admin.GetJsonAsync($"/api/v1/reports/{report}?{March}&interval=week&groupBy=group")).GetRawText());
        after.Add((await admin.GetJsonAsync($"/api/v1/reports/nps?{March}&interval=week&groupBy=company")).GetRawText());
        foreach (var slice in slices)
            after.Add((await admin.GetJsonAsync($"/api/v1/reports/overview?{March}&interval=week&{slice}")).GetRawText());
        Assert.Equal(before, after);
        await RollupsMatchWideAsync(app);
        Assert.Equal(Show(expected), Show(Named(await admin.GetJsonAsync($"/api/v1/reports/overview?{March}&interval=month"), "total")));

        // A page of one group at a time (rollup and wide table, backlog included) adds up to the whole answer, with the
        // same totals on every page.
        foreach (var shape in new[] { "overview?interval=week&groupBy=group", "overview?interval=day&groupBy=group&priority=normal", "backlog?interval=week&groupBy=group",
            "sla_compliance?interval=week&groupBy=group&type=question" })
        {
            var whole = await admin.GetJsonAsync($"/api/v1/reports/{shape}&{March}&limit=100");
            Assert.Equal(JsonValueKind.Null, whole.GetProperty("nextCursor").ValueKind);
            var rows = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await admin.GetJsonAsync($"/api/v1/reports/{shape}&{March}&limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
                Assert.True(page.GetProperty("rows").EnumerateArray().Select(r => r.Str("group")).Distinct().Count() <= 1, shape);
                Assert.Equal(whole.GetProperty("total").GetRawText(), page.GetProperty("total").GetRawText());
                Assert.Equal(whole.GetProperty("previous").GetRawText(), page.GetProperty("previous").GetRawText());
                rows.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()));
                cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
                pages++;
            } while (cursor is not null);
            Assert.True(pages >= whole.GetProperty("rows").EnumerateArray().Select(r => r.Str("group")).Distinct().Count() && (pages > 1 || !shape.StartsWith("overview", StringComparison.Ordinal)), shape);
            Assert.Equal(whole.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).OrderBy(r => r, StringComparer.Ordinal),
                rows.OrderBy(r => r, StringComparer.Ordinal));
        }
        Assert.Equal("field.invalid_cursor", (await (await admin.GetAsync($"/api/v1/reports/created?{March}&groupBy=agent&cursor=bm90YW51bWJlcg"))
            .JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errorCodes").GetProperty("cursor")[0].Str("code"));
        _ = t7;
    }

    /// <summary>Every rollup table holds the wide table's sums per day × its dimension (rows whose sums are all zero
    /// may be left out).</summary>
    private static async Task RollupsMatchWideAsync(OknoFactory app)
    {
        static string Counters(ReportDailyCounters c) => string.Join(",", typeof(ReportDailyCounters).GetProperties()
            .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(double))
            .Select(p => Convert.ToDouble(p.GetValue(c), CultureInfo.InvariantCulture).ToString("0.###", CultureInfo.InvariantCulture)));
        static Dictionary<string, string> Sums(IEnumerable<(string Key, ReportDailyCounters Row)> rows)
        {
            var sums = new Dictionary<string, ReportDailyTotal>();
            foreach (var (key, row) in rows)
            {
                if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = new ReportDailyTotal();
                sum.Add(row);
            }
            var zero = Counters(new ReportDailyTotal());
            return sums.Select(kv => (kv.Key, Value: Counters(kv.Value))).Where(kv => kv.Value != zero).ToDictionary(kv => kv.Key, kv => kv.Value);
        }
        var wide = await app.WithDbAsync(db => db.Set<ReportDailyFact>().AsNoTracking().ToListAsync());
        Assert.NotEmpty(wide);
        foreach (var rollup in ReportRollups.All)
        {
            var rows = await app.WithDbAsync(async db =>
            {
                var list = new List<ReportDailyCounters>();
                await foreach (var row in ((IQueryable<ReportDailyCounters>)db.GetType().GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(rollup.Entity).Invoke(db, null)!).AsNoTracking().AsAsyncEnumerable()) list.Add(row);
                return list;
            });
            string KeyOf(ReportDailyCounters row) => string.Join("|", rollup.KeyProperties.Select(p => row.GetType().GetProperty(p)!.GetValue(row))
                .Prepend(row.Day.ToString("O", CultureInfo.InvariantCulture)));
            var expected = Sums(wide.Select(f => (KeyOf(f), (ReportDailyCounters)f)));
            Assert.Equal(rows.Count, rows.Select(KeyOf).Distinct().Count());
            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), Sums(rows.Select(r => (KeyOf(r), r))).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }

    private static string Show(Dictionary<string, double?> values) =>
        string.Join("; ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"}"));

    private static Dictionary<string, double?> Named(JsonElement view, string part, bool byGroupName = false)
    {
        var columns = view.GetProperty("columns").EnumerateArray().Select(c => c.Str("key")).ToList();
        static double? Num(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
        if (byGroupName)
            return view.GetProperty(part).EnumerateArray().ToDictionary(r => r.Str("groupName"), r => Num(r.GetProperty("values")[0]));
        return columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => Num(view.GetProperty(part)[x.i]));
    }

    private static Task WaitSlaAsync(OknoFactory app, long ticketId) =>
        JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.TicketSlas.AnyAsync(s => s.TicketId == ticketId)), 30);

    /// <summary>Scans (as the SLA job does) until the target's breach is recorded on the ticket.</summary>
    private static async Task ScanUntilAsync(OknoFactory app, long ticketId, string target) =>
        await JobHelpers.UntilAsync(async () =>
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await ActivatorUtilities.CreateInstance<SlaScan>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            return await app.WithDbAsync(db => db.SlaAlerts.AnyAsync(a => a.TicketId == ticketId && a.Target == target && a.Breach));
        }, 30);

    /// <summary>Waits until the reports handler has handled every ticket event written so far.</summary>
    private static Task CaughtUpAsync(OknoFactory app) =>
        JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
        {
            var last = await db.OutboxEvents.Where(e => e.Topic == "ticket").MaxAsync(e => (long?)e.Id) ?? 0;
            return await db.OutboxProgress.AnyAsync(p => p.Handler == "reports" && p.LastEventId >= last);
        }), 60);
}

/// <summary>A minimal .xlsx reader (independent of the writer): the first sheet's cells with their kind — shared or inline
/// text, number, or a number styled as a date.</summary>
internal static class Xlsx
{
    public sealed record Cell(string Text, double Number, bool IsNumber, bool IsDate)
    {
        public DateTime Date => DateTime.FromOADate(Number);
    }

    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static List<List<Cell>> Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Load("xl/sharedStrings.xml").Descendants(S + "si")
            .Select(si => string.Concat(si.Descendants(S + "t").Select(t => t.Value))).ToList();
        var styles = Load("xl/styles.xml");
        var custom = styles.Descendants(S + "numFmt").ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var xfs = styles.Root!.Element(S + "cellXfs")!.Elements(S + "xf").Select(x => (int?)x.Attribute("numFmtId") ?? 0).ToList();
        bool IsDateFormat(int id) => id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && code.Contains("yy", StringComparison.OrdinalIgnoreCase));
        var sheetName = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).FullName;
        var rows = new List<List<Cell>>();
        foreach (var row in Load(sheetName).Descendants(S + "row"))
        {
            var cells = new List<Cell>();
            foreach (var c in row.Elements(S + "c"))
            {
                // A writer may leave empty cells out: place each by its reference (A1) when it has one.
                if ((string?)c.Attribute("r") is { } reference)
                {
                    var column = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1)) - 1;
                    while (cells.Count < column) cells.Add(new Cell("", 0, false, false));
                }
                var type = (string?)c.Attribute("t");
                var style = (int?)c.Attribute("s") ?? 0;
                var value = c.Element(S + "v")?.Value;
                cells.Add(type switch
                {
                    "s" => new Cell(shared[int.Parse(value!, CultureInfo.InvariantCulture)], 0, false, false),
                    "inlineStr" => new Cell(string.Concat(c.Descendants(S + "t").Select(t => t.Value)), 0, false, false),
                    "str" => new Cell(value ?? "", 0, false, false),
                    _ when value is null => new Cell("", 0, false, false),
                    _ => new Cell(value, double.Parse(value, CultureInfo.InvariantCulture), true, IsDateFormat(xfs[style])),
                });
            }
            rows.Add(cells);
        }
        return rows;
    }
}
