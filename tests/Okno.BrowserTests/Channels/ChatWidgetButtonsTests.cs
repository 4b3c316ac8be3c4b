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

/// <summary>Buttons in the chat widget (issue 18): a message delivered with buttons shows them under it; pressing one by
/// keyboard sends its label with its payload (stored for the chat adapter to read back), and the answered buttons are
/// disabled. The buttons are delivered here through the chat adapter's send, as the delivery queue calls it for a bot's
/// message.</summary>
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
        // Until the bot core is on main, the bot's message is written here directly (as the bot's turn writes it through
        // the one write path) and delivered with its buttons through the chat adapter's send, as the delivery queue will.
        var messageId = await okno.App.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.Include(t => t.Messages).SingleAsync(t => t.Id == ticketId);
            var message = new Message(MessageDirection.Out, false, Actor.System, "What is it about?", "<p>What is it about?</p>", DateTimeOffset.UtcNow);
            ticket.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        using (var scope = okno.App.Services.CreateScope())
        {
            var adapter = ActivatorUtilities.CreateInstance<ChatAdapter>(scope.ServiceProvider);
            var sent = await adapter.SendAsync(new ChatSettings(Key: key), new OutboundMessage(messageId, 0, "", "What is it about?", "", null, null, null, "k-" + marker)
            {
                Buttons = [new("scenario:start:1", "Billing"), new("scenario:start:2", "Delivery"), new("scenario:person", "Talk to a person")],
            }, CancellationToken.None);
            Assert.True(sent.IsSent, sent.Reason);
        }
        var theirs = W(".m[data-author=system][data-id]");
        await Expect(theirs).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
        var keys = theirs.First.Locator(".k button");
        await Expect(keys).ToHaveTextAsync(["Billing", "Delivery", "Talk to a person"], new() { Timeout = LiveTimeout });
        await visitor.ScreenshotAsync("buttons");

        // By keyboard: Tab reaches the buttons, Enter presses one.
        await keys.Nth(1).FocusAsync();
        await visitor.Page.Keyboard.PressAsync("Enter");
        var mine = W(".m[data-author=visitor][data-id]");
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(mine.Last.Locator(".b")).ToHaveTextAsync("Delivery");
        await Expect(keys.First).ToBeDisabledAsync();
        await Expect(keys.Last).ToBeDisabledAsync();

        var payload = await okno.App.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.Payload.Contains("scenario:start:2")).Select(i => i.Payload).SingleAsync());
        using (var scope = okno.App.Services.CreateScope())
        {
            var read = ActivatorUtilities.CreateInstance<ChatAdapter>(scope.ServiceProvider).Parse(new ChatSettings(), payload);
            Assert.Equal(("scenario:start:2", "Delivery"), (read.ButtonPayload, read.Text));
        }
        await visitor.ScreenshotAsync("answered");
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
