using Okno.Platform.Web;
using Okno.Sla;

namespace Okno.Tests.Sla;

/// <summary>Business time (issue 15): the shipped Russian 2026 calendar, nights, weekends, holidays, shortened days,
/// lunch breaks, daylight-saving edges, and the laws any business clock must obey.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Russia = RussianCalendar.Definition().Validate();

    private static DateTimeOffset Msk(string local) => DateTimeOffset.Parse(local + "+03:00", System.Globalization.CultureInfo.InvariantCulture);

    private static BusinessCalendar AllDay(string zone) => new CalendarDefinition("24/7", zone,
        new WeekDto([new("00:00", "24:00")], [new("00:00", "24:00")], [new("00:00", "24:00")], [new("00:00", "24:00")],
            [new("00:00", "24:00")], [new("00:00", "24:00")], [new("00:00", "24:00")]), []).Validate();

    [Fact]
    public void The_shipped_2026_calendar_has_the_production_calendars_247_working_days_and_1972_hours()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).ToList();
        Assert.Equal(247, days.Count(d => Russia.HoursOf(d).Count > 0));
        // 247 eight-hour days less an hour on each of the four shortened days.
        Assert.Equal(1972 * 60, Russia.MinutesBetween(Msk("2026-01-01T00:00:00"), Msk("2027-01-01T00:00:00")), 6);
    }

    [Theory]
    // A night and a weekend: Friday 17:30 + 1 h is Monday 09:30.
    [InlineData("2026-03-13T17:30:00", 60, "2026-03-16T09:30:00")]
    // The lunch hour does not count.
    [InlineData("2026-03-16T12:30:00", 60, "2026-03-16T14:30:00")]
    // Before the day starts, work starts at 09:00.
    [InlineData("2026-03-16T07:00:00", 1, "2026-03-16T09:01:00")]
    // A shortened day ends at 17:00; then the May holiday and the weekend.
    [InlineData("2026-04-30T16:30:00", 60, "2026-05-04T09:30:00")]
    // The New Year holidays and the day off moved onto Friday 9 January: the first working minute is on 12 January.
    [InlineData("2026-01-01T00:00:00", 1, "2026-01-12T09:01:00")]
    // Monday 11 May is a day off moved from Saturday 9 May.
    [InlineData("2026-05-08T16:00:00", 120, "2026-05-12T10:00:00")]
    // A whole working week is 40 hours.
    [InlineData("2026-03-16T09:00:00", 40 * 60, "2026-03-20T18:00:00")]
    public void Adding_business_minutes_skips_nights_weekends_lunch_holidays_and_the_shortened_hour(string from, int minutes, string due)
    {
        Assert.Equal(Msk(due), Russia.AddMinutes(Msk(from), minutes));
        Assert.Equal(minutes, Russia.MinutesBetween(Msk(from), Msk(due)), 6);
    }

    [Fact]
    public void A_pause_over_a_night_and_a_holiday_counts_only_working_minutes()
    {
        // Thursday 11 June (shortened, to 17:00) 16:00 → Monday 15 June 10:00: 60 + 60 minutes (12 June is Russia Day).
        Assert.Equal(120, Russia.MinutesBetween(Msk("2026-06-11T16:00:00"), Msk("2026-06-15T10:00:00")), 6);
        Assert.False(Russia.IsWorking(Msk("2026-06-12T11:00:00")));
        Assert.True(Russia.IsWorking(Msk("2026-06-11T16:59:00")));
        Assert.False(Russia.IsWorking(Msk("2026-06-11T17:00:00")));
    }

    [Fact]
    public void Days_when_clocks_change_have_the_real_number_of_minutes()
    {
        var berlin = AllDay("Europe/Berlin");
        var zone = berlin.TimeZone;
        DateTimeOffset Local(int month, int day) { var t = new DateTime(2026, month, day); return new DateTimeOffset(t, zone.GetUtcOffset(t)); }
        Assert.Equal(23 * 60, berlin.MinutesBetween(Local(3, 29), Local(3, 30)), 6);
        Assert.Equal(25 * 60, berlin.MinutesBetween(Local(10, 25), Local(10, 26)), 6);
        Assert.Equal(24 * 60, berlin.MinutesBetween(Local(3, 30), Local(3, 31)), 6);

        // New York springs forward at 02:00 on 8 March 2026: a 01:00–04:00 shift that night is two real hours, and one
        // that starts in the gap (02:30) starts when the clocks say 03:00.
        var shifts = new CalendarDefinition("Nights", "America/New_York", new WeekDto(Sunday: [new("01:00", "04:00")]), []).Validate();
        var before = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(120, shifts.MinutesBetween(before, before.AddHours(12)), 6);
        var gap = new CalendarDefinition("Gap", "America/New_York", new WeekDto(Sunday: [new("02:30", "05:00")]), []).Validate();
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), gap.AddMinutes(before, 0.000001)!.Value.AddTicks(-600));
    }

    [Fact]
    public void Elapsed_business_minutes_never_go_backwards_never_exceed_wall_clock_minutes_and_adding_them_back_agrees()
    {
        var random = new Random(20261205);
        var start = Msk("2026-01-01T00:00:00");
        foreach (var calendar in new[] { Russia, AllDay("Europe/Berlin"), AllDay("America/New_York") })
        {
            for (var i = 0; i < 300; i++)
            {
                var a = start.AddMinutes(random.Next(0, 365 * 24 * 60));
                var b = a.AddMinutes(random.Next(0, 20 * 24 * 60));
                var c = b.AddMinutes(random.Next(0, 5 * 24 * 60));
                var ab = calendar.MinutesBetween(a, b);
                var ac = calendar.MinutesBetween(a, c);
                Assert.InRange(ab, 0, (b - a).TotalMinutes + 1e-6);
                Assert.True(ac >= ab - 1e-6, $"{a} → {b} is {ab}, → {c} is {ac}");
                Assert.Equal(ac, ab + calendar.MinutesBetween(b, c), 6);
                if (ab > 0)
                {
                    var due = calendar.AddMinutes(a, ab)!.Value;
                    Assert.True(due <= b);
                    Assert.Equal(ab, calendar.MinutesBetween(a, due), 6);
                }
            }
        }
    }

    [Fact]
    public void A_bad_calendar_names_each_bad_field()
    {
        var definition = new CalendarDefinition("", "Mars/Olympus",
            new WeekDto(Monday: [new("09:00", "13:00"), new("12:00", "18:00")], Tuesday: [new("18:00", "09:00")], Wednesday: [new("9:00", "25:00")]),
            [new("2026-02-30", "holiday", null), new("2026-05-11", "vacation", null), new("2026-05-12", "holiday", "x", [new("10:00", "12:00")]),
             new("2026-06-01", "moved", null), new("2026-06-01", "moved", null)]);
        var problem = Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(definition.Validate).Error);
        string Code(string field) => problem.Fields[field][0].Code;
        Assert.Equal(ErrorCodes.Required, Code("name"));
        Assert.Equal(SlaErrorCodes.UnknownTimeZone, Code("timeZone"));
        Assert.Equal(SlaErrorCodes.OverlappingIntervals, Code("week.monday"));
        Assert.Equal(SlaErrorCodes.EndBeforeStart, Code("week.tuesday[0].to"));
        Assert.Equal(SlaErrorCodes.InvalidTime, Code("week.wednesday[0].from"));
        Assert.Equal(SlaErrorCodes.InvalidTime, Code("week.wednesday[0].to"));
        Assert.Equal(SlaErrorCodes.InvalidDate, Code("days[0].date"));
        Assert.Equal(SlaErrorCodes.InvalidDayKind, Code("days[1].kind"));
        Assert.Equal(SlaErrorCodes.HoursOnlyForWorking, Code("days[2].hours"));
        Assert.Equal(SlaErrorCodes.DuplicateDate, Code("days[4].date"));
        Assert.False(problem.Fields.ContainsKey("days[3].date"));
    }

    [Fact]
    public void A_worked_saturday_counts_its_own_hours()
    {
        var definition = RussianCalendar.Definition() with
        {
            Days = [new("2026-03-14", "working", "Субботник", [new("10:00", "14:00")])],
        };
        var calendar = definition.Validate();
        Assert.Equal(4 * 60, calendar.MinutesBetween(Msk("2026-03-14T00:00:00"), Msk("2026-03-15T00:00:00")), 6);
    }
}

