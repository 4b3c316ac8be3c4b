using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Automation.TimeRules;
using Okno.Automation.Triggers;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Automation;

/// <summary>Time rules (issue 16): pending too long → remind, resolved long enough → close, unassigned too long → act,
/// no agent answer for N business hours on a calendar → act; each once per episode of the state, again in a new one.</summary>
public sealed class TimeRulesTests
{
    // Friday 4 December 2026, 14:00 UTC = 17:00 in Moscow.
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothDatabases]
    public async Task Each_rule_acts_once_per_episode_when_its_wait_is_over(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (agentId, _) = await app.CreateAgentAsync(admin);
        var office = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Moscow office", timeZone = "Europe/Moscow",
            week = new
            {
                monday = Nine(), tuesday = Nine(), wednesday = Nine(), thursday = Nine(), friday = Nine(),
                saturday = Array.Empty<object>(), sunday = Array.Empty<object>(),
            },
            days = Array.Empty<object>(),
        });
        var remind = await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "Remind", measure = "status_for", status = "pending", amount = 2, unit = "hours",
            actions = new[] { new { type = "email_customer", body = "Is your question {ticket.number} still open?" } },
        });
        var close = await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "Close", measure = "status_for", status = "resolved", amount = 1, unit = "days",
            actions = new[] { new { type = "set_status", value = "closed" } },
        });
        var unassigned = await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "Nobody", measure = "unassigned_for", amount = 30, unit = "minutes",
            conditions = new[] { new { field = "subject", @operator = "contains", values = new[] { "принтер" } } },
            actions = new[] { new { type = "add_tags", values = new[] { "unassigned" } } },
        });
        var silent = await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "No answer", measure = "awaiting_reply_for", amount = 4, unit = "business_hours", calendarId = office.Id(),
            actions = new[] { new { type = "add_note", body = "No answer for 4 working hours" } },
        });

        var pending = await admin.CreateTicketAsync("Waiting for the customer");
        await admin.PatchAsync($"/api/v1/tickets/{pending.Id()}", new { status = "pending", assigneeId = agentId });
        var resolved = await admin.CreateTicketAsync("Done");
        await admin.PatchAsync($"/api/v1/tickets/{resolved.Id()}", new { status = "resolved", assigneeId = agentId });
        var printer = await admin.CreateTicketAsync("Не печатает принтер");
        var other = await admin.CreateTicketAsync("Нет доступа к почте");
        await admin.PatchAsync($"/api/v1/tickets/{other.Id()}", new { assigneeId = agentId });

        // Friday 17:29 Moscow: nothing is due.
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await ScanAsync(app));
        // 17:31: the printer ticket has been unassigned for 31 minutes (the mail one is assigned; the others are not open-unassigned).
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await ScanAsync(app));
        Assert.Contains("unassigned", await TagsAsync(app, printer.Id()));
        // 19:01: pending for 2 hours — reminded, once however often the scan runs.
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(1, await ScanAsync(app));
        Assert.Equal(0, await ScanAsync(app));
        Assert.Equal(1, await AutomaticEmailsAsync(app, pending.Id()));
        // Saturday 17:01: resolved for a day — closed by the rule, and the history says which.
        clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(1, await ScanAsync(app));
        admin = await app.AdminClientAsync();   // the session from a day ago has lapsed on the fake clock
        var closedTicket = await admin.GetJsonAsync($"/api/v1/tickets/{resolved.Id()}");
        Assert.Equal("closed", closedTicket.Str("status"));
        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{resolved.Id()}/history?limit=100")).Items();
        Assert.Contains(history, e => e.Str("newValue") == "closed" && e.GetProperty("actor").Str("name") == "Close");
        // Monday 11:59 Moscow: the unanswered tickets have waited 1 working hour on Friday and 2:59 today — not yet 4.
        clock.Advance(TimeSpan.FromHours(42) + TimeSpan.FromMinutes(58));
        Assert.Equal(0, await ScanAsync(app));
        // 12:01: 4 working hours — the printer and mail tickets get their note (the pending one waits on the customer).
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await ScanAsync(app));
        Assert.Equal(0, await ScanAsync(app));
        Assert.Equal(1, await NotesAsync(app, printer.Id()));
        Assert.Equal(1, await NotesAsync(app, other.Id()));

        // A new episode: pending again after the customer was answered — reminded again after 2 hours.
        admin = await app.AdminClientAsync();
        await admin.PatchAsync($"/api/v1/tickets/{pending.Id()}", new { status = "open" });
        await admin.PatchAsync($"/api/v1/tickets/{pending.Id()}", new { status = "pending" });
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await ScanAsync(app));
        Assert.Equal(2, await AutomaticEmailsAsync(app, pending.Id()));
        var runs = await app.WithDbAsync(db => db.Set<AutomationRun>().Where(r => r.RuleId == remind.Id()).CountAsync());
        Assert.Equal(2, runs);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AutomationRun>().CountAsync(r => r.RuleId == close.Id())));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AutomationRun>().CountAsync(r => r.RuleId == unassigned.Id())));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<AutomationRun>().CountAsync(r => r.RuleId == silent.Id())));
    }

    [Theory]
    [BothDatabases]
    public async Task A_pass_tags_every_due_ticket_with_a_tag_new_to_the_desk(string provider)
    {
        // The tag does not exist yet: the first ticket of the pass's save creates it, the others must reuse it (before
        // the fix each created it again, the save broke the unique name, and the rule never acted).
        var clock = new FakeTimeProvider(Start);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "Забытые", measure = "unassigned_for", amount = 30, unit = "minutes",
            actions = new[] { new { type = "add_tags", values = new[] { "забыта", "Без Ответа" } } },
        });
        var tickets = new List<long>();
        for (var i = 0; i < 3; i++) tickets.Add((await admin.CreateTicketAsync($"Никто не взял {i}")).Id());
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(3, await ScanAsync(app));
        foreach (var id in tickets) Assert.Equal(["без ответа", "забыта"], (await TagsAsync(app, id)).Order(StringComparer.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tags.CountAsync(t => t.Name == "забыта")));
    }

    [Fact]
    public async Task A_time_rule_is_refused_with_a_change_operator_an_unknown_calendar_or_a_wait_out_of_range()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        var problem = await admin.PostJsonAsync("/api/v1/time-rules", new
        {
            name = "Bad", measure = "status_for", status = "closed", amount = 0, unit = "business_hours", calendarId = 999,
            conditions = new[] { new { field = "priority", @operator = "changed_to", values = new[] { "high" } } },
            actions = new[] { new { type = "set_status", value = "closed" } },
        }, System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "calendarId", "conditions[0].operator", "status"], problem.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal("time_rule.change_operator", problem.GetProperty("errorCodes").GetProperty("conditions[0].operator")[0].Str("code"));
    }

    private static object[] Nine() => [new { from = "09:00", to = "18:00" }];

    private static async Task<int> ScanAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<TimeRuleScan>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private static Task<List<string>> TagsAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.Set<TicketTag>().Where(t => t.TicketId == ticketId).Select(t => t.Tag.Name).ToListAsync());

    private static Task<int> AutomaticEmailsAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticketId && !m.IsInternal && m.AuthorKind == ActorKind.Automation));

    private static Task<int> NotesAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticketId && m.IsInternal && m.AuthorKind == ActorKind.Automation));
}
