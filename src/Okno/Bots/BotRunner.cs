using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Okno.Channels;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Bots;

/// <summary>Runs bot turns on tickets: starts a conversation on a new request from a source that has a bot, feeds the
/// customer's later messages to its engine, ends the wait on silence, and steps aside when an agent answers. Every call
/// runs in its caller's transaction (the bot handler's round, the silence job's write) with the ticket locked, and writes
/// only through <see cref="Ticket"/>'s methods as <see cref="Actor.Bot"/>, so it all lands in the timeline and the outbox.</summary>
public sealed class BotRunner(OknoDb db, IEnumerable<IBotEngine> engines, MessageBodies bodies, TagCatalog tags, TimeProvider clock,
    IStringLocalizer<Ui.BotStrings> strings, ILogger<BotRunner> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A customer's message arrived on a ticket: the first of a new request starts a conversation if its source
    /// has a bot; a later one goes to the active conversation's engine.</summary>
    public async Task ReceivedAsync(long ticketId, long messageId, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.TicketId == ticketId)
            .Select(m => new { m.Id, m.BodyText, m.ButtonPayload, m.ChannelAccountId, m.Direction, m.AuthorKind }).FirstOrDefaultAsync(ct);
        if (message is not { Direction: MessageDirection.In }) return;
        var conversation = db.Set<BotConversation>().Local.FirstOrDefault(c => c.TicketId == ticketId)
            ?? await db.Set<BotConversation>().FirstOrDefaultAsync(c => c.TicketId == ticketId, ct);
        if (conversation is not null)
        {
            if (conversation.State != BotConversationState.Active || message.Id <= conversation.LastMessageId) return;
            await db.LockTicketAsync(ticketId, ct);
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
            conversation.LastMessageId = message.Id;
            var payload = message.ButtonPayload ?? ChoiceByNumber(conversation, message.BodyText);
            await RunAsync(conversation, ticket, message.BodyText, payload, (engine, turn) => engine.ReplyAsync(turn, ct), ct);
            return;
        }

        // Only a new request's first message starts a bot (not a message to an agent's ongoing conversation).
        var facts = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Channel, t.Status, t.AssigneeId, t.MessageCount, t.MergedIntoId }).SingleOrDefaultAsync(ct);
        if (facts is not { Status: TicketStatus.New, AssigneeId: null, MessageCount: 1, MergedIntoId: null }) return;
        var source = message.ChannelAccountId is { } accountId ? BotChannelSetting.AccountSource(accountId)
            : facts.Channel == ChannelKind.Web ? BotChannelSetting.HelpCenterSource : null;
        if (source is null) return;
        var setting = await db.Set<BotChannelSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Source == source, ct);
        if (setting is null || EngineOf(setting.Kind) is null) return;

        await db.LockTicketAsync(ticketId, ct);
        var opened = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
        var now = clock.GetUtcNow();
        conversation = new BotConversation
        {
            TicketId = ticketId, Source = source, Kind = setting.Kind, ScenarioId = setting.ScenarioId, State = BotConversationState.Active,
            Language = BotLanguage.Of(message.BodyText), LastMessageId = message.Id, StartedAt = now,
        };
        db.Add(conversation);
        opened.SetWithBot(true, Actor.Bot, now);
        await RunAsync(conversation, opened, message.BodyText, message.ButtonPayload, (engine, turn) => engine.StartAsync(turn, ct), ct);
    }

    /// <summary>An agent wrote to the customer (or closed the ticket) while the bot talked: the agent has it now.</summary>
    public async Task TakenOverAsync(long ticketId, Actor by, CancellationToken ct)
    {
        var conversation = db.Set<BotConversation>().Local.FirstOrDefault(c => c.TicketId == ticketId)
            ?? await db.Set<BotConversation>().FirstOrDefaultAsync(c => c.TicketId == ticketId, ct);
        if (conversation is not { State: BotConversationState.Active }) return;
        await db.LockTicketAsync(ticketId, ct);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
        var now = clock.GetUtcNow();
        End(conversation, BotConversationState.TakenOver, "An agent took over.", now);
        if (ticket.MergedIntoId is null && ticket.Status != TicketStatus.Closed) ticket.SetWithBot(false, by, now);
    }

    /// <summary>The customer did not answer in time (the silence job, in its own transaction).</summary>
    public async Task SilenceAsync(long conversationId, CancellationToken ct)
    {
        var ticketId = await db.Set<BotConversation>().Where(c => c.Id == conversationId).Select(c => c.TicketId).SingleAsync(ct);
        await db.LockTicketAsync(ticketId, ct);
        var conversation = await db.Set<BotConversation>().SingleAsync(c => c.Id == conversationId, ct);
        var now = clock.GetUtcNow();
        if (conversation.State != BotConversationState.Active || conversation.WaitUntil is not { } until || until > now) return;
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
        await RunAsync(conversation, ticket, "", null, (engine, turn) => engine.SilenceAsync(turn, ct), ct);
    }

    // The last registered engine of a kind wins, as with any DI service (a test or a deployment can replace the built-in one).
    private IBotEngine? EngineOf(BotKind kind) => engines.LastOrDefault(e => e.Kind == kind);

    private async Task RunAsync(BotConversation conversation, Ticket ticket, string text, string? payload,
        Func<IBotEngine, BotTurn, Task> step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A ticket merged, closed or taken from the bot meanwhile is no longer the bot's.
        if (ticket.MergedIntoId is not null || ticket.Status is TicketStatus.Closed || !ticket.WithBot)
        {
            End(conversation, BotConversationState.TakenOver, "The ticket moved on without the bot.", now);
            return;
        }
        if (EngineOf(conversation.Kind) is not { } engine)
        {
            await HandOffAsync(conversation, ticket, "The bot is no longer installed.", now, ct);
            return;
        }
        var setting = await db.Set<BotChannelSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Source == conversation.Source, ct);
        var (atWork, backAt) = await HoursAsync(setting?.CalendarId, now, ct);
        var turn = new TicketBotTurn(this, conversation, ticket, setting?.SilenceMinutes ?? 10)
        {
            TicketId = ticket.Id, ConversationId = conversation.Id, ScenarioId = conversation.ScenarioId, Language = conversation.Language,
            CustomerText = text, ButtonPayload = payload, PeopleAtWork = atWork, PeopleBackAt = backAt, State = conversation.EngineState,
        };
        conversation.WaitUntil = null;
        try
        {
            await step(engine, turn);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bot that breaks must not keep the customer from a person: hand over, say why in the note.
            logger.LogError(e, "The {Kind} bot failed on ticket {Ticket}; handing it to the agents", conversation.Kind, ticket.Id);
            if (conversation.State == BotConversationState.Active) await HandOffAsync(conversation, ticket, "The bot failed: " + e.Message, clock.GetUtcNow(), ct);
            return;
        }
        if (turn.State is { Length: > BotTurn.MaxStateLength })
            throw new InvalidOperationException($"The {conversation.Kind} bot's state is over {BotTurn.MaxStateLength} characters.");
        conversation.EngineState = turn.State;
        // An engine that neither asked nor ended leaves the customer waiting for nobody: a person takes over.
        if (conversation.State == BotConversationState.Active && conversation.WaitUntil is null)
            await HandOffAsync(conversation, ticket, "The bot had nothing more to say.", clock.GetUtcNow(), ct);
    }

    private async Task<(bool AtWork, DateTimeOffset? BackAt)> HoursAsync(long? calendarId, DateTimeOffset now, CancellationToken ct)
    {
        if (calendarId is not { } id) return (true, null);
        var calendar = await db.Set<SlaCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null) return (true, null);
        try
        {
            var hours = calendar.Read().Validate();
            if (hours.IsWorking(now)) return (true, null);
            var next = hours.WorkingPeriods(now, now.AddDays(31)).Select(p => (DateTimeOffset?)p.Start).FirstOrDefault();
            return (false, next);
        }
        catch (Exception e) when (e is JsonException or OknoException)
        {
            logger.LogWarning(e, "Calendar {Calendar} cannot be read; the bot takes people to be at work", id);
            return (true, null);
        }
    }

    /// <summary>"2" as the whole reply to a message that offered buttons is the second button.</summary>
    internal static string? ChoiceByNumber(BotConversation conversation, string text)
    {
        var offered = MessageButton.Read(conversation.OfferedButtons);
        return int.TryParse(text.Trim().TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= offered.Count
            ? offered[n - 1].Payload : null;
    }

    private static void End(BotConversation conversation, BotConversationState state, string reason, DateTimeOffset now)
    {
        conversation.State = state;
        conversation.WaitUntil = null;
        conversation.EndedAt = now;
        conversation.EndReason = reason.Length <= BotConversation.EndReasonMaxLength ? reason : reason[..BotConversation.EndReasonMaxLength];
    }

    internal void Say(BotConversation conversation, Ticket ticket, string text, IReadOnlyList<OutboundButton> buttons, TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        var body = bodies.FromText(text);
        var message = new Message(MessageDirection.Out, false, Actor.Bot, body.Text, body.Html, now);
        var offered = buttons.Select(b => new MessageButton(b.Payload, b.Label)).ToList();
        message.Offer(offered);
        ticket.AddMessage(message, now);
        conversation.OfferedButtons = offered.Count == 0 ? null : MessageButton.Write(offered);
        conversation.WaitUntil = now + wait;
    }

    internal void Resolve(BotConversation conversation, Ticket ticket)
    {
        var now = clock.GetUtcNow();
        End(conversation, BotConversationState.Solved, "The customer said the answer helped.", now);
        ticket.SetWithBot(false, Actor.Bot, now);
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)) ticket.ChangeStatus(TicketStatus.Resolved, Actor.Bot, now);
    }

    internal Task HandOffAsync(BotConversation conversation, Ticket ticket, string reason, CancellationToken ct) =>
        HandOffAsync(conversation, ticket, reason, clock.GetUtcNow(), ct);

    private Task HandOffAsync(BotConversation conversation, Ticket ticket, string reason, DateTimeOffset now, CancellationToken ct)
    {
        End(conversation, BotConversationState.HandedOff, reason, now);
        // The agents read why in the timeline, in the desk's language (the note is theirs, not the customer's).
        var note = bodies.FromText(Platform.Localization.InCulture.Read(BotLanguage.Culture(conversation.Language), () => strings["HandOffNote", reason].Value));
        ticket.AddMessage(new Message(MessageDirection.Out, true, Actor.Bot, note.Text, note.Html, now), now);
        ticket.SetWithBot(false, Actor.Bot, now);
        return Task.CompletedTask;
    }

    internal async Task SetFieldsAsync(Ticket ticket, BotTicketFields fields, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (fields.Type is { } type) ticket.ChangeType(ParseName<TicketType>(type, "type"), Actor.Bot, now);
        if (fields.Priority is { } priority) ticket.ChangePriority(ParseName<TicketPriority>(priority, "priority"), Actor.Bot, now);
        if (fields.GroupId is { } groupId)
        {
            if (!await db.Set<Admin.Group>().AnyAsync(g => g.Id == groupId, ct))
                throw new InvalidOperationException($"The bot names group {groupId}, which does not exist.");
            ticket.MoveToGroup(groupId, Actor.Bot, now);
        }
        if (fields.AddTags is { Count: > 0 } added)
        {
            await db.Entry(ticket).Collection(t => t.Tags).Query().Include(t => t.Tag).LoadAsync(ct);
            var wanted = ticket.Tags.Select(t => t.Tag.Name).Concat(added.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0))
                .Distinct(StringComparer.Ordinal).Take(TagCatalog.MaxTagsPerTicket).ToList();
            ticket.SetTags(await tags.ResolveAsync(wanted, ct), Actor.Bot, now);
        }
    }

    private static T ParseName<T>(string name, string field) where T : struct, Enum
    {
        var wanted = name.Trim().ToLowerInvariant();
        foreach (var value in Enum.GetValues<T>())
            if (value.ToSnakeCase() == wanted) return value;
        throw new InvalidOperationException($"'{name}' is not a ticket {field}.");
    }

    /// <summary>The <see cref="BotTurn"/> of one ticket, writing through the runner.</summary>
    private sealed class TicketBotTurn(BotRunner runner, BotConversation conversation, Ticket ticket, int silenceMinutes) : BotTurn
    {
        public override Task SayAsync(string text, IReadOnlyList<OutboundButton> buttons, TimeSpan? waitForAnswer, CancellationToken cancellationToken)
        {
            EnsureActive();
            runner.Say(conversation, ticket, text, buttons, waitForAnswer ?? TimeSpan.FromMinutes(silenceMinutes));
            return Task.CompletedTask;
        }

        public override Task ResolveAsync(CancellationToken cancellationToken)
        {
            EnsureActive();
            runner.Resolve(conversation, ticket);
            return Task.CompletedTask;
        }

        public override Task HandOffAsync(string reason, CancellationToken cancellationToken)
        {
            EnsureActive();
            return runner.HandOffAsync(conversation, ticket, reason, cancellationToken);
        }

        public override Task SetFieldsAsync(BotTicketFields fields, CancellationToken cancellationToken)
        {
            EnsureActive();
            return runner.SetFieldsAsync(ticket, fields, cancellationToken);
        }

        private void EnsureActive()
        {
            if (conversation.State != BotConversationState.Active)
                throw new InvalidOperationException("The conversation has ended; the bot says nothing more.");
        }
    }
}

/// <summary>The customer's language from their text: Russian when Cyrillic letters lead, else English.</summary>
public static class BotLanguage
{
    public static string Of(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') cyrillic++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        return latin > cyrillic ? "en" : "ru";
    }

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "ru");
}
