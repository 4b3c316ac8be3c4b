using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Bots;
using Okno.Channels;
using Okno.Channels.Adapters;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Bots;

/// <summary>The bot core on both databases, with a scripted engine: a new request on a source with a bot starts a
/// conversation (the ticket is the bot's, its message offers buttons the channel delivers), the customer's choice — a
/// pressed button or just its number — reaches the engine, and each way out (solved, handed over, silence, an agent
/// answering) ends it with the ticket given back to the desk. Channel jobs are off; each test drives intake and delivery.</summary>
public sealed class BotConversationTests
{
    /// <summary>Offers two buttons; "a" sets fields and solves, "b" or anything else hands over; silence hands over.</summary>
    private sealed class ScriptedEngine : IBotEngine
    {
        public BotKind Kind => BotKind.Answer;

        public Task StartAsync(BotTurn turn, CancellationToken ct) =>
            turn.SayAsync($"Hello ({turn.Language}): {turn.CustomerText}", [new("a", "Option A"), new("b", "Option B")], TimeSpan.FromMinutes(5), ct);

        public async Task ReplyAsync(BotTurn turn, CancellationToken ct)
        {
            if (turn.ButtonPayload == "a")
            {
                await turn.SetFieldsAsync(new BotTicketFields(Priority: "high", AddTags: ["bot-a"]), ct);
                await turn.ResolveAsync(ct);
            }
            else await turn.HandOffAsync(turn.ButtonPayload == "b" ? "chose b" : "wrote: " + turn.CustomerText, ct);
        }

        public Task SilenceAsync(BotTurn turn, CancellationToken ct) => turn.HandOffAsync("silent", ct);
    }

