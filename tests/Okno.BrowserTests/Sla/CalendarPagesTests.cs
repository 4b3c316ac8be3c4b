using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Okno.Sla;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Sla;

[Collection(ChromiumCollection.Name)]
public sealed class CalendarPagesTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_creates_a_calendar_with_a_lunch_break_and_a_holiday_and_finds_it_listed_and_editable() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var name = "Support hours " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-calendars");
        await Expect(page.Locator("#calendars-title")).ToHaveTextAsync("Business calendars");
        // The shipped Russian calendar is there with its 2026 exceptions.
        await Expect(page.Locator("#calendars-table tbody tr", new() { HasText = RussianCalendar.Name }).Locator(".calendar-zone")).ToHaveTextAsync("Europe/Moscow");

        await page.Locator("#calendar-create").ClickAsync();
        await Expect(page.Locator("#calendar-title")).ToHaveTextAsync("New calendar");
        await page.Locator("#calendar-name").FillAsync(name);
        // A new calendar starts as five days 09:00–18:00; Monday gets a lunch break: 09:00–13:00 and 14:00–18:00.
        await Expect(page.Locator("#week-monday-0-from")).ToHaveValueAsync("09:00");
        await Expect(page.Locator("#week-saturday-off")).ToHaveTextAsync("Day off");
        await page.Locator("#week-monday-0-to").FillAsync("13:00");
        await page.Locator("#week-monday-add").ClickAsync();
        await page.Locator("#week-monday-1-from").FillAsync("14:00");
        await page.Locator("#week-monday-1-to").FillAsync("18:00");
        await page.Locator("#day-add").ClickAsync();
        await page.Locator("#day-0-date").FillAsync("2026-06-12");
        await page.Locator("#day-0-name").FillAsync("Russia Day");
        await Expect(page.Locator("#day-0-kind")).ToContainTextAsync("Holiday");
        await tab.ScreenshotAsync("editor");
        await page.Locator("#calendar-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/calendars$"));
        var row = page.Locator("#calendars-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".calendar-zone")).ToHaveTextAsync("Europe/Moscow");
        await Expect(row.Locator(".calendar-days")).ToHaveTextAsync("1");

        var stored = (await okno.App.WithDbAsync(db => db.SlaCalendars.SingleAsync(c => c.Name == name))).Read();
        Assert.Equal([new IntervalDto("09:00", "13:00"), new IntervalDto("14:00", "18:00")], stored.Week!.Monday);
        Assert.Equal([new IntervalDto("09:00", "18:00")], stored.Week.Tuesday);
        Assert.Empty(stored.Week.Sunday!);
        var holiday = Assert.Single(stored.Days!);
        Assert.Equal(("2026-06-12", "holiday", "Russia Day"), (holiday.Date, holiday.Kind, holiday.Name));

        // Open again: the editor shows what was saved.
        await row.Locator("a[id^=calendar-edit-]").ClickAsync();
        await Expect(page.Locator("#calendar-title")).ToHaveTextAsync(name);
        await Expect(page.Locator("#week-monday-1-from")).ToHaveValueAsync("14:00");
        await Expect(page.Locator("#day-0-date")).ToHaveValueAsync("2026-06-12");
        await Expect(page.Locator("#day-0-name")).ToHaveValueAsync("Russia Day");
        // An import works on the stored calendar: with unsaved changes it waits until they are saved.
        await Expect(page.Locator("#calendar-import")).ToBeEnabledAsync();
        await page.Locator("#day-0-name").FillAsync("Day of Russia");
        await page.Locator("#day-0-name").PressAsync("Tab");
        await Expect(page.Locator("#calendar-import")).ToBeDisabledAsync();
        await Expect(page.Locator("#calendar-import-wait")).ToHaveTextAsync("Save the changes before importing.");
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task A_bad_interval_is_named_at_its_field_in_russian_and_nothing_is_saved_until_it_is_fixed() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var name = "Ночная смена " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/calendars/new");
        await Expect(page.Locator("#calendar-title")).ToHaveTextAsync("Новый календарь");
        await page.Locator("#calendar-name").FillAsync(name);
        await page.Locator("#week-tuesday-0-to").FillAsync("08:00");
        await page.Locator("#calendar-zone").FillAsync("Mars/Olympus");
        await page.Locator("#calendar-save").ClickAsync();

        await Expect(page.FieldError("week-tuesday-0-to")).ToHaveTextAsync("Интервал должен заканчиваться позже, чем начинается.");
        await Expect(page.Locator("#calendar-error")).ToContainTextAsync("Проверьте отмеченные поля.");
        await Expect(page.FieldError("week-monday-0-to")).ToHaveCountAsync(0);
        await Expect(page.FieldError("calendar-zone")).ToHaveTextAsync("«Mars/Olympus» — неизвестный часовой пояс IANA (например, Europe/Moscow).");
        await tab.ScreenshotAsync("error");
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.SlaCalendars.CountAsync(c => c.Name == name)));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/calendars/new$"));

        // The 24/7 shortcut replaces the week: every day 00:00–24:00; it saves.
        await page.Locator("#calendar-zone").FillAsync("Asia/Novosibirsk");
        await page.Locator("#shortcut-247").ClickAsync();
        await Expect(page.Locator("#week-sunday-0-to")).ToHaveValueAsync("24:00");
        await Expect(page.FieldError("week-tuesday-0-to")).ToHaveCountAsync(0);
        await page.Locator("#calendar-save").ClickAsync();
        await Expect(page.Locator("#calendars-table tbody tr", new() { HasText = name }).Locator(".calendar-days")).ToHaveTextAsync("0");
        var stored = (await okno.App.WithDbAsync(db => db.SlaCalendars.SingleAsync(c => c.Name == name))).Read();
        Assert.All(stored.Week!.Days(), d => Assert.Equal([new IntervalDto("00:00", "24:00")], d.Hours));
        Assert.Equal("Asia/Novosibirsk", stored.TimeZone);

        // Deleted after a confirmation.
        var row = page.Locator("#calendars-table tbody tr", new() { HasText = name });
        await row.Locator("button[id^=calendar-delete-]").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Удалить" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal(0, await okno.App.WithDbAsync(db => db.SlaCalendars.CountAsync(c => c.Name == name)));
    });

    [Fact]
    public Task A_year_is_imported_from_a_csv_file_after_its_diff_is_shown_and_a_bad_line_is_named() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var name = "Import " + Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name, timeZone = "Europe/Moscow",
            week = new { monday = new[] { new { from = "09:00", to = "18:00" } } },
            days = new[]
            {
                new { date = "2026-12-31", kind = "shortened", name = "New Year's Eve" },
                new { date = "2027-01-01", kind = "holiday", name = "Old name" },
                new { date = "2027-03-08", kind = "holiday", name = "Women's Day" },
            },
        });
        var id = calendar.Id();
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/calendars");
        var row = page.Locator("#calendars-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".calendar-days")).ToHaveTextAsync("3");

        await row.Locator($"#calendar-import-{id}").ClickAsync();
        var dialog = page.Locator("#calendar-import-dialog");
        await page.Locator("#import-text").FillAsync("date,kind,name\n2027-01-01,holiday,New Year\n2027-01-4,holiday,Typo\n");
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator("#import-error")).ToContainTextAsync("Line 3 of the file cannot be read.");
        await Expect(page.Locator("#import-apply")).ToBeDisabledAsync();

        var csv = "# 2027, as a file\ndate,kind,name,hours\n2027-01-01,holiday,New Year\n2027-01-04,holiday,New Year holidays\n2027-02-20,working,Worked Saturday,10:00-14:00\n";
        await page.Locator("#import-file input[type=file]").SetInputFilesAsync(new FilePayload { Name = "ru-2027.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(page.Locator("#import-file-name")).ToContainTextAsync("ru-2027.csv");
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToHaveTextAsync("2027: 2 added, 1 changed, 1 removed");
        await Expect(dialog.Locator(".import-added")).ToHaveCountAsync(2);
        await Expect(dialog.Locator(".import-changed .import-before")).ToHaveTextAsync("Holiday · Old name");
        await Expect(dialog.Locator(".import-changed .import-after")).ToHaveTextAsync("Holiday · New Year");
        await Expect(dialog.Locator(".import-removed .import-date")).ToHaveTextAsync("2027-03-08");
        await Expect(dialog.Locator(".import-added", new() { HasText = "2027-02-20" })).ToContainTextAsync("Working · Worked Saturday · 10:00–14:00");
        await tab.ScreenshotAsync("diff");
        // Checking saves nothing.
        Assert.Equal(3, (await okno.App.WithDbAsync(db => db.SlaCalendars.SingleAsync(c => c.Id == id))).Read().Days!.Count);

        await page.Locator("#import-apply").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.Locator(".calendar-days")).ToHaveTextAsync("4");
        var days = (await okno.App.WithDbAsync(db => db.SlaCalendars.SingleAsync(c => c.Id == id))).Read().Days!;
        Assert.Equal(["2026-12-31", "2027-01-01", "2027-01-04", "2027-02-20"], days.Select(d => d.Date));

        // The editor lists the imported days, the worked Saturday with its hours.
        await row.Locator("a[id^=calendar-edit-]").ClickAsync();
        await Expect(page.Locator("#calendar-days-table .calendar-day")).ToHaveCountAsync(4);
        await Expect(page.Locator("#day-3-date")).ToHaveValueAsync("2027-02-20");
        await Expect(page.Locator("#day-3-hours")).ToHaveValueAsync("10:00-14:00");
        await Expect(page.Locator("#day-1-name")).ToHaveValueAsync("New Year");
    });
    [Fact]
    public Task An_ical_file_is_imported_from_the_editor_in_russian() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var name = "iCal " + Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var id = (await admin.PostJsonAsync("/api/v1/calendars", new { name, timeZone = "Europe/Berlin", week = new { }, days = Array.Empty<object>() })).Id();
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/admin/calendars/{id}");
        await Expect(page.Locator("#calendar-days-empty")).ToBeVisibleAsync();

        await page.Locator("#calendar-import").ClickAsync();
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator("#import-error")).ToHaveTextAsync("Сначала выберите файл или вставьте текст.");
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
            "BEGIN:VEVENT\r\nUID:1@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20271224\r\nDTEND;VALUE=DATE:20271227\r\nSUMMARY:Weihnachten\r\nEND:VEVENT\r\n" +
            "END:VCALENDAR\r\n";
        await page.Locator("#import-file input[type=file]").SetInputFilesAsync(new FilePayload { Name = "feiertage.ics", MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes(ics) });
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToHaveTextAsync("2027: добавится 3, изменится 0, удалится 0");
        await Expect(page.Locator("#calendar-import-dialog .import-added").First).ToContainTextAsync("Праздник · Weihnachten");
        await page.Locator("#import-apply").ClickAsync();
        await Expect(page.Locator("#calendar-import-dialog")).ToHaveCountAsync(0);

        // The editor shows the stored days at once.
        await Expect(page.Locator("#calendar-days-table .calendar-day")).ToHaveCountAsync(3);
        await Expect(page.Locator("#day-2-date")).ToHaveValueAsync("2027-12-26");
        await Expect(page.Locator("#calendar-import")).ToBeEnabledAsync();
        Assert.Equal(3, (await okno.App.WithDbAsync(db => db.SlaCalendars.SingleAsync(c => c.Id == id))).Read().Days!.Count);
    });
    [Fact]
    public Task Deleting_a_calendar_a_policy_uses_is_refused_with_the_policy_named() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Занятый " + suffix;
        var admin = await okno.App.AdminClientAsync();
        var id = (await admin.PostJsonAsync("/api/v1/calendars", new { name, timeZone = "UTC", week = new { }, days = Array.Empty<object>() })).Id();
        // A policy no ticket matches (a tag nobody uses), so the shared app's other tickets are not touched.
        var policy = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "VIP " + suffix, calendarId = id,
            targets = new { normal = new { firstResponseMinutes = 60 } },
            conditions = new[] { new { field = "tag", values = new[] { "never-" + suffix } } },
        });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/calendars");
        var row = page.Locator("#calendars-table tbody tr", new() { HasText = name });

        await row.Locator($"#calendar-delete-{id}").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Удалить" }).ClickAsync();
        await Expect(page.Locator("#calendars-error")).ToHaveTextAsync($"Календарь «{name}» используют политики SLA: 'VIP {suffix}'; сначала выберите для них другой календарь.");
        await Expect(row).ToHaveCountAsync(1);
        Assert.Equal(1, await okno.App.WithDbAsync(db => db.SlaCalendars.CountAsync(c => c.Id == id)));

        // Once the policy is gone, the delete goes through.
        (await admin.DeleteAsync($"/api/v1/sla/policies/{policy.Id()}")).EnsureSuccessStatusCode();
        await row.Locator($"#calendar-delete-{id}").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "Удалить" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#calendars-error")).ToHaveCountAsync(0);
    });
}
