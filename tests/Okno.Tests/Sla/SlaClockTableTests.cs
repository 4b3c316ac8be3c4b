using System.Globalization;
using Okno.Sla;

namespace Okno.Tests.Sla;

/// <summary>The SLA clock as a table (issue 15): one life per row — a calendar, targets, what happened and "now" — and
/// what the clock must say. Nights, weekends, the 2026 holidays and shortened days, a lunch break, pauses across nights
/// and holidays, a policy change midway, and daylight-saving changes in Berlin and New York.</summary>
public sealed class SlaClockTableTests
{
    private static readonly BusinessCalendar Russia = RussianCalendar.Definition().Validate();

    private static BusinessCalendar AroundTheClock(string zone)
    {
        var day = new List<IntervalDto> { new("00:00", "24:00") };
        return new CalendarDefinition("24/7", zone, new WeekDto(day, day, day, day, day, day, day), []).Validate();
    }

    private static BusinessCalendar NineToSix(string zone)
    {
        var day = new List<IntervalDto> { new("09:00", "18:00") };
        return new CalendarDefinition("9-18", zone, new WeekDto(day, day, day, day, day, [], []), []).Validate();
    }

    private static readonly Dictionary<string, BusinessCalendar> Calendars = new()
    {
        ["russia"] = Russia,
        ["berlin-24/7"] = AroundTheClock("Europe/Berlin"),
        ["new-york-24/7"] = AroundTheClock("America/New_York"),
        ["new-york-9-18"] = NineToSix("America/New_York"),
    };

    /// <summary>An instant with its offset: "2026-03-16T17:30+03:00".</summary>
    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>"c@…" created, "r@…" agent reply, "m@…" customer message, "n@…" note, "pending@…" a status change.</summary>
    private static SlaEvent Event(string text)
    {
        var (what, at) = (text[..text.IndexOf('@')], At(text[(text.IndexOf('@') + 1)..]));
        return what switch
        {
            "c" => new SlaEvent(at, SlaEventKind.Created),
            "r" => new SlaEvent(at, SlaEventKind.AgentReply),
            "m" => new SlaEvent(at, SlaEventKind.CustomerMessage),
            "n" => new SlaEvent(at, SlaEventKind.Note),
            _ => new SlaEvent(at, SlaEventKind.Status, what),
        };
    }

    public static TheoryData<string, string, string, int?, int?, string, string?, double, string> Lives => new()
    {
        // case, calendar, events, first response minutes, resolution minutes, now, expected due, expected elapsed, expected state
        // (the target checked is first response when it is given, else resolution)
        { "night: 30 minutes Monday evening, 30 Tuesday morning", "russia", "c@2026-03-16T17:30+03:00", 60, null, "2026-03-17T09:10+03:00", "2026-03-17T09:30+03:00", 40, "Running" },
        { "night, later: past 80 % it warns", "russia", "c@2026-03-16T17:30+03:00", 60, null, "2026-03-17T09:20+03:00", "2026-03-17T09:30+03:00", 50, "Warning" },
        { "weekend: Friday's last hour, then Monday", "russia", "c@2026-03-20T17:00+03:00", 120, null, "2026-03-21T12:00+03:00", "2026-03-23T10:00+03:00", 60, "Running" },
        { "written on the new-year holidays: the clock starts on the first working day", "russia", "c@2026-01-03T11:00+03:00", 60, null, "2026-01-12T09:30+03:00", "2026-01-12T10:00+03:00", 30, "Running" },
        { "a moved day off (9 January) counts nothing; the clock runs on past the due time", "russia", "c@2026-01-09T10:00+03:00", 60, null, "2026-01-12T12:00+03:00", "2026-01-12T10:00+03:00", 180, "Breached" },
        { "Defender of the Fatherland Day (23 February) is off", "russia", "c@2026-02-20T17:30+03:00", 90, null, "2026-02-24T10:00+03:00", "2026-02-24T10:00+03:00", 90, "Breached" },
        { "a shortened day ends at 17:00", "russia", "c@2026-11-03T16:30+03:00", 60, null, "2026-11-05T09:00+03:00", "2026-11-05T09:30+03:00", 30, "Running" },
        { "lunch 13:00-14:00 does not count", "russia", "c@2026-03-18T12:30+03:00", 60, null, "2026-03-18T14:10+03:00", "2026-03-18T14:30+03:00", 40, "Running" },
        { "met in time across lunch", "russia", "c@2026-03-18T12:30+03:00|r@2026-03-18T14:20+03:00", 60, null, "2026-03-18T16:00+03:00", "2026-03-18T14:30+03:00", 50, "Met" },
        { "met late: missed", "russia", "c@2026-03-18T09:00+03:00|r@2026-03-18T11:00+03:00", 60, null, "2026-03-18T16:00+03:00", "2026-03-18T10:00+03:00", 120, "Missed" },
        { "a note is no answer", "russia", "c@2026-03-18T09:00+03:00|n@2026-03-18T09:10+03:00", 60, null, "2026-03-18T09:30+03:00", "2026-03-18T10:00+03:00", 30, "Running" },
        {
            "a pause over the May holidays: 60 minutes before, 120 after", "russia",
            "c@2026-04-30T10:00+03:00|r@2026-04-30T10:30+03:00|pending@2026-04-30T11:00+03:00|m@2026-05-04T10:00+03:00", null, 600,
            "2026-05-04T12:00+03:00", "2026-05-05T11:00+03:00", 180, "Running"
        },
        {
            "paused overnight while on hold: no due time while paused", "russia",
            "c@2026-03-16T09:00+03:00|r@2026-03-16T09:05+03:00|on_hold@2026-03-16T17:00+03:00", null, 600,
            "2026-03-17T12:00+03:00", null, 420, "Paused"
        },
        {
            "resolved then reopened: the clock continues, it does not restart", "russia",
            "c@2026-03-16T09:00+03:00|r@2026-03-16T09:05+03:00|resolved@2026-03-16T10:00+03:00|m@2026-03-17T09:00+03:00", null, 120,
            "2026-03-17T09:30+03:00", "2026-03-17T10:00+03:00", 90, "Running"
        },
        // Berlin springs forward on 29 March 2026 at 02:00 (to 03:00): a 24/7 clock counts the real 3 hours, not 4 on the dial.
        { "Berlin, spring forward", "berlin-24/7", "c@2026-03-29T01:00+01:00", 180, null, "2026-03-29T03:30+02:00", "2026-03-29T05:00+02:00", 90, "Running" },
        // New York falls back on 1 November 2026 at 02:00 (to 01:00): the repeated hour is counted once per real hour.
        { "New York, fall back", "new-york-24/7", "c@2026-11-01T00:30-04:00", 120, null, "2026-11-01T01:15-05:00", "2026-11-01T01:30-05:00", 105, "Warning" },
        // New York's office hours stay 09:00–18:00 local on both sides of the change (EDT −4, then EST −5).
        { "New York office hours across the change", "new-york-9-18", "c@2026-10-30T17:00-04:00", 120, null, "2026-11-02T09:30-05:00", "2026-11-02T10:00-05:00", 90, "Running" },
    };