    private static OknoFactory App(string provider) =>
        OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" },
            services => services.AddScoped<IBotEngine, ScriptedEngine>());

    private static RawInboundItem Item(string id, string from, string text, string? button = null) =>
        new(id, JsonSerializer.Serialize(new { from, name = "Visitor " + from, text, button }));

    private static async Task<long> WithBotAsync(OknoFactory app, HttpClient admin)
    {
        var account = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name = "Bot log", settings = new { label = "bot" } })).Id();
        var source = (await admin.PutAsJsonAsync($"/api/v1/bots/sources/account:{account}", new { bot = "answer", silenceMinutes = 5 }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("answer", (await source).Str("bot"));
        return account;
    }

    private static async Task<long> ArriveAsync(OknoFactory app, long account, RawInboundItem item)
    {
        await app.Services.GetRequiredService<InboundStore>().StoreAsync(account, [item], CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        return await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.ExternalId == item.ExternalId).Select(i => i.TicketId!.Value).SingleAsync());
    }

    private static Task<BotConversation> ConversationAsync(OknoFactory app, long ticketId) =>
        app.WithDbAsync(db => db.Set<BotConversation>().AsNoTracking().SingleAsync(c => c.TicketId == ticketId));

    private static async Task<BotConversation> UntilAsync(OknoFactory app, long ticketId, Func<BotConversation, bool> reached)
    {
        BotConversation? seen = null;
        await JobHelpers.UntilAsync(async () =>
            (seen = await app.WithDbAsync(db => db.Set<BotConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.TicketId == ticketId))) is { } c && reached(c), 30);
        return seen!;
    }

    [Theory]
    [BothDatabases]
    public async Task A_new_request_gets_the_bots_buttons_and_a_number_reply_is_the_choice_that_hands_it_over(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await WithBotAsync(app, admin);

        var ticketId = await ArriveAsync(app, account, Item("m1", "visitor-1", "Мой принтер не печатает"));
        var conversation = await UntilAsync(app, ticketId, c => c.WaitUntil is not null);
        Assert.Equal((BotConversationState.Active, "ru"), (conversation.State, conversation.Language));
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId));
        Assert.True(ticket.WithBot);
        // The bot's answer is not the desk's first response: the ticket stays new for a person.
        Assert.Equal((TicketStatus.New, (DateTimeOffset?)null), (ticket.Status, ticket.FirstResponseAt));
        var said = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.AuthorKind == ActorKind.Bot));
        Assert.Equal([new MessageButton("a", "Option A"), new MessageButton("b", "Option B")], said.OfferedButtons);

        // The channel delivers it with its buttons.
        await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);
        var sent = app.Services.GetRequiredService<LogChannelOutbox>().Sent.Single(s => s.Message.MessageId == said.Id).Message;
        Assert.Equal(["a:Option A", "b:Option B"], sent.Buttons.Select(b => b.Payload + ":" + b.Label));
        Assert.Equal("visitor-1", sent.RecipientId);

        // "2" alone is the second button.
        await ArriveAsync(app, account, Item("m2", "visitor-1", "2"));
        conversation = await UntilAsync(app, ticketId, c => c.State != BotConversationState.Active);
        Assert.Equal((BotConversationState.HandedOff, "chose b"), (conversation.State, conversation.EndReason));
        ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId));
        Assert.False(ticket.WithBot);
        var note = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.IsInternal));
        Assert.Equal((ActorKind.Bot, "Бот передал разговор агентам: chose b"), (note.AuthorKind, note.BodyText));
        // The whole exchange is in the timeline (the API's view of the ticket), the bot named as such.
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items();
        Assert.Equal(["contact", "bot", "contact", "bot"], messages.Select(m => m.GetProperty("author").Str("kind")));
    }

    [Theory]
    [BothDatabases]
    public async Task A_pressed_button_sets_the_fields_and_solves_the_request_as_the_bot(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await WithBotAsync(app, admin);
        var ticketId = await ArriveAsync(app, account, Item("m1", "visitor-2", "My printer is broken"));
        Assert.Equal("en", (await UntilAsync(app, ticketId, c => c.WaitUntil is not null)).Language);

        await ArriveAsync(app, account, Item("m2", "visitor-2", "Option A", button: "a"));
        var conversation = await UntilAsync(app, ticketId, c => c.State != BotConversationState.Active);
        Assert.Equal(BotConversationState.Solved, conversation.State);
        var ticket = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Tags).ThenInclude(t => t.Tag).SingleAsync(t => t.Id == ticketId));
        Assert.Equal((TicketStatus.Resolved, TicketPriority.High, false), (ticket.Status, ticket.Priority, ticket.WithBot));
        Assert.Equal(["bot-a"], ticket.Tags.Select(t => t.Tag.Name));
        Assert.Equal("a", await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In)
            .OrderByDescending(m => m.Id).Select(m => m.ButtonPayload).FirstAsync()));
        var history = await app.WithDbAsync(db => db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId && e.Field == "status")
            .Select(e => new { e.ActorKind, e.NewValue }).ToListAsync());
        Assert.Contains(history, h => h.ActorKind == ActorKind.Bot && h.NewValue == "resolved");
    }

    [Theory]
    [BothDatabases]
    public async Task Silence_hands_over_and_an_agent_answering_takes_over(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await WithBotAsync(app, admin);

        var quiet = await ArriveAsync(app, account, Item("q1", "visitor-3", "Hello?"));
        await UntilAsync(app, quiet, c => c.WaitUntil is not null);
        // Nothing is due yet; once the wait is over, the silence job hands the ticket over.
        Assert.Equal(0, await app.Services.GetRequiredService<BotSilence>().RunDueAsync(CancellationToken.None));
        await app.WithDbAsync(db => db.Set<BotConversation>().Where(c => c.TicketId == quiet)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WaitUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await app.Services.GetRequiredService<BotSilence>().RunDueAsync(CancellationToken.None));
        Assert.Equal((BotConversationState.HandedOff, "silent"), ((await ConversationAsync(app, quiet)).State, (await ConversationAsync(app, quiet)).EndReason));

        var answered = await ArriveAsync(app, account, Item("t1", "visitor-4", "Hi there"));
        await UntilAsync(app, answered, c => c.WaitUntil is not null);
        await admin.PostJsonAsync($"/api/v1/tickets/{answered}/messages", new { body = "I'm here, let me look." });
        var taken = await UntilAsync(app, answered, c => c.State != BotConversationState.Active);
        Assert.Equal(BotConversationState.TakenOver, taken.State);
        Assert.False(await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == answered).Select(t => t.WithBot).SingleAsync()));
        // Later messages are the agent's conversation: the bot says nothing more.
        await ArriveAsync(app, account, Item("t2", "visitor-4", "1"));
        await Task.Delay(1500);
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.TicketId == answered && m.AuthorKind == ActorKind.Bot && !m.IsInternal)));
    }

    [Theory]
    [BothDatabases]
    public async Task Bot_settings_are_validated_and_a_source_without_a_bot_gets_none(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name = "Plain", settings = new { label = "plain" } })).Id();

        var bad = await (await admin.PutAsJsonAsync($"/api/v1/bots/sources/account:{account}", new { bot = "oracle", silenceMinutes = 0 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["bot", "silenceMinutes"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var scenario = await (await admin.PutAsJsonAsync($"/api/v1/bots/sources/account:{account}", new { bot = "scenario", scenarioId = 999 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(scenario.GetProperty("errors").TryGetProperty("scenarioId", out _));
        await (await admin.PutAsJsonAsync("/api/v1/bots/sources/account:424242", new { bot = "answer" })).JsonAsync(HttpStatusCode.NotFound);
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/bots/sources")).StatusCode);

        var sources = (await admin.GetJsonAsync("/api/v1/bots/sources")).EnumerateArray().ToList();
        Assert.Contains(sources, s => s.Str("source") == "helpcenter" && s.Str("bot") == "off");
        Assert.Contains(sources, s => s.Str("source") == $"account:{account}" && s.Str("bot") == "off" && s.Str("kind") == "log");

        var ticketId = await ArriveAsync(app, account, Item("p1", "visitor-5", "No bot here"));
        await Task.Delay(1500);
        Assert.False(await app.WithDbAsync(db => db.Set<BotConversation>().AnyAsync(c => c.TicketId == ticketId)));
    }
}
