using Microsoft.EntityFrameworkCore;
using Okno.Demo;
using Okno.Testing;
using Okno.Tickets;
using Okno.Admin;

namespace Okno.IntegrationTests.Platform;

public sealed class DemoDataTests
{
    [Theory]
    [BothDatabases]
    public async Task Demo_fills_an_empty_desk_in_both_languages_and_demo_agents_can_work(string provider)
    {
        await using var app = OknoFactory.For(provider, new() { ["Okno:Demo"] = "true" });
        var (tickets, russian, statuses, messages, groups) = await app.WithDbAsync(async db => (
            await db.Tickets.CountAsync(),
            await db.Tickets.CountAsync(t => t.Subject.Contains("а") || t.Subject.Contains("о") || t.Subject.Contains("е")),
            await db.Tickets.Select(t => t.Status).Distinct().CountAsync(),
            await db.Messages.CountAsync(),
            await db.Groups.Select(g => g.Name).OrderBy(n => n).ToListAsync()));
        Assert.InRange(tickets, 200, 1000);
        Assert.InRange(russian, tickets / 4, tickets * 3 / 4);
        Assert.Equal(6, statuses);
        Assert.True(messages > tickets * 2);
        Assert.Equal(["L1", "L2", "L3"], groups);

        var olga = await app.ClientAsync("olga.smirnova@demo.okno", DemoData.Password);
        var page = await olga.GetJsonAsync("/api/v1/tickets?limit=10");
        Assert.Equal(10, page.Items().Count);
        var history = (await olga.GetJsonAsync($"/api/v1/tickets/{page.Items()[0].Id()}/history?limit=100")).Items();
        Assert.Equal("created", history[0].Str("kind"));

        var articles = (await olga.GetJsonAsync("/api/v1/kb/articles?limit=100")).Items();
        Assert.Contains(articles, a => a.Str("language") == "ru");
        Assert.Contains(articles, a => a.Str("language") == "en");
        Assert.Equal(2, (await olga.GetJsonAsync("/api/v1/macros")).Items().Count);

        // The help-center search report is not empty on first start: searches with and without results, a rephrasing,
        // articles read and voted on, and a visit that ended in a contact-form ticket.
        var report = await olga.GetJsonAsync("/api/v1/reports/kb-search");
        Assert.NotEmpty(report.GetProperty("topQueries").EnumerateArray());
        Assert.Contains(report.GetProperty("topQueries").EnumerateArray(), r => r.Str("query") == "факс не отправляется" && r.GetProperty("searches").GetInt32() == 3);
        Assert.NotEmpty(report.GetProperty("noResults").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("reformulations").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("failedSelfService").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("openedBeforeTicket").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("notHelpful").EnumerateArray());
        Assert.True(report.GetProperty("deflection").EnumerateArray().Count(d => d.GetProperty("visits").GetInt32() > 0) >= 8);
        Assert.Contains(report.GetProperty("topQueries").EnumerateArray(), r => r.GetProperty("averageResults").GetDouble() > 0);
        var helpTicket = await app.WithDbAsync(db => db.Set<Okno.Knowledge.HelpCenter.HelpVisitEvent>()
            .SingleAsync(e => e.Kind == Okno.Knowledge.HelpCenter.HelpVisitEventKind.TicketCreated));
        Assert.Equal("web", (await olga.GetJsonAsync($"/api/v1/tickets/{helpTicket.TicketId}")).Str("channel"));

        // A web form and a log account; the latest chat conversations went through the log account, replies shown as sent.
        var admin = await app.AdminClientAsync();
        Assert.Equal(["log", "web"], (await admin.GetJsonAsync("/api/v1/channels")).Items().Select(a => a.Str("kind")).Order());
        var sentReply = await app.WithDbAsync(db => db.Messages.Where(m => m.Delivery == Okno.Tickets.DeliveryState.Sent).Select(m => m.TicketId).FirstAsync());
        Assert.Contains((await admin.GetJsonAsync($"/api/v1/tickets/{sentReply}/messages?limit=100")).Items(),
            m => m.GetProperty("delivery").ValueKind == System.Text.Json.JsonValueKind.String && m.Str("delivery") == "sent");
    }

    [Fact]
    public async Task Demo_does_not_touch_a_desk_that_has_tickets()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        await admin.CreateTicketAsync("Real work");
        await app.Services.SeedDemoAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }
}
