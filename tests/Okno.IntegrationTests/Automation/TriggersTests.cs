using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Automation.Triggers;
using Okno.Testing;
using Okno.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.IntegrationTests.Automation;

/// <summary>Triggers (issue 16) on real tickets: a rule reacts after commit as the automation actor and the history names
/// it; its own changes never start it again; a chain of rules stops at the depth limit; a ticket's automatic emails stop
/// at the hourly limit; the preview shows the open tickets the conditions match.</summary>
public sealed class TriggersTests
{
    [Theory]
    [BothDatabases]
    public async Task A_trigger_acts_on_a_matching_new_ticket_once_and_the_history_names_the_rule(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var billing = await admin.CreateGroupAsync("Billing");
        var trigger = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Payments", events = new[] { "ticket_created" },
            // «оплата» written in another form than the subject's «оплату»: the analyzer's word forms.
            conditions = new[] { new { field = "subject", @operator = "contains", values = new[] { "оплата" } } },
            actions = new object[]
            {
                new { type = "set_priority", value = "urgent" },
                new { type = "add_tags", values = new[] { "billing" } },
                new { type = "set_group", value = billing.ToString() },
                new { type = "add_note", body = "Payment issue #{ticket.number}" },
            },
        });

        var other = await admin.CreateTicketAsync("Printer jammed");
        var paid = await admin.CreateTicketAsync("Не прошла оплату заказа");
        var changed = await UntilAsync(admin, paid.Id(), t => t.Str("priority") == "urgent");
        Assert.Equal(billing, changed.GetProperty("groupId").GetInt64());
        Assert.Contains("billing", changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        // Events are handled in order: the other ticket was judged before, and left alone.
        var untouched = await admin.GetJsonAsync($"/api/v1/tickets/{other.Id()}");
        Assert.Equal("normal", untouched.Str("priority"));
        Assert.Equal(0, untouched.GetProperty("tags").GetArrayLength());

        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{paid.Id()}/history?limit=100")).Items();
        var byRule = history.Where(e => e.GetProperty("actor").Str("kind") == "automation").ToList();
        Assert.Contains(byRule, e => e.Str("field") == "priority" && e.Str("newValue") == "urgent");
        Assert.All(byRule, e => Assert.Equal("Payments", e.GetProperty("actor").Str("name")));
        var notes = await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == paid.Id() && m.IsInternal).Select(m => m.BodyText).ToListAsync());
        Assert.Equal([$"Payment issue #{paid.GetProperty("number").GetInt64()}"], notes.Select(n => n.Trim()));

        var runs = (await admin.GetJsonAsync($"/api/v1/triggers/{trigger.Id()}/runs")).Items();
        var run = Assert.Single(runs);
        Assert.Equal(paid.Id(), run.GetProperty("ticketId").GetInt64());
        Assert.Equal("applied", run.Str("outcome"));
        Assert.Contains("set_priority=urgent", run.GetProperty("summary").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("applied", (await admin.GetJsonAsync($"/api/v1/triggers/{trigger.Id()}")).GetProperty("lastRun").Str("outcome"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_rule_never_reacts_to_its_own_change_and_a_chain_of_rules_stops_at_the_depth_limit(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        // Marks every tag change; its own tag change must not start it again.
        var marker = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Marker", events = new[] { "ticket_updated" },
            conditions = new[] { new { field = "tags", @operator = "changed", values = Array.Empty<string>() } },
            actions = new[] { new { type = "add_tags", values = new[] { "seen" } } },
        });
        // Two rules that undo each other: high → urgent → high → urgent … until the chain is too deep.
        var up = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Up", events = new[] { "ticket_updated" },
            conditions = new[] { new { field = "priority", @operator = "changed_to", values = new[] { "high" } } },
            actions = new[] { new { type = "set_priority", value = "urgent" } },
        });
        var down = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Down", events = new[] { "ticket_updated" },
            conditions = new[] { new { field = "priority", @operator = "changed_to", values = new[] { "urgent" } } },
            actions = new[] { new { type = "set_priority", value = "high" } },
        });

        var ticket = await admin.CreateTicketAsync("Loop");
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { tags = new[] { "x" } });
        await UntilAsync(admin, ticket.Id(), t => t.GetProperty("tags").GetArrayLength() == 2);
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "high" });
        // Person (depth 0) → Up (1) → Down (2) → Up (3) → Down refuses: depth limit.
        await JobHelpers.UntilAsync(async () => (await RunsAsync(app, down.Id())).Any(r => r.Outcome == RunOutcomes.DepthLimit), 30);
        await Task.Delay(500);   // anything more would show by now

        Assert.Equal([RunOutcomes.Applied], (await RunsAsync(app, marker.Id())).Select(r => r.Outcome));
        Assert.Equal([RunOutcomes.Applied, RunOutcomes.Applied], (await RunsAsync(app, up.Id())).Select(r => r.Outcome));
        Assert.Equal([RunOutcomes.Applied, RunOutcomes.DepthLimit], (await RunsAsync(app, down.Id())).Select(r => r.Outcome));
        var final = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("urgent", final.Str("priority"));
        Assert.Equal(["seen", "x"], final.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order());
    }

    [Theory]
    [BothDatabases]
    public async Task A_tickets_automatic_emails_stop_at_the_hourly_limit_and_the_run_says_so(string provider)
    {
        await using var app = OknoFactory.For(provider, new() { ["Okno:Automation:MaxEmailsPerTicketPerHour"] = "2" });
        var admin = await app.AdminClientAsync();
        var rule = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Acknowledge", events = new[] { "ticket_updated" },
            conditions = new[] { new { field = "priority", @operator = "changed", values = Array.Empty<string>() } },
            actions = new[] { new { type = "email_customer", body = "Hello {customer.name}, your request {ticket.number} is now being looked at." } },
        });
        var ticket = await admin.CreateTicketAsync("Loop with another system");
        foreach (var priority in new[] { "high", "low", "urgent" })
        {
            var before = (await RunsAsync(app, rule.Id())).Count;
            await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority });
            await JobHelpers.UntilAsync(async () => (await RunsAsync(app, rule.Id())).Count > before, 30);
        }

        var runs = await RunsAsync(app, rule.Id());
        Assert.Equal([1, 1, 0], runs.Select(r => r.Emails));
        Assert.Equal("email_customer:email_limit", runs[2].Summary);
        var emails = await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == ticket.Id() && m.Direction == MessageDirection.Out && !m.IsInternal)
            .Select(m => new { m.AuthorKind, m.BodyText }).ToListAsync());
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal(ActorKind.Automation, e.AuthorKind));
        Assert.Contains("Test Customer", emails[0].BodyText);
        // A rule's email is not the desk's answer: the ticket is still new, with no first response.
        var after = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("new", after.Str("status"));
    }

    [Theory]
    [BothDatabases]
    public async Task The_preview_lists_the_open_tickets_the_conditions_match_now(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var vpn = await admin.CreateTicketAsync("Нет подключения к VPN", extra: new { priority = "urgent" });
        await admin.CreateTicketAsync("VPN question");
        await admin.CreateTicketAsync("Подключение к принтеру", extra: new { priority = "urgent" });
        var closed = await admin.CreateTicketAsync("Снова нет подключения к VPN", extra: new { priority = "urgent" });
        await admin.PatchAsync($"/api/v1/tickets/{closed.Id()}", new { status = "closed" });

        var preview = await admin.PostJsonAsync("/api/v1/triggers/preview", new
        {
            match = "all",
            conditions = new object[]
            {
                new { field = "priority", @operator = "equals", values = new[] { "urgent" } },
                new { field = "subject", @operator = "contains", values = new[] { "подключение" } },
                new { field = "status", @operator = "changed_to", values = new[] { "open" } },
                new { field = "subject", @operator = "contains", values = new[] { "vpn" } },
            },
        }, HttpStatusCode.OK);
        Assert.Equal([vpn.Id()], preview.GetProperty("tickets").EnumerateArray().Select(t => t.Id()).ToList());
        Assert.Equal(1, preview.GetProperty("matched").GetInt32());
        Assert.True(preview.GetProperty("complete").GetBoolean());
        Assert.Equal([2], preview.GetProperty("ignoredConditions").EnumerateArray().Select(i => i.GetInt32()));
    }

    [Theory]
    [BothDatabases]
    public async Task The_preview_judges_each_ticket_by_its_own_customer_and_company(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var domain = $"romashka-{Guid.NewGuid():N}.example";
        await admin.PostJsonAsync("/api/v1/companies", new { name = "Ромашка", domain });
        var ivan = await admin.CreateTicketAsync("Счёт", extra: new { customer = new { email = $"ivan@{domain}", name = "Иван Петров" } });
        var anna = await admin.CreateTicketAsync("Акт", extra: new { customer = new { email = "anna@other.example", name = "Анна Смирнова" } });
        var oleg = await admin.CreateTicketAsync("Договор", extra: new { customer = new { email = $"oleg@{domain}", name = "Олег Сидоров" } });
        await admin.CreateTicketAsync("Пароль", extra: new { customer = new { email = "petr@mail.example", name = "Пётр Иванов" } });

        // The facts of a page of tickets are read together: each ticket must still be judged by its own.
        async Task<List<long>> MatchedAsync(string match, object[] conditions) =>
            (await admin.PostJsonAsync("/api/v1/triggers/preview", new { match, conditions }, HttpStatusCode.OK))
            .GetProperty("tickets").EnumerateArray().Select(t => t.Id()).Order().ToList();
        Assert.Equal([ivan.Id()], await MatchedAsync("all",
        [
            new { field = "company_name", @operator = "contains", values = new[] { "ромашки" } },
            new { field = "contact_email", @operator = "contains", values = new[] { "@" + domain } },
            new { field = "contact_name", @operator = "not_contains", values = new[] { "сидоров" } },
        ]));
        Assert.Equal(new[] { ivan.Id(), anna.Id(), oleg.Id() }.Order().ToList(), await MatchedAsync("any",
        [
            new { field = "contact_name", @operator = "contains", values = new[] { "смирновой" } },
            new { field = "company_name", @operator = "equals", values = new[] { "ромашка" } },
        ]));
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_run_a_rule_once_per_event()
    {
        await using var a = OknoFactory.Postgres();
        await using var b = a.SecondNode();
        var onA = await a.AdminClientAsync();
        var onB = await b.AdminClientAsync();
        var rule = await onA.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Note every new ticket", events = new[] { "ticket_created", "message_received" },
            actions = new[] { new { type = "add_note", body = "Seen by the rule" } },
        });
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i => (await (i % 2 == 0 ? onA : onB).CreateTicketAsync($"Two nodes {i}")).Id()));

        await JobHelpers.UntilAsync(async () => (await RunsAsync(a, rule.Id())).Count >= ids.Length, 30);
        await Task.Delay(500);
        Assert.Equal(ids.Length, (await RunsAsync(a, rule.Id())).Count);
        var notes = await a.WithDbAsync(db => db.Messages.Where(m => ids.Contains(m.TicketId) && m.IsInternal).GroupBy(m => m.TicketId)
            .Select(g => g.Count()).ToListAsync());
        Assert.Equal(ids.Length, notes.Count);
        Assert.All(notes, n => Assert.Equal(1, n));
    }

    private static async Task<List<AutomationRun>> RunsAsync(OknoFactory app, long ruleId) =>
        await app.WithDbAsync(db => db.Set<AutomationRun>().AsNoTracking().Where(r => r.RuleId == ruleId).OrderBy(r => r.Id).ToListAsync());

    private static async Task<JsonElement> UntilAsync(HttpClient client, long ticketId, Func<JsonElement, bool> reached)
    {
        JsonElement ticket = default;
        await JobHelpers.UntilAsync(async () => reached(ticket = await client.GetJsonAsync($"/api/v1/tickets/{ticketId}")), 30);
        return ticket;
    }
}

