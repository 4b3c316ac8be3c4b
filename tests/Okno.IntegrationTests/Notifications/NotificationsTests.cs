using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Channels;
using Okno.Channels.Adapters;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Notifications;

/// <summary>Notification mails and the outbox list on both databases: the one delivery queue sends notifications (log
/// adapter, the real SMTP sink), the ticket events queue them once each, mailboxes acknowledge new requests only when
/// told to, agents' switches hold, templates are checked. The channel jobs are off: each test delivers by hand; the
/// ticket event handlers run as in production (after commit, in the background).</summary>
public sealed class NotificationsTests
{
    private static OknoFactory App(string provider) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://desk.example.test/" });

    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    private static object MailboxSettings(string? folder = null, bool acknowledgeNew = false) => new
    {
        imapHost = folder is null ? null : TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none",
        imapUser = folder is null ? null : TestMail.Support, imapPassword = folder is null ? null : TestMail.Password, imapFolder = folder ?? "INBOX",
        smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
        fromName = "Служба поддержки", fromAddress = TestMail.Support, acknowledgeNew,
    };

    private static async Task<long> MailboxAsync(HttpClient admin, object settings, string name = "Support mailbox") =>
        (await admin.PostJsonAsync("/api/v1/channels/email", new { name, settings }, HttpStatusCode.Created)).Id();

