using Okno.Knowledge.HelpCenter;
using Okno.Testing;

namespace Okno.IntegrationTests.Reports;

/// <summary>The search report's grouped queries give the same answer on SQLite and PostgreSQL, including the
/// 10-minute reformulation window, the range bounds and days without visits.</summary>
public sealed class KbSearchReportStorageTests
{
    [Theory]
    [BothDatabases]
    public async Task Report_sections_count_alike(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });
        var article = await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Принтер не печатает", body = "Кабель.", visibility = "public",
        });
        var translationId = await app.WithDbAsync(db => Task.FromResult(db.Set<Okno.Knowledge.ArticleTranslation>().Single(t => t.ArticleId == article.Id()).Id));
        // The drill-down names only tickets that exist and the caller may see: visit "a" opened a real one.
        var openedTicket = (await admin.CreateTicketAsync("Принтер не печатает", "printer@example.com")).Id();
        var day = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            HelpSearch Search(string visit, string q, int results, DateTimeOffset at) =>
                new() { VisitId = visit, Query = q, NormalizedQuery = q, Language = "ru", ResultCount = results, At = at };
            var a1 = Search("a", "принтер", 3, day);
            db.AddRange(a1, Search("a", "картридж", 0, day.AddMinutes(5)),              // reformulation within 10 minutes
                Search("b", "принтер", 1, day.AddHours(1)), Search("b", "сканер", 0, day.AddHours(1).AddMinutes(11)), // too late
                Search("c", "сканер", 0, day.AddDays(1)),
                Search("d", "принтер", 2, day.AddDays(-30)));                           // outside the range
            await db.SaveChangesAsync();
            db.AddRange(
                new HelpVisitEvent { VisitId = "a", Kind = HelpVisitEventKind.ArticleOpened, ArticleId = article.Id(), TranslationId = translationId, SearchId = a1.Id, At = day.AddMinutes(1) },
                new HelpVisitEvent { VisitId = "a", Kind = HelpVisitEventKind.TicketCreated, TicketId = openedTicket, At = day.AddMinutes(20) },
                new HelpVisitEvent { VisitId = "c", Kind = HelpVisitEventKind.TicketCreated, TicketId = 778, At = day.AddDays(1).AddMinutes(3) },
                new ArticleFeedback { ArticleId = article.Id(), TranslationId = translationId, Helpful = false, Comment = "старый", VisitId = "a", At = day.AddMinutes(2) },
                new ArticleFeedback { ArticleId = article.Id(), TranslationId = translationId, Helpful = false, Comment = "новый", VisitId = "b", At = day.AddHours(2) },
                new ArticleFeedback { ArticleId = article.Id(), TranslationId = translationId, Helpful = true, VisitId = "c", At = day.AddDays(1) });
            return await db.SaveChangesAsync();
        });

        var report = await admin.GetJsonAsync("/api/v1/reports/kb-search?from=2026-03-01&to=2026-03-15");
        Assert.Equal([("принтер", 2, 2, 2.0), ("сканер", 2, 2, 0.0), ("картридж", 1, 1, 0.0)], report.GetProperty("topQueries").EnumerateArray()
            .Select(r => (r.Str("normalizedQuery"), r.GetProperty("searches").GetInt32(), r.GetProperty("visits").GetInt32(), r.GetProperty("averageResults").GetDouble())));
        Assert.Equal(["сканер", "картридж"], report.GetProperty("noResults").EnumerateArray().Select(r => r.Str("normalizedQuery")));
        // Each row also names what visitors typed (here typed as stored).
        Assert.All(report.GetProperty("topQueries").EnumerateArray(), r => Assert.Equal(r.Str("normalizedQuery"), r.Str("query")));
        Assert.Equal([("картридж", 1), ("принтер", 1), ("сканер", 1)], report.GetProperty("failedSelfService").EnumerateArray()
            .Select(r => (r.Str("normalizedQuery"), r.GetProperty("visits").GetInt32())));
        var chain = Assert.Single(report.GetProperty("reformulations").EnumerateArray());
        Assert.Equal(("принтер", "картридж", 1), (chain.Str("normalizedQuery"), chain.Str("nextNormalizedQuery"), chain.GetProperty("count").GetInt32()));
        var opened = Assert.Single(report.GetProperty("openedBeforeTicket").EnumerateArray());
        Assert.Equal((article.Id(), 1), (opened.GetProperty("articleId").GetInt64(), opened.GetProperty("visits").GetInt32()));
        var notHelpful = Assert.Single(report.GetProperty("notHelpful").EnumerateArray());
        Assert.Equal(2, notHelpful.GetProperty("votes").GetInt32());
        Assert.Equal(["новый", "старый"], notHelpful.GetProperty("comments").EnumerateArray().Select(c => c.GetString()));
        var days = report.GetProperty("deflection").EnumerateArray().Where(d => d.GetProperty("visits").GetInt32() > 0)
            .Select(d => (d.Str("day"), d.GetProperty("visits").GetInt32(), d.GetProperty("visitsWithoutTicket").GetInt32())).ToList();
        Assert.Equal([("2026-03-10", 2, 1), ("2026-03-11", 1, 0)], days);
        Assert.Equal(14, report.GetProperty("deflection").GetArrayLength());

        var details = await admin.GetJsonAsync("/api/v1/reports/kb-search/queries?normalized=" + Uri.EscapeDataString("принтер") + "&from=2026-03-01&to=2026-03-15");
        Assert.Equal([("b", 0), ("a", 1)], details.GetProperty("searches").EnumerateArray()
            .Select(s => (s.Str("visitId"), s.GetProperty("ticketIds").GetArrayLength())));
    }

    [Theory]
    [BothDatabases]
    public async Task Drill_down_lists_only_tickets_the_agent_may_see(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var hidden = await admin.CreateGroupAsync("L3 " + Guid.NewGuid().ToString("N")[..6]);
        var mine = await admin.CreateGroupAsync("L1 " + Guid.NewGuid().ToString("N")[..6]);
        var (_, agent) = await app.CreateAgentAsync(admin, groupIds: [mine]);
        var secret = await admin.CreateTicketAsync("Чужая группа", "x@example.com", new { groupId = hidden });
        var ours = await admin.CreateTicketAsync("Моя группа", "y@example.com", new { groupId = mine });
        var day = DateTimeOffset.UtcNow.AddHours(-1);
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new HelpSearch { VisitId = "v1", Query = "доступ", NormalizedQuery = "доступ", Language = "ru", ResultCount = 0, At = day },
                new HelpSearch { VisitId = "v2", Query = "доступ", NormalizedQuery = "доступ", Language = "ru", ResultCount = 0, At = day.AddMinutes(1) },
                new HelpVisitEvent { VisitId = "v1", Kind = HelpVisitEventKind.TicketCreated, TicketId = secret.Id(), At = day.AddMinutes(2) },
                new HelpVisitEvent { VisitId = "v2", Kind = HelpVisitEventKind.TicketCreated, TicketId = ours.Id(), At = day.AddMinutes(3) });
            return await db.SaveChangesAsync();
        });

        IReadOnlyList<long> TicketIds(System.Text.Json.JsonElement details) => details.GetProperty("searches").EnumerateArray()
            .SelectMany(s => s.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetInt64())).Order().ToList();
        const string url = "/api/v1/reports/kb-search/queries?normalized=" + "%D0%B4%D0%BE%D1%81%D1%82%D1%83%D0%BF";
        var asAgent = await agent.GetJsonAsync(url);
        Assert.Equal(2, asAgent.GetProperty("searches").GetArrayLength());   // the searches themselves are not tickets
        Assert.Equal([ours.Id()], TicketIds(asAgent));
        Assert.Equal(new[] { secret.Id(), ours.Id() }.Order(), TicketIds(await admin.GetJsonAsync(url)));
    }
}
