namespace Okno.Bots;

/// <summary>A bot's conversation with the customer on one ticket: which bot, where it stands, the engine's own state and
/// the buttons last offered (so a reply of just their number is read as the choice), and until when it waits for an
/// answer. One per ticket: a follow-up ticket is a new request and gets a conversation of its own.</summary>
public sealed class BotConversation
{
    public const int EndReasonMaxLength = 500;

    public long Id { get; set; }
    public long TicketId { get; set; }
    /// <summary>The bot settings' source it started from ("account:12", "helpcenter").</summary>
    public string Source { get; set; } = "";
    public BotKind Kind { get; set; }
    public long? ScenarioId { get; set; }
    public BotConversationState State { get; set; }
    /// <summary>"ru" or "en".</summary>
    public string Language { get; set; } = "ru";
    /// <summary>The engine's state between turns (JSON).</summary>
    public string? EngineState { get; set; }
    /// <summary>The buttons of the bot's last message (JSON), for number replies.</summary>
    public string? OfferedButtons { get; set; }
    /// <summary>The last customer message the bot has read: a batch that carries it again (a retried round) skips it.</summary>
    public long LastMessageId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>When silence ends the wait (an active conversation waiting for the customer), else null.</summary>
    public DateTimeOffset? WaitUntil { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }
}

/// <summary>Which bot talks on new requests from one source (a channel account, or the help center's form), for how
/// long it waits for an answer, and whose working hours say whether people are there to take over.</summary>
public sealed class BotChannelSetting
{
    public const int SourceMaxLength = 40;
    public const string HelpCenterSource = "helpcenter";
    public const int MinSilenceMinutes = 1;
    public const int MaxSilenceMinutes = 24 * 60;

    public static string AccountSource(long accountId) => "account:" + accountId;

    public string Source { get; set; } = "";
    public BotKind Kind { get; set; }
    public long? ScenarioId { get; set; }
    public int SilenceMinutes { get; set; } = 10;
    public long? CalendarId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
