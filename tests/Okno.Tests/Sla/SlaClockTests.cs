using Okno.Sla;

namespace Okno.Tests.Sla;

/// <summary>The SLA clock (issue 15) on the Russian 2026 calendar: each target's start, stop, pause and resume, due
/// times across nights and holidays, warnings and breaches, and that it never runs backwards.</summary>
public sealed class SlaClockTests
{
    private static readonly BusinessCalendar Russia = RussianCalendar.Definition().Validate();
    private static DateTimeOffset Msk(string local) => DateTimeOffset.Parse(local + "+03:00", System.Globalization.CultureInfo.InvariantCulture);
    private static SlaEvent Created(string at) => new(Msk(at), SlaEventKind.Created);
    private static SlaEvent Reply(string at) => new(Msk(at), SlaEventKind.AgentReply);
    private static SlaEvent Customer(string at) => new(Msk(at), SlaEventKind.CustomerMessage);
    private static SlaEvent Note(string at) => new(Msk(at), SlaEventKind.Note);
    private static SlaEvent Status(string at, string status) => new(Msk(at), SlaEventKind.Status, status);

    private static SlaResult Run(SlaTargets targets, string now, params SlaEvent[] events) =>
        SlaClock.Compute(Russia, targets, 80, SlaClock.DefaultPauseStatuses, events, Msk(now));

    [Fact]
    public void A_ticket_written_after_hours_before_the_may_holidays_is_due_on_the_next_working_day()
    {
        // Thursday 30 April is shortened (to 17:00); 1–3 May are off. 240 minutes: Monday 4 May 09:00–13:00.
        var result = Run(new(240, null, null), "2026-05-04T12:00:00", Created("2026-04-30T17:30:00"), Note("2026-05-04T10:00:00"), Reply("2026-05-04T12:00:00"));
        var first = result.FirstResponse!;
        Assert.Equal((SlaState.Met, 180.0, 60.0), (first.State, first.ElapsedMinutes, first.RemainingMinutes));
        Assert.Equal(Msk("2026-05-04T12:00:00"), first.MetAt);
        Assert.Contains(result.Timeline, t => t.What == "note");

        var open = Run(new(240, null, null), "2026-05-04T12:30:00", Created("2026-04-30T17:30:00"), Note("2026-05-04T10:00:00"));
        Assert.Equal((SlaState.Warning, Msk("2026-05-04T13:00:00")), (open.FirstResponse!.State, open.FirstResponse.DueAt));
        Assert.Equal(Msk("2026-05-04T12:12:00"), open.FirstResponse.WarnedAt);
    }

    [Fact]
    public void Resolution_pauses_while_waiting_for_the_customer_and_resumes_when_they_write()
    {
        var events = new[]
        {
            Created("2026-03-16T09:00:00"), Reply("2026-03-16T09:30:00"), Status("2026-03-16T10:00:00", "pending"),
            Customer("2026-03-17T10:00:00"), Status("2026-03-17T12:00:00", "resolved"),
        };
        var paused = Run(new(null, null, 600), "2026-03-17T09:00:00", events);
        Assert.Equal((SlaState.Paused, 60.0, (DateTimeOffset?)null), (paused.Resolution!.State, paused.Resolution.ElapsedMinutes, paused.Resolution.DueAt));
        var done = Run(new(null, null, 600), "2026-03-18T09:00:00", events);
        Assert.Equal((SlaState.Met, 180.0), (done.Resolution!.State, done.Resolution.ElapsedMinutes));
        Assert.Equal(Msk("2026-03-17T12:00:00"), done.Resolution.MetAt);
        Assert.Contains(done.Timeline, t => t is { Target: "resolution", What: "paused", Detail: "pending" });
        Assert.Contains(done.Timeline, t => t.Target == "resolution" && t.What == "resumed" && t.Detail!.Contains("customer wrote"));
    }

