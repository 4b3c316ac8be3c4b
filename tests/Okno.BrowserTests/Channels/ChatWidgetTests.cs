using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>The live-chat widget (wwwroot/widget.js) on a shop's page of another origin, with an agent in the workspace: two
/// browser contexts, the visitor's and the agent's. The shop (https://shop.test) is a page Playwright serves itself; the
/// widget on it talks to the real Okno cross-origin, as it does on any customer's site.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChatWidgetTests(OknoInChromium okno)
{
    private const string Shop = "https://shop.test";
    /// <summary>An agent reply goes through the delivery queue; a busy two-core machine can take seconds.</summary>
    private const float LiveTimeout = 30_000;

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public Task Visitor_and_agent_talk_both_ways_with_typing_read_marks_and_an_unread_badge() => okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
    {
        var admin = await okno.App.AdminClientAsync();
        var key = await ChatChannelAsync(admin);
        await agent.SignInAsync(returnUrl: "/inbox");
        await WaitUntilOnlineAsync(key);

        await OpenShopAsync(visitor, key);
        var w = Widget(visitor);
        // The widget defines no globals on the shop's page.
        Assert.Empty(await visitor.Page.EvaluateAsync<string[]>("() => Object.keys(window).filter(k => k !== 'shopGlobals' && !window.shopGlobals.includes(k))"));
        // The shop's own CSS hides every button on its page; the widget's, in its shadow root, stay.
        await Expect(w("#okno-launcher")).ToBeVisibleAsync();
        await w("#okno-launcher").ClickAsync();
        await Expect(w("#okno-panel")).ToBeVisibleAsync();
        await Expect(w("#okno-input")).ToBeFocusedAsync();
        await Expect(w("#okno-online")).ToHaveTextAsync("We are online");
        await Expect(w("#okno-greeting")).ToContainTextAsync("Hello! How can we help?");

        var marker = Guid.NewGuid().ToString("N")[..8];
        // Visitor text is text: markup in it is shown, never run.
        var first = $"My order {marker} has not arrived <b>yet</b>";
        await w("#okno-input").PressSequentiallyAsync(first);
        await w("#okno-input").PressAsync("Enter");
        var mine = w(".m[data-author=visitor][data-id]");
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine.First.Locator(".b")).ToHaveTextAsync(first);
        await Expect(mine.First).ToHaveAttributeAsync("data-state", "sent");
        await Expect(w("#okno-input")).ToHaveValueAsync("");

        var ticketId = await ChatTicketWithAsync(admin, marker);
        await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
        await Expect(agent.Page.Locator("#timeline .timeline-in")).ToContainTextAsync(first);
        await Expect(agent.Page.Locator("#chat-panel")).ToBeVisibleAsync();
        // The agent has the conversation open: the visitor sees their message read.
        await Expect(mine.First).ToHaveAttributeAsync("data-state", "read", new() { Timeout = LiveTimeout });
        await Expect(mine.First.Locator(".s")).ToContainTextAsync("Read");

        // Typing, visitor → agent.
        await w("#okno-input").PressSequentiallyAsync("Also the tracking number");
        await Expect(agent.Page.Locator("#chat-visitor-typing")).ToBeVisibleAsync(new() { Timeout = LiveTimeout });
        await w("#okno-input").PressAsync("Shift+Enter");
        await w("#okno-input").PressSequentiallyAsync("is 12345");
        await Expect(w("#okno-input")).ToHaveValueAsync("Also the tracking number\nis 12345");
        await w("#okno-input").PressAsync("Enter");
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(agent.Page.Locator("#timeline .timeline-in")).ToHaveCountAsync(2, new() { Timeout = LiveTimeout });
        await Expect(mine.Nth(1)).ToHaveAttributeAsync("data-state", "read", new() { Timeout = LiveTimeout });

        // The visitor closes the panel (Escape): focus goes back to the launcher.
        await w("#okno-input").PressAsync("Escape");
        await Expect(w("#okno-panel")).ToBeHiddenAsync();
        await Expect(w("#okno-launcher")).ToBeFocusedAsync();

        // Typing, agent → visitor, then the reply arrives live and shows as unread on the launcher.
        await agent.Page.Locator("#reply-body").PressSequentiallyAsync("Let me check the courier");
        await w("#okno-launcher").ClickAsync();
        await Expect(w("#okno-typing")).ToContainTextAsync("is typing", new() { Timeout = LiveTimeout });
        await w("#okno-close").ClickAsync();
        await agent.Page.Locator("#reply-send").ClickAsync();
        var theirs = w(".m[data-author=agent][data-id]");
        await Expect(theirs).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
        await Expect(theirs.First).ToContainTextAsync("Let me check the courier");
        await Expect(w("#okno-badge")).ToHaveTextAsync("1");
        await Expect(w("#okno-typing")).ToBeHiddenAsync();
        await w("#okno-launcher").ClickAsync();
        await Expect(w("#okno-badge")).ToBeHiddenAsync();

        // The next visit (a reload: the token is in the shop's localStorage) shows the same conversation, each message once.
        await visitor.Page.ReloadAsync();
        await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
        await Expect(w(".m[data-id]")).ToHaveCountAsync(3);
        await Expect(w("#okno-badge")).ToBeHiddenAsync();
        await w("#okno-launcher").ClickAsync();
        await Expect(w(".m[data-author=visitor][data-id]").First).ToHaveAttributeAsync("data-state", "read");
        await visitor.ScreenshotAsync();
        Assert.Empty(agent.Problems);
    });

    [Fact]
    public Task A_visitor_sends_an_image_and_sees_it_previewed_and_a_file_of_a_refused_type_is_stopped_in_the_widget() =>
        okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
        {
            var admin = await okno.App.AdminClientAsync();
            var key = await ChatChannelAsync(admin);
            await agent.SignInAsync(returnUrl: "/inbox");
            await WaitUntilOnlineAsync(key);
            await OpenShopAsync(visitor, key);
            var w = Widget(visitor);
            await w("#okno-launcher").ClickAsync();

            var marker = Guid.NewGuid().ToString("N")[..8];
            await w("#okno-input").FillAsync($"Here is the receipt {marker}");
            await w("#okno-send").ClickAsync();
            await Expect(w(".m[data-author=visitor][data-id]")).ToHaveCountAsync(1);

            // Checked before upload, with the reason shown.
            await w("#okno-file").SetInputFilesAsync(new FilePayload { Name = "setup.exe", MimeType = "application/x-msdownload", Buffer = [0x4d, 0x5a, 0, 0] });
            await Expect(w("#okno-notice")).ToHaveTextAsync("Files of this type cannot be sent.");

            await w("#okno-file").SetInputFilesAsync(new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = Png });
            var image = w(".m[data-author=visitor][data-id] img");
            await Expect(image).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
            await Expect(image).ToHaveAttributeAsync("alt", "receipt.png");
            // The signed address loads in an <img> on the shop's page (no token, another origin).
            await visitor.Page.WaitForFunctionAsync(
                "() => { const i = document.querySelector('okno-chat').shadowRoot.querySelector('.m[data-id] img'); return i && i.complete && i.naturalWidth === 1; }");

            var ticketId = await ChatTicketWithAsync(admin, marker);
            await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToHaveCountAsync(2);
            await Expect(agent.Page.Locator("#timeline [title='receipt.png'], #timeline [download='receipt.png']").First).ToBeVisibleAsync();
            await visitor.ScreenshotAsync();
        });

    [Fact]
    public Task The_pre_chat_form_asks_for_the_required_fields_in_the_pages_language_before_the_first_message() =>
        okno.InTwoPagesAsync("ru-RU", async (visitor, agent) =>
        {
            var admin = await okno.App.AdminClientAsync();
            var key = await ChatChannelAsync(admin, prechatName: "required", prechatEmail: "required", prechatPhone: "optional");
            await agent.SignInAsync(returnUrl: "/inbox");
            await WaitUntilOnlineAsync(key);
            // A Russian shop that names no charset: the widget's strings still come out right (its file starts with a BOM).
            await OpenShopAsync(visitor, key, lang: "ru", charset: false);
            var w = Widget(visitor);
            await w("#okno-launcher").ClickAsync();

            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-mode", "prechat");
            await Expect(w("#okno-prechat")).ToContainTextAsync("Представьтесь");
            await Expect(w("#okno-composer")).ToBeHiddenAsync();
            await Expect(w("#okno-prechat-name")).ToBeFocusedAsync();
            await Expect(w("#okno-prechat-phone")).ToBeVisibleAsync();

            await w("#okno-prechat-submit").ClickAsync();
            await Expect(w("#okno-prechat-name-error")).ToHaveTextAsync("Это поле нужно заполнить.");
            await Expect(w("#okno-prechat-email-error")).ToHaveTextAsync("Это поле нужно заполнить.");
            await w("#okno-prechat-name").FillAsync("Анна Петрова");
            await w("#okno-prechat-email").FillAsync("anna@");
            await w("#okno-prechat-submit").ClickAsync();
            await Expect(w("#okno-prechat-email-error")).ToHaveTextAsync("Это не адрес почты.");
            await Expect(w("#okno-prechat-name-error")).ToBeHiddenAsync();

            var email = $"anna.{Guid.NewGuid():N}@example.test";
            await w("#okno-prechat-email").FillAsync(email);
            await w("#okno-prechat-email").PressAsync("Enter");
            await Expect(w("#okno-composer")).ToBeVisibleAsync();
            await Expect(w("#okno-input")).ToBeFocusedAsync();
            await Expect(w("#okno-input")).ToHaveAttributeAsync("placeholder", "Напишите сообщение…");

            var marker = Guid.NewGuid().ToString("N")[..8];
            await w("#okno-input").FillAsync($"Здравствуйте, вопрос по заказу {marker}");
            await w("#okno-input").PressAsync("Enter");
            await Expect(w(".m[data-author=visitor][data-id]")).ToHaveAttributeAsync("data-state", "sent");
            await Expect(w(".m[data-author=visitor][data-id] .s")).ToContainTextAsync("Отправлено");

            var ticketId = await ChatTicketWithAsync(admin, marker);
            await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#chat-panel")).ToContainTextAsync(email);
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToContainTextAsync(marker);
            await visitor.ScreenshotAsync();
        });

    [Fact]
    public Task Messages_typed_offline_go_once_and_in_order_when_the_connection_is_back_and_the_stream_resumes() =>
        okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
        {
            var admin = await okno.App.AdminClientAsync();
            var key = await ChatChannelAsync(admin);
            await agent.SignInAsync(returnUrl: "/inbox");
            await WaitUntilOnlineAsync(key);
            await OpenShopAsync(visitor, key);
            var w = Widget(visitor);
            var host = visitor.Page.Locator("okno-chat");
            await w("#okno-launcher").ClickAsync();

            var marker = Guid.NewGuid().ToString("N")[..8];
            await w("#okno-input").FillAsync($"Before the drop {marker}");
            await w("#okno-input").PressAsync("Enter");
            var mine = w(".m[data-author=visitor][data-id]");
            await Expect(mine).ToHaveCountAsync(1);
            var ticketId = await ChatTicketWithAsync(admin, marker);
            await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToHaveCountAsync(1);

            await visitor.Page.Context.SetOfflineAsync(true);
            foreach (var text in new[] { "First while offline", "Second while offline" })
            {
                await w("#okno-input").FillAsync(text);
                await w("#okno-input").PressAsync("Enter");
            }
            // Kept in the outbox (localStorage) and shown as sending; nothing reached Okno.
            await Expect(w(".m[data-pending][data-state=sending]")).ToHaveCountAsync(2);
            await Expect(host).ToHaveAttributeAsync("data-okno-outbox", "2");
            await Task.Delay(1500);
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToHaveCountAsync(1);

            await visitor.Page.Context.SetOfflineAsync(false);
            await Expect(mine).ToHaveCountAsync(3, new() { Timeout = LiveTimeout });
            await Expect(w(".m[data-pending]")).ToHaveCountAsync(0);
            await Expect(host).ToHaveAttributeAsync("data-okno-outbox", "0");
            await Expect(mine.Nth(1).Locator(".b")).ToHaveTextAsync("First while offline");
            await Expect(mine.Nth(2).Locator(".b")).ToHaveTextAsync("Second while offline");

            var incoming = agent.Page.Locator("#timeline .timeline-in");
            await Expect(incoming).ToHaveCountAsync(3, new() { Timeout = LiveTimeout });
            var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages?limit=50")).Items()
                .Where(m => m.Str("direction") == "in").OrderBy(m => m.Id()).Select(m => m.Str("bodyText").Trim()).ToList();
            Assert.Equal(3, messages.Count);
            Assert.Equal("First while offline", messages[1]);
            Assert.Equal("Second while offline", messages[2]);

            // The live stream came back too: an agent's reply arrives without a reload.
            await Expect(host).ToHaveAttributeAsync("data-okno-stream", "open", new() { Timeout = LiveTimeout });
            await agent.Page.Locator("#reply-body").FillAsync("Both arrived, thank you");
            await agent.Page.Locator("#reply-send").ClickAsync();
            await Expect(w(".m[data-author=agent][data-id]")).ToContainTextAsync("Both arrived, thank you", new() { Timeout = LiveTimeout });
            await Expect(w(".m[data-id]")).ToHaveCountAsync(4);
            await visitor.ScreenshotAsync();
        });

    [Fact]
    public Task A_message_whose_answer_was_lost_is_sent_again_and_stored_once() => okno.InPageAsync("en-US", async visitor =>
    {
        var admin = await okno.App.AdminClientAsync();
        // Offline (its group has nobody), so the widget asks for an email first and the test needs no agent.
        var key = await ChatChannelAsync(admin, groupId: await admin.CreateGroupAsync());
        // Okno takes the first send and stores it, but its answer never reaches the page (a dropped connection, a node
        // killed after the write). The live stream is kept down meanwhile, so it cannot bring the stored copy: the
        // widget has only its outbox to go by and sends the same message (same clientId) again.
        var sends = 0;
        var api = $"{okno.BaseUrl}/widget/v1/{key}";
        await visitor.Page.Context.RouteAsync(api + "/messages", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            if (Interlocked.Increment(ref sends) == 1)
            {
                await using var stored = await route.FetchAsync();
                Assert.Equal(200, stored.Status);
                await route.AbortAsync("connectionreset");
                return;
            }
            await route.ContinueAsync();
        });
        await visitor.Page.Context.RouteAsync(api + "/events", route => Volatile.Read(ref sends) < 2 ? route.AbortAsync() : route.ContinueAsync());
        await OpenShopAsync(visitor, key);
        var w = Widget(visitor);
        await w("#okno-launcher").ClickAsync();
        await w("#okno-prechat-email").FillAsync($"sunday.{Guid.NewGuid():N}@example.test");
        await w("#okno-prechat-submit").ClickAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await w("#okno-input").FillAsync($"Is the shop open on Sunday? {marker}");
        await w("#okno-input").PressAsync("Enter");

        var mine = w(".m[data-author=visitor][data-id]");
        await Expect(mine).ToHaveCountAsync(1, new() { Timeout = LiveTimeout });
        await Expect(w(".m[data-pending]")).ToHaveCountAsync(0);
        Assert.Equal(2, Volatile.Read(ref sends));
        var ticketId = await ChatTicketWithAsync(admin, marker);
        var stored = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages?limit=50")).Items()
            .Count(m => m.Str("bodyText").Contains(marker, StringComparison.Ordinal));
        Assert.Equal(1, stored);
        // The stream, back, resumes after the newest message held: nothing shows twice, now or after a reload.
        await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-stream", "open", new() { Timeout = LiveTimeout });
        await Expect(w(".m[data-id]")).ToHaveCountAsync(1);
        await visitor.Page.ReloadAsync();
        await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
        await Expect(w(".m[data-id]")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task With_nobody_online_the_widget_says_so_takes_a_message_with_an_email_and_it_becomes_a_ticket() =>
        okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
        {
            var admin = await okno.App.AdminClientAsync();
            // The channel's group has no members, so nobody who may take the chat is online.
            var group = await admin.CreateGroupAsync();
            var key = await ChatChannelAsync(admin, groupId: group, prechatEmail: "optional");
            // A phone: the panel fills the screen and covers the launcher.
            await visitor.Page.SetViewportSizeAsync(400, 700);
            await OpenShopAsync(visitor, key);
            var w = Widget(visitor);
            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-online", "false");
            await w("#okno-launcher").ClickAsync();
            var panel = await w("#okno-panel").BoundingBoxAsync();
            Assert.Equal((0f, 0f, 400f, 700f), (panel!.X, panel.Y, panel.Width, panel.Height));
            await Expect(w("#okno-launcher")).ToBeHiddenAsync();
            await Expect(w("#okno-online")).ToHaveTextAsync("We are offline");
            await Expect(w("#okno-offline")).ToHaveTextAsync("We answer on weekdays from 9 to 18.");
            // Offline the email is required (the answer goes there) whatever the pre-chat form says.
            await Expect(w("#okno-prechat")).ToContainTextAsync("Leave your email");
            await w("#okno-prechat-submit").ClickAsync();
            await Expect(w("#okno-prechat-email-error")).ToHaveTextAsync("This field is required.");
            var email = $"offline.{Guid.NewGuid():N}@example.test";
            await w("#okno-prechat-email").FillAsync(email);
            await w("#okno-prechat-submit").ClickAsync();

            var marker = Guid.NewGuid().ToString("N")[..8];
            await w("#okno-input").FillAsync($"Please call me back about invoice {marker}");
            await w("#okno-send").ClickAsync();
            await Expect(w(".m[data-author=visitor][data-id]")).ToHaveAttributeAsync("data-state", "sent");

            var ticketId = await ChatTicketWithAsync(admin, marker);
            await agent.SignInAsync(returnUrl: $"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#timeline .timeline-in")).ToContainTextAsync($"invoice {marker}");
            await Expect(agent.Page.Locator("#chat-panel")).ToContainTextAsync(email);

            // The agent resolves the ticket: the open widget hears it on its stream and asks for a rating.
            await admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-mode", "rating", new() { Timeout = LiveTimeout });
            await Expect(w("#okno-rating")).ToBeVisibleAsync();
            await visitor.ScreenshotAsync();
        });

    [Fact]
    public Task An_invitation_opens_the_chat_and_a_visitor_who_ends_it_rates_it_for_the_agent_to_see() =>
        okno.InTwoPagesAsync("en-US", async (visitor, agent) =>
        {
            var admin = await okno.App.AdminClientAsync();
            var key = await ChatChannelAsync(admin, invitations: [new { afterSeconds = 1, pages = "*/garden*", text = "Need help choosing seeds?" }]);
            await agent.SignInAsync(returnUrl: "/inbox");
            await WaitUntilOnlineAsync(key);
            await OpenShopAsync(visitor, key);
            var w = Widget(visitor);

            await Expect(w("#okno-invite")).ToBeVisibleAsync();
            await Expect(w("#okno-invite-text")).ToHaveTextAsync("Need help choosing seeds?");
            await w("#okno-invite-text").ClickAsync();
            await Expect(w("#okno-panel")).ToBeVisibleAsync();
            await Expect(w("#okno-invite")).ToBeHiddenAsync();

            var marker = Guid.NewGuid().ToString("N")[..8];
            await w("#okno-input").FillAsync($"Which tomatoes grow in shade? {marker}");
            await w("#okno-input").PressAsync("Enter");
            await Expect(w(".m[data-author=visitor][data-id]")).ToHaveCountAsync(1);
            var ticketId = await ChatTicketWithAsync(admin, marker);
            await agent.GotoInteractiveAsync($"/tickets/{ticketId}");
            await Expect(agent.Page.Locator("#chat-panel")).ToBeVisibleAsync();

            // The menu: keyboard-reachable, Escape closes it first and the panel second.
            await w("#okno-menu-button").ClickAsync();
            await Expect(w("#okno-transcript")).ToBeFocusedAsync();
            await visitor.Page.Keyboard.PressAsync("Escape");
            await Expect(w("#okno-menu")).ToBeHiddenAsync();
            await Expect(w("#okno-panel")).ToBeVisibleAsync();
            await w("#okno-menu-button").ClickAsync();
            await w("#okno-end").ClickAsync();
            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-mode", "rating");
            await Expect(agent.Page.Locator("#chat-ended")).ToBeVisibleAsync(new() { Timeout = LiveTimeout });

            await w("#okno-stars [data-score='4']").ClickAsync();
            await Expect(w("#okno-stars [aria-pressed=true]")).ToHaveCountAsync(4);
            await w("#okno-rating-comment").FillAsync("Quick and kind");
            await w("#okno-rating-submit").ClickAsync();
            await Expect(w("#okno-rating-thanks")).ToBeVisibleAsync();
            await Expect(agent.Page.Locator("#chat-rating")).ToHaveTextAsync("Rating: 4 of 5", new() { Timeout = LiveTimeout });
            await Expect(agent.Page.Locator("#chat-panel")).ToContainTextAsync("Quick and kind");

            // Once per browser session: the next page of the shop shows no invitation.
            await visitor.Page.GotoAsync(Shop + "/garden/seeds");
            await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
            await Task.Delay(2000);
            await Expect(w("#okno-invite")).ToBeHiddenAsync();
            await visitor.ScreenshotAsync();
        });

    [Fact]
    public Task A_site_that_is_not_among_the_channels_allowed_origins_gets_no_widget() => okno.InPageAsync("en-US", async visitor =>
    {
        var admin = await okno.App.AdminClientAsync();
        var key = await ChatChannelAsync(admin, allowedOrigin: "https://another-shop.test");
        await OpenShopAsync(visitor, key, waitUntilReady: false);
        await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "loading");
        await Task.Delay(2000);
        // Okno refuses the preflight (403, no CORS headers): the browser stops the call before it is sent.
        Assert.Contains(visitor.Problems, p => p.Contains("/session", StringComparison.Ordinal) && p.Contains("CORS", StringComparison.Ordinal));
        await Expect(Widget(visitor)("#okno-launcher")).ToBeHiddenAsync();
        await Expect(visitor.Page.Locator("okno-chat")).Not.ToHaveAttributeAsync("data-okno-state", "ready");
    });

    private static Func<string, ILocator> Widget(BrowserTab tab) =>
        // Playwright's CSS engine pierces the widget's (open) shadow root.
        selector => tab.Page.Locator("okno-chat").Locator(selector);

    /// <summary>A chat channel allowed on the shop's origin; its public key.</summary>
    private static async Task<string> ChatChannelAsync(HttpClient admin, long? groupId = null, string prechatName = "off",
        string prechatEmail = "off", string prechatPhone = "off", object[]? invitations = null, string allowedOrigin = Shop)
    {
        var account = await admin.PostJsonAsync("/api/v1/channels/chat", new
        {
            name = "Shop chat " + Guid.NewGuid().ToString("N")[..6],
            groupId,
            settings = new
            {
                allowedOrigins = new[] { allowedOrigin }, title = "Shop chat", greeting = "Hello! How can we help?", accent = "#1565c0",
                prechatName, prechatEmail, prechatPhone, calendarId = (long?)null, emailAccountId = (long?)null,
                offlineText = "We answer on weekdays from 9 to 18.", invitations = invitations ?? [], maxConcurrentChats = 0,
            },
        }, HttpStatusCode.Created);
        return account.GetProperty("settings").Str("key");
    }

    /// <summary>Waits until the channel counts an agent online (the signed-in agent's workspace has beaten), so the
    /// widget opened next is online.</summary>
    private async Task WaitUntilOnlineAsync(string key)
    {
        using var client = okno.App.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/v1/{key}/session") { Content = JsonContent.Create(new { lang = "en" }) };
            request.Headers.Add("Origin", Shop);
            using var response = await client.SendAsync(request);
            var session = await response.JsonAsync(HttpStatusCode.OK);
            if (session.GetProperty("config").GetProperty("online").GetBoolean()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The chat channel never counted an agent online.");
            await Task.Delay(500);
        }
    }

    /// <summary>The chat ticket holding a message with <paramref name="marker"/> (written at once by the widget's call,
    /// but looked for a while all the same).</summary>
    private static async Task<long> ChatTicketWithAsync(HttpClient admin, string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            foreach (var ticket in (await admin.GetJsonAsync("/api/v1/tickets?channel=chat&view=all_open&limit=50")).Items())
            {
                var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages?limit=50")).Items();
                if (messages.Any(m => m.GetProperty("bodyText").GetString()?.Contains(marker, StringComparison.Ordinal) == true))
                    return ticket.Id();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No chat ticket has a message with {marker}.");
            await Task.Delay(500);
        }
    }

    /// <summary>Opens the shop's page with the widget's tag. Okno is on loopback here, and Chromium asks a public site's
    /// permission before it calls loopback (Local Network Access); a real shop calls a public Okno and needs none.</summary>
    private async Task OpenShopAsync(BrowserTab visitor, string key, string lang = "en", bool charset = true, bool waitUntilReady = true)
    {
        var context = visitor.Page.Context;
        await context.GrantPermissionsAsync(["local-network-access"], new() { Origin = Shop });
        var html = $$"""
            <!doctype html>
            <html lang="{{lang}}"><head><title>Shop</title>
            <style>button { display: none !important } * { font-size: 40px !important; color: red !important }</style></head>
            <body><h1>Shop</h1><p>Everything for the garden.</p>
            <script>window.shopGlobals = Object.keys(window);</script>
            <script src="{{okno.BaseUrl}}/widget.js" data-channel="{{key}}" async></script>
            </body></html>
            """;
        await context.RouteAsync(Shop + "/**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = charset ? "text/html; charset=utf-8" : "text/html",
            // Without a charset the page is read as windows-1252: only the page, not the widget, is ASCII here.
            BodyBytes = System.Text.Encoding.UTF8.GetBytes(html),
        }));
        await visitor.Page.GotoAsync(Shop + "/garden");
        if (waitUntilReady) await Expect(visitor.Page.Locator("okno-chat")).ToHaveAttributeAsync("data-okno-state", "ready");
    }

}
