using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.Tests.Knowledge;

/// <summary>The public help center: anonymous static pages, only public articles, search in the visitor's language,
/// one vote per visit, a contact form that opens a web ticket, and every search and step logged under the visit id.</summary>
public sealed partial class HelpCenterTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    private HttpClient Visitor(string acceptLanguage = "ru-RU")
    {
        var client = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    private async Task<long> SectionAsync()
    {
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Help " + Guid.NewGuid().ToString("N")[..6] });
        return (await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Section" })).Id();
    }

    private async Task<JsonElement> ArticleAsync(string title, string visibility = "public", string language = "ru", string body = "Текст статьи",
        long? sectionId = null) =>
        await Admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = sectionId ?? await SectionAsync(), language, title, body, visibility });

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    private static string VisitOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => VisitCookie().Match(c)).First(m => m.Success).Groups[1].Value;

    [Fact]
    public async Task Help_center_opens_without_signing_in_and_lists_only_public_articles()
    {
        var section = await SectionAsync();
        var shown = Unique("Как сменить пароль");
        var hidden = Unique("Внутренняя инструкция");
        var draft = Unique("Черновик");
        await ArticleAsync(shown, sectionId: section);
        await ArticleAsync(hidden, "internal", sectionId: section);
        await ArticleAsync(draft, "draft", sectionId: section);

        var visitor = Visitor();
        var root = await visitor.GetAsync("/help");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/help/ru", root.Headers.Location!.OriginalString);
        Assert.Equal("/help/en", (await Visitor("en-US").GetAsync("/help")).Headers.Location!.OriginalString);

        var home = await visitor.GetAsync("/help/ru");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains(shown, html);
        Assert.DoesNotContain(hidden, html);
        Assert.DoesNotContain(draft, html);
        Assert.Contains("Справочный центр", html);
        var cookie = home.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("okno.visit=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // An English reader sees the Russian-only article marked as being in another language.
        var english = await Visitor("en-US").GetStringAsync("/help/en");
        Assert.Contains(shown, english);
        Assert.Contains("in another language", english);
    }

    [Fact]
    public async Task Drafts_internal_unknown_articles_and_languages_are_not_found()
    {
        var visitor = Visitor();
        foreach (var visibility in new[] { "internal", "draft" })
        {
            var article = await ArticleAsync(Unique("Скрытая"), visibility);
            var response = await visitor.GetAsync(article.Str("helpCenterPath"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("id=\"help-not-found\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/help/ru/articles/987654-nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/help/ru/articles/not-a-number")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/help/de")).StatusCode);
        var english = await visitor.GetAsync((await ArticleAsync(Unique("Только по-русски"))).Str("helpCenterPath").Replace("/help/ru/", "/help/en/"));
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
    }

    [Fact]
    public async Task Article_page_shows_sanitized_html_and_a_wrong_slug_redirects_permanently()
    {
        var article = await ArticleAsync(Unique("Настройка почты"), body: "**Жирный** текст\n\n<script>alert(1)</script>");
        var path = article.Str("helpCenterPath");
        var page = await Visitor().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Жирный</strong>", html);
        Assert.DoesNotContain("alert(1)", html);
        Assert.Contains(article.Str("title"), html);

        var moved = await Visitor().GetAsync($"/help/ru/articles/{article.Id()}-old-slug?s=5");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(path + "?s=5", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await Visitor().GetAsync($"/help/ru/articles/{article.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_a_russian_article_by_another_word_form_and_logs_the_search_and_the_opened_result()
    {
        var title = "Принтер не печатает " + Guid.NewGuid().ToString("N")[..6];
        var article = await ArticleAsync(title, body: "Проверьте кабель и бумагу.");
        var visitor = Visitor();
        var response = await visitor.GetAsync("/help/ru/search?q=" + Uri.EscapeDataString("принтеры"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("<mark>", html);
        var visit = VisitOf(response);

        var search = await okno.App.WithDbAsync(db => db.Set<HelpSearch>().Where(s => s.VisitId == visit).SingleAsync());
        Assert.Equal("принтеры", search.Query);
        Assert.Equal("ru", search.Language);
        Assert.True(search.ResultCount >= 1);
        Assert.False(string.IsNullOrWhiteSpace(search.NormalizedQuery));
        var link = $"{article.Str("helpCenterPath")}?s={search.Id}";
        Assert.Contains(link, html);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link)).StatusCode);
        var opened = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>().Where(e => e.VisitId == visit).SingleAsync());
        Assert.Equal(HelpVisitEventKind.ArticleOpened, opened.Kind);
        Assert.Equal(search.Id, opened.SearchId);
        Assert.Equal(article.Id(), opened.ArticleId);
    }

    [Theory]
    [InlineData("\"принтер")]
    [InlineData("(printer OR")]
    [InlineData("print* NEAR scan")]
    [InlineData("'; DROP TABLE \"KbArticles\"; --")]
    [InlineData("^^^ ** \"\" ()")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Hostile_queries_answer_normally(string q)
    {
        var page = await Visitor().GetAsync("/help/ru/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Visitor().GetAsync("/help/api/suggest?lang=ru&q=" + Uri.EscapeDataString(q))).StatusCode);
    }

    [Fact]
    public async Task Suggestions_give_at_most_eight_titles_with_links()
    {
        var word = "Сканер" + Guid.NewGuid().ToString("N")[..4];
        var section = await SectionAsync();
        for (var i = 0; i < 9; i++) await ArticleAsync($"{word} настройка {i} {Guid.NewGuid().ToString("N")[..4]}", sectionId: section);
        var answer = await Visitor().GetJsonAsync("/help/api/suggest?lang=ru&q=" + Uri.EscapeDataString(word));
        var items = answer.Items();
        Assert.Equal(8, items.Count);
        Assert.All(items, i => Assert.StartsWith("/help/ru/articles/", i.Str("url")));
        Assert.All(items, i => Assert.Contains(word, i.Str("title")));
    }

    [Fact]
    public async Task Feedback_is_stored_once_per_visit_and_article()
    {
        var article = await ArticleAsync(Unique("Сброс настроек"));
        var path = article.Str("helpCenterPath");
        var visitor = Visitor();
        var page = await visitor.GetAsync(path);
        var visit = VisitOf(page);
        var token = TokenOf(await page.Content.ReadAsStringAsync());

        async Task<HttpResponseMessage> VoteAsync(string helpful, string comment) => await visitor.PostAsync(path, new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["_handler"] = "feedback", ["__RequestVerificationToken"] = token, ["Vote.Helpful"] = helpful, ["Vote.Comment"] = comment,
            }));
        var first = await VoteAsync("false", "Не помогло");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("id=\"help-feedback-thanks\"", await first.Content.ReadAsStringAsync());
        await VoteAsync("true", "Второй раз");
        Assert.Contains("id=\"help-feedback-thanks\"", await visitor.GetStringAsync(path));

        var votes = await okno.App.WithDbAsync(db => db.Set<ArticleFeedback>().Where(f => f.ArticleId == article.Id()).ToListAsync());
        var vote = Assert.Single(votes);
        Assert.False(vote.Helpful);
        Assert.Equal("Не помогло", vote.Comment);
        Assert.Equal(visit, vote.VisitId);
        Assert.Equal(1, await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>()
            .CountAsync(e => e.VisitId == visit && e.Kind == HelpVisitEventKind.FeedbackGiven)));

        // Another visit may vote on the same article.
        var other = Visitor();
        var otherToken = TokenOf(await other.GetStringAsync(path));
        await other.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "feedback", ["__RequestVerificationToken"] = otherToken, ["Vote.Helpful"] = "true",
        }));
        Assert.Equal(2, await okno.App.WithDbAsync(db => db.Set<ArticleFeedback>().CountAsync(f => f.ArticleId == article.Id())));
    }

    [Fact]
    public async Task Contact_form_names_bad_fields_and_writes_nothing_then_opens_a_web_ticket()
    {
        var visitor = Visitor();
        var page = await visitor.GetAsync("/help/ru/contact");
        var visit = VisitOf(page);
        var token = TokenOf(await page.Content.ReadAsStringAsync());
        var subject = Unique("Не работает вход");
        async Task<HttpResponseMessage> SendAsync(string email, string message) => await visitor.PostAsync("/help/ru/contact",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "contact", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Name"] = "Мария",
                ["Input.Subject"] = subject, ["Input.Message"] = message,
            }));
        var ticketsBefore = await okno.App.WithDbAsync(db => db.Tickets.CountAsync());

        var bad = await SendAsync("not-an-email", "");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"help-contact-email-error\"", badHtml);
        Assert.Contains("id=\"help-contact-message-error\"", badHtml);
        Assert.DoesNotContain("id=\"help-contact-subject-error\"", badHtml);
        Assert.Contains(subject, badHtml);
        Assert.Equal(ticketsBefore, await okno.App.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.False(await okno.App.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Name == "Мария" && c.Emails.Any(e => e.Address == "not-an-email"))));

        var email = $"maria.{Guid.NewGuid():N}@example.com";
        var good = await SendAsync(email, "Не могу войти в личный кабинет.");
        var html = await good.Content.ReadAsStringAsync();
        var reference = HelpCenterVisitor.ReferenceOf(html)!.Replace("-", "", StringComparison.Ordinal);
        var ticket = await okno.App.WithDbAsync(db => db.Tickets.Where(t => t.Reference == reference).Select(t => new { t.Id, t.Subject, t.Channel, t.Number }).SingleAsync());
        Assert.DoesNotContain("#" + ticket.Number, html);
        Assert.Equal(subject, ticket.Subject);
        Assert.Equal(ChannelKind.Web, ticket.Channel);
        var created = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>()
            .SingleAsync(e => e.VisitId == visit && e.Kind == HelpVisitEventKind.TicketCreated));
        Assert.Equal(ticket.Id, created.TicketId);
        var view = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id}");
        Assert.Contains(email, view.GetRawText());
    }

    private static string TokenOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("okno\\.visit=([0-9a-f]{32})")]
    private static partial Regex VisitCookie();
}