public sealed class CalendarImportTests
{
    [Fact]
    public void The_shipped_csv_reads_as_the_2026_exceptions()
    {
        var result = CalendarImport.Parse(RussianCalendar.ShippedCsv(2026));
        Assert.Equal(2026, result.Year);
        Assert.Equal(18, result.Days.Count);
        Assert.Equal(4, result.Days.Count(d => d.Kind == CalendarDayKind.Shortened));
        Assert.Equal((CalendarDayKind.Moved, "Перенос с субботы 9 мая (День Победы)"), (result.Days.Single(d => d.Date == new DateOnly(2026, 5, 11)).Kind,
            result.Days.Single(d => d.Date == new DateOnly(2026, 5, 11)).Name));
    }

    [Fact]
    public void A_date_outside_the_files_year_a_bad_line_and_a_missing_header_are_refused_with_the_line()
    {
        var csv = "# 2027\ndate,kind,name\n2027-01-01,holiday,New Year\n2026-12-31,moved,Wrong year\n2027-01-02,party,Bad kind\n2027-01-09,working,Worked,10:00-14:00\n";
        var problem = Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(() => CalendarImport.Parse(csv)).Error);
        var errors = problem.Fields["body"];
        Assert.Contains(errors, e => e.Code == SlaErrorCodes.DateOutsideYear && Equals(e.Parameters["line"], 4));
        Assert.Contains(errors, e => e.Code == SlaErrorCodes.MalformedImport && Equals(e.Parameters["line"], 5));
        Assert.Equal(2, errors.Length);

