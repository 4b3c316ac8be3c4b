using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Sla;

/// <summary>Business calendars through the API (issue 15): the shipped Russian calendar, create/change/delete, a year
/// imported from CSV and iCal with a preview first, and bad input refused with nothing saved.</summary>
public sealed class CalendarsApiTests
{
    [Theory]
    [BothDatabases]
    public async Task Okno_ships_the_russian_calendar_and_an_admin_imports_a_year_after_seeing_what_changes(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var russia = (await admin.GetJsonAsync("/api/v1/calendars")).Items().Single(c => c.Str("timeZone") == "Europe/Moscow");
        Assert.Equal("Россия, пятидневка", russia.Str("name"));
        // The migration's copy is the shipped CSV, day by day.
        var shipped = Okno.Sla.CalendarImport.Parse(Okno.Sla.RussianCalendar.ShippedCsv(2026)).Days.Select(Okno.Sla.CalendarDefinition.ToDto)
            .Select(d => (d.Date!, d.Kind!, d.Name));
        Assert.Equal(shipped, russia.GetProperty("days").EnumerateArray().Select(d => (d.Str("date"), d.Str("kind"), d.GetProperty("name").GetString())));
        Assert.Equal(18, russia.GetProperty("days").GetArrayLength());
        Assert.Equal("13:00", russia.GetProperty("week").GetProperty("monday")[0].Str("to"));
        Assert.Equal(0, russia.GetProperty("week").GetProperty("saturday").GetArrayLength());

        // 2027 from CSV: a preview changes nothing; applied, the year's days are there and 2026's stay.
        const string csv = "# 2027\ndate,kind,name\n2027-01-01,holiday,Новый год\n2027-01-08,holiday,Рождество\n2027-02-22,shortened,Предпраздничный день\n";
        var preview = await ImportAsync(admin, russia.Id(), csv, apply: false, HttpStatusCode.OK);
        Assert.Equal(2027, preview.GetProperty("year").GetInt32());
        Assert.Equal(3, preview.GetProperty("added").GetArrayLength());
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(18, (await admin.GetJsonAsync($"/api/v1/calendars/{russia.Id()}")).GetProperty("days").GetArrayLength());
        await ImportAsync(admin, russia.Id(), csv, apply: true, HttpStatusCode.OK);
        Assert.Equal(21, (await admin.GetJsonAsync($"/api/v1/calendars/{russia.Id()}")).GetProperty("days").GetArrayLength());

        // The same year again from iCal: one day changed in name, one removed, one added.
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:Новогодние каникулы\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270108\r\nSUMMARY:Рождество\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:3\r\nDTSTART;VALUE=DATE:20270223\r\nSUMMARY:День защитника Отечества\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var diff = await ImportAsync(admin, russia.Id(), ics, apply: true, HttpStatusCode.OK);
        Assert.Equal(["2027-02-23"], diff.GetProperty("added").EnumerateArray().Select(d => d.Str("date")));
        Assert.Equal(["2027-02-22"], diff.GetProperty("removed").EnumerateArray().Select(d => d.Str("date")));
        Assert.Equal("Новогодние каникулы", diff.GetProperty("changed")[0].GetProperty("after").Str("name"));

        // A file with a date outside its year, or not a calendar file at all, changes nothing.
        var refused = await ImportAsync(admin, russia.Id(), "date,kind,name\n2028-01-01,holiday,x\n2029-01-01,holiday,y\n", apply: true, HttpStatusCode.BadRequest);
        Assert.Equal("calendar.import_date_outside_year", refused.GetProperty("errorCodes").GetProperty("body")[0].Str("code"));
        Assert.Equal(3, refused.GetProperty("errorCodes").GetProperty("body")[0].GetProperty("parameters").GetProperty("line").GetInt32());
        await ImportAsync(admin, russia.Id(), "<html>not a calendar</html>", apply: true, HttpStatusCode.BadRequest);
        Assert.Equal(21, (await admin.GetJsonAsync($"/api/v1/calendars/{russia.Id()}")).GetProperty("days").GetArrayLength());

        // An agent reads calendars but does not change them.
        var (_, agent) = await app.CreateAgentAsync(admin);
        await agent.GetJsonAsync($"/api/v1/calendars/{russia.Id()}");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/v1/calendars/{russia.Id()}")).StatusCode);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient admin, long id, string body, bool apply, HttpStatusCode expected) =>
        await (await admin.PostAsync($"/api/v1/calendars/{id}/import?apply={(apply ? "true" : "false")}",
            new StringContent(body, Encoding.UTF8, "text/plain"))).JsonAsync(expected);

    [Theory]
    [BothDatabases]
    public async Task A_24_7_calendar_is_created_changed_and_deleted_and_a_bad_one_is_refused_with_every_field_named(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var allDay = new[] { new { from = "00:00", to = "24:00" } };
        var created = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "  24/7 ", timeZone = "Europe/Berlin",
            week = new { monday = allDay, tuesday = allDay, wednesday = allDay, thursday = allDay, friday = allDay, saturday = allDay, sunday = allDay },
            days = Array.Empty<object>(),
        });
        Assert.Equal("24/7", created.Str("name"));
        Assert.Equal("24:00", created.GetProperty("week").GetProperty("sunday")[0].Str("to"));

