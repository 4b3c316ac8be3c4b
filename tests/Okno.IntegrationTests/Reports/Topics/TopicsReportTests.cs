using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Reports.Topics;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Reports.Topics;

/// <summary>Top topics: subjects in Russian and English grouped by their word stems whatever the word forms, counted
/// against the previous period, by type and tag too; topic rows kept by the ticket events and refilled by the backfill;
/// exported as CSV; a topic made into a draft bot answer.</summary>
public sealed class TopicsReportTests
{
    [Fact]
    public void Word_forms_and_word_order_make_one_key()
    {
        Assert.Equal(TopicKeys.Of("Не работает принтер"), TopicKeys.Of("Принтеры не работают!"));
        Assert.Equal(TopicKeys.Of("Re: принтер не работает (12345)"), TopicKeys.Of("Не работает принтер"));
        Assert.Equal(TopicKeys.Of("Printer is not working"), TopicKeys.Of("printers not working"));
        Assert.NotEqual(TopicKeys.Of("Printer is not working"), TopicKeys.Of("Не работает принтер"));
        Assert.Equal("", TopicKeys.Of("Re: 12345"));
    }

    [Theory]
    [BothDatabases]
    public async Task Similar_subjects_group_into_topics_with_trend_types_tags_and_examples(string provider)
    {
        var t0 = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        async Task<long> Ticket(string subject, object? extra = null) => (await admin.CreateTicketAsync(subject, extra: extra)).Id();

        await Ticket("Принтер не работает");                                   // the week before
        clock.SetUtcNow(t0.AddDays(7));
        admin = await app.AdminClientAsync();                                 // a week on, the first sign-in has expired
        var a = await Ticket("Не работает принтер", new { tags = new[] { "printer" } });
        var b = await Ticket("Принтеры не работают!", new { tags = new[] { "printer" } });
        var c = await Ticket("=Re: принтер не работает", new { type = "bug" });
        var d = await Ticket("Printer is not working");
        var e = await Ticket("printers not working");
        await Ticket("VPN down");
        await admin.PatchAsync($"/api/v1/tickets/{d}", new { type = "feature_request" });
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db =>
            db.Set<TicketTopic>().CountAsync(t => t.Type == TicketType.FeatureRequest)) == 1);
        Assert.Equal(7, await app.WithDbAsync(db => db.Set<TicketTopic>().CountAsync()));

        var report = await admin.GetJsonAsync("/api/v1/reports/topics?from=2026-12-08&to=2026-12-14");
        Assert.Equal(("2026-12-01", "2026-12-07", 6), (report.Str("previousFrom"), report.Str("previousTo"), report.GetProperty("tickets").GetInt32()));
        var subjects = report.GetProperty("subjects").EnumerateArray().ToList();
        Assert.Equal(2, subjects.Count);
        Assert.Equal((3, 1), (subjects[0].GetProperty("count").GetInt32(), subjects[0].GetProperty("previousCount").GetInt32()));
        Assert.Equal([c, b, a], subjects[0].GetProperty("examples").EnumerateArray().Select(x => x.Id()));
        Assert.Equal("=Re: принтер не работает", subjects[0].Str("label"));
        Assert.Equal((2, 0), (subjects[1].GetProperty("count").GetInt32(), subjects[1].GetProperty("previousCount").GetInt32()));
        Assert.Equal([e, d], subjects[1].GetProperty("examples").EnumerateArray().Select(x => x.Id()));

        var types = report.GetProperty("types").EnumerateArray().ToDictionary(t => t.Str("key"), t => t.GetProperty("count").GetInt32());
        Assert.Equal(7, types.Count);
        Assert.Equal((1, 1, 4), (types["bug"], types["feature_request"], types["question"] + types["incident"] + types["request"] + types["problem"]));
        var tag = Assert.Single(report.GetProperty("tags").EnumerateArray());
        Assert.Equal(("printer", 2), (tag.Str("label"), tag.GetProperty("count").GetInt32()));

        // A row lost (or a ticket from before the handler) is refilled by the backfill, in batches.
        await app.WithDbAsync(db => db.Set<TicketTopic>().Where(t => t.TicketId == a).ExecuteDeleteAsync());
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var (last, added) = await TicketTopicsBackfill.RunBatchAsync(scopes, 0, CancellationToken.None);
        Assert.Equal(1, added);
        Assert.Null((await TicketTopicsBackfill.RunBatchAsync(scopes, last!.Value, CancellationToken.None)).Last);
        Assert.Equal(TopicKeys.Of("Не работает принтер"), await app.WithDbAsync(db => db.Set<TicketTopic>().Where(t => t.TicketId == a).Select(t => t.Key).SingleAsync()));

        var csv = await admin.GetAsync("/api/v1/reports/topics.csv?from=2026-12-08&to=2026-12-14");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("by,key,label,count,previous_count,examples\r\n", text, StringComparison.Ordinal);
        var line = text.Split("\r\n").Single(l => l.StartsWith("subject,", StringComparison.Ordinal) && l.Contains("Re:", StringComparison.Ordinal));
        Assert.Contains("'=Re: принтер не работает", line, StringComparison.Ordinal);   // escaped: a spreadsheet shows it, does not run it
        Assert.Contains(",3,1,", line, StringComparison.Ordinal);
        Assert.DoesNotContain(",=Re", text, StringComparison.Ordinal);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await (await admin.GetAsync("/api/v1/reports/topics.xlsx?from=2026-12-08&to=2026-12-14")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["by", "key", "label", "count", "previous_count", "examples"], sheet[0].Select(c => c.Text));
        Assert.Equal(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, sheet.Count);
        var row = sheet.Single(r => r[0].Text == "subject" && r[2].Text.Contains("Re:", StringComparison.Ordinal));
        Assert.StartsWith("'=Re: принтер не работает", row[2].Text, StringComparison.Ordinal);
        Assert.True(row[3].IsNumber);
        Assert.Equal((3.0, 1.0), (row[3].Number, row[4].Number));

        var bot = await admin.PostJsonAsync("/api/v1/reports/topics/bot-draft", new { question = subjects[1].Str("label") });
        Assert.Equal(("printers not working", false), (bot.Str("name"), bot.GetProperty("enabled").GetBoolean()));
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/reports/topics")).StatusCode);
        var bad = await (await admin.GetAsync("/api/v1/reports/topics?from=2026-01-01&to=2027-06-01")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("team.range_too_long", bad.GetProperty("errorCodes").GetProperty("from")[0].Str("code"));
    }
}