        var noHeader = Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(() => CalendarImport.Parse("2027-01-01,holiday,x\n")).Error);
        Assert.Equal(SlaErrorCodes.MalformedImport, noHeader.Fields["body"][0].Code);

        var worked = CalendarImport.Parse("date,kind,name,hours\n2027-01-09,working,Worked,10:00-13:00 14:00-16:00\n").Days.Single();
        Assert.Equal([new WorkInterval(600, 780), new WorkInterval(840, 960)], worked.Hours);
    }

    [Fact]
    public void An_ical_file_of_all_day_events_becomes_holidays_and_a_timed_or_broken_one_is_refused()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270103\r\nSUMMARY:Новый год\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270430\r\nCATEGORIES:shortened\r\nSUMMARY:Предпраздничный день\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";
        var result = CalendarImport.Parse(ics);
        Assert.Equal(2027, result.Year);
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), new DateOnly(2027, 4, 30)], result.Days.Select(d => d.Date));
        Assert.Equal(CalendarDayKind.Shortened, result.Days[2].Kind);
        Assert.Equal("Новый год", result.Days[0].Name);

        var timed = ics.Replace("DTSTART;VALUE=DATE:20270430", "DTSTART:20270430T100000Z");
        Assert.Equal(SlaErrorCodes.MalformedImport,
            Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(() => CalendarImport.Parse(timed)).Error).Fields["body"][0].Code);
        var broken = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:notadate\r\nEND:VEVENT\r\n";
        Assert.Equal(SlaErrorCodes.MalformedImport,
            Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(() => CalendarImport.Parse(broken)).Error).Fields["body"][0].Code);
    }
}