        var changed = await (await admin.PutAsJsonAsync($"/api/v1/calendars/{created.Id()}", new
        {
            name = "Office", timeZone = "Europe/Berlin",
            week = new { monday = new[] { new { from = "14:00", to = "18:00" }, new { from = "09:00", to = "13:00" } } },
            days = new[] { new { date = "2026-12-26", kind = "working", name = "Inventory", hours = new[] { new { from = "10:00", to = "14:00" } } } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("09:00", changed.GetProperty("week").GetProperty("monday")[0].Str("from"));   // stored in order
        Assert.Equal("10:00", changed.GetProperty("days")[0].GetProperty("hours")[0].Str("from"));

        var bad = await (await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            name = "Broken", timeZone = "Mars/Olympus",
            week = new { monday = new[] { new { from = "09:00", to = "13:00" }, new { from = "12:00", to = "18:00" } }, tuesday = new[] { new { from = "18:00", to = "09:00" } } },
            days = new[] { new { date = "2026-13-01", kind = "holiday", name = "x" } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        var codes = bad.GetProperty("errorCodes");
        Assert.Equal("calendar.unknown_time_zone", codes.GetProperty("timeZone")[0].Str("code"));
        Assert.Equal("calendar.overlapping_intervals", codes.GetProperty("week.monday")[0].Str("code"));
        Assert.Equal("calendar.end_before_start", codes.GetProperty("week.tuesday[0].to")[0].Str("code"));
        Assert.Equal("calendar.invalid_date", codes.GetProperty("days[0].date")[0].Str("code"));
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/calendars")).Items(), c => c.Str("name") == "Broken");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendars/{created.Id()}")).StatusCode);
        await admin.GetJsonAsync($"/api/v1/calendars/{created.Id()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sla_preview_answers_what_the_clock_says_for_a_made_up_ticket_life_and_names_bad_fields()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        var russia = (await admin.GetJsonAsync("/api/v1/calendars")).Items().Single(c => c.Str("timeZone") == "Europe/Moscow").Id();
        var answer = await (await admin.PostAsJsonAsync("/api/v1/sla/preview", new
        {
            calendarId = russia,
            targets = new { firstResponseMinutes = 240, resolutionMinutes = 600 },
            warnAtPercent = 80,
            pauseStatuses = new[] { "pending", "on_hold" },
            events = new object[]
            {
                new { at = "2026-04-30T17:30:00+03:00", kind = "created" },
                new { at = "2026-05-04T10:00:00+03:00", kind = "note" },
                new { at = "2026-05-04T12:00:00+03:00", kind = "agent_reply" },
                new { at = "2026-05-04T12:05:00+03:00", kind = "status", status = "pending" },
            },
            now = "2026-05-05T09:00:00+03:00",
        })).JsonAsync(HttpStatusCode.OK);
        var first = answer.GetProperty("firstResponse");
        Assert.Equal(("met", 180.0), (first.Str("state"), first.GetProperty("elapsedMinutes").GetDouble()));
        Assert.Equal(DateTimeOffset.Parse("2026-05-04T13:00:00+03:00", System.Globalization.CultureInfo.InvariantCulture),
            first.GetProperty("dueAt").GetDateTimeOffset());
        var resolution = answer.GetProperty("resolution");
        Assert.Equal(("paused", 185.0), (resolution.Str("state"), resolution.GetProperty("elapsedMinutes").GetDouble()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("nextResponse").ValueKind);   // left out of the targets
        Assert.Contains(answer.GetProperty("timeline").EnumerateArray(), t => t.Str("what") == "paused");

        var bad = await (await admin.PostAsJsonAsync("/api/v1/sla/preview", new
        {
            calendar = new { name = "x", timeZone = "Nowhere/Land", week = new { } },
            targets = new { firstResponseMinutes = 0 },
            events = new object[] { new { at = "2026-04-30T17:30:00", kind = "born" } },
            now = "yesterday",
        })).JsonAsync(HttpStatusCode.BadRequest);
        var codes = bad.GetProperty("errorCodes");
        Assert.Equal("calendar.unknown_time_zone", codes.GetProperty("calendar.timeZone")[0].Str("code"));
        Assert.Equal("field.out_of_range", codes.GetProperty("targets.firstResponseMinutes")[0].Str("code"));
        Assert.Equal("sla.invalid_instant", codes.GetProperty("events[0].at")[0].Str("code"));
        Assert.Equal("sla.invalid_event_kind", codes.GetProperty("events[0].kind")[0].Str("code"));
        Assert.Equal("sla.invalid_instant", codes.GetProperty("now")[0].Str("code"));
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/sla/preview", new { })).StatusCode);
    }
}
