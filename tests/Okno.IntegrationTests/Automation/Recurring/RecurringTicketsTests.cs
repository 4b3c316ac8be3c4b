using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Automation.Recurring;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Automation.Recurring;

/// <summary>Planned tickets (issue 16): the job opens one ticket per occurrence on the first working day of the month,
/// never twice (run again, after downtime, from two nodes at once), missed ones late; the API validates schedules.</summary>
public sealed class RecurringTicketsTests
{
    // 31 December 2025, 15:00 in Moscow.
    private static readonly DateTimeOffset Start = new(2025, 12, 31, 12, 0, 0, TimeSpan.Zero);
    private const string FirstWorkingDay = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1";

    [Theory]
    [BothDatabases]
    public async Task The_job_opens_each_occurrence_once_and_those_missed_during_downtime_once_marked_late(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var contact = await ContactAsync(admin);
        var group = await admin.CreateGroupAsync("Facilities");
        var russia = await RussiaAsync(admin);
        var subject = "Server room maintenance " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await admin.PostJsonAsync("/api/v1/recurring-tickets", new
        {
            name = "Monthly maintenance", rule = FirstWorkingDay, start = "2026-01-01T09:00", timeZone = "Europe/Moscow",
            calendarId = russia, shiftToWorkingDay = true, subject, body = "Check the air conditioning and the UPS.",
            contactId = contact, groupId = group, priority = "high", type = "request", tags = new[] { "Maintenance" },
        });
        // 1–8 January are holidays and the 9th a moved day off: Monday the 12th, 09:00 Moscow.
        Assert.Equal(Utc("2026-01-12T06:00"), schedule.GetProperty("nextOccurrenceAt").GetDateTimeOffset());
        var next = (await admin.GetJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}/occurrences?count=5")).GetProperty("next");
        Assert.Equal(["2026-01-12T06:00", "2026-02-02T06:00", "2026-03-02T06:00", "2026-04-01T06:00", "2026-05-04T06:00"],
            next.EnumerateArray().Select(o => o.GetProperty("plannedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")));
        Assert.True(next[0].GetProperty("moved").GetBoolean());

        // Not yet due: nothing.
        clock.Advance(Utc("2026-01-12T05:59") - clock.GetUtcNow());
        await RunAsync(app);
        Assert.Equal(0, await TicketsAsync(app, subject));

        // Due: one ticket, however often the job runs.
        clock.Advance(TimeSpan.FromSeconds(90));
        await RunAsync(app);
        await RunAsync(app);
        Assert.Equal(1, await TicketsAsync(app, subject));
        var first = await app.WithDbAsync(db => db.Tickets.Include(t => t.Tags).ThenInclude(t => t.Tag).SingleAsync(t => t.Subject == subject));
        Assert.Equal((TicketPriority.High, TicketType.Request, (long?)group), (first.Priority, first.Type, first.GroupId));
        Assert.Equal(contact, first.ContactId);
        Assert.Equal(["maintenance"], first.Tags.Select(t => t.Tag.Name));
        var note = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.TicketId == first.Id && m.IsInternal));
        Assert.Contains("Monthly maintenance", note.BodyText);
        Assert.DoesNotContain("late", note.BodyText);
        Assert.Equal(ActorKind.System, note.AuthorKind);

        // Okno is down through February and March and comes back ten minutes after April's: three late tickets, once.
        clock.Advance(Utc("2026-04-01T06:10") - clock.GetUtcNow());
        await Task.WhenAll(RunAsync(app), RunAsync(app));
        await RunAsync(app);
        Assert.Equal(4, await TicketsAsync(app, subject));
        // Three months on, the first sign-in has expired.
        admin = await app.AdminClientAsync();
        var occurrences = await admin.GetJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}/occurrences");
        var recent = occurrences.GetProperty("recent").EnumerateArray().ToList();
        Assert.Equal(["2026-04-01T06:00", "2026-03-02T06:00", "2026-02-02T06:00", "2026-01-12T06:00"],
            recent.Select(o => o.GetProperty("plannedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")));
        Assert.Equal([true, true, true, false], recent.Select(o => o.GetProperty("late").GetBoolean()));
        Assert.All(recent, o => Assert.Equal(JsonValueKind.Number, o.GetProperty("ticketNumber").ValueKind));
        var lateNotes = await app.WithDbAsync(db => (from m in db.Messages
                                                     join t in db.Tickets on m.TicketId equals t.Id
                                                     where t.Subject == subject && m.IsInternal
                                                     select m.BodyText).ToListAsync());
        Assert.Equal(3, lateNotes.Count(n => n.Contains("created late")));
        Assert.Equal(Utc("2026-05-04T06:00"), (await admin.GetJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}")).GetProperty("nextOccurrenceAt").GetDateTimeOffset());

        // Disabled: nothing more comes.
        var body = ScheduleBody(contact, russia, subject) with { enabled = false };
        var disabled = await (await admin.PutAsJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}", body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, disabled.GetProperty("nextOccurrenceAt").ValueKind);
        clock.Advance(TimeSpan.FromDays(40));
        await RunAsync(app);
        Assert.Equal(4, await TicketsAsync(app, subject));
    }

    [Theory]
    [BothDatabases]
    public async Task A_long_downtime_opens_the_latest_ten_and_records_the_older_ones_as_skipped(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var contact = await ContactAsync(admin);
        var subject = "Daily check " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await admin.PostJsonAsync("/api/v1/recurring-tickets", ScheduleBody(contact, null, subject) with
        {
            rule = "FREQ=DAILY", start = "2026-03-01T09:00", calendarId = null, shiftToWorkingDay = false,
        });
        // 25 days down: 25 occurrences (1–25 March) are due at once.
        clock.Advance(TimeSpan.FromDays(25));
        await RunAsync(app);
        await RunAsync(app);
        Assert.Equal(10, await TicketsAsync(app, subject));
        var rows = await app.WithDbAsync(db => db.RecurringOccurrences.Where(o => o.RecurringTicketId == schedule.Id()).OrderBy(o => o.OccursAt).ToListAsync());
        Assert.Equal(25, rows.Count);
        Assert.All(rows.Take(15), o => Assert.Equal((RecurringSkipReason?)RecurringSkipReason.Missed, o.SkipReason));
        Assert.All(rows.Skip(15), o => Assert.NotNull(o.TicketId));
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 6, 0, 0, TimeSpan.Zero), rows[15].OccursAt);
    }

    [Theory]
    [BothDatabases]
    public async Task A_plan_whose_contact_was_merged_away_records_its_occurrences_as_skipped_and_a_deleted_calendar_stops_the_move(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var contact = await ContactAsync(admin);
        var survivor = await ContactAsync(admin);
        var day = new[] { new { from = "09:00", to = "18:00" } };
        var calendar = (await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Office " + Guid.NewGuid().ToString("N")[..6], timeZone = "Europe/Moscow",
            week = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day },
            days = new[] { new { date = "2026-01-01", kind = "holiday", name = "New Year" } },
        })).Id();
        var subject = "Orphaned " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await admin.PostJsonAsync("/api/v1/recurring-tickets", ScheduleBody(contact, calendar, subject) with
        {
            rule = "FREQ=MONTHLY;BYMONTHDAY=1",
        });
        Assert.Equal(Utc("2026-01-02T06:00"), schedule.GetProperty("nextOccurrenceAt").GetDateTimeOffset());

        // The calendar goes: the plan stays, without the move.
        await (await admin.DeleteAsync($"/api/v1/calendars/{calendar}")).JsonAsync(HttpStatusCode.NoContent);
        var kept = await admin.GetJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}");
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("calendarId").ValueKind);
        Assert.Equal(Utc("2026-01-01T06:00"), (await admin.GetJsonAsync($"/api/v1/recurring-tickets/{schedule.Id()}/occurrences"))
            .GetProperty("next")[0].GetProperty("plannedAt").GetDateTimeOffset());

        // The contact is merged into another (and deleted): the occurrence is recorded as skipped, no ticket.
        await (await admin.PostAsJsonAsync($"/api/v1/contacts/{contact}/merge", new { intoContactId = survivor })).JsonAsync(HttpStatusCode.OK);
        clock.Advance(Utc("2026-01-02T06:01") - clock.GetUtcNow());
        await RunAsync(app);
        Assert.Equal(0, await TicketsAsync(app, subject));
        var row = await app.WithDbAsync(db => db.RecurringOccurrences.SingleAsync(o => o.RecurringTicketId == schedule.Id()));
        Assert.Equal((RecurringSkipReason?)RecurringSkipReason.NoCustomer, row.SkipReason);
        Assert.Null(row.TicketId);
    }

    [Fact]
    public async Task Two_nodes_running_at_once_open_each_occurrence_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));
        await using var first = OknoFactory.Postgres(services: s => s.AddSingleton<TimeProvider>(clock));
        await using var second = first.SecondNode();
        var admin = await first.AdminClientAsync();
        var contact = await ContactAsync(admin);
        var subject = "Both nodes " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await admin.PostJsonAsync("/api/v1/recurring-tickets", ScheduleBody(contact, null, subject) with
        {
            rule = "FREQ=DAILY", start = "2026-12-03T09:00", calendarId = null, shiftToWorkingDay = false,
        });
        // Six mornings (3–8 December) due at once, both nodes at them together, twice over.
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(61));
        for (var round = 0; round < 2; round++)
            await Task.WhenAll(RunAsync(first), RunAsync(second), RunAsync(first), RunAsync(second));

        Assert.Equal(6, await TicketsAsync(first, subject));
        var rows = await first.WithDbAsync(db => db.RecurringOccurrences.Where(o => o.RecurringTicketId == schedule.Id()).ToListAsync());
        Assert.Equal(6, rows.Count);
        Assert.Equal(6, rows.Select(r => r.TicketId).Distinct().Count());
        Assert.All(rows, r => Assert.NotNull(r.TicketId));
    }

    [Theory]
    [BothDatabases]
    public async Task Bad_schedules_are_refused_with_codes_and_agents_only_read(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var contact = await ContactAsync(admin);
        var good = ScheduleBody(contact, null, "Weekly check") with { rule = "FREQ=WEEKLY;BYDAY=MO", calendarId = null, shiftToWorkingDay = false };

        async Task RefusedAsync(object body, string field, string code)
        {
            var problem = await (await admin.PostAsJsonAsync("/api/v1/recurring-tickets", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.Str("code")));
        }
        await RefusedAsync(good with { rule = "FREQ=FORTNIGHTLY" }, "rule", RecurringErrorCodes.InvalidRule);
        await RefusedAsync(good with { rule = "FREQ=MINUTELY;INTERVAL=10" }, "rule", RecurringErrorCodes.TooFrequent);
        await RefusedAsync(good with { rule = "FREQ=DAILY;COUNT=1", start = "2020-01-01T09:00" }, "rule", RecurringErrorCodes.RuleNeverOccurs);
        await RefusedAsync(good with { timeZone = "Europe/Atlantis" }, "timeZone", "calendar.unknown_time_zone");
        await RefusedAsync(good with { start = "01.01.2026 09:00" }, "start", RecurringErrorCodes.InvalidStart);
        await RefusedAsync(good with { contactId = 987654 }, "contactId", "contact.not_found");
        await RefusedAsync(good with { contactId = null }, "contactId", "field.required");
        await RefusedAsync(good with { groupId = 987654 }, "groupId", "group.not_found");
        await RefusedAsync(good with { calendarId = 987654 }, "calendarId", "calendar.not_found");
        await RefusedAsync(good with { shiftToWorkingDay = true }, "shiftToWorkingDay", RecurringErrorCodes.ShiftNeedsCalendar);
        await RefusedAsync(good with { subject = "" }, "subject", "field.required");
        Assert.Empty((await admin.GetJsonAsync("/api/v1/recurring-tickets")).Items());

        var preview = await (await admin.PostAsJsonAsync("/api/v1/recurring-tickets/preview",
            new { rule = "FREQ=MINUTELY;INTERVAL=1", start = "2026-01-01T09:00", timeZone = "UTC" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(RecurringErrorCodes.TooFrequent, preview.GetProperty("errorCodes").GetProperty("rule")[0].Str("code"));

        var created = await admin.PostJsonAsync("/api/v1/recurring-tickets", good with { name = "<script>alert(1)</script>" });
        Assert.Equal("<script>alert(1)</script>", created.Str("name"));
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Single((await agent.GetJsonAsync("/api/v1/recurring-tickets")).Items());
        await (await agent.PostAsJsonAsync("/api/v1/recurring-tickets", good)).JsonAsync(HttpStatusCode.Forbidden);
        await (await agent.DeleteAsync($"/api/v1/recurring-tickets/{created.Id()}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync("/api/v1/recurring-tickets/987654")).JsonAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/recurring-tickets/{created.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/v1/recurring-tickets/{created.Id()}")).JsonAsync(HttpStatusCode.NotFound);
    }

    private sealed record Body(string name, bool enabled, string rule, string start, string timeZone, long? calendarId, bool shiftToWorkingDay,
        string subject, string body, long? contactId, long? groupId, string priority, string type, string[] tags);

    private static Body ScheduleBody(long contact, long? calendar, string subject) => new("Monthly maintenance", true, FirstWorkingDay,
        "2026-01-01T09:00", "Europe/Moscow", calendar, calendar is not null, subject, "Check the air conditioning and the UPS.", contact, null,
        "normal", "request", []);

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> ContactAsync(HttpClient admin) =>
        (await admin.PostJsonAsync("/api/v1/contacts", new { name = "Facilities office", emails = new[] { $"facilities-{Guid.NewGuid():N}@example.org" } })).Id();

    private static async Task<long> RussiaAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/v1/calendars")).Items().Single(c => c.Str("timeZone") == "Europe/Moscow").Id();

    private static Task<int> TicketsAsync(OknoFactory app, string subject) => app.WithDbAsync(db => db.Tickets.CountAsync(t => t.Subject == subject));

    private static async Task<int> RunAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<RecurringTicketScan>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
