using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;

namespace Okno.Tests.Reports;

/// <summary>The help-center search report: visits scripted through the real help center as anonymous visitors, each
/// with its own visit cookie, then every section of the report counted exactly.</summary>
public sealed partial class KbSearchReportTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private const string Missing = "зюзябрикс";
    private HttpClient Admin => okno.Admin;

    internal HttpClient Visitor() => Visitor(okno);

    internal static HttpClient Visitor(SqliteOkno okno)
    {
        var client = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU");
        return client;
    }

    private Task<long> SectionAsync() => SectionAsync(Admin);

    internal static async Task<long> SectionAsync(HttpClient Admin)
    {
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Report " + Guid.NewGuid().ToString("N")[..6] });
        return (await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Section" })).Id();
    }

    internal static async Task<(string Visit, string Html, long SearchId)> SearchAsync(HttpClient visitor, string q, OknoFactory app)
    {
        var response = await visitor.GetAsync("/help/ru/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var search = await app.WithDbAsync(db => db.Set<HelpSearch>().OrderByDescending(s => s.Id).FirstAsync());
        return (search.VisitId, html, search.Id);
    }

    private static async Task ContactAsync(HttpClient visitor)
    {
        var page = await visitor.GetStringAsync("/help/ru/contact");
        var sent = await visitor.PostAsync("/help/ru/contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "contact", ["__RequestVerificationToken"] = TokenOf(page), ["Input.Email"] = $"v.{Guid.NewGuid():N}@example.com",
            ["Input.Subject"] = "Не получилось", ["Input.Message"] = "Помогите, пожалуйста.",
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Matches(TicketReference(), await sent.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_counts_every_section_from_scripted_visits()
    {
        var article = await Admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = await SectionAsync(), language = "ru", title = "Принтер не печатает", body = "Проверьте кабель.", visibility = "public",
        });
        var path = article.Str("helpCenterPath");

        // Visit 1: finds the article, opens it from the results, votes no, then writes in anyway.
        var one = Visitor();
        var (visit1, html1, search1) = await SearchAsync(one, "принтер", okno.App);
        Assert.Contains($"{path}?s={search1}", html1);
        var articlePage = await one.GetStringAsync($"{path}?s={search1}");
        var vote = await one.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "feedback", ["__RequestVerificationToken"] = TokenOf(articlePage), ["Vote.Helpful"] = "false", ["Vote.Comment"] = "Не помогло",
        }));
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        await ContactAsync(one);

        // Visit 2: finds nothing, rephrases, finds the article, leaves without a ticket.
        var two = Visitor();
        var (visit2, _, _) = await SearchAsync(two, Missing, okno.App);
        var (visit2b, _, _) = await SearchAsync(two, "принтеры", okno.App);
        Assert.Equal(visit2, visit2b);

        // Visit 3: finds nothing and writes in.
        var three = Visitor();
        var (visit3, _, _) = await SearchAsync(three, Missing, okno.App);
        await ContactAsync(three);
        Assert.Equal(3, new[] { visit1, visit2, visit3 }.Distinct().Count());

        var searches = await okno.App.WithDbAsync(db => db.Set<HelpSearch>().ToListAsync());
        var printer = searches.Single(s => s.Id == search1).NormalizedQuery;
        var missing = searches.First(s => s.Query == Missing).NormalizedQuery;
        Assert.Equal(printer, searches.Single(s => s.Query == "принтеры").NormalizedQuery);
        var results = searches.Single(s => s.Id == search1).ResultCount;
        Assert.True(results >= 1);
        var ticket3 = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>()
            .SingleAsync(e => e.VisitId == visit3 && e.Kind == HelpVisitEventKind.TicketCreated));

        var report = await Admin.GetJsonAsync("/api/v1/reports/kb-search");
        var top = report.GetProperty("topQueries").EnumerateArray().ToList();
        Assert.Equal(2, top.Count);
        var printerRow = top.Single(r => r.Str("normalizedQuery") == printer);
        Assert.Equal(2, printerRow.GetProperty("searches").GetInt32());
        Assert.Equal(2, printerRow.GetProperty("visits").GetInt32());
        var missingRow = top.Single(r => r.Str("normalizedQuery") == missing);
        Assert.Equal(2, missingRow.GetProperty("searches").GetInt32());
        Assert.Equal(2, missingRow.GetProperty("visits").GetInt32());
        Assert.Equal(0, missingRow.GetProperty("averageResults").GetDouble());

        var none = Assert.Single(report.GetProperty("noResults").EnumerateArray());
        Assert.Equal(missing, none.Str("normalizedQuery"));
        Assert.Equal(2, none.GetProperty("searches").GetInt32());

        var failed = report.GetProperty("failedSelfService").EnumerateArray().ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Equal(1, f.GetProperty("visits").GetInt32()));
        Assert.Equal(new[] { missing, printer }.Order(StringComparer.Ordinal), failed.Select(f => f.Str("normalizedQuery")).Order(StringComparer.Ordinal));

        var chain = Assert.Single(report.GetProperty("reformulations").EnumerateArray());
        Assert.Equal(missing, chain.Str("normalizedQuery"));
        Assert.Equal(printer, chain.Str("nextNormalizedQuery"));
        Assert.Equal(1, chain.GetProperty("count").GetInt32());

        var opened = Assert.Single(report.GetProperty("openedBeforeTicket").EnumerateArray());
        Assert.Equal(article.Id(), opened.GetProperty("articleId").GetInt64());
        Assert.Equal(1, opened.GetProperty("visits").GetInt32());
        Assert.Equal("Принтер не печатает", opened.Str("title"));

        var notHelpful = Assert.Single(report.GetProperty("notHelpful").EnumerateArray());
        Assert.Equal(article.Id(), notHelpful.GetProperty("articleId").GetInt64());
        Assert.Equal(1, notHelpful.GetProperty("votes").GetInt32());
        Assert.Equal(["Не помогло"], notHelpful.GetProperty("comments").EnumerateArray().Select(c => c.GetString()!).ToArray());

        var days = report.GetProperty("deflection").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        var today = Assert.Single(days, d => d.GetProperty("visits").GetInt32() > 0);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), today.Str("day"));
        Assert.Equal(3, today.GetProperty("visits").GetInt32());
        Assert.Equal(1, today.GetProperty("visitsWithoutTicket").GetInt32());
        Assert.Equal(0.3333, today.GetProperty("rate").GetDouble());

        // The details of a row: the raw searches with the tickets of their visits.
        var details = await Admin.GetJsonAsync("/api/v1/reports/kb-search/queries?normalized=" + Uri.EscapeDataString(missing));
        var rows = details.GetProperty("searches").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(Missing, r.Str("query")));
        Assert.Equal([ticket3.TicketId!.Value], rows.Single(r => r.Str("visitId") == visit3).GetProperty("ticketIds").EnumerateArray()
            .Select(t => t.GetInt64()).ToArray());
        Assert.Empty(rows.Single(r => r.Str("visitId") == visit2).GetProperty("ticketIds").EnumerateArray());
        // Agents know a ticket by its number, not its row id (the drill-down showed "#304" for ticket #10304).
        var number = (await Admin.GetJsonAsync($"/api/v1/tickets/{ticket3.TicketId!.Value}")).GetProperty("number").GetInt64();
        var named = Assert.Single(rows.Single(r => r.Str("visitId") == visit3).GetProperty("tickets").EnumerateArray());
        Assert.Equal((ticket3.TicketId!.Value, number), (named.GetProperty("id").GetInt64(), named.GetProperty("number").GetInt64()));

        // A range without these visits is empty.
        var old = await Admin.GetJsonAsync("/api/v1/reports/kb-search?from=2020-01-01&to=2020-02-01");
        Assert.Empty(old.GetProperty("topQueries").EnumerateArray());
        Assert.Equal(31, old.GetProperty("deflection").GetArrayLength());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=2024-01-01&to=2025-06-01", "to")]
    public async Task Bad_ranges_are_rejected_naming_the_field(string query, string field)
    {
        var problem = await Admin.GetJsonAsync("/api/v1/reports/kb-search?" + query, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        await Admin.GetJsonAsync("/api/v1/reports/kb-search/queries?normalized=x&" + query, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Report_needs_an_agent()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Visitor().GetAsync("/api/v1/reports/kb-search")).StatusCode);
    }

    internal static string TokenOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("id=\"help-ticket-created\">[^<]*[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex TicketReference();
}

