using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Bots;
using Okno.Channels;
using Okno.IntegrationTests.Channels.Telegram;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Bots;

/// <summary>A button scenario end to end through the fake Bot API: a Telegram user writes, the bot answers with an inline
/// keyboard, the user presses buttons (callback queries built from the keyboard the bot really sent), the outcome's
/// fields land on the ticket and the agents get it with the whole exchange in its timeline.</summary>
public sealed class BotsThroughTelegramTests
{
    private const long User = 424242;

    private static JsonObject Update(JsonObject body) => body;

    private static JsonObject From() => new() { ["id"] = User, ["is_bot"] = false, ["first_name"] = "Ира", ["language_code"] = "ru" };
    private static JsonObject Chat() => new() { ["id"] = User, ["first_name"] = "Ира", ["type"] = "private" };

    private static JsonObject Text(string text, long messageId) => new()
    {
        ["message"] = new JsonObject { ["message_id"] = messageId, ["from"] = From(), ["chat"] = Chat(), ["date"] = 1764950000 + messageId, ["text"] = text },
    };

    /// <summary>The user presses the button labelled <paramref name="label"/> under the bot's message as the fake recorded it.</summary>
    private static JsonObject Press(FakeTelegram.SentMessage sent, string label, string queryId)
    {
        var keyboard = sent.ReplyMarkup!["inline_keyboard"]!.AsArray();
        var data = keyboard.SelectMany(row => row!.AsArray()).Single(b => b!["text"]!.GetValue<string>() == label)!["callback_data"]!.GetValue<string>();
        return new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId, ["from"] = From(), ["chat_instance"] = "-1",
                ["message"] = new JsonObject
                {
                    ["message_id"] = 900, ["chat"] = Chat(), ["date"] = 1764950100, ["text"] = sent.Text,
                    ["from"] = new JsonObject { ["id"] = FakeTelegram.BotId, ["is_bot"] = true, ["first_name"] = "Okno", ["username"] = FakeTelegram.BotUsername },
                    ["reply_markup"] = sent.ReplyMarkup.DeepClone(),
                },
                ["data"] = data,
            },
        };
    }

    [Theory]
    [BothDatabases]
    public async Task A_scenario_runs_in_telegram_with_inline_keyboards_and_hands_the_ticket_over_with_its_outcome(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" });
        await using var fake = await FakeTelegram.StartAsync();
        fake.WebhookClient = app.CreateClient();
        var admin = await app.AdminClientAsync();
        var outages = await admin.CreateGroupAsync("Outages");
        var account = (await admin.PostJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Telegram", settings = new { botToken = FakeTelegram.Token, mode = "webhook", apiBaseUrl = fake.BaseUrl },
        })).GetProperty("account").Id();
        object T(string ru, string en) => new { ru, en };
        var scenario = (await admin.PostJsonAsync("/api/v1/bots/scenarios", new
        {
            name = "Menu", enabled = true, steps = new object[]
            {
                new { id = "start", kind = "message", text = T("О чём ваш вопрос?", "What is it about?"),
                    buttons = new[] { new { label = T("Оплата", "Billing"), next = "billing" }, new { label = T("Сбой", "Outage"), next = "urgency" } } },
                new { id = "billing", kind = "handover", type = "question", tags = new[] { "billing" } },
                new { id = "urgency", kind = "question", text = T("Насколько срочно?", "How urgent?"), store = "priority",
                    buttons = new[] { new { label = T("Очень", "Very"), value = "urgent" }, new { label = T("Терпит", "Can wait"), value = "low" } }, next = "people" },
                new { id = "people", kind = "handover", type = "incident", groupId = outages, tags = new[] { "outage" } },
            },
        })).Id();
        await (await admin.PutAsJsonAsync($"/api/v1/bots/sources/account:{account}", new { bot = "scenario", scenarioId = scenario }))
            .JsonAsync(HttpStatusCode.OK);

        async Task<FakeTelegram.SentMessage> StepAsync(JsonObject update, int sentBefore)
        {
            fake.Push(update);
            await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
            await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
            FakeTelegram.SentMessage[] sent = [];
            await JobHelpers.UntilAsync(async () =>
            {
                await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);
                return (sent = fake.SentSnapshot()).Length > sentBefore;
            }, 30);
            return sent[^1];
        }

        var menu = await StepAsync(Text("Ничего не работает", 1), 0);
        Assert.Equal(("sendMessage", User.ToString(System.Globalization.CultureInfo.InvariantCulture), "О чём ваш вопрос?"), (menu.Method, menu.ChatId, menu.Text));
        // Every step offers a person too.
        Assert.Equal(["Оплата", "Сбой", "Позвать оператора"],
            menu.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.GetValue<string>()));
        var ticketId = await app.WithDbAsync(db => db.Set<BotConversation>().Select(c => c.TicketId).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.WithBot).SingleAsync()));

        var question = await StepAsync(Press(menu, "Сбой", "q1"), 1);
        Assert.Equal("Насколько срочно?", question.Text);

        fake.Push(Press(question, "Очень", "q2"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<BotConversation>().AnyAsync(c => c.TicketId == ticketId && c.State == BotConversationState.HandedOff)), 30);

        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Tags).ThenInclude(t => t.Tag).SingleAsync(t => t.Id == ticketId));
        Assert.Equal((TicketPriority.Urgent, TicketType.Incident, (long?)outages, false), (ticket.Priority, ticket.Type, ticket.GroupId, ticket.WithBot));
        Assert.Contains("outage", ticket.Tags.Select(t => t.Tag.Name));
        // The whole exchange is on the ticket: the customer's words and presses, the bot's questions, and why it handed over.
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items();
        Assert.Equal(["contact", "bot", "contact", "bot", "contact"], messages.Take(5).Select(m => m.GetProperty("author").Str("kind")));
        Assert.Equal("Сбой", messages[2].Str("bodyText"));
        Assert.StartsWith("scenario:", messages[2].Str("buttonPayload"));
        Assert.Contains(messages.Skip(5), m => m.GetProperty("internal").GetBoolean() && m.GetProperty("author").Str("kind") == "bot");
    }

    [Theory]
    [BothDatabases]
    public async Task The_answer_bot_offers_an_article_in_telegram_and_yes_solves_the_request_as_a_deflection(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?>
        {
            ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://help.example.com/",
        });
        await using var fake = await FakeTelegram.StartAsync();
        fake.WebhookClient = app.CreateClient();
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Сеть" });
        var section = await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "VPN" });
        var vpn = (await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Подключение к VPN из дома",
            body = "Установите клиент VPN, введите адрес сервера и рабочий пароль. Если VPN отключается, смените сеть.", visibility = "public",
        })).Id();
        await admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "ru", title = "Принтер в переговорной", body = "Принтер подключается по Wi-Fi, драйвер на портале.", visibility = "public",
        });
        var account = (await admin.PostJsonAsync("/api/v1/channels/telegram", new
        {
            name = "Telegram", settings = new { botToken = FakeTelegram.Token, mode = "webhook", apiBaseUrl = fake.BaseUrl },
        })).GetProperty("account").Id();
        await (await admin.PutAsJsonAsync($"/api/v1/bots/sources/account:{account}", new { bot = "answer" })).JsonAsync(HttpStatusCode.OK);

        fake.Push(Text("Не могу подключиться к впн из дома, что делать?", 1));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        FakeTelegram.SentMessage[] sent = [];
        await JobHelpers.UntilAsync(async () =>
        {
            await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);
            return (sent = fake.SentSnapshot()).Length > 0;
        }, 30);
        var offer = sent.Single();
        Assert.Contains("Подключение к VPN из дома", offer.Text);
        Assert.Contains($"https://help.example.com/", offer.Text);
        Assert.DoesNotContain("Принтер", offer.Text);
        Assert.Equal(["Да, помогло", "Нет", "Позвать специалиста"],
            offer.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.GetValue<string>()));

        fake.Push(Press(offer, "Да, помогло", "y1"));
        await JobHelpers.UntilAsync(() => Task.FromResult(fake.PendingCount == 0), 20);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        var ticketId = await app.WithDbAsync(db => db.Set<BotConversation>().Select(c => c.TicketId).SingleAsync());
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Set<BotConversation>().AnyAsync(c => c.State == BotConversationState.Solved)), 30);
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId));
        Assert.Equal((TicketStatus.Resolved, false, (DateTimeOffset?)null), (ticket.Status, ticket.WithBot, ticket.FirstResponseAt));
        // The article's bot statistics count the solve, for the knowledge-base editors.
        var stats = (await admin.GetJsonAsync($"/api/v1/kb/articles/{vpn}")).GetProperty("bot");
        Assert.Equal(1, stats.GetProperty("solved").GetInt32());
    }
}
