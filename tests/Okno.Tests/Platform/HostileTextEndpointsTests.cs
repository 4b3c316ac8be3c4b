using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Knowledge;
using Okno.Testing;
using Okno.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Okno.Tests.Platform;

/// <summary>Hostile Markdown and HTML through the API: a 400 ProblemDetails naming the field with a stable code, nothing
/// written, never a 500.</summary>
public sealed class HostileTextEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;
    private static readonly string DeepHtml = HostileText.Html(Message.BodyMaxLength).Single(c => c.Name == "b-i unclosed").Text;
    private static readonly string SiblingsHtml = HostileText.Html(Message.BodyMaxLength).Single(c => c.Name == "p unclosed").Text;
    private static readonly string LinkOpeners = HostileText.Markdown(ArticleTranslation.BodyMaxLength).Single(c => c.Name == "link-open [a](").Text;
    private static readonly string DeepQuotes = HostileText.Markdown(ArticleTranslation.BodyMaxLength).Single(c => c.Name == "quotes > > >").Text;

    private static JsonElement Code(JsonElement problem, string field)
    {
        Assert.Equal("invalid_input", problem.Str("code"));
        Assert.Equal([field], problem.ErrorFields());
        return Assert.Single(problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray());
    }

    [Fact]
    public async Task Creating_a_ticket_with_deeply_nested_html_is_refused_naming_bodyHtml_and_writes_nothing()
    {
        var subject = "Deep " + Guid.NewGuid().ToString("N")[..8];
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject, bodyHtml = DeepHtml, customer = new { email = "deep@example.com" },
        })).JsonAsync(HttpStatusCode.BadRequest);

        var error = Code(problem, "bodyHtml");
        Assert.Equal("text.too_deep", error.Str("code"));
        Assert.Equal(256, error.GetProperty("parameters").GetProperty("max").GetInt32());
        Assert.False(await okno.App.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == subject)));
    }

    [Fact]
    public async Task Creating_a_ticket_with_tens_of_thousands_of_sibling_paragraphs_is_refused_as_too_complex()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Wide", bodyHtml = SiblingsHtml, customer = new { email = "wide@example.com" },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("text.too_complex", Code(problem, "bodyHtml").Str("code"));
    }

    [Fact]
    public async Task A_reply_with_deeply_nested_html_is_refused_naming_bodyHtml_and_adds_no_message()
    {
        var ticket = await Admin.CreateTicketAsync("Reply target");
        var problem = await (await Admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { bodyHtml = DeepHtml }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("text.too_deep", Code(problem, "bodyHtml").Str("code"));
        Assert.Equal(1, await okno.App.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.TicketId == ticket.Id())));
    }

    [Fact]
    public async Task Saving_an_article_with_pathological_markdown_is_refused_naming_body_and_keeps_the_old_text()
    {
        var section = await Reports.KbSearchReportTests.SectionAsync(Admin);
        var article = await Admin.PostJsonAsync("/api/v1/kb/articles",
            new { sectionId = section, language = "en", title = "Printer " + Guid.NewGuid().ToString("N")[..6], body = "Turn it **off** and on.", visibility = "draft" });

        var complex = await (await Admin.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id()}",
            new { language = "en", title = "Printer", body = LinkOpeners, visibility = "draft" })).JsonAsync(HttpStatusCode.BadRequest);
        var deep = await (await Admin.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id()}",
            new { language = "en", title = "Printer", body = DeepQuotes, visibility = "draft" })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("text.too_complex", Code(complex, "body").Str("code"));
        var tooDeep = Code(deep, "body");
        Assert.Equal("text.too_deep", tooDeep.Str("code"));
        Assert.Equal(32, tooDeep.GetProperty("parameters").GetProperty("max").GetInt32());
        var stored = await Admin.GetJsonAsync($"/api/v1/kb/articles/{article.Id()}?language=en");
        Assert.Equal("Turn it **off** and on.", stored.Str("body"));
        Assert.Equal(1, stored.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Creating_an_article_with_pathological_markdown_is_refused_and_creates_nothing()
    {
        var section = await Reports.KbSearchReportTests.SectionAsync(Admin);
        var title = "Hostile " + Guid.NewGuid().ToString("N")[..6];
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/kb/articles",
            new { sectionId = section, language = "en", title, body = LinkOpeners, visibility = "draft" })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("text.too_complex", Code(problem, "body").Str("code"));
        Assert.False(await okno.App.WithDbAsync(db => db.Set<ArticleTranslation>().AnyAsync(t => t.Title == title)));
    }
}