    /// <summary>Waits until the notification handler has handled every ticket event written so far.</summary>
    private static Task HandledAsync(OknoFactory app) => JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
    {
        var last = await db.OutboxEvents.Where(e => e.Topic == TicketEventOutbox.Topic).MaxAsync(e => (long?)e.Id) ?? 0;
        var seen = await db.OutboxProgress.AsNoTracking().Where(p => p.Handler == NotifyByMail.HandlerName).Select(p => (long?)p.LastEventId).SingleOrDefaultAsync() ?? 0;
        return seen >= last;
    }), 30);

    private static Task<List<ChannelDelivery>> NotificationsAsync(OknoFactory app) =>
        app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().Where(d => d.Kind == DeliveryKind.Notification).OrderBy(d => d.Id).ToListAsync());

    private static ChannelDelivery Notification(long account, long ticket, string to, string key) =>
        ChannelDelivery.Notification(account, ticket, to, "Subject " + key, "Text " + key, "<p>Text</p>", key, DateTimeOffset.UtcNow);

    [Theory]
    [BothDatabases]
    public async Task A_notification_goes_out_through_the_log_adapter_and_a_failed_one_shows_failed_with_its_error_and_writes_no_note(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var log = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name = "Log", settings = new { label = "ok" } })).Id();
        var broken = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name = "Broken", settings = new { fail = "permanent" } })).Id();
        var ticket = await admin.CreateTicketAsync("Notify me", "anna@example.com");
        await HandledAsync(app);
        var messagesBefore = await app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticket.Id()));

        await app.WithDbAsync(async db =>
        {
            db.Add(Notification(log, ticket.Id(), "Anna@Example.com", "test:ok"));
            db.Add(Notification(broken, ticket.Id(), "boris@example.com", "test:broken"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(2, await DeliverAsync(app));

        var sent = app.Services.GetRequiredService<LogChannelOutbox>().Sent.Single(s => s.Message.RecipientEmail == "anna@example.com").Message;
        Assert.True(sent.IsAutomatic);
        Assert.Equal(("Subject test:ok", "Text test:ok", ticket.GetProperty("number").GetInt64()), (sent.Subject, sent.BodyText, sent.TicketNumber));

        var failed = (await admin.GetJsonAsync("/api/v1/outbox?state=failed")).Items().Single();
        Assert.Equal(("notification", "boris@example.com", "Broken"), (failed.Str("kind"), failed.Str("recipient"), failed.Str("accountName")));
        Assert.Contains("set to fail", failed.Str("lastError"), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        var ok = (await admin.GetJsonAsync("/api/v1/outbox?state=sent")).Items().Single();
        Assert.Equal(("anna@example.com", ticket.Id()), (ok.Str("recipient"), ok.GetProperty("ticketId").GetInt64()));
        Assert.True(ok.TryGetProperty("sentAt", out var sentAt) && sentAt.ValueKind == JsonValueKind.String);
        // No internal note on the ticket for a failed notification (a reply's failure writes one).
        Assert.Equal(messagesBefore, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticket.Id())));
    }

    [Theory]
    [BothDatabases]
    public async Task The_outbox_list_filters_pages_newest_first_refuses_bad_filters_and_is_for_admins_and_supervisors(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var log = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name = "Log", settings = new { label = "ok" } })).Id();
        var first = (await admin.CreateTicketAsync("First")).Id();
        var second = (await admin.CreateTicketAsync("Second")).Id();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++) db.Add(Notification(log, first, "a@example.com", $"first:{i}"));
            for (var i = 0; i < 2; i++) db.Add(Notification(log, second, "b@example.com", $"second:{i}"));
            return await db.SaveChangesAsync();
        });

        var all = (await admin.GetJsonAsync("/api/v1/outbox")).Items();
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(i => i.Id()).OrderDescending(), all.Select(i => i.Id()));
        Assert.All(all, i => Assert.Equal("queued", i.Str("state")));
        Assert.Equal(3, (await admin.GetJsonAsync("/api/v1/outbox?to=A@Example.com")).Items().Count);
        var ofSecond = (await admin.GetJsonAsync($"/api/v1/outbox?ticketId={second}")).Items();
        Assert.Equal(2, ofSecond.Count);
        Assert.All(ofSecond, i => Assert.StartsWith("Subject second:", i.Str("subject"), StringComparison.Ordinal));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/outbox?ticketId={second}&to=a@example.com")).Items());

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync("/api/v1/outbox?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.Items().Select(i => i.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(all.Select(i => i.Id()), seen);

        foreach (var (query, field, code) in new[]
        {
            ("state=lost", "state", "field.not_one_of"), ("limit=0", "limit", "field.out_of_range"), ("ticketId=0", "ticketId", "field.out_of_range"),
            ("cursor=%21%21", "cursor", "field.invalid_cursor"), ("to=" + new string('x', 400), "to", "field.too_long"),
        })
        {
            var problem = await (await admin.GetAsync("/api/v1/outbox?" + query)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal([field], problem.ErrorFields());
            Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty(field)[0].Str("code"));
        }

        var (_, supervisor) = await app.CreateAgentAsync(admin, "supervisor");
        Assert.Equal(5, (await supervisor.GetJsonAsync("/api/v1/outbox")).Items().Count);
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/outbox")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task A_mailbox_that_acknowledges_sends_request_received_over_smtp_an_auto_reply_gets_nothing_and_a_mailbox_that_does_not_sends_nothing(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var account = await MailboxAsync(admin, MailboxSettings(folder, acknowledgeNew: true));
        var customer = $"customer+olga.{Guid.NewGuid():N}@example.test";
        var request = TestMail.Mail(customer, "Ольга <b>", TestMail.Support, "Не работает VPN", "Не могу подключиться.");
        await TestMail.AppendAsync(folder, request);
        var robot = $"robot.{Guid.NewGuid():N}@example.test";
        var autoReply = TestMail.Mail(robot, "Robot", TestMail.Support, "Автоответ: я в отпуске", "Вернусь в понедельник.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        await TestMail.AppendAsync(folder, autoReply);
        // Mail from our own address never becomes a ticket either.
        await TestMail.AppendAsync(folder, TestMail.Mail(TestMail.Support, "Support", TestMail.Support, "Our own copy", "Sent by us."));
        await app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        await HandledAsync(app);

        var queued = Assert.Single(await NotificationsAsync(app));
        Assert.Equal((customer, account, ticket.Id), (queued.Recipient, queued.AccountId, ticket.Id));
        Assert.Equal(1, await DeliverAsync(app));
        var mail = await TestMail.WaitForMailToAsync(customer);
        Assert.Contains("We received your request: Не работает VPN", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"[#{ticket.Number}]", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        // It answers the customer's mail, so their mail program shows it in the thread of the request.
        Assert.Equal(request.MessageId, mail.InReplyTo);
        Assert.Equal(request.MessageId, Assert.Single(mail.References));
        Assert.Contains($"#{ticket.Number}", mail.TextBody, StringComparison.Ordinal);
        // The customer's name is escaped in the HTML part.
        Assert.Contains("Ольга &lt;b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("sent", (await admin.GetJsonAsync($"/api/v1/outbox?ticketId={ticket.Id}")).Items().Single().Str("state"));

        // The same mailbox with acknowledgements off: a new request gets no mail.
        var current = await admin.GetJsonAsync($"/api/v1/channels/{account}");
        Assert.True(current.GetProperty("settings").GetProperty("acknowledgeNew").GetBoolean());
        await (await admin.PutAsJsonAsync($"/api/v1/channels/{account}", new
        {
            name = "Support mailbox", enabled = true, settings = MailboxSettings(folder, acknowledgeNew: false),
        })).JsonAsync(HttpStatusCode.OK);
        var other = $"pavel.{Guid.NewGuid():N}@example.test";
        await TestMail.AppendAsync(folder, TestMail.Mail(other, "Павел", TestMail.Support, "Принтер", "Не печатает."));
        await app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        await HandledAsync(app);
        Assert.Single(await NotificationsAsync(app));
    }

    [Theory]
    [BothDatabases]
    public async Task An_event_handled_twice_queues_one_mail_and_a_non_email_ticket_gets_its_reply_and_resolution_by_mail(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await MailboxAsync(admin, MailboxSettings());
        var customer = $"customer+ivan.{Guid.NewGuid():N}@example.test";
        var ticket = (await admin.CreateTicketAsync("Portal question", customer)).Id();
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "Перезагрузите <роутер>." }, HttpStatusCode.Created);
        await admin.PatchAsync($"/api/v1/tickets/{ticket}", new { status = "resolved" });
        await HandledAsync(app);

        var queued = await NotificationsAsync(app);
        Assert.Equal(2, queued.Count);
        Assert.All(queued, n => Assert.Equal((customer, account), (n.Recipient!, n.AccountId)));
        Assert.StartsWith("Reply to your request: Portal question", queued[0].Subject, StringComparison.Ordinal);
        Assert.Contains("Перезагрузите <роутер>.", queued[0].BodyText, StringComparison.Ordinal);
        Assert.Contains("Перезагрузите &lt;роутер&gt;.", queued[0].BodyHtml, StringComparison.Ordinal);
        Assert.StartsWith("Your request is resolved", queued[1].Subject, StringComparison.Ordinal);

        // The handler sees the same events again (a retry after a crash): nothing more is queued.
        var events = await app.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().Where(e => e.Topic == TicketEventOutbox.Topic).OrderBy(e => e.Id).ToListAsync())
            .Select(TicketEventOutbox.Read).ToList());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<NotifyByMail>();
            foreach (var e in events) await handler.HandleAsync(e, CancellationToken.None);
            foreach (var e in events) await handler.HandleAsync(e, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OknoDb>().SaveChangesAsync();
        }
        Assert.Equal(2, (await NotificationsAsync(app)).Count);

        Assert.Equal(2, await DeliverAsync(app));
        var mail = await TestMail.WaitForMailToAsync(customer);
        Assert.Contains($"[#", mail.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task Agent_notifications_follow_each_agents_switches_and_never_reach_the_agent_who_caused_them(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin, MailboxSettings());
        var group = await admin.CreateGroupAsync();
        var (annaId, anna) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (borisId, boris) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var emails = await app.WithDbAsync(db => db.Agents.Where(a => a.Id == annaId || a.Id == borisId).ToDictionaryAsync(a => a.Id, a => a.Email.ToLowerInvariant()));

        Assert.Equal(JsonValueKind.True, (await boris.GetJsonAsync("/api/v1/me/notifications")).GetProperty("groupTicket").ValueKind);
        var off = await (await boris.PutAsJsonAsync("/api/v1/me/notifications", new { groupTicket = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((false, true, true), (off.GetProperty("groupTicket").GetBoolean(), off.GetProperty("ticketAssigned").GetBoolean(), off.GetProperty("customerReplied").GetBoolean()));

        var ticket = (await admin.CreateTicketAsync("Group ticket", extra: new { groupId = group })).Id();
        await HandledAsync(app);
        var queued = await NotificationsAsync(app);
        var groupMail = Assert.Single(queued);
        Assert.Equal(emails[annaId], groupMail.Recipient);
        Assert.StartsWith("New ticket #", groupMail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://desk.example.test/tickets/{ticket}", groupMail.BodyText, StringComparison.Ordinal);

        // Anna gives the ticket to Boris: he hears of it. Then she takes it herself: nobody does.
        await anna.PatchAsync($"/api/v1/tickets/{ticket}", new { assigneeId = borisId });
        await anna.PatchAsync($"/api/v1/tickets/{ticket}", new { assigneeId = annaId });
        await HandledAsync(app);
        queued = await NotificationsAsync(app);
        Assert.Equal(2, queued.Count);
        Assert.Equal(emails[borisId], queued[1].Recipient);
        Assert.StartsWith($"Ticket #", queued[1].Subject, StringComparison.Ordinal);

        // Boris switches assignments off too: the admin's assignment to him sends nothing.
        await (await boris.PutAsJsonAsync("/api/v1/me/notifications", new { ticketAssigned = false })).JsonAsync(HttpStatusCode.OK);
        await admin.PatchAsync($"/api/v1/tickets/{ticket}", new { assigneeId = borisId });
        await HandledAsync(app);
        Assert.Equal(2, (await NotificationsAsync(app)).Count);
    }

    [Theory]
    [BothDatabases]
    public async Task An_sla_breach_mails_the_assignee_and_on_an_unassigned_ticket_the_groups_supervisors(string provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = OknoFactory.For(provider,
            new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://desk.example.test/" },
            s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin, MailboxSettings());
        var group = await admin.CreateGroupAsync();
        var (annaId, _) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var (olgaId, olga) = await app.CreateAgentAsync(admin, "supervisor", groupIds: [group]);
        var emails = await app.WithDbAsync(db => db.Agents.Where(a => a.Id == annaId || a.Id == olgaId).ToDictionaryAsync(a => a.Id, a => a.Email.ToLowerInvariant()));
        var day = new[] { new { from = "00:00", to = "24:00" } };
        var calendar = await admin.PostJsonAsync("/api/v1/calendars", new
        {
            name = "24/7", timeZone = "Europe/Moscow", days = Array.Empty<object>(),
            week = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day, saturday = day, sunday = day },
        });
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Fast", calendarId = calendar.Id(), isDefault = true, warnAtPercent = 100, targets = new { normal = new { firstResponseMinutes = 10 } },
        });
        // Olga does not want warnings by mail (there are none at 100 %) — breaches she keeps.
        await (await olga.PutAsJsonAsync("/api/v1/me/notifications", new { slaWarning = false })).JsonAsync(HttpStatusCode.OK);
        var mine = (await admin.CreateTicketAsync("Anna's", extra: new { groupId = group })).Id();
        var nobodys = (await admin.CreateTicketAsync("Nobody's", extra: new { groupId = group })).Id();
        await admin.PatchAsync($"/api/v1/tickets/{mine}", new { assigneeId = annaId });
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<Okno.Sla.TicketSla>().CountAsync(s => s.NextCheckAt != null).ContinueWith(t => t.Result == 2)), 20);
        await HandledAsync(app);
        var before = (await NotificationsAsync(app)).Count;

        clock.Advance(TimeSpan.FromMinutes(11));
        await JobHelpers.UntilAsync(async () =>
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await ActivatorUtilities.CreateInstance<Okno.Sla.SlaScan>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            return await app.WithDbAsync(db => db.Set<Okno.Sla.SlaAlert>().CountAsync()) >= 4;
        }, 20);
        await HandledAsync(app);
        var sla = (await NotificationsAsync(app)).Skip(before).Where(n => n.Subject!.StartsWith("SLA", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sla.Count(n => n.Subject!.StartsWith("SLA breached", StringComparison.Ordinal)));
        Assert.Contains(sla, n => n.Recipient == emails[annaId] && n.TicketId == mine && n.Subject!.StartsWith("SLA breached", StringComparison.Ordinal));
        Assert.Contains(sla, n => n.Recipient == emails[olgaId] && n.TicketId == nobodys && n.Subject!.StartsWith("SLA breached", StringComparison.Ordinal));
        // Anna got the warning too; Olga switched hers off.
        Assert.Contains(sla, n => n.Recipient == emails[annaId] && n.Subject!.StartsWith("SLA warning", StringComparison.Ordinal));
        Assert.DoesNotContain(sla, n => n.Recipient == emails[olgaId] && n.Subject!.StartsWith("SLA warning", StringComparison.Ordinal));
        Assert.Contains($"https://desk.example.test/tickets/{mine}", sla.First(n => n.TicketId == mine).BodyText!, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task Templates_are_edited_by_admins_checked_for_unknown_placeholders_and_line_breaks_and_used_in_the_agents_language(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var shipped = await admin.GetJsonAsync("/api/v1/notification-templates/ticket_resolved/ru");
        Assert.Equal((false, "Ваше обращение решено: {ticket.subject}"), (shipped.GetProperty("custom").GetBoolean(), shipped.Str("subject")));
        Assert.Equal(16, (await admin.GetJsonAsync("/api/v1/notification-templates")).Items().Count);

        async Task<JsonElement> Refused(object body, string field)
        {
            var problem = await (await admin.PutAsJsonAsync("/api/v1/notification-templates/ticket_assigned/ru", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal([field], problem.ErrorFields());
            return problem.GetProperty("errorCodes").GetProperty(field)[0];
        }
        var unknown = await Refused(new { subject = "#{ticket.number}", body = "Hi {agent.nmae}" }, "body");
        Assert.Equal(("notification.unknown_placeholder", "{agent.nmae}"), (unknown.Str("code"), unknown.GetProperty("parameters").Str("value")));
        Assert.Equal("field.control_characters", (await Refused(new { subject = "Line\r\nBcc: evil@example.com", body = "x" }, "subject")).Str("code"));
        Assert.Equal("field.required", (await Refused(new { subject = "", body = "x" }, "subject")).Str("code"));
        var missing = await (await admin.GetAsync("/api/v1/notification-templates/nope/ru")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("notification.template_not_found", missing.Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/notification-templates/ticket_assigned/de")).StatusCode);
        var (_, agentClient) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentClient.PutAsJsonAsync("/api/v1/notification-templates/ticket_assigned/ru", new { subject = "x", body = "y" })).StatusCode);

        var saved = await (await admin.PutAsJsonAsync("/api/v1/notification-templates/ticket_assigned/ru", new
        {
            subject = "Вам: {ticket.subject}", body = "Заявка {ticket.number} ваша.",
        })).JsonAsync(HttpStatusCode.OK);
        Assert.True(saved.GetProperty("custom").GetBoolean());

        // An agent whose UI language is Russian gets the Russian template; the rest stays the English default.
        await MailboxAsync(admin, MailboxSettings());
        var (ruId, _) = await app.CreateAgentAsync(admin);
        await app.WithDbAsync(db => db.Agents.Where(a => a.Id == ruId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, "ru")));
        var (enId, _) = await app.CreateAgentAsync(admin);
        var ticket = await admin.CreateTicketAsync("Срочно", extra: new { assigneeId = ruId });
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId = enId });
        await HandledAsync(app);
        var queued = await NotificationsAsync(app);
        Assert.Equal(2, queued.Count);
        Assert.StartsWith("Вам: ", queued[0].Subject, StringComparison.Ordinal);
        Assert.Equal($"Заявка {ticket.GetProperty("number").GetInt64()} ваша.", queued[0].BodyText);
        Assert.StartsWith("Ticket #", queued[1].Subject, StringComparison.Ordinal);
        Assert.All(queued, n => Assert.DoesNotContain('\n', n.Subject!));

        var reset = await (await admin.DeleteAsync("/api/v1/notification-templates/ticket_assigned/ru")).JsonAsync(HttpStatusCode.OK);
        Assert.False(reset.GetProperty("custom").GetBoolean());
    }
}
