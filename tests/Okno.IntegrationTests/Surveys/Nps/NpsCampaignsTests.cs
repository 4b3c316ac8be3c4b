using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Channels;
using Okno.Surveys.Nps;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Surveys.Nps;

/// <summary>NPS campaigns (issue 19) on both databases with the desk's fake clock: segments, the interval across campaigns,
/// one question per person per run however many runs of the job at once, the mail's links, a link that answers once,
/// the score math by hand, and the detractor's follow-up ticket. The channel jobs are off: the sending job is run by hand
/// and its mails are read from the delivery queue.</summary>
public sealed partial class NpsCampaignsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static OknoFactory App(string provider, FakeTimeProvider clock) =>
        OknoFactory.For(provider, new Dictionary<string, string?>
        {
            ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://desk.example.test/",
        }, s => s.AddSingleton<TimeProvider>(clock));

    private static async Task<long> MailboxAsync(HttpClient admin) =>
        (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new
            {
                imapHost = (string?)null, imapPort = 143, imapSecurity = "none", imapUser = (string?)null, imapPassword = (string?)null, imapFolder = "INBOX",
                smtpHost = "127.0.0.1", smtpPort = 2525, smtpSecurity = "none", fromName = "Служба поддержки", fromAddress = "support@desk.example.test",
            },
        })).Id();

    private static async Task<int> RunAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NpsSender>().RunAsync(CancellationToken.None);
    }

    private static async Task<long> ContactAsync(HttpClient admin, string name, long? companyId = null, bool email = true) =>
        (await admin.PostJsonAsync("/api/v1/contacts", new
        {
            name, companyId,
            emails = email ? new[] { $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org" } : [],
            phones = email ? Array.Empty<string>() : ["+7 495 123-45-67"],
        })).Id();

    private static async Task<long> CompanyAsync(HttpClient admin, string name) =>
        (await admin.PostJsonAsync("/api/v1/companies", new { name = name + " " + Guid.NewGuid().ToString("N")[..6] })).Id();

    private static object Campaign(string name, string segment, DateTimeOffset startAt, long[]? companyIds = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, bool autoFollowUp = false) => new
    {
        name, questionRu = "Порекомендуете ли вы нас коллеге?", questionEn = "Would you recommend us to a colleague?", segment, companyIds,
        ticketsFrom = from, ticketsTo = to, schedule = "once", startAt, autoFollowUp,
    };

    private static Task<List<NpsSend>> SendsAsync(OknoFactory app, long campaignId) =>
        app.WithDbAsync(db => db.Set<NpsSend>().AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.ContactId).ToListAsync());

    private static Task<List<ChannelDelivery>> MailsAsync(OknoFactory app) =>
        app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().Where(d => d.DedupeKey!.StartsWith("nps:")).OrderBy(d => d.Id).ToListAsync());

    [GeneratedRegex(@"https://desk\.example\.test/survey/nps/([A-Za-z0-9_-]{43})\?s=(\d+)")]
    private static partial Regex ScoreLink();

    private static Dictionary<int, string> LinksOf(ChannelDelivery mail) =>
        ScoreLink().Matches(mail.BodyText!).ToDictionary(m => int.Parse(m.Groups[2].Value), m => m.Value);

    /// <summary>What a browser does with a mail's score link: GET the page (which records nothing), which posts the
    /// score from its form by a script — here by hand.</summary>
    private static async Task<HttpResponseMessage> ClickAsync(HttpClient visitor, string link)
    {
        var path = link.Replace("https://desk.example.test", "");
        var opened = await visitor.GetAsync(path);
        var html = await opened.Content.ReadAsStringAsync();
        if (!html.Contains("id=\"nps-confirm\"", StringComparison.Ordinal)) return opened;
        var score = path.Split("?s=")[1];
        Assert.Contains($"name=\"s\" value=\"{score}\"", html);
        return await visitor.PostAsync(path.Split('?')[0], new FormUrlEncodedContent([KeyValuePair.Create("s", score)]));
    }

    [Theory]
    [BothDatabases]
    public async Task Segments_pick_companies_contacts_a_periods_customers_or_everyone_with_an_email_and_nobody_twice_within_the_interval(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var alpha = await CompanyAsync(admin, "Alpha");
        var beta = await CompanyAsync(admin, "Beta");
        var anna = await ContactAsync(admin, "Anna", alpha);
        var noMail = await ContactAsync(admin, "Phoneonly", alpha, email: false);
        var boris = await ContactAsync(admin, "Boris", beta);
        // Boris writes on day 1, Vera on day 10: the period [day 0, day 5) holds Boris only.
        clock.Advance(TimeSpan.FromDays(1));
        // Each move of the clock outlives the sign-in.
        admin = await app.AdminClientAsync();
        await admin.CreateTicketAsync("Printer", email: null!, extra: new { customer = new { id = boris } });
        clock.Advance(TimeSpan.FromDays(9));
        admin = await app.AdminClientAsync();
        var vera = (await admin.CreateTicketAsync("Scanner", "vera@example.org")).GetProperty("customer").GetProperty("id").GetInt64();

        var companies = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Alpha", "companies", clock.GetUtcNow(), [alpha]));
        var period = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns",
            Campaign("Early customers", "period", clock.GetUtcNow(), from: Start, to: Start.AddDays(5)));
        Assert.Equal(2, await RunAsync(app));
        Assert.Equal([anna], (await SendsAsync(app, companies.Id())).Select(s => s.ContactId!.Value));
        Assert.Equal([boris], (await SendsAsync(app, period.Id())).Select(s => s.ContactId!.Value));

        // Everyone with an email: Anna and Boris were asked minutes ago by other campaigns, the one without an email never is.
        var all = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Everyone", "all_with_email", clock.GetUtcNow()));
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal([vera], (await SendsAsync(app, all.Id())).Select(s => s.ContactId!.Value));

        // 89 days on, still within the 90-day interval: nobody; 91 days on: all three, once.
        clock.Advance(TimeSpan.FromDays(89));
        admin = await app.AdminClientAsync();
        var again = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Again", "all_with_email", clock.GetUtcNow()));
        Assert.Equal(0, await RunAsync(app));
        var later = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Later", "all_with_email", clock.GetUtcNow().AddDays(2)));
        clock.Advance(TimeSpan.FromDays(2));
        admin = await app.AdminClientAsync();
        Assert.Equal(3, await RunAsync(app));
        Assert.Empty(await SendsAsync(app, again.Id()));
        Assert.Equal(new[] { anna, boris, vera }.Order(), (await SendsAsync(app, later.Id())).Select(s => s.ContactId!.Value));
        Assert.DoesNotContain(noMail, await app.WithDbAsync(db => db.Set<NpsSend>().Select(s => s.ContactId!.Value).ToListAsync()));

        // Each question is its own mail in the delivery queue, to the person's address, about no ticket.
        var mails = await MailsAsync(app);
        Assert.Equal(6, mails.Count);
        Assert.All(mails, m => Assert.Equal((DeliveryKind.Notification, (long?)null, DeliveryStatus.Pending), (m.Kind, m.TicketId, m.Status)));
        var runs = await app.WithDbAsync(db => db.Set<NpsRun>().AsNoTracking().ToListAsync());
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Equal(JsonValueKind.Null, (await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{later.Id()}")).GetProperty("nextRunAt").ValueKind);
    }

    [Theory]
    [BothDatabases]
    public async Task The_job_run_several_times_at_once_asks_each_person_once_per_run_and_two_campaigns_at_once_ask_them_once(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var company = await CompanyAsync(admin, "Many");
        var people = new List<long>();
        for (var i = 0; i < 130; i++) people.Add(await ContactAsync(admin, "P" + i, company));
        var first = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("First", "companies", clock.GetUtcNow(), [company]));
        var second = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Second", "all_with_email", clock.GetUtcNow()));

        await Task.WhenAll(RunAsync(app), RunAsync(app), RunAsync(app), RunAsync(app));
        await RunAsync(app);

        var sends = await app.WithDbAsync(db => db.Set<NpsSend>().AsNoTracking().ToListAsync());
        Assert.Equal(130, sends.Count);
        Assert.Equal(people.Order(), sends.Select(s => s.ContactId!.Value).Order());
        Assert.Equal(130, (await MailsAsync(app)).Count);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<NpsRun>().CountAsync(r => r.FinishedAt != null)));
        Assert.Equal(130, sends.Count(s => s.CampaignId == first.Id()) + sends.Count(s => s.CampaignId == second.Id()));
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_ask_each_person_once()
    {
        var clock = new FakeTimeProvider(Start);
        await using var one = App("postgres", clock);
        await using var two = one.SecondNode();
        var admin = await one.AdminClientAsync();
        await MailboxAsync(admin);
        for (var i = 0; i < 60; i++) await ContactAsync(admin, "N" + i);
        var campaign = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Both", "all_with_email", clock.GetUtcNow()));
        for (var round = 0; round < 2; round++)
            await Task.WhenAll(RunAsync(one), RunAsync(two), RunAsync(one), RunAsync(two));
        var sends = await SendsAsync(one, campaign.Id());
        Assert.Equal(60, sends.Count);
        Assert.Equal(60, sends.Select(s => s.ContactId).Distinct().Count());
        Assert.Equal(1, await one.WithDbAsync(db => db.Set<NpsRun>().CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mail_link_answers_once_in_the_persons_language_and_the_results_are_the_hand_computed_nps(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var company = await CompanyAsync(admin, "Score");
        var people = new List<long>();
        for (var i = 0; i < 11; i++) people.Add(await ContactAsync(admin, "S" + i, company));
        // The twelfth writes in Russian: their question, mail and page are in Russian.
        var russian = (await admin.CreateTicketAsync("Не печатает принтер в бухгалтерии", "olga@example.org",
            new { customer = new { email = "olga@example.org", name = "Ольга Петрова" } })).GetProperty("customer").GetProperty("id").GetInt64();
        await admin.PutAsJsonAsync($"/api/v1/contacts/{russian}", new { name = "Ольга Петрова", companyId = company, emails = new[] { "olga@example.org" } });
        var campaign = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Scores", "companies", clock.GetUtcNow(), [company]));
        Assert.Equal(12, await RunAsync(app));

        var mails = await MailsAsync(app);
        var olgaMail = mails.Single(m => m.Recipient == "olga@example.org");
        Assert.Contains("Порекомендуете ли вы нас коллеге?", olgaMail.BodyText);
        Assert.Contains("Больше не спрашивать", olgaMail.BodyText);
        foreach (var mail in mails)
        {
            var links = LinksOf(mail);
            Assert.Equal(Enumerable.Range(0, 11), links.Keys.Order());
            Assert.Single(links.Values.Select(l => l.Split('?')[0]).Distinct());
            Assert.Contains(links[0].Split('?')[0] + "/unsubscribe", mail.BodyText);
            Assert.Equal(11, Regex.Matches(mail.BodyHtml!, "\\?s=\\d+\"").Count);
        }

        var visitor = app.CreateClient();
        // The Russian page: the question, the desk, the score; nothing of the person.
        var olgaLink = LinksOf(olgaMail)[10];
        // Opening the link (as a mail scanner does) records nothing: the page posts the score itself.
        var opened = await visitor.GetStringAsync(olgaLink.Replace("https://desk.example.test", ""));
        Assert.Contains("id=\"nps-confirm\"", opened);
        Assert.Empty(await app.WithDbAsync(db => db.Set<NpsAnswer>().AsNoTracking().ToListAsync()));
        var page = await (await ClickAsync(visitor, olgaLink)).Content.ReadAsStringAsync();
        Assert.Contains("Порекомендуете ли вы нас коллеге?", page);
        Assert.Contains("Спасибо! Ваша оценка 10 учтена.", page);
        Assert.Contains("lang=\"ru\"", page);
        Assert.DoesNotContain("Ольга", page);
        Assert.DoesNotContain("olga@example.org", page);
        Assert.DoesNotContain("Scores", page);

        // Eight more answers (10 9 9 8 7 6 3 0), three never answer. With Olga's 10: promoters 10, 10, 9, 9 (4), passives 8, 7 (2),
        // detractors 6, 3, 0 (3) of 9 answers: NPS = (4 − 3) / 9 × 100 = 11.1; 9 of 12 answered.
        var scores = new[] { 10, 9, 9, 8, 7, 6, 3, 0 };
        var others = mails.Where(m => m.Recipient != "olga@example.org").ToList();
        for (var i = 0; i < scores.Length; i++)
        {
            var answered = await ClickAsync(visitor, LinksOf(others[i])[scores[i]]);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal("no-referrer", answered.Headers.GetValues("Referrer-Policy").Single());
        }
        // A second click, on another score: already answered, the first score stays.
        var second = await (await ClickAsync(visitor, LinksOf(others[0])[0])).Content.ReadAsStringAsync();
        Assert.Contains("already", second);
        Assert.Contains("(your score: 10)", second);
        // The comment can be added once.
        var path = LinksOf(others[6])[0].Replace("https://desk.example.test", "").Split('?')[0];
        var comment = await visitor.PostAsync(path + "/comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Too slow to answer" }));
        Assert.Contains("Thank you for your comment", await comment.Content.ReadAsStringAsync());
        var again = await visitor.PostAsync(path + "/comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Changed my mind" }));
        Assert.Contains("received already", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/survey/nps/" + new string('A', 43) + "?s=5")).StatusCode);

        var results = await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/results?interval=week");
        var totals = results.GetProperty("totals");
        Assert.Equal((12, 9, 4, 2, 3), (totals.GetProperty("sent").GetInt32(), totals.GetProperty("answered").GetInt32(),
            totals.GetProperty("promoters").GetInt32(), totals.GetProperty("passives").GetInt32(), totals.GetProperty("detractors").GetInt32()));
        Assert.Equal(11.1, totals.GetProperty("nps").GetDouble());
        Assert.Equal(0.75, totals.GetProperty("responseRate").GetDouble());
        var week = results.GetProperty("series").EnumerateArray().Single(p => p.GetProperty("answered").GetInt32() > 0);
        Assert.Equal(("2026-03-02", 9), (week.Str("start"), week.GetProperty("answered").GetInt32()));

        var answers = await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers?withComment=true");
        var commented = answers.Items().Single();
        Assert.Equal(("Too slow to answer", 3, "detractor"), (commented.Str("comment"), commented.GetProperty("score").GetInt32(), commented.Str("category")));
        var stored = await app.WithDbAsync(db => db.Set<NpsAnswer>().AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.All(stored, a => Assert.Equal((campaign.Id(), (long?)company), (a.CampaignId, a.CompanyId)));
        var pageOne = await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers?limit=5");
        var pageTwo = await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers?limit=5&cursor={pageOne.Str("nextCursor")}");
        Assert.Equal(stored.Select(a => a.Id).OrderDescending(), pageOne.Items().Concat(pageTwo.Items()).Select(a => a.Id()));
        Assert.Equal(JsonValueKind.Null, pageTwo.GetProperty("nextCursor").ValueKind);

        // "Don't ask me again": the link asks, the button does it; later campaigns skip the person.
        var unsubscribe = LinksOf(others[8])[0].Replace("https://desk.example.test", "").Split('?')[0] + "/unsubscribe";
        Assert.Contains("nps-unsubscribe", await visitor.GetStringAsync(unsubscribe));
        Assert.Contains("will not ask you again", await (await visitor.PostAsync(unsubscribe, null)).Content.ReadAsStringAsync());
        clock.Advance(TimeSpan.FromDays(100));
        admin = await app.AdminClientAsync();
        var next = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Next", "companies", clock.GetUtcNow(), [company]));
        Assert.Equal(11, await RunAsync(app));
        var unsubscribed = await app.WithDbAsync(db => db.Set<NpsContactState>().Where(s => s.UnsubscribedAt != null).Select(s => s.ContactId).SingleAsync());
        Assert.DoesNotContain(unsubscribed, (await SendsAsync(app, next.Id())).Select(s => s.ContactId!.Value));
    }

    [Theory]
    [BothDatabases]
    public async Task A_detractors_answer_opens_one_follow_up_ticket_by_a_click_or_by_itself(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        await MailboxAsync(admin);
        var (agentId, agent) = await app.CreateAgentAsync(admin);
        var company = await CompanyAsync(admin, "Follow");
        var dora = await ContactAsync(admin, "Dora", company);
        var petr = await ContactAsync(admin, "Petr", company);
        var campaign = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", Campaign("Follow", "companies", clock.GetUtcNow(), [company]));
        await RunAsync(app);
        var visitor = app.CreateClient();
        var mails = await MailsAsync(app);
        async Task AnswerAsync(long contact, int score)
        {
            var send = (await SendsAsync(app, campaign.Id())).Single(s => s.ContactId == contact);
            var mail = mails.Single(m => m.DedupeKey == $"nps:{send.RunId}:{contact}");
            (await ClickAsync(visitor, LinksOf(mail)[score])).EnsureSuccessStatusCode();
        }
        await AnswerAsync(dora, 2);
        await AnswerAsync(petr, 9);
        var answers = (await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers")).Items();
        var doraAnswer = answers.Single(a => a.GetProperty("score").GetInt32() == 2).Id();
        var petrAnswer = answers.Single(a => a.GetProperty("score").GetInt32() == 9).Id();

        var made = await agent.PostJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers/{doraAnswer}/follow-up", new { });
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == made.GetProperty("ticketId").GetInt64()));
        Assert.Equal((dora, (long?)company), (ticket.ContactId, ticket.CompanyId));
        Assert.Contains("NPS 2/10", ticket.Subject);
        var created = await app.WithDbAsync(db => db.TicketEvents.AsNoTracking().Where(h => h.TicketId == ticket.Id).OrderBy(h => h.Id).FirstAsync());
        Assert.Equal((ActorKind.Agent, (long?)agentId), (created.ActorKind, created.ActorId));
        var linked = (await admin.GetJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers?category=detractor")).Items().Single();
        Assert.Equal((ticket.Id, ticket.Number), (linked.GetProperty("followUpTicketId").GetInt64(), linked.GetProperty("followUpTicketNumber").GetInt64()));

        var twice = await (await agent.PostAsJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers/{doraAnswer}/follow-up", new { }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(NpsErrorCodes.FollowUpExists, twice.Str("code"));
        var promoter = await (await agent.PostAsJsonAsync($"/api/v1/surveys/nps/campaigns/{campaign.Id()}/answers/{petrAnswer}/follow-up", new { }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(NpsErrorCodes.NotADetractor, promoter.Str("code"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.Subject.StartsWith("NPS"))));

        // A campaign that does it by itself: the detractor's click opens the ticket, as the system.
        clock.Advance(TimeSpan.FromDays(91));
        admin = await app.AdminClientAsync();
        var auto = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns",
            Campaign("Auto", "companies", clock.GetUtcNow(), [company], autoFollowUp: true));
        await RunAsync(app);
        mails = await MailsAsync(app);
        var doraSend = (await SendsAsync(app, auto.Id())).Single(s => s.ContactId == dora);
        (await ClickAsync(visitor, LinksOf(mails.Single(m => m.DedupeKey == $"nps:{doraSend.RunId}:{dora}"))[5])).EnsureSuccessStatusCode();
        var autoAnswer = await app.WithDbAsync(db => db.Set<NpsAnswer>().AsNoTracking().SingleAsync(a => a.CampaignId == auto.Id()));
        Assert.NotNull(autoAnswer.FollowUpTicketId);
        var autoHistory = await app.WithDbAsync(db => db.TicketEvents.AsNoTracking().Where(h => h.TicketId == autoAnswer.FollowUpTicketId).OrderBy(h => h.Id).FirstAsync());
        Assert.Equal(ActorKind.System, autoHistory.ActorKind);
    }

    [Theory]
    [BothDatabases]
    public async Task Bad_campaigns_and_queries_are_refused_with_codes_and_agents_only_read(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = App(provider, clock);
        var admin = await app.AdminClientAsync();
        var (_, agent) = await app.CreateAgentAsync(admin);
        async Task RefusedAsync(object body, string field, string code)
        {
            var problem = await (await admin.PostAsJsonAsync("/api/v1/surveys/nps/campaigns", body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.Str("code")));
        }
        var now = clock.GetUtcNow();
        await RefusedAsync(new { name = "", questionEn = "Q?", segment = "all_with_email", schedule = "once", startAt = now }, "name", "field.required");
        await RefusedAsync(new { name = "N", segment = "all_with_email", schedule = "once", startAt = now }, "questionEn", "field.required");
        await RefusedAsync(new { name = "N", questionEn = "Q?", segment = "companies", companyIds = new[] { 999_999L }, schedule = "once", startAt = now },
            "companyIds", NpsErrorCodes.CompanyNotFound);
        await RefusedAsync(new { name = "N", questionEn = "Q?", segment = "period", ticketsFrom = now, ticketsTo = now.AddDays(-1), schedule = "once", startAt = now },
            "ticketsTo", NpsErrorCodes.PeriodReversed);
        await RefusedAsync(new { name = "N", questionEn = "Q?", segment = "all_with_email", schedule = "monthly", startAt = now, timeZone = "Mars/Olympus" },
            "timeZone", NpsErrorCodes.UnknownTimeZone);
        await RefusedAsync(new { name = "N", questionEn = "Q?", segment = "all_with_email", schedule = "once" }, "startAt", "field.required");

        var created = await admin.PostJsonAsync("/api/v1/surveys/nps/campaigns", new
        {
            name = "Quarterly", questionEn = "Q?", segment = "all_with_email", schedule = "quarterly", startAt = "2026-01-31T07:00:00Z", timeZone = "Europe/Moscow",
        });
        // The next run at or after now (2 March): 30 April (a quarter after 31 January, on the month's last day), 10:00 Moscow.
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 7, 0, 0, TimeSpan.Zero), created.GetProperty("nextRunAt").GetDateTimeOffset());
        var bad = await (await admin.GetAsync($"/api/v1/surveys/nps/campaigns/{created.Id()}/results?interval=day")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("interval", bad.ErrorFields());
        var reversed = await (await admin.GetAsync($"/api/v1/surveys/nps/campaigns/{created.Id()}/results?from=2026-03-01&to=2026-02-01"))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(NpsErrorCodes.RangeReversed, reversed.GetProperty("errorCodes").GetProperty("from").EnumerateArray().Select(e => e.Str("code")));
        var missing = await (await admin.GetAsync("/api/v1/surveys/nps/campaigns/999999")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(NpsErrorCodes.CampaignNotFound, missing.Str("code"));
        var settings = await (await admin.PutAsJsonAsync("/api/v1/surveys/nps/settings", new { minIntervalDays = 0 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("minIntervalDays", settings.ErrorFields());
        Assert.Equal(90, (await admin.GetJsonAsync("/api/v1/surveys/nps/settings")).GetProperty("minIntervalDays").GetInt32());

        // An agent reads but does not make campaigns.
        Assert.Single((await agent.GetJsonAsync("/api/v1/surveys/nps/campaigns")).Items());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/surveys/nps/campaigns", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/v1/surveys/nps/campaigns/{created.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/surveys/nps/campaigns/{created.Id()}")).StatusCode);
    }
}