/// <summary>Every action of a trigger applied to one ticket as the rule, in order, and what the run says about them.</summary>
public sealed class TriggerActionsTests
{
    [Theory]
    [BothDatabases]
    public async Task Each_action_changes_the_ticket_as_the_rule_and_one_that_cannot_apply_is_named_in_the_run(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var l1 = await admin.CreateGroupAsync("L1");
        var l2 = await admin.CreateGroupAsync("L2");
        var (agentId, _) = await app.CreateAgentAsync(admin, groupIds: [l2]);
        await (await admin.PutAsJsonAsync("/api/v1/lines", new { lines = new[] { new { groupId = l1, kind = "internal" }, new { groupId = l2, kind = "internal" } } }))
            .JsonAsync(HttpStatusCode.OK);
        var reason = await admin.PostJsonAsync("/api/v1/escalation-reasons", new { name = "Нужен доступ к базе" });
        var rule = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Everything", events = new[] { "ticket_created" },
            conditions = new[] { new { field = "tags", @operator = "contains", values = new[] { "route-me" } } },
            actions = new object[]
            {
                new { type = "set_type", value = "incident" },
                new { type = "set_group", value = l1.ToString() },
                new { type = "escalate", value = l2.ToString(), values = new[] { reason.Id().ToString() }, body = "Rule: needs L2" },
                new { type = "set_assignee", value = agentId.ToString() },
                new { type = "remove_tags", values = new[] { "route-me" } },
                new { type = "set_status", value = "pending" },
                new { type = "set_status", value = "new" },
                new { type = "email_agents", value = "assignee", subject = "New: {ticket.subject}", body = "{agent.name}, see {ticket.number}" },
            },
        });

        var ticket = await admin.CreateTicketAsync("Не открывается база", extra: new { tags = new[] { "route-me", "db" } });
        await JobHelpers.UntilAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Str("status") == "pending", 30);
        var after = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("incident", after.Str("type"));
        Assert.Equal(l2, after.GetProperty("groupId").GetInt64());
        Assert.Equal(agentId, after.GetProperty("assigneeId").GetInt64());
        Assert.Equal(["db"], after.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var escalated = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=100")).Items()
            .Single(e => e.Str("kind") == "escalated");
        Assert.Equal("Everything", escalated.GetProperty("actor").Str("name"));
        Assert.Equal("Rule: needs L2", escalated.Str("comment"));

        var run = Assert.Single((await admin.GetJsonAsync($"/api/v1/triggers/{rule.Id()}/runs")).Items());
        var summary = run.GetProperty("summary").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal($"escalate={l2}", summary[2]);
        // Pending cannot go back to new: that action is skipped and named, the rest went on; no mailbox: no email.
        Assert.Equal("set_status:failed:status.illegal_change", summary[6]);
        Assert.Equal("email_agents:no_mailbox", summary[7]);
    }
}

