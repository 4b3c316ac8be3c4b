using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Okno.Automation.Recurring;
using Okno.Automation.Recurring.Ui;
using Okno.Platform.Web;
using Okno.Sla;

namespace Okno.Tests.Automation.Recurring;

/// <summary>When planned tickets come (issue 16): RRULE expansion in a zone, the move to the next working day of the
/// Russian production calendar (the first working day of January 2026 is the 12th), and what a schedule refuses.</summary>
public sealed class RecurrenceScheduleTests
{
    private static readonly BusinessCalendar Russia = RussianCalendar.Definition().Validate();
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 12, 20, 12, 0, 0, TimeSpan.Zero));

    private static RecurrenceSchedule Schedule(string rule, string start, string zone = "Europe/Moscow", bool shift = false)
    {
        var errors = new FieldErrors();
        var schedule = RecurrenceSchedule.TryCreate(rule, start, zone, shift ? Russia : null, shift, Clock.GetUtcNow(), errors);
        Assert.False(errors.Any, string.Join("; ", Fields(errors).SelectMany(f => f.Value.Select(e => f.Key + ": " + e.Code))));
        return schedule!;
    }

    private static IReadOnlyDictionary<string, FieldError[]> Fields(FieldErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
            return new Dictionary<string, FieldError[]>();
        }
        catch (OknoException e)
        {
            return ((InvalidInput)e.Error).Fields;
        }
    }

    private static string Local(DateTimeOffset at, string zone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd HH:mm ddd", CultureInfo.InvariantCulture);

    [Theory]
    // Every day at 09:00 Moscow time is 06:00 UTC (no daylight saving there).
    [InlineData("FREQ=DAILY", "2026-03-01T09:00", "Europe/Moscow", "2026-03-01 09:00 Sun|2026-03-02 09:00 Mon|2026-03-03 09:00 Tue")]
    [InlineData("FREQ=DAILY;INTERVAL=2", "2026-03-01T09:00", "Europe/Moscow", "2026-03-01 09:00 Sun|2026-03-03 09:00 Tue|2026-03-05 09:00 Thu")]
    // Weekly on Monday and Thursday.
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-01-05T10:30", "Europe/Moscow", "2026-01-05 10:30 Mon|2026-01-08 10:30 Thu|2026-01-12 10:30 Mon|2026-01-15 10:30 Thu")]
    // Every other week on Friday.
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-02T16:00", "Europe/Moscow", "2026-01-02 16:00 Fri|2026-01-16 16:00 Fri|2026-01-30 16:00 Fri")]
    // The 31st skips months that have none.
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T09:00", "Europe/Moscow", "2026-01-31 09:00 Sat|2026-03-31 09:00 Tue|2026-05-31 09:00 Sun")]
    // The first weekday of the month, without a calendar: 1 January is a Thursday.
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-01-01T09:00", "Europe/Moscow", "2026-01-01 09:00 Thu|2026-02-02 09:00 Mon|2026-03-02 09:00 Mon")]
    // The last weekday of the month.
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01T18:00", "Europe/Moscow", "2026-01-30 18:00 Fri|2026-02-27 18:00 Fri|2026-03-31 18:00 Tue")]
    // Yearly on 1 March.
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1", "2026-03-01T08:00", "Europe/Moscow", "2026-03-01 08:00 Sun|2027-03-01 08:00 Mon")]
    // Berlin changes clocks on 29 March 2026: the local time stays 09:00, the instant moves an hour.
    [InlineData("FREQ=DAILY", "2026-03-28T09:00", "Europe/Berlin", "2026-03-28 09:00 Sat|2026-03-29 09:00 Sun|2026-03-30 09:00 Mon")]
    public void The_rule_is_expanded_in_the_schedules_zone(string rule, string start, string zone, string expected)
    {
        var schedule = Schedule(rule, start, zone);
        var want = expected.Split('|');
        var got = schedule.RuleInstants(DateTimeOffset.MinValue).Take(want.Length).ToList();
        Assert.Equal(want, got.Select(i => Local(i, zone)));
        Assert.All(got, i => Assert.Equal(TimeSpan.Zero, i.Offset));
    }

    [Fact]
    public void Daylight_saving_keeps_the_local_time_and_moves_the_instant()
    {
        var got = Schedule("FREQ=DAILY", "2026-03-28T09:00", "Europe/Berlin").RuleInstants(DateTimeOffset.MinValue).Take(2).ToList();
        Assert.Equal([new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero)], got);
    }

    [Theory]
    // The first working day of each month on the Russian calendar: 1–8 January are holidays, 9 January a moved day off,
    // so January's is Monday the 12th; 1 May is a holiday and 2–3 May a weekend, so May's is Monday the 4th.
    [InlineData(2026, 1, "2026-01-12 09:00 Mon")]
    [InlineData(2026, 2, "2026-02-02 09:00 Mon")]
    [InlineData(2026, 3, "2026-03-02 09:00 Mon")]
    [InlineData(2026, 4, "2026-04-01 09:00 Wed")]
    [InlineData(2026, 5, "2026-05-04 09:00 Mon")]
    [InlineData(2026, 6, "2026-06-01 09:00 Mon")]
    public void The_first_working_day_of_the_month_is_the_first_weekday_moved_past_holidays(int year, int month, string expected)
    {
        var schedule = Schedule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-01-01T09:00", shift: true);
        var inMonth = schedule.Occurrences(DateTimeOffset.MinValue)
            .First(o => TimeZoneInfo.ConvertTime(o.OccursAt, schedule.Zone).Month == month && o.OccursAt.Year == year);
        Assert.Equal(expected, Local(inMonth.PlannedAt, "Europe/Moscow"));
        Assert.Equal(month is 1 or 5, inMonth.Moved);
    }

    [Theory]
    // 23 February (a Monday) is a holiday: Tuesday at the same time.
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=23", "2026-02-23T10:00", "2026-02-24 10:00 Tue")]
    // 12 June (a Friday) is a holiday, then a weekend: Monday.
    [InlineData("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=12", "2026-06-12T15:45", "2026-06-15 15:45 Mon")]
    // Saturday 7 March, Sunday 8 March, then 9 March a day off moved from the 8th: Tuesday the 10th.
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=7", "2026-03-07T09:00", "2026-03-10 09:00 Tue")]
    // 30 April is shortened (work ends at 17:00): a working day, so 17:30 stays.
    [InlineData("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30", "2026-04-30T17:30", "2026-04-30 17:30 Thu")]
    // A working day does not move.
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=12", "2026-03-12T09:00", "2026-03-12 09:00 Thu")]
    // Weekly on Saturday: each moves to Monday.
    [InlineData("FREQ=WEEKLY;BYDAY=SA", "2026-01-17T11:00", "2026-01-19 11:00 Mon")]
    public void An_occurrence_on_a_day_off_moves_to_the_next_working_day_at_the_same_time(string rule, string start, string expected)
    {
        var first = Schedule(rule, start, shift: true).Occurrences(DateTimeOffset.MinValue).First();
        Assert.Equal(expected, Local(first.PlannedAt, "Europe/Moscow"));
        Assert.Equal(start.Replace('T', ' '), Local(first.OccursAt, "Europe/Moscow")[..16]);
    }

    [Fact]
    public void Without_the_move_a_holiday_occurrence_stays_on_the_holiday()
    {
        var first = Schedule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=23", "2026-02-23T10:00").Occurrences(DateTimeOffset.MinValue).First();
        Assert.False(first.Moved);
        Assert.Equal("2026-02-23 10:00 Mon", Local(first.PlannedAt, "Europe/Moscow"));
    }

    [Fact]
    public void Next_lists_due_times_soonest_first_after_a_moment_and_leaves_out_handled_instants()
    {
        // Saturday and Sunday both move to Monday at their own times: Sunday 09:00 comes before Saturday 18:00 there.
        var errors = new FieldErrors();
        var schedule = RecurrenceSchedule.TryCreate("FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=18,9;BYMINUTE=0", "2026-01-17T09:00", "Europe/Moscow", Russia, true,
            Clock.GetUtcNow(), errors)!;
        Assert.False(errors.Any);
        var after = new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero);
        var next = schedule.Next(after, 3);
        Assert.Equal(["2026-01-19 09:00 Mon", "2026-01-19 09:00 Mon", "2026-01-19 18:00 Mon"], next.Select(o => Local(o.PlannedAt, "Europe/Moscow")));
        var handled = new HashSet<DateTimeOffset> { next[0].OccursAt };
        Assert.DoesNotContain(next[0].OccursAt, schedule.Next(after, 3, handled).Select(o => o.OccursAt));
    }

    [Theory]
    [InlineData("FREQ=BOGUS", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.InvalidRule)]
    [InlineData("garbage", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.InvalidRule)]
    [InlineData("BYDAY=MO", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.InvalidRule)]
    [InlineData("FREQ=DAILY\nDTSTART:20260101T000000Z", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.InvalidRule)]
    [InlineData("", "2026-01-01T09:00", "Europe/Moscow", false, "rule", ErrorCodes.Required)]
    // More often than every 15 minutes, however it is written.
    [InlineData("FREQ=MINUTELY;INTERVAL=5", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.TooFrequent)]
    [InlineData("FREQ=HOURLY;BYMINUTE=0,10", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.TooFrequent)]
    [InlineData("FREQ=SECONDLY;INTERVAL=3600", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.TooFrequent)]
    // Nothing from now on: used up, or a date that never comes.
    [InlineData("FREQ=DAILY;COUNT=3", "2025-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.RuleNeverOccurs)]
    [InlineData("FREQ=DAILY;UNTIL=20250601T000000Z", "2025-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.RuleNeverOccurs)]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01T09:00", "Europe/Moscow", false, "rule", RecurringErrorCodes.RuleNeverOccurs)]
    [InlineData("FREQ=DAILY", "2026-01-01T09:00", "Mars/Olympus", false, "timeZone", SlaErrorCodes.UnknownTimeZone)]
    [InlineData("FREQ=DAILY", "2026-01-01T09:00", "Russian Standard Time", false, "timeZone", SlaErrorCodes.UnknownTimeZone)]
    [InlineData("FREQ=DAILY", "2026-01-01T09:00", "", false, "timeZone", ErrorCodes.Required)]
    [InlineData("FREQ=DAILY", "2026-13-01T09:00", "Europe/Moscow", false, "start", RecurringErrorCodes.InvalidStart)]
    [InlineData("FREQ=DAILY", "tomorrow", "Europe/Moscow", false, "start", RecurringErrorCodes.InvalidStart)]
    [InlineData("FREQ=DAILY", "2026-01-01 09:00", "Europe/Moscow", false, "start", RecurringErrorCodes.InvalidStart)]
    [InlineData("FREQ=DAILY", "2026-01-01T09:00", "Europe/Moscow", true, "shiftToWorkingDay", RecurringErrorCodes.ShiftNeedsCalendar)]
    public void A_bad_schedule_is_refused_with_a_field_and_a_code(string rule, string start, string zone, bool shiftWithoutCalendar, string field, string code)
    {
        var errors = new FieldErrors();
        Assert.Null(RecurrenceSchedule.TryCreate(rule, start, zone, null, shiftWithoutCalendar, Clock.GetUtcNow(), errors));
        var fields = Fields(errors);
        Assert.True(fields.ContainsKey(field), $"no error on {field}: {string.Join(", ", fields.Keys)}");
        Assert.Contains(code, fields[field].Select(e => e.Code));
    }

    [Theory]
    [InlineData("FREQ=MINUTELY;INTERVAL=15")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("freq=weekly;byday=mo")]
    [InlineData("FREQ=DAILY;COUNT=400")]
    public void Rules_at_the_limits_are_accepted(string rule)
    {
        var errors = new FieldErrors();
        Assert.NotNull(RecurrenceSchedule.TryCreate(rule, "2026-01-01T09:00", "Europe/Moscow", null, false, Clock.GetUtcNow(), errors));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("FREQ=DAILY", BuilderFrequency.Daily)]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", BuilderFrequency.Weekly)]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", BuilderFrequency.Monthly)]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", BuilderFrequency.Monthly)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", BuilderFrequency.Monthly)]
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", BuilderFrequency.Yearly)]
    // What the builder does not write stays a raw rule, so editing never drops a part of it.
    [InlineData("FREQ=DAILY;COUNT=5", BuilderFrequency.Advanced)]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", BuilderFrequency.Advanced)]
    [InlineData("not a rule", BuilderFrequency.Advanced)]
    public void The_builder_reads_back_the_rules_it_writes(string rule, BuilderFrequency frequency)
    {
        var builder = RecurrenceBuilder.Read(rule);
        Assert.Equal(frequency, builder.Frequency);
        Assert.Equal(rule, builder.ToRule());
    }
}
