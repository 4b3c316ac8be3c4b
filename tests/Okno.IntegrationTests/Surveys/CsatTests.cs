using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Channels;
using Okno.IntegrationTests.Channels.Telegram;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Surveys;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Surveys;

/// <summary>CSAT surveys on both databases: a resolution schedules one survey, the sender job sends it after the delay as
/// a mail with five one-click links (or, on Telegram, as buttons), a link rates once and reveals only the ticket's
/// reference and subject, a reopened and re-resolved ticket is asked again, a button press records the rating without
/// reopening the ticket, and a low rating reaches the supervisors. Channel jobs are off: the tests send by hand; the
/// ticket event handlers run as in production.</summary>
public sealed partial class CsatTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static OknoFactory App(string provider, FakeTimeProvider? clock = null) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://desk.example.test/" },
            clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));

    private static Task<int> SendDueAsync(OknoFactory app) => app.Services.GetRequiredService<CsatSender>().RunDueAsync(CancellationToken.None);

    /// <summary>Waits until the csat handler has handled every ticket event written so far.</summary>
    private static Task HandledAsync(OknoFactory app) => JobHelpers.UntilAsync(() => app.WithDbAsync(async db =>
    {
        var last = await db.OutboxEvents.Where(e => e.Topic == TicketEventOutbox.Topic).MaxAsync(e => (long?)e.Id) ?? 0;
        var seen = await db.OutboxProgress.AsNoTracking().Where(p => p.Handler == CsatTicketEvents.HandlerName).Select(p => (long?)p.LastEventId).SingleOrDefaultAsync() ?? 0;
        return seen >= last;
    }), 30);

    private static Task<List<CsatSurvey>> SurveysAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.CsatSurveys.AsNoTracking().Where(s => s.TicketId == ticketId).OrderBy(s => s.Id).ToListAsync());

    private static async Task MailboxAsync(HttpClient admin) =>
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support mailbox", settings = new
            {
                imapHost = (string?)null, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = (string?)null, imapPassword = (string?)null,
                imapFolder = "INBOX", smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none", fromName = "Support",
                fromAddress = TestMail.Support, acknowledgeNew = false,
            },
        });

    private static async Task<JsonElement> SettingsAsync(HttpClient admin, int delay, int threshold = 2, object[]? groups = null, object[]? channels = null) =>
        await (await admin.PutAsJsonAsync("/api/v1/surveys/csat/settings", new
        {
            @default = new { enabled = true, delayMinutes = delay, textEn = (string?)null, textRu = (string?)null },
            channels = channels ?? [], groups = groups ?? [], lowRatingThreshold = threshold,
        })).JsonAsync(HttpStatusCode.OK);

    private static Task<ChannelDelivery> SurveyMailAsync(OknoFactory app, long surveyId) =>
        app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().SingleAsync(d => d.DedupeKey == "csat:" + surveyId));

    [GeneratedRegex(@"https://desk\.example\.test/survey/csat/([A-Za-z0-9_-]{43})\?r=(\d)")]
    private static partial Regex SurveyLink();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("(name|value)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    /// <summary>What a browser does with a mail's rating link: GET the page, which posts the rating from its form (by a
    /// script; here by hand, with the form's hidden fields and the antiforgery cookie the client keeps).</summary>
    public static async Task<HttpResponseMessage> RateAsync(HttpClient visitor, string token, int rating)
    {
        var get = await visitor.GetAsync($"/survey/csat/{token}?r={rating}");
        var html = await get.Content.ReadAsStringAsync();
        var start = html.IndexOf("id=\"survey-rate-form\"", StringComparison.Ordinal);
        if (start < 0) return get;
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = InputTag().Matches(form).Select(tag => Attribute().Matches(tag.Value).ToDictionary(a => a.Groups[1].Value, a => System.Net.WebUtility.HtmlDecode(a.Groups[2].Value)))
            .Where(a => a.ContainsKey("name")).Select(a => KeyValuePair.Create(a["name"], a.GetValueOrDefault("value") ?? ""));
        return await visitor.PostAsync($"/survey/csat/{token}?r={rating}", new FormUrlEncodedContent(fields));
    }

    private static string TokenOf(ChannelDelivery mail)
    {
        var links = SurveyLink().Matches(mail.BodyText!);
        Assert.Equal(["5", "4", "3", "2", "1"], links.Select(m => m.Groups[2].Value));
        Assert.Single(links.Select(m => m.Groups[1].Value).Distinct());
        foreach (Match link in links) Assert.Contains(link.Value, mail.BodyHtml!, StringComparison.Ordinal);
        return links[0].Groups[1].Value;
    }

    [Theory]
    [BothDatabases]
    public async Task A_resolution_is_asked_by_mail_after_the_delay_and_its_link_rates_once_revealing_only_reference_and_subject(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        await SettingsAsync(admin, delay: 30);
        var ticket = await admin.CreateTicketAsync("Принтер не печатает", "anna@example.com");
        var ticketId = ticket.Id();
        await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
        await HandledAsync(app);

        var scheduled = Assert.Single(await SurveysAsync(app, ticketId));
        Assert.Equal((CsatStatus.Scheduled, Start.AddMinutes(30), "ru"), (scheduled.Status, scheduled.DueAt, scheduled.Language));
        Assert.Equal(0, await SendDueAsync(app));
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await SendDueAsync(app));
        Assert.Equal(0, await SendDueAsync(app));

        var sent = Assert.Single(await SurveysAsync(app, ticketId));
        Assert.Equal(CsatStatus.Sent, sent.Status);
        var mail = await SurveyMailAsync(app, sent.Id);
        Assert.Equal(("anna@example.com", ticketId), (mail.Recipient, mail.TicketId));
        Assert.Contains("Принтер не печатает", mail.BodyText, StringComparison.Ordinal);
        var token = TokenOf(mail);
        // Only the token's hash is stored.
        Assert.Equal(CsatTokens.Hash(token), sent.TokenHash);
        Assert.DoesNotContain(token, sent.TokenHash!, StringComparison.Ordinal);

        var visitor = app.CreateClient();
        // Opening the link (as a mail scanner does) records nothing: the page posts the rating itself.
        var opened = await (await visitor.GetAsync($"/survey/csat/{token}?r=1")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"survey-rate-form\"", opened, StringComparison.Ordinal);
        Assert.Equal(CsatStatus.Sent, Assert.Single(await SurveysAsync(app, ticketId)).Status);
        var page = await RateAsync(visitor, token, 4);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"survey-rated\"", html, StringComparison.Ordinal);
        Assert.Contains("Принтер не печатает", html, StringComparison.Ordinal);
        var reference = ticket.GetProperty("reference").GetString() is { } r ? TicketReference.Format(r) : "#" + ticket.GetProperty("number").GetInt64();
        Assert.Contains(reference, html, StringComparison.Ordinal);
        // Nothing of the customer, the agents or the conversation.
        foreach (var secret in new[] { "anna@example.com", "Test Customer", "Please help" }) Assert.DoesNotContain(secret, html, StringComparison.Ordinal);

        var again = await (await RateAsync(visitor, token, 1)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"survey-already-rated\"", again, StringComparison.Ordinal);
        var answered = Assert.Single(await SurveysAsync(app, ticketId));
        Assert.Equal((CsatStatus.Answered, 4, clock.GetUtcNow()), (answered.Status, answered.Rating, answered.AnsweredAt));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var answers = scope.ServiceProvider.GetRequiredService<CsatAnswers>();
            Assert.Equal(CsatCommentOutcome.Added, await answers.CommentByTokenAsync(token, "  Быстро и вежливо  ", CancellationToken.None));
            Assert.Equal(CsatCommentOutcome.AlreadyCommented, await answers.CommentByTokenAsync(token, "Ещё раз", CancellationToken.None));
            Assert.Equal(CsatCommentOutcome.NotFound, await answers.CommentByTokenAsync(new string('a', 43), "Чужой", CancellationToken.None));
        }

        // A made-up or mangled token finds nothing and says nothing.
        foreach (var bad in new[] { new string('A', 43), token[..42], "x" })
        {
            var missing = await visitor.GetAsync($"/survey/csat/{bad}?r=5");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var body = await missing.Content.ReadAsStringAsync();
            Assert.Contains("id=\"survey-not-found\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Принтер", body, StringComparison.Ordinal);
        }

        var csat = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}")).GetProperty("csat").EnumerateArray().Single();
        Assert.Equal((4, "Быстро и вежливо", "answered"), (csat.GetProperty("rating").GetInt32(), csat.Str("comment"), csat.Str("status")));
        var list = (await admin.GetJsonAsync("/api/v1/surveys/csat?from=2026-12-01&to=2026-12-31")).Items();
        var item = Assert.Single(list);
        Assert.Equal((ticketId, 4, "api"), (item.GetProperty("ticketId").GetInt64(), item.GetProperty("rating").GetInt32(), item.Str("channel")));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/surveys/csat?from=2026-12-01&to=2026-12-31&rating=5")).Items());
        var problem = await (await admin.GetAsync("/api/v1/surveys/csat?rating=9")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rating"], problem.ErrorFields());
        // A rating of 4 is above the threshold: no supervisor hears of it.
        Assert.Equal(0, await app.WithDbAsync(db => db.AgentNotifications.CountAsync(n => n.Kind == WorkspaceNotificationKinds.CsatLow)));
    }

    [Theory]
    [BothDatabases]
    public async Task A_reopened_ticket_cancels_its_unsent_survey_and_a_re_resolved_one_is_asked_again_while_an_older_answer_still_counts(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var group = await admin.CreateGroupAsync();
        var other = await admin.CreateGroupAsync();
        var (supervisorId, _) = await app.CreateAgentAsync(admin, "supervisor", [group]);
        var (elsewhereId, _) = await app.CreateAgentAsync(admin, "supervisor", [other]);
        // The group's own level (no delay) wins over the default's hour.
        await SettingsAsync(admin, delay: 60, groups: [new { groupId = group, enabled = true, delayMinutes = 0, textEn = "Rate {ticket}, {name}!", textRu = (string?)null }]);
        var ticketId = (await admin.CreateTicketAsync("Printer jam", "boris@example.com", new { groupId = group })).Id();

        // Resolved and reopened before the survey went: it is cancelled.
        var plain = (await admin.CreateTicketAsync("Other question", "vera@example.com")).Id();
        await admin.PatchAsync($"/api/v1/tickets/{plain}", new { status = "resolved" });
        await admin.PatchAsync($"/api/v1/tickets/{plain}", new { status = "open" });
        await HandledAsync(app);
        Assert.Equal(CsatStatus.Cancelled, Assert.Single(await SurveysAsync(app, plain)).Status);

        await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
        await HandledAsync(app);
        Assert.Equal(1, await SendDueAsync(app));
        var first = Assert.Single(await SurveysAsync(app, ticketId));
        var mail = await SurveyMailAsync(app, first.Id);
        Assert.StartsWith("Rate ", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("Test Customer", mail.BodyText, StringComparison.Ordinal);
        var token = TokenOf(mail);

        await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "open" });
        await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
        await HandledAsync(app);
        var both = await SurveysAsync(app, ticketId);
        Assert.Equal([CsatStatus.Sent, CsatStatus.Scheduled], both.Select(s => s.Status));
        Assert.NotEqual(both[0].ResolutionEventId, both[1].ResolutionEventId);

        // The first resolution's link still rates that resolution; a low rating reaches the group's supervisors only.
        Assert.Equal(HttpStatusCode.OK, (await RateAsync(app.CreateClient(), token, 1)).StatusCode);
        both = await SurveysAsync(app, ticketId);
        Assert.Equal((CsatStatus.Answered, 1), (both[0].Status, both[0].Rating));
        Assert.Equal(CsatStatus.Scheduled, both[1].Status);
        var told = await app.WithDbAsync(db => db.AgentNotifications.Where(n => n.Kind == WorkspaceNotificationKinds.CsatLow).ToListAsync());
        var bell = Assert.Single(told);
        Assert.Equal((supervisorId, ticketId, first.Id), (bell.AgentId, bell.TicketId, bell.EventId));
        Assert.NotEqual(elsewhereId, bell.AgentId);

        Assert.Equal(1, await SendDueAsync(app));
        Assert.Equal(CsatStatus.Sent, (await SurveysAsync(app, ticketId))[1].Status);
        var csat = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}")).GetProperty("csat").EnumerateArray().ToList();
        Assert.Equal(["sent", "answered"], csat.Select(c => c.Str("status")));
    }

    [Theory]
    [BothDatabases]
    public async Task Settings_are_checked_saved_whole_and_only_admins_change_them(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var initial = await admin.GetJsonAsync("/api/v1/surveys/csat/settings");
        Assert.False(initial.GetProperty("default").GetProperty("enabled").GetBoolean());
        Assert.Equal(2, initial.GetProperty("lowRatingThreshold").GetInt32());

        var bad = await (await admin.PutAsJsonAsync("/api/v1/surveys/csat/settings", new
        {
            @default = new { enabled = true, delayMinutes = -1, textEn = "Hi {customer}", textRu = (string?)null },
            channels = new[] { new { channel = "Email!", enabled = true, delayMinutes = 5, textEn = (string?)null, textRu = (string?)null } },
            groups = new[] { new { groupId = 999999L, enabled = true, delayMinutes = 5, textEn = (string?)null, textRu = (string?)null } },
            lowRatingThreshold = 7,
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["channels[0].channel", "default.delayMinutes", "default.textEn", "groups[0].groupId", "lowRatingThreshold"], bad.ErrorFields().Order(StringComparer.Ordinal));
        Assert.False((await admin.GetJsonAsync("/api/v1/surveys/csat/settings")).GetProperty("default").GetProperty("enabled").GetBoolean());

        var saved = await SettingsAsync(admin, delay: 15, threshold: 0, groups: [new { groupId = group, enabled = false, delayMinutes = 0, textEn = (string?)null, textRu = "Оцените {ticket}" }],
            channels: [new { channel = "telegram", enabled = true, delayMinutes = 2, textEn = (string?)null, textRu = (string?)null }]);
        var read = await admin.GetJsonAsync("/api/v1/surveys/csat/settings");
        Assert.Equal(saved.ToString(), read.ToString());
        Assert.Equal(0, read.GetProperty("lowRatingThreshold").GetInt32());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<CsatSettings>();
            Assert.Equal(new CsatEffective(true, 2, null, null), await settings.ForAsync(ChannelKind.Telegram, null, CancellationToken.None));
            Assert.Equal(new CsatEffective(false, 0, null, "Оцените {ticket}"), await settings.ForAsync(ChannelKind.Telegram, group, CancellationToken.None));
            Assert.Equal(new CsatEffective(true, 15, null, null), await settings.ForAsync(ChannelKind.Email, null, CancellationToken.None));
        }

        var (_, supervisor) = await app.CreateAgentAsync(admin, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/surveys/csat/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync("/api/v1/surveys/csat/settings", new { })).StatusCode);
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/surveys/csat")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/surveys/csat")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task On_Telegram_the_survey_is_buttons_and_a_press_records_the_rating_without_reopening_the_ticket(string provider)
    {
        await using var app = App(provider);
        await using var fake = await FakeTelegram.StartAsync();
        var admin = await app.AdminClientAsync();
        fake.WebhookClient = app.CreateClient();
        var account = await admin.PostJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Бот поддержки", settings = new { botToken = FakeTelegram.Token, mode = "webhook", apiBaseUrl = fake.BaseUrl },
        });
        Assert.True(account.GetProperty("connection").GetProperty("connected").GetBoolean());
        await SettingsAsync(admin, delay: 0, threshold: 0);

        fake.Push(TelegramFixtures.Text("Не приходит код подтверждения"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        var ticketId = await app.WithDbAsync(db => db.Tickets.Select(t => t.Id).SingleAsync());
        await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
        await HandledAsync(app);
        Assert.Equal(1, await SendDueAsync(app));
        await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

        var survey = Assert.Single(await SurveysAsync(app, ticketId));
        Assert.Equal((CsatStatus.Sent, "ru"), (survey.Status, survey.Language));
        var sent = fake.SentSnapshot().Last();
        Assert.Contains("Не приходит код", sent.Text, StringComparison.Ordinal);
        var keyboard = sent.ReplyMarkup!["inline_keyboard"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"csat:{survey.Id}:{n}"), keyboard.Select(row => row![0]!["callback_data"]!.GetValue<string>()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ChannelDelivery>().CountAsync(d => d.Kind == DeliveryKind.Notification)));

        fake.Push(TelegramFixtures.CallbackQuery($"csat:{survey.Id}:5", "cbq-csat"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);

        var rated = Assert.Single(await SurveysAsync(app, ticketId));
        Assert.Equal((CsatStatus.Answered, 5), (rated.Status, rated.Rating));
        var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}");
        Assert.Equal("resolved", ticket.Str("status"));
        var item = await app.WithDbAsync(db => db.Set<InboundItem>().AsNoTracking().OrderBy(i => i.Id).LastAsync());
        Assert.Equal(InboundStatus.Ignored, item.Status);
        Assert.Contains("satisfaction rating (5 of 5)", item.LastError, StringComparison.Ordinal);
        // No customer message was written: only the survey and the thank-you went out on the ticket.
        var inbound = await app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.In));
        Assert.Equal(1, inbound);

        // A second press of the same survey changes nothing and does not reopen either.
        fake.Push(TelegramFixtures.CallbackQuery($"csat:{survey.Id}:1", "cbq-csat-2"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        Assert.Equal(5, Assert.Single(await SurveysAsync(app, ticketId)).Rating);
        Assert.Equal("resolved", (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}")).Str("status"));
    }
}