/// <summary>The trigger action "call a webhook" goes through the webhooks' own queue and sender: signed, once per run.</summary>
public sealed class TriggerWebhookTests
{
    [Theory]
    [BothDatabases]
    public async Task A_trigger_calls_a_webhook_once_through_the_signed_delivery_queue(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = OknoFactory.For(provider, new() { ["Okno:Webhooks:RunJobs"] = "false" });
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        // Subscribed to no event of its own: only the rule sends to it.
        var hook = (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "Pager", url = receiver.BaseUrl + "/page", events = Array.Empty<string>() }))
            .GetProperty("webhook").Id();
        var bad = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Page", events = new[] { "ticket_created" }, actions = new[] { new { type = "call_webhook", value = "999999" } },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["actions[0].value"], bad.ErrorFields());
        var rule = await admin.PostJsonAsync("/api/v1/triggers", new
        {
            name = "Page", events = new[] { "ticket_created" },
            conditions = new[] { new { field = "priority", @operator = "equals", values = new[] { "urgent" } } },
            actions = new[] { new { type = "call_webhook", value = hook.ToString() } },
        });

        await admin.CreateTicketAsync("Calm");
        var hot = await admin.CreateTicketAsync("Everything is down", extra: new { priority = "urgent" });
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<AutomationRun>().AnyAsync(r => r.RuleId == rule.Id())), 30);
        Assert.Equal(1, await app.Services.GetRequiredService<Okno.Automation.Webhooks.SendWebhooks>().RunDueAsync(CancellationToken.None));
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("trigger", request.Headers["X-Okno-Event"]);
        Assert.StartsWith("sha256=", request.Headers["X-Okno-Signature"]);
        Assert.Equal(hot.Id(), JsonDocument.Parse(request.Body).RootElement.GetProperty("ticket").Id());
        Assert.Equal([$"call_webhook={hook}"], (await admin.GetJsonAsync($"/api/v1/triggers/{rule.Id()}/runs")).Items().Single()
            .GetProperty("summary").EnumerateArray().Select(s => s.GetString()));
    }
}
