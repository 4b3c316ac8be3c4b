using Okno.Channels;

namespace Okno.Bots;

/// <summary>Which bot talks on a conversation: the answer bot (suggests knowledge-base articles) or a button scenario.</summary>
public enum BotKind { Answer, Scenario }

/// <summary>Where a bot conversation stands: the bot still talks (<see cref="Active"/>), it solved the request, it handed the
/// ticket to the agents (asked to, no answer in time, nothing found), or an agent took over by writing to the customer.</summary>
public enum BotConversationState { Active, Solved, HandedOff, TakenOver }

/// <summary>A bot's part of one turn: the conversation, what the customer just sent, and what the bot may do. Everything
/// the bot does is written through the tickets' one write path as the bot actor and stays in the ticket's timeline.
/// A turn runs inside the bot handler's round: what it writes commits with the conversation's new state, or not at all.</summary>
public abstract class BotTurn
{
    public required long TicketId { get; init; }
    public required long ConversationId { get; init; }
    /// <summary>The scenario the conversation runs (a scenario bot), else null.</summary>
    public long? ScenarioId { get; init; }
    /// <summary>"ru" or "en": the customer's language as far as the desk knows it (their contact's, else the text's).</summary>
    public required string Language { get; init; }
    /// <summary>What the customer wrote (the ticket's first message on start), plain text.</summary>
    public required string CustomerText { get; init; }
    /// <summary>The payload of the button they chose; a reply of just a number from an offered menu ("2") is read as the
    /// matching button's payload before the engine sees it.</summary>
    public string? ButtonPayload { get; init; }
    /// <summary>Whether the desk's people are at work now (the channel's calendar), and when they next are if not.</summary>
    public required bool PeopleAtWork { get; init; }
    public DateTimeOffset? PeopleBackAt { get; init; }
    /// <summary>The engine's own state (JSON, at most <see cref="MaxStateLength"/> characters), kept between turns.</summary>
    public string? State { get; set; }
    public const int MaxStateLength = 8000;

    /// <summary>Sends a message to the customer as the bot, with buttons; the conversation then waits for an answer at most
    /// <paramref name="waitForAnswer"/> (null: the bot's default silence time) before <see cref="IBotEngine.SilenceAsync"/>.</summary>
    public abstract Task SayAsync(string text, IReadOnlyList<OutboundButton> buttons, TimeSpan? waitForAnswer, CancellationToken cancellationToken);
    /// <summary>The request is solved by the bot: the ticket is resolved as the bot, and the conversation ends.</summary>
    public abstract Task ResolveAsync(CancellationToken cancellationToken);
    /// <summary>The agents take it from here (the reason goes into an internal note); the conversation ends.</summary>
    public abstract Task HandOffAsync(string reason, CancellationToken cancellationToken);
    /// <summary>Sets the ticket's fields as the bot (a scenario's outcome): null leaves a field as it is; tags are added.</summary>
    public abstract Task SetFieldsAsync(BotTicketFields fields, CancellationToken cancellationToken);
}

/// <summary>Ticket fields a bot may set; names as the API spells them ("incident", "high").</summary>
public sealed record BotTicketFields(string? Type = null, long? GroupId = null, string? Priority = null, IReadOnlyList<string>? AddTags = null);

/// <summary>A bot's logic, registered by kind. Called by the bot handler after commit of the ticket event that concerns it,
/// once per event (a retried round calls again with the same input, so an engine keeps no state outside the turn).</summary>
public interface IBotEngine
{
    BotKind Kind { get; }
    /// <summary>A new request arrived on a channel this bot serves: greet, offer, ask.</summary>
    Task StartAsync(BotTurn turn, CancellationToken cancellationToken);
    /// <summary>The customer wrote again (or pressed a button) while the conversation is active.</summary>
    Task ReplyAsync(BotTurn turn, CancellationToken cancellationToken);
    /// <summary>The customer did not answer in time.</summary>
    Task SilenceAsync(BotTurn turn, CancellationToken cancellationToken);
}

/// <summary>A public article offered for a customer's question: <see cref="Url"/> is its absolute help-center address.</summary>
public sealed record SuggestedArticle(long ArticleId, string Title, string Url, double Score);

/// <summary>Finds up to a few public knowledge-base articles that answer a customer's question, in their language, above a
/// relevance threshold, ranked with what earlier outcomes taught; and learns from each outcome. The answer bot and a
/// scenario's "show articles" step both use it.</summary>
public interface IArticleSuggestions
{
    Task<IReadOnlyList<SuggestedArticle>> FindAsync(string question, string language, int max, CancellationToken cancellationToken);
    /// <summary>The customer said whether the offered articles helped (<paramref name="solvedBy"/>: the one that did, if
    /// they said which; null with <paramref name="solved"/> true: one of them did).</summary>
    Task RecordOutcomeAsync(string question, string language, IReadOnlyList<long> offered, bool solved, long? solvedBy, CancellationToken cancellationToken);
}
