using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Okno.Channels;
using Okno.Reports.Schedules;
using Okno.Testing;

namespace Okno.IntegrationTests.Reports.Schedules;

/// <summary>Scheduled reports (issue 19) on both databases with the desk's fake clock: a weekly schedule mails one .xlsx
/// per week through the real SMTP sink, its cells real numbers and dates equal to the API's JSON for the week; two nodes
/// send a period once; "send now"; a desk without a mailbox records the error; the validation codes. The channel jobs
/// are off: the sending job and the delivery queue are run by hand.</summary>
public sealed class ReportScheduleTests
{
    // Europe/Moscow is UTC+3 all year. 2 March 2026 is a Monday.
    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3)).ToUniversalTime();

    private static OknoFactory App(string provider, FakeTimeProvider clock) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" }, s => s.AddSingleton<TimeProvider>(clock));

    private static async Task MailboxAsync(HttpClient admin) =>
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new
            {
                imapHost = (string?)null, imapPort = 143, imapSecurity = "none", imapUser = (string?)null, imapPassword = (string?)null, imapFolder = "INBOX",
                smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none", fromName = "Поддержка", fromAddress = TestMail.Support,
            },
        }, HttpStatusCode.Created);

    /// <summary>A supervisor whose mail the SMTP sink puts in customer@'s INBOX.</summary>
    private static async Task<(long Id, string Email)> RecipientAsync(HttpClient admin, string name)
    {
        var email = $"customer+rs-{name}.{Guid.NewGuid():N}@example.test";
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email, name, role = "supervisor", password = "agent-password-1", groupIds = Array.Empty<long>() });
        return (agent.Id(), email);
    }

    private static object Weekly(string name, params long[] recipients) => new
    {
        name, report = "created", interval = "day", frequency = "weekly", weekday = "monday", sendAt = "09:00", recipientIds = recipients, language = "en",
    };

    private static async Task<int> RunAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportScheduleSender>().RunDueAsync(CancellationToken.None);
    }

    private static Task<List<ChannelDelivery>> MailsAsync(OknoFactory app) =>
        app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().Where(d => d.DedupeKey!.StartsWith("rs:")).OrderBy(d => d.Id).ToListAsync());

    private static Task CaughtUpAsync(OknoFactory app) =>
        JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
        {
            var last = await db.OutboxEvents.Where(e => e.Topic == "ticket").MaxAsync(e => (long?)e.Id) ?? 0;
            return await db.OutboxProgress.AnyAsync(p => p.Handler == "reports" && p.LastEventId >= last);
        }), 60);

    private static async Task<byte[]> XlsxOfAsync(MimeMessage mail)
    {
        var file = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);
        using var content = new MemoryStream();
        await file.Content!.DecodeToAsync(content);
        return content.ToArray();
    }

    [Theory]
    [BothDatabases]
    public async Task A_weekly_schedule_mails_one_xlsx_a_week_whose_cells_are_the_apis_numbers_and_dates(string provider)
    {
        var clock = new FakeTimeProvider(Msk(3, 2, 10));
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var (recipient, email) = await RecipientAsync(admin, "anna");
        // The week of 2–8 March: two tickets on Monday, one on Thursday.
        await admin.CreateTicketAsync("Принтер", "client@example.com");
        await admin.CreateTicketAsync("Сканер", "client@example.com");
        clock.SetUtcNow(Msk(3, 5, 12));
        admin = await app.AdminClientAsync();
        await admin.CreateTicketAsync("Счёт", "client@example.com");
        await CaughtUpAsync(app);

        var created = await admin.PostJsonAsync("/api/v1/reports/schedules", Weekly("Неделя", recipient), HttpStatusCode.Created);
        Assert.Equal(Msk(3, 9, 9), created.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.Equal("09:00", created.Str("sendAt"));
        Assert.Equal(0, await RunAsync(app));

        // Monday 9 March, 09:00 Moscow: the week 2–8 March goes out once, however often the job runs.
        clock.SetUtcNow(Msk(3, 9, 9, 1));
        admin = await app.AdminClientAsync();
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal(0, await RunAsync(app));
        var queued = Assert.Single(await MailsAsync(app));
        Assert.Equal((DeliveryKind.Notification, (long?)null, email), (queued.Kind, queued.TicketId, queued.Recipient));
        var schedule = await admin.GetJsonAsync($"/api/v1/reports/schedules/{created.Id()}");
        Assert.Equal("2026-03-02", schedule.Str("lastSentPeriod"));
        Assert.Equal(Msk(3, 16, 9), schedule.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("lastError").ValueKind);

        Assert.Equal(1, await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None));
        var mail = await TestMail.WaitForMailToAsync(email);
        Assert.Equal("Report \"Неделя\": 2026-03-02 – 2026-03-08", mail.Subject);
        Assert.Contains("2026-02-23 – 2026-03-01", mail.TextBody, StringComparison.Ordinal);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await XlsxOfAsync(mail));

        // The API's JSON for the same week, row by row: dates as date cells, counts as number cells.
        var json = await admin.GetJsonAsync("/api/v1/reports/created?from=2026-03-02&to=2026-03-08&interval=day");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal(["Period", "Group", "Group name", "Created"], sheet[0].Select(c => c.Text));
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = sheet[i + 1];
            Assert.True(cells[0].IsDate, $"row {i + 1}'s period is a date cell");
            Assert.Equal(DateTime.Parse(rows[i].Str("period"), CultureInfo.InvariantCulture), cells[0].Date);
            Assert.True(cells[3].IsNumber, $"row {i + 1}'s count is a number cell");
            Assert.Equal(rows[i].GetProperty("values")[0].GetDouble(), cells[3].Number);
        }
        Assert.Equal([2.0, 0, 0, 1, 0, 0, 0], sheet.Skip(1).Take(7).Select(r => r[3].Number));
        // Then the week's total and the previous week's, as numbers.
        Assert.Equal(3.0, json.GetProperty("total")[0].GetDouble());
        Assert.True(sheet[8][0].IsDate && sheet[8][3].IsNumber);
        Assert.Equal(3.0, sheet[8][3].Number);
        Assert.True(sheet[9][3].IsNumber);
        Assert.Equal(json.GetProperty("previous")[0].GetDouble(), sheet[9][3].Number);

        // Later in the week nothing more; the next Monday, the next week, once.
        clock.SetUtcNow(Msk(3, 12, 9));
        Assert.Equal(0, await RunAsync(app));
        clock.SetUtcNow(Msk(3, 16, 9, 0));
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal(0, await RunAsync(app));
        var mails = await MailsAsync(app);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Matches("^[0-9a-f]{64}$", m.FileSha256!));
        Assert.EndsWith("2026-03-09-2026-03-15.xlsx", mails[1].FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_send_a_due_period_once()
    {
        var clock = new FakeTimeProvider(Msk(3, 2, 10));
        await using var one = App("postgres", clock);
        await using var two = one.SecondNode();
        var admin = await one.AdminClientAsync();
        await MailboxAsync(admin);
        var a = await RecipientAsync(admin, "a");
        var b = await RecipientAsync(admin, "b");
        for (var i = 0; i < 5; i++) await admin.PostJsonAsync("/api/v1/reports/schedules", Weekly("S" + i, a.Id, b.Id), HttpStatusCode.Created);
        clock.SetUtcNow(Msk(3, 9, 9, 5));
        for (var round = 0; round < 2; round++)
            await Task.WhenAll(RunAsync(one), RunAsync(two), RunAsync(one), RunAsync(two));
        var mails = await MailsAsync(one);
        Assert.Equal(10, mails.Count);
        Assert.Equal(10, mails.Select(m => m.DedupeKey).Distinct().Count());
        Assert.All(await one.WithDbAsync(db => db.Set<ReportSchedule>().AsNoTracking().ToListAsync()),
            s => Assert.Equal((new DateOnly(2026, 3, 2), Msk(3, 16, 9)), (s.LastSentPeriod!.Value, s.NextDueAt!.Value)));
    }

    [Theory]
    [BothDatabases]
    public async Task Without_a_mailbox_the_error_is_recorded_and_the_next_period_is_tried_and_send_now_sends_the_last_period(string provider)
    {
        var clock = new FakeTimeProvider(Msk(3, 2, 10));
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        var (recipient, email) = await RecipientAsync(admin, "boris");
        var created = await admin.PostJsonAsync("/api/v1/reports/schedules", new
        {
            name = "Daily", report = "overview", interval = "day", frequency = "daily", sendAt = "07:30", recipientIds = new[] { recipient },
        }, HttpStatusCode.Created);
        clock.SetUtcNow(Msk(3, 3, 7, 31));
        admin = await app.AdminClientAsync();
        Assert.Equal(0, await RunAsync(app));
        var failed = await admin.GetJsonAsync($"/api/v1/reports/schedules/{created.Id()}");
        Assert.Contains("mailbox", failed.Str("lastError"), StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow(), failed.GetProperty("lastErrorAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("lastSentPeriod").ValueKind);
        Assert.Equal(Msk(3, 4, 7, 30), failed.GetProperty("nextDueAt").GetDateTimeOffset());
        var refused = await (await admin.PostAsync($"/api/v1/reports/schedules/{created.Id()}/send-now", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(ReportScheduleErrorCodes.NoMailbox, refused.Str("code"));
        Assert.Empty(await MailsAsync(app));

        // With a mailbox: "send now" sends the last whole day at once (twice if asked twice), and the next run the next day.
        await MailboxAsync(admin);
        var sent = await (await admin.PostAsync($"/api/v1/reports/schedules/{created.Id()}/send-now", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("2026-03-02", "2026-03-02", 1), (sent.Str("from"), sent.Str("to"), sent.GetProperty("mails").GetInt32()));
        await (await admin.PostAsync($"/api/v1/reports/schedules/{created.Id()}/send-now", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await MailsAsync(app)).Count);
        var cleared = await admin.GetJsonAsync($"/api/v1/reports/schedules/{created.Id()}");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("lastError").ValueKind);
        clock.SetUtcNow(Msk(3, 4, 7, 30));
        Assert.Equal(1, await RunAsync(app));
        var mails = await MailsAsync(app);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal(email, m.Recipient));
        Assert.Equal(["overview-2026-03-02-2026-03-02.xlsx", "overview-2026-03-02-2026-03-02.xlsx", "overview-2026-03-03-2026-03-03.xlsx"],
            mails.Select(m => m.FileName));
        Assert.Equal(3, await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None));
        Assert.All(await MailsAsync(app), m => Assert.Equal(DeliveryStatus.Sent, m.Status));
    }

    [Theory]
    [BothDatabases]
    public async Task Bad_schedules_are_refused_with_codes_and_only_supervisors_manage_them(string provider)
    {
        var clock = new FakeTimeProvider(Msk(3, 2, 10));
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        var (recipient, _) = await RecipientAsync(admin, "vera");
        var (agentId, agent) = await app.CreateAgentAsync(admin);
        Assert.True((await admin.DeleteAsync($"/api/v1/agents/{agentId}")).IsSuccessStatusCode);

        async Task RefusedAsync(object body, string field, string code)
        {
            var problem = await (await admin.PostAsJsonAsync("/api/v1/reports/schedules", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.Str("code")));
        }
        object With(string? report = "created", string? channel = null, long[]? recipients = null, string sendAt = "09:00", string frequency = "weekly",
            string? groupBy = null, string? tag = null) =>
            new { name = "X", report, interval = "day", channel, groupBy, tag, frequency, weekday = "monday", sendAt, recipientIds = recipients ?? [recipient] };
        await RefusedAsync(With(report: "nope"), "report", ReportScheduleErrorCodes.UnknownReport);
        await RefusedAsync(With(channel: "No such channel!"), "channel", "field.invalid_value");
        await RefusedAsync(With(groupBy: "channel", tag: "vip"), "tag", "report.tag_with_dimensions");
        await RefusedAsync(With(recipients: []), "recipientIds", ReportScheduleErrorCodes.NoRecipients);
        await RefusedAsync(With(recipients: [recipient, agentId]), "recipientIds", ReportScheduleErrorCodes.RecipientNotAgent);
        await RefusedAsync(With(recipients: [recipient, 999_999]), "recipientIds", ReportScheduleErrorCodes.RecipientNotAgent);
        await RefusedAsync(With(sendAt: "25:99"), "sendAt", ReportScheduleErrorCodes.InvalidTime);
        await RefusedAsync(new { name = "M", report = "created", frequency = "monthly", dayOfMonth = 31, sendAt = "09:00", recipientIds = new[] { recipient } },
            "dayOfMonth", "field.out_of_range");
        Assert.Empty(await app.WithDbAsync(db => db.Set<ReportSchedule>().ToListAsync()));

        // At most 100 per desk.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < ReportSchedule.MaxPerDesk; i++)
                db.Add(new ReportSchedule { Name = "S" + i, Report = "created", RecipientIds = [recipient], OwnerId = recipient, SendAt = new TimeOnly(9, 0) });
            await db.SaveChangesAsync();
            return 0;
        });
        var tooMany = await (await admin.PostAsJsonAsync("/api/v1/reports/schedules", With())).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(ReportScheduleErrorCodes.TooMany, tooMany.Str("code"));
        var page = await admin.GetJsonAsync("/api/v1/reports/schedules?limit=30");
        Assert.Equal(30, page.Items().Count);
        Assert.NotEqual(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var missing = await (await admin.GetAsync("/api/v1/reports/schedules/987654")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(ReportScheduleErrorCodes.NotFound, missing.Str("code"));

        // An agent (not a supervisor) may not see or change them.
        var (_, plain) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync("/api/v1/reports/schedules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.PostAsJsonAsync("/api/v1/reports/schedules", With())).StatusCode);
        _ = agent;
    }

    [Fact]
    public void The_plan_sends_monthly_on_its_day_for_the_previous_calendar_month_and_weekly_for_the_previous_monday_to_sunday()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var monthly = new ReportSchedule { Frequency = ScheduleFrequency.Monthly, DayOfMonth = 1, SendAt = new TimeOnly(8, 0) };
        Assert.Equal(Msk(4, 1, 8), SchedulePlan.NextAfter(monthly, Msk(3, 1, 8), zone));
        Assert.Equal(Msk(3, 1, 8), SchedulePlan.NextAfter(monthly, Msk(2, 14, 23), zone));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), SchedulePlan.PeriodBefore(ScheduleFrequency.Monthly, Msk(3, 1, 8), zone));
        // Wednesday 11 March: the week before is 2–8 March, whatever the weekday it is sent on.
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8)), SchedulePlan.PeriodBefore(ScheduleFrequency.Weekly, Msk(3, 11, 0, 5), zone));
        // 00:30 Moscow on 3 March is still 2 March in UTC: the day before is the desk's, 2 March.
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2)), SchedulePlan.PeriodBefore(ScheduleFrequency.Daily, Msk(3, 3, 0, 30), zone));
    }

    [Theory]
    [BothDatabases]
    public async Task The_clustered_job_sends_a_due_schedule_and_the_delivery_queue_mails_it(string provider)
    {
        var clock = new FakeTimeProvider(Msk(3, 2, 10));
        // The channel jobs on: the schedule's job is registered with them, and the delivery job sends what it queues.
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var (recipient, email) = await RecipientAsync(admin, "gleb");
        await admin.PostJsonAsync("/api/v1/reports/schedules", new
        {
            name = "Месяц", report = "solved", interval = "week", frequency = "monthly", dayOfMonth = 1, sendAt = "06:00", recipientIds = new[] { recipient },
            language = "ru",
        }, HttpStatusCode.Created);
        clock.SetUtcNow(Msk(4, 1, 6));
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new Quartz.JobKey("report-schedules"));
        var mail = await TestMail.WaitForMailToAsync(email);
        Assert.Equal("Отчёт «Месяц»: 2026-03-01 – 2026-03-31", mail.Subject);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await XlsxOfAsync(mail));
        Assert.Equal(["Период", "Группа"], sheet[0].Take(2).Select(c => c.Text));
        Assert.Equal(new DateTime(2026, 3, 1), sheet[1][0].Date);
        Assert.Equal(new DateOnly(2026, 3, 1), (await app.WithDbAsync(db => db.Set<ReportSchedule>().SingleAsync())).LastSentPeriod);
    }
}