    [Fact]
    public void A_reopened_ticket_continues_its_resolution_clock_and_breaches_when_the_total_passes_the_target()
    {
        var result = Run(new(null, null, 90), "2026-03-17T10:00:00",
            Created("2026-03-16T09:00:00"), Status("2026-03-16T10:00:00", "resolved"), Status("2026-03-17T09:00:00", "open"));
        var resolution = result.Resolution!;
        Assert.Equal((SlaState.Breached, 120.0, 0.0), (resolution.State, resolution.ElapsedMinutes, resolution.RemainingMinutes));
        Assert.Equal(Msk("2026-03-17T09:30:00"), resolution.BreachedAt);
        Assert.Null(resolution.MetAt);
        Assert.Contains(result.Timeline, t => t is { Target: "resolution", What: "resumed", Detail: "reopened" });
    }

    [Fact]
    public void Next_response_runs_from_a_waiting_customer_message_to_the_next_public_reply()
    {
        var events = new[]
        {
            Created("2026-03-16T09:00:00"), Reply("2026-03-16T09:30:00"), Customer("2026-03-16T10:00:00"), Note("2026-03-16T10:10:00"),
            Reply("2026-03-16T11:15:00"),
        };
        var waiting = Run(new(null, 30, null), "2026-03-16T11:00:00", events);
        Assert.Equal((SlaState.Breached, Msk("2026-03-16T10:30:00")), (waiting.NextResponse!.State, waiting.NextResponse.BreachedAt));
        var answered = Run(new(null, 30, null), "2026-03-16T12:00:00", events);
        Assert.Equal((SlaState.Missed, 75.0), (answered.NextResponse!.State, answered.NextResponse.ElapsedMinutes));
        // Before the customer wrote again there is nothing to answer.
        Assert.Null(Run(new(null, 30, null), "2026-03-16T09:45:00", events).NextResponse);
    }

    [Fact]
    public void A_status_is_not_an_answer_first_response_keeps_running_while_pending()
    {
        var result = Run(new(60, null, 600), "2026-03-16T11:00:00", Created("2026-03-16T09:00:00"), Status("2026-03-16T09:10:00", "pending"));
        Assert.Equal(SlaState.Breached, result.FirstResponse!.State);
        Assert.Equal((SlaState.Paused, 10.0), (result.Resolution!.State, result.Resolution.ElapsedMinutes));
    }

    [Fact]
    public void Elapsed_minutes_never_go_backwards_as_time_passes_and_never_exceed_the_wall_clock()
    {
        var random = new Random(15);
        var kinds = new[] { "open", "pending", "on_hold", "resolved", "open" };
        for (var run = 0; run < 40; run++)
        {
            var at = Msk("2026-04-27T08:00:00").AddMinutes(random.Next(0, 600));
            var events = new List<SlaEvent> { new(at, SlaEventKind.Created) };
            for (var i = 0; i < 12; i++)
            {
                at = at.AddMinutes(random.Next(1, 2000));
                events.Add(random.Next(4) switch
                {
                    0 => new SlaEvent(at, SlaEventKind.AgentReply),
                    1 => new SlaEvent(at, SlaEventKind.CustomerMessage),
                    2 => new SlaEvent(at, SlaEventKind.Note),
                    _ => new SlaEvent(at, SlaEventKind.Status, kinds[random.Next(kinds.Length)]),
                });
            }
            double last = 0;
            for (var now = events[0].At; now <= at.AddDays(2); now = now.AddMinutes(97))
            {
                var resolution = SlaClock.Compute(Russia, new(60, 30, 600), 80, SlaClock.DefaultPauseStatuses, events, now).Resolution!;
                Assert.True(resolution.ElapsedMinutes >= last - 0.01, $"run {run}: {resolution.ElapsedMinutes} < {last} at {now}");
                Assert.True(resolution.ElapsedMinutes <= (now - events[0].At).TotalMinutes + 0.01);
                last = resolution.ElapsedMinutes;
            }
        }
    }
}
