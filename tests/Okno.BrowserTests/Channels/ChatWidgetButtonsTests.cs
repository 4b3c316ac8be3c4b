using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Channels;
using Okno.Channels.Chat;
using Okno.Testing;
using Okno.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>A button scenario in the chat widget, end to end (issue 18): the bot's menu arrives with buttons under it;
/// pressing one by keyboard sends its label with its payload, the answered buttons are disabled, the next step follows,
/// and the last choice hands the ticket to the agents with the scenario's outcome on it.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChatWidgetButtonsTests(OknoInChromium okno)
{
    private const string Shop = "https://shop.test";
    private const float LiveTimeout = 30_000;

    [Fact]
    public Task A_message_with_buttons_shows_them_and_a_press_sends_the_label_with_the_payload() => okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
    {
        var admin = await okno.App.AdminClientAsync();
        var account = await admin.PostJsonAsync("/api/v1/channels/chat", new
        {
            name = "Shop chat " + Guid.NewGuid().ToString("N")[..6],
            settings = new { allowedOrigins = new[] { Shop }, title = "Shop chat", greeting = "Hello!", prechatName = "off", prechatEmail = "off", prechatPhone = "off" },
        }, HttpStatusCode.Created);
        var key = account.GetProperty("settings").Str("key");
        object T(string ru, string en) => new { ru, en };
        var scenario = (await admin.PostJsonAsync("/api/v1/bots/scenarios", new
        {
            name = "Shop menu " + Guid.NewGuid().ToString("N")[..6], enabled = true, steps = new object[]
            {
                new { id = "start", kind = "message", text = T("О чём ваш вопрос?", "What is it about?"),
                    buttons = new[] { new { label = T("Оплата", "Billing"), next = "billing" }, new { label = T("Сбой", "Outage"), next = "urgency" } } },
                new { id = "billing", kind = "handover", type = "question" },
                new { id = "urgency", kind = "question", text = T("Насколько срочно?", "How urgent?"), store = "priority",
                    buttons = new[] { new { label = T("Очень", "Very"), value = "urgent" }, new { label = T("Терпит", "Can wait"), value = "low" } }, next = "people" },
                new { id = "people", kind = "handover", type = "incident" },
            },
        }, HttpStatusCode.Created)).Id();
        await (await admin.PutAsync($"/api/v1/bots/sources/account:{account.Id()}",
            System.Net.Http.Json.JsonContent.Create(new { bot = "scenario", scenarioId = scenario }))).JsonAsync(HttpStatusCode.OK);
        // An agent at work, so the widget is online (offline it asks for an email first).
        await agent.SignInAsync(returnUrl: "/inbox");
        await WaitUntilOnlineAsync(key);
        await OpenShopAsync(visitor, key);
        ILocator W(string selector) => visitor.Page.Locator("okno-chat").Locator(selector);

        await W("#okno-launcher").ClickAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await W("#okno-input").FillAsync($"Question {marker}");
        await W("#okno-input").PressAsync("Enter");
        await Expect(W(".m[data-author=visitor][data-id]")).ToHaveCountAsync(1);

        var ticketId = await okno.App.WithDbAsync(db => db.Messages.Where(m => m.BodyText.Contains(marker)).Select(m => m.TicketId).SingleAsync());
        // The scenario bot answers on this channel (set before the visitor wrote): its menu arrives with buttons.
        var theirs = W(".m[data-author=agent][data-id]");
        await Expect(theirs).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
        await Expect(theirs.First.Locator(".b")).ToContainTextAsync("What is it about?");
        var keys = theirs.First.Locator(".k button");
        await Expect(keys).ToHaveTextAsync(["Billing", "Outage", "Talk to a person"], new() { Timeout = LiveTimeout });
        Assert.True(await okno.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.WithBot).SingleAsync()));
        await visitor.ScreenshotAsync("buttons");

        // By keyboard: Tab reaches the buttons, Enter presses one.
        await keys.Nth(1).FocusAsync();
        await visitor.Page.Keyboard.PressAsync("Enter");
        var mine = W(".m[data-author=visitor][data-id]");
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(mine.Last.Locator(".b")).ToHaveTextAsync("Outage");
        await Expect(keys.First).ToBeDisabledAsync();
        await Expect(keys.Last).ToBeDisabledAsync();

        // The next step asks how urgent; "Very" ends the scenario: the ticket gets the outcome and goes to the agents.
        await Expect(theirs).ToHaveCountAsync(2, new() { Timeout = LiveTimeout });
        var urgency = theirs.Nth(1).Locator(".k button");
        await Expect(urgency).ToHaveTextAsync(["Very", "Can wait", "Talk to a person"], new() { Timeout = LiveTimeout });
        await urgency.First.ClickAsync();
        await Expect(mine).ToHaveCountAsync(3);
        await JobHelpers.UntilAsync(() => okno.App.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Id == ticketId && !t.WithBot)), 30);
        var ticket = await okno.App.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId));
        Assert.Equal((TicketPriority.Urgent, TicketType.Incident), (ticket.Priority, ticket.Type));
        Assert.Equal("scenario", await okno.App.WithDbAsync(db => db.Messages.Where(m => m.TicketId == ticketId && m.ButtonPayload != null)
            .OrderBy(m => m.Id).Select(m => m.ButtonPayload!.Substring(0, 8)).FirstAsync()));
        await visitor.ScreenshotAsync("answered");
    });

    [Fact]
    public Task The_answer_bot_offers_an_article_in_the_widget_and_yes_solves_the_request() => okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
    {
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Garden " + suffix });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Watering " + suffix });
        // A word of its own in the title, so earlier tests' articles never outrank it.
        var title = $"Watering the zq{suffix} hose in winter";
        await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "en", title, visibility = "public",
            body = $"Drain the zq{suffix} hose before frost, store it indoors and open the valve slowly in spring.",
        });
        var account = await admin.PostJsonAsync("/api/v1/channels/chat", new
        {
            name = "Garden chat " + suffix,
            settings = new { allowedOrigins = new[] { Shop }, title = "Garden chat", greeting = "Hello!", prechatName = "off", prechatEmail = "off", prechatPhone = "off" },
        }, HttpStatusCode.Created);
        var key = account.GetProperty("settings").Str("key");
        await (await admin.PutAsync($"/api/v1/bots/sources/account:{account.Id()}",
            System.Net.Http.Json.JsonContent.Create(new { bot = "answer" }))).JsonAsync(HttpStatusCode.OK);
        await agent.SignInAsync(returnUrl: "/inbox");
        await WaitUntilOnlineAsync(key);
        await OpenShopAsync(visitor, key);
        ILocator W(string selector) => visitor.Page.Locator("okno-chat").Locator(selector);

        await W("#okno-launcher").ClickAsync();
        await W("#okno-input").FillAsync($"How do I keep my zq{suffix} hose in winter?");
        await W("#okno-input").PressAsync("Enter");
        var theirs = W(".m[data-author=agent][data-id]");
        await Expect(theirs).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
        await Expect(theirs.First.Locator(".b")).ToContainTextAsync(title);
        var keys = theirs.First.Locator(".k button");
        await Expect(keys).ToHaveTextAsync(["Yes, solved", "No", "Talk to a person"], new() { Timeout = LiveTimeout });
        await visitor.ScreenshotAsync("answer-bot");

        await keys.First.ClickAsync();
        var ticketId = await okno.App.WithDbAsync(db => db.Messages.Where(m => m.BodyText.Contains("zq" + suffix)).Select(m => m.TicketId).FirstAsync());
        await JobHelpers.UntilAsync(() => okno.App.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == TicketStatus.Resolved)), 30);
        // The bot thanks the visitor; the request is solved without a person, and the ticket never went to the agents.
        await Expect(theirs).ToHaveCountAsync(2, new() { Timeout = LiveTimeout });
        await Expect(theirs.Nth(1).Locator(".b")).ToContainTextAsync("Glad it helped");
        var ticket = await okno.App.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId));
        Assert.Equal(((long?)null, (DateTimeOffset?)null, false), (ticket.AssigneeId, ticket.FirstResponseAt, ticket.WithBot));
    });

    private async Task WaitUntilOnlineAsync(string key)
    {
        using var client = okno.App.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/v1/{key}/session") { Content = System.Net.Http.Json.JsonContent.Create(new { lang = "en" }) };
            request.Headers.Add("Origin", Shop);
            using var response = await client.SendAsync(request);
            if ((await response.JsonAsync(HttpStatusCode.OK)).GetProperty("config").GetProperty("online").GetBoolean()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The chat channel never counted an agent online.");
            await Task.Delay(500);
        }
    }

    /// <summary>The shop's page with the widget's tag (as in <see cref="ChatWidgetTests"/>); Chromium asks a public site's
    /// permission before it calls loopback.</summary>
    private async Task OpenShopAsync(BrowserTab visitor, string key)
    {
        var context = visitor.Page.Context;
        await context.GrantPermissionsAsync(["local-network-access"], new() { Origin = Shop });
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
            <body><h1>Shop</h1><script src="{{okno.BaseUrl}}/widget.js" data-channel="{{key}}" async></script></body></html>
            """;
        await context.RouteAsync(Shop + "/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await visitor.Page.GotoAsync(Shop + "/garden");
        await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
    }
}