/// <summary>A draft article made from a report row (its own app, so the report's exact counts stay untouched).</summary>
public sealed class KbSearchDraftTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task A_draft_article_is_made_from_a_query_listing_what_visitors_typed()
    {
        var query = "ксерокс " + Guid.NewGuid().ToString("N")[..6];
        await KbSearchReportTests.SearchAsync(KbSearchReportTests.Visitor(okno), query, okno.App);
        var section = await KbSearchReportTests.SectionAsync(Admin);
        var draft = await Admin.PostJsonAsync("/api/v1/reports/kb-search/draft", new { query, language = "ru", sectionId = section });
        Assert.Equal(query, draft.Str("title"));
        Assert.Equal("draft", draft.Str("visibility"));
        Assert.Contains("- " + query + " (1)", draft.Str("body"));
        var fetched = await Admin.GetJsonAsync($"/api/v1/kb/articles/{draft.Id()}");
        Assert.Equal(section, fetched.GetProperty("sectionId").GetInt64());

        var bad = await Admin.PostJsonAsync("/api/v1/reports/kb-search/draft", new { query = "", language = "ru", sectionId = section },
            HttpStatusCode.BadRequest);
        Assert.Contains("query", bad.ErrorFields());
    }

    [Theory]
    [InlineData("![x](http://evil.example/p.png)")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)> http://evil.example **bold** # title")]
    public async Task Queries_go_into_the_draft_as_literal_text_never_as_markdown(string hostile)
    {
        var query = hostile + " " + Guid.NewGuid().ToString("N")[..6];
        await KbSearchReportTests.SearchAsync(KbSearchReportTests.Visitor(okno), query, okno.App);
        var section = await KbSearchReportTests.SectionAsync(Admin);

        var draft = await Admin.PostJsonAsync("/api/v1/reports/kb-search/draft", new { query, language = "en", sectionId = section });

        var html = draft.Str("html");
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<strong>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h1", html, StringComparison.OrdinalIgnoreCase);
        // The visitor's words are all there, shown as typed (HTML-encoded in the page).
        Assert.Contains(System.Net.WebUtility.HtmlEncode(query), html);
        Assert.Contains("(1)", html);
    }

    [Fact]
    public async Task Report_page_renders_for_a_signed_in_agent()
    {
        var browser = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signin = await browser.GetStringAsync("/signin");
        var signed = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = KbSearchReportTests.TokenOf(signin),
            ["Input.Email"] = OknoFactory.AdminEmail, ["Input.Password"] = OknoFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.Found, signed.StatusCode);
        var html = await browser.GetStringAsync("/reports/kb-search?culture=en");
        Assert.Contains("Help center searches", html);
        Assert.Contains("id=\"kbr-top\"", html);
        Assert.Contains("id=\"kbr-deflection\"", html);
        Assert.DoesNotContain("id=\"kbr-error\"", html);
        Assert.Contains("Поиск в справочном центре", await browser.GetStringAsync("/reports/kb-search?culture=ru"));
        Assert.Equal(HttpStatusCode.Found, (await KbSearchReportTests.Visitor(okno).GetAsync("/reports/kb-search")).StatusCode);
    }
}

