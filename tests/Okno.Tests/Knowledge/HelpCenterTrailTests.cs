using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;

namespace Okno.Tests.Knowledge;

/// <summary>A ticket opened through the help center's contact form shows what its visitor searched, read and voted
/// on before writing, in order, to agents who may see the ticket; tickets from other channels have no trail.</summary>
public sealed class HelpCenterTrailTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task Trail_lists_the_visitors_searches_reads_and_votes_before_the_ticket_in_order()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var category = await Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Печать " + suffix });
        var section = await Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Принтеры" });
        var title = $"Принтер не печатает {suffix}";
        var article = await Admin.PostJsonAsync("/api/v1/kb/articles", new { sectionId = section.Id(), language = "ru", title, body = "Проверьте кабель.", visibility = "public" });
        var path = article.Str("helpCenterPath");

        var visitor = new HelpCenterVisitor(okno.App);
        await visitor.Client.GetStringAsync("/help/ru/search?q=" + Uri.EscapeDataString("зюзябрикс " + suffix));
        await visitor.Client.GetStringAsync("/help/ru/search?q=" + Uri.EscapeDataString("принтер " + suffix));
        var searchId = await okno.App.WithDbAsync(db => db.Set<HelpSearch>().Where(s => s.Query == "принтер " + suffix).Select(s => s.Id).SingleAsync());
        var page = await visitor.Client.GetStringAsync($"{path}?s={searchId}");
        var vote = await visitor.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "feedback", ["__RequestVerificationToken"] = Okno.Tests.Reports.KbSearchReportTests.TokenOf(page), ["Vote.Helpful"] = "false",
        }));
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        var sent = await visitor.SendContactFormAsync($"trail.{suffix}@example.com", "Не печатает", "Статья не помогла.");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        // What the visitor does after writing is not part of what they did before.
        await visitor.Client.GetStringAsync("/help/ru/search?q=" + Uri.EscapeDataString("потом " + suffix));
        var ticketId = await okno.App.WithDbAsync(db => db.Set<HelpVisitEvent>().Where(e => e.Kind == HelpVisitEventKind.TicketCreated)
            .OrderByDescending(e => e.Id).Select(e => e.TicketId!.Value).FirstAsync());

        var trail = await Admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/help-center-trail");
        Assert.True(trail.GetProperty("fromHelpCenter").GetBoolean());
        var steps = trail.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["search", "search", "article", "vote"], steps.Select(s => s.Str("kind")));
        Assert.Equal(("зюзябрикс " + suffix, 0), (steps[0].Str("query"), steps[0].GetProperty("resultCount").GetInt32()));
        Assert.Equal("принтер " + suffix, steps[1].Str("query"));
        Assert.True(steps[1].GetProperty("resultCount").GetInt32() >= 1);
        Assert.Equal((article.Id(), title, path, "ru"), (steps[2].GetProperty("articleId").GetInt64(), steps[2].Str("title"), steps[2].Str("helpCenterPath"), steps[2].Str("language")));
        Assert.False(steps[3].GetProperty("helpful").GetBoolean());
        var times = steps.Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(times[^1] <= trail.GetProperty("wroteAt").GetDateTimeOffset());

        // Only agents who may see the ticket: moved to a group the agent is not in, it is the ticket's 404.
        var group = await Admin.CreateGroupAsync();
        var other = await Admin.CreateGroupAsync();
        var (_, agent) = await okno.App.CreateAgentAsync(Admin, groupIds: [group]);
        await agent.GetJsonAsync($"/api/v1/tickets/{ticketId}/help-center-trail");
        await Admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { groupId = other });
        var refused = await agent.GetJsonAsync($"/api/v1/tickets/{ticketId}/help-center-trail", HttpStatusCode.NotFound);
        Assert.Equal("ticket.not_found", refused.Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HelpCenterVisitor(okno.App).Client.GetAsync($"/api/v1/tickets/{ticketId}/help-center-trail")).StatusCode);
    }

    [Fact]
    public async Task A_ticket_from_another_channel_has_no_trail()
    {
        var ticket = await Admin.CreateTicketAsync("По телефону");
        var trail = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/help-center-trail");
        Assert.False(trail.GetProperty("fromHelpCenter").GetBoolean());
        Assert.Empty(trail.GetProperty("steps").EnumerateArray());
        await Admin.GetJsonAsync("/api/v1/tickets/999999999/help-center-trail", HttpStatusCode.NotFound);
    }
}