    [Theory]
    [MemberData(nameof(Lives))]
    public void The_clock_says_for_each_life(string @case, string calendar, string events, int? firstResponse, int? resolution, string now,
        string? due, double elapsed, string state)
    {
        var result = SlaClock.Compute(Calendars[calendar], new SlaTargets(firstResponse, null, resolution), 80, SlaClock.DefaultPauseStatuses,
            events.Split('|').Select(Event).ToList(), At(now));
        var target = firstResponse is not null ? result.FirstResponse! : result.Resolution!;
        Assert.True((due is null ? null : At(due)) == target.DueAt, $"{@case}: due {target.DueAt:O}, expected {due}");
        Assert.True(Math.Abs(elapsed - target.ElapsedMinutes) < 0.01, $"{@case}: elapsed {target.ElapsedMinutes}, expected {elapsed}");
        Assert.True(state == target.State.ToString(), $"{@case}: state {target.State}, expected {state}");
    }

    [Fact]
    public void A_policy_change_midway_recomputes_from_the_history_and_puts_a_breach_where_the_new_target_ran_out()
    {
        var life = new[] { Event("c@2026-03-16T09:00+03:00"), Event("n@2026-03-16T10:30+03:00") };
        var now = At("2026-03-16T11:00+03:00");
        var before = SlaClock.Compute(Russia, new SlaTargets(240, null, null), 80, SlaClock.DefaultPauseStatuses, life, now).FirstResponse!;
        Assert.Equal((SlaState.Running, At("2026-03-16T13:00+03:00")), (before.State, before.DueAt));
        // The stricter policy: 60 minutes. Two hours have gone: breached since 10:00, which the timeline says.
        var after = SlaClock.Compute(Russia, new SlaTargets(60, null, null), 80, SlaClock.DefaultPauseStatuses, life, now);
        Assert.Equal((SlaState.Breached, At("2026-03-16T10:00+03:00"), At("2026-03-16T09:48+03:00")),
            (after.FirstResponse!.State, after.FirstResponse.BreachedAt, after.FirstResponse.WarnedAt));
        Assert.Contains(after.Timeline, t => t.What == "breached" && t.At == At("2026-03-16T10:00+03:00"));
        // And a looser one: still running, due later, nothing crossed.
        var looser = SlaClock.Compute(Russia, new SlaTargets(480, null, null), 80, SlaClock.DefaultPauseStatuses, life, now).FirstResponse!;
        Assert.Equal((SlaState.Running, (DateTimeOffset?)null), (looser.State, looser.WarnedAt));
        Assert.Equal(At("2026-03-16T18:00+03:00"), looser.DueAt);
    }

    [Fact]
    public void The_warning_instant_is_projected_while_running_and_absent_while_paused()
    {
        var running = SlaClock.Compute(Russia, new SlaTargets(100, null, null), 50, SlaClock.DefaultPauseStatuses,
            [Event("c@2026-03-16T09:00+03:00")], At("2026-03-16T09:20+03:00")).FirstResponse!;
        Assert.Equal(At("2026-03-16T09:50+03:00"), running.WarnAt);
        Assert.Null(running.WarnedAt);
        Assert.Equal(At("2026-03-16T09:00+03:00"), running.StartedAt);
        var paused = SlaClock.Compute(Russia, new SlaTargets(null, null, 600), 50, SlaClock.DefaultPauseStatuses,
            [Event("c@2026-03-16T09:00+03:00"), Event("pending@2026-03-16T10:00+03:00")], At("2026-03-16T11:00+03:00")).Resolution!;
        Assert.Equal((SlaState.Paused, (DateTimeOffset?)null), (paused.State, paused.WarnAt));
    }
}