/// <summary>Rows of the report read as visitors typed them, and empty tables say so (their own app: the report starts
/// empty here).</summary>
public sealed class KbSearchReportWordingTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private static async Task<HttpClient> SignedInAsync(SqliteOkno okno)
    {
        var browser = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signin = await browser.GetStringAsync("/signin");
        var signed = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = KbSearchReportTests.TokenOf(signin),
            ["Input.Email"] = OknoFactory.AdminEmail, ["Input.Password"] = OknoFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.Found, signed.StatusCode);
        return browser;
    }

    [Fact]
    public async Task Rows_show_the_most_frequent_typed_form_grouped_by_stems_and_empty_tables_say_so()
    {
        var browser = await SignedInAsync(okno);
        // Nobody searched yet: each of the seven tables says there is nothing, in the agent's language.
        var empty = await browser.GetStringAsync("/reports/kb-search?culture=en");
        Assert.Equal(7, Regex.Matches(empty, "class=\"kbr-nothing\"").Count);
        Assert.Contains("Nothing in this period.", empty);
        Assert.Contains("За этот период ничего нет.", await browser.GetStringAsync("/reports/kb-search?culture=ru"));

        // Three wordings of one question (same stems), the second one typed most often; each from its own visit.
        string[] typed = ["факсы не отправляются", "Факс не отправляется", "Факс не отправляется", "факс не отправляется"];
        foreach (var q in typed) await KbSearchReportTests.SearchAsync(KbSearchReportTests.Visitor(okno), q, okno.App);
        var normalized = (await okno.App.WithDbAsync(db => db.Set<HelpSearch>().Select(s => s.NormalizedQuery).Distinct().ToListAsync())).Single();
        Assert.NotEqual("Факс не отправляется", normalized);

        var report = await okno.Admin.GetJsonAsync("/api/v1/reports/kb-search");
        var row = Assert.Single(report.GetProperty("topQueries").EnumerateArray());
        Assert.Equal((normalized, "Факс не отправляется", 4), (row.Str("normalizedQuery"), row.Str("query"), row.GetProperty("searches").GetInt32()));
        Assert.Equal("Факс не отправляется", Assert.Single(report.GetProperty("noResults").EnumerateArray()).Str("query"));
        var details = await okno.Admin.GetJsonAsync("/api/v1/reports/kb-search/queries?normalized=" + Uri.EscapeDataString(normalized));
        Assert.Equal("Факс не отправляется", details.Str("query"));

        var page = await browser.GetStringAsync("/reports/kb-search?culture=en");
        Assert.Contains(">Факс не отправляется</a>", page);
        Assert.DoesNotContain($">{normalized}</a>", page);
        // Top queries, queries without results and today's visits have rows now; the other four are still empty.
        Assert.Equal(4, Regex.Matches(page, "class=\"kbr-nothing\"").Count);
    }
}
