using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge.HelpCenter;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.Tests.Knowledge;

/// <summary>The help center's abuse limits: per client address and per visitor, on contact-form submissions and on
/// searches; a refused visitor gets the page back with a kind 429 message and what they typed, and nothing is written.</summary>
public sealed class HelpCenterLimitsTests : IAsyncLifetime
{
    private readonly OknoFactory _app = OknoFactory.Sqlite(new()
    {
        ["Okno:HelpCenter:RateLimits:Contact:PerAddressPerMinute"] = "2",
        ["Okno:HelpCenter:RateLimits:Contact:PerAddressPerHour"] = "0",
        ["Okno:HelpCenter:RateLimits:Contact:PerVisitorPerMinute"] = "0",
        ["Okno:HelpCenter:RateLimits:Contact:PerVisitorPerHour"] = "0",
        ["Okno:HelpCenter:RateLimits:Search:PerAddressPerMinute"] = "100",
        ["Okno:HelpCenter:RateLimits:Search:PerAddressPerHour"] = "0",
        ["Okno:HelpCenter:RateLimits:Search:PerVisitorPerMinute"] = "0",
        ["Okno:HelpCenter:RateLimits:Search:PerVisitorPerHour"] = "3",
    }, ClientAddress.Register);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<int> TicketsAsync() => _app.WithDbAsync(db => db.Tickets.CountAsync());

    [Fact]
    public async Task The_third_submission_from_one_address_is_refused_kindly_keeps_the_text_and_opens_no_ticket()
    {
        // Each submission from a new visitor (no shared cookie): the address alone is what is counted.
        for (var i = 0; i < 2; i++)
        {
            var sent = await new HelpCenterVisitor(_app, "203.0.113.7").SendContactFormAsync($"v{i}@example.com", "Вопрос", "Текст");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.NotNull(HelpCenterVisitor.ReferenceOf(await sent.Content.ReadAsStringAsync()));
        }
        var before = await TicketsAsync();

        const string message = "Очень длинный и важный текст, который нельзя терять";
        var refused = await new HelpCenterVisitor(_app, "203.0.113.7").SendContactFormAsync("third@example.com", "Третий вопрос", message);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"help-rate-limited\"", html);
        Assert.Contains("Вы отправили несколько обращений за короткое время. Пожалуйста, подождите 1 мин.", html);
        Assert.Contains(message, html);
        Assert.Contains("third@example.com", html);
        Assert.Contains("Третий вопрос", html);
        Assert.Null(HelpCenterVisitor.ReferenceOf(html));
        Assert.Equal(before, await TicketsAsync());

        // In English too.
        var english = await new HelpCenterVisitor(_app, "203.0.113.7").SendContactFormAsync("fourth@example.com", "Question", "Text", language: "en");
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("You have sent several requests in a short time. Please wait 1 min", await english.Content.ReadAsStringAsync());

        // Another address is not affected.
        var other = await new HelpCenterVisitor(_app, "198.51.100.20").SendContactFormAsync("other@example.com", "Вопрос", "Текст");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotNull(HelpCenterVisitor.ReferenceOf(await other.Content.ReadAsStringAsync()));
        Assert.Equal(before + 1, await TicketsAsync());
    }

    [Fact]
    public async Task A_form_with_errors_is_not_counted()
    {
        var visitor = new HelpCenterVisitor(_app, "203.0.113.50");
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await visitor.SendContactFormAsync("not-an-email", "Вопрос", "Текст")).StatusCode);
        var sent = await visitor.SendContactFormAsync("fine@example.com", "Вопрос", "Текст");
        Assert.NotNull(HelpCenterVisitor.ReferenceOf(await sent.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_search_over_the_visitors_limit_stores_no_row_and_another_visitor_is_unaffected()
    {
        var visitor = new HelpCenterVisitor(_app, "203.0.113.9");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/help/ru/search?q=" + Uri.EscapeDataString($"принтер {i}"))).StatusCode);
        var rows = await _app.WithDbAsync(db => db.Set<HelpSearch>().CountAsync());

        // The same visitor from another address: still the same visitor.
        visitor.Client.DefaultRequestHeaders.Remove(ClientAddress.Header);
        visitor.Client.DefaultRequestHeaders.Add(ClientAddress.Header, "203.0.113.10");
        var refused = await visitor.Client.GetAsync("/help/ru/search?q=" + Uri.EscapeDataString("сканер не сканирует"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"help-rate-limited\"", html);
        Assert.Contains("Вы искали много раз за короткое время", html);
        Assert.Contains("сканер не сканирует", html);   // kept in the search box
        Assert.Equal(rows, await _app.WithDbAsync(db => db.Set<HelpSearch>().CountAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Set<HelpSearch>().AnyAsync(s => s.Query == "сканер не сканирует")));

        var other = await new HelpCenterVisitor(_app, "203.0.113.9").Client.GetAsync("/help/ru/search?q=" + Uri.EscapeDataString("сканер не сканирует"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(rows + 1, await _app.WithDbAsync(db => db.Set<HelpSearch>().CountAsync()));
    }
}
