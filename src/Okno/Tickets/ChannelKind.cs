using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>The kind of channel a ticket started in, or a contact is known by: "email", "telegram", "web"… A lower-case
/// word ([a-z0-9_], at most <see cref="MaxLength"/>), not a closed enum, because the set of kinds is open: each channel
/// adapter (Channels/) brings its own, and a connector may add one without a change here. The value type lives in
/// Tickets so that tickets and contacts can hold one without referring to Channels; Channels decides which kinds
/// have adapters. Stored and sent as the plain word.</summary>
public readonly record struct ChannelKind
{
    public const int MaxLength = 32;

    private readonly string? _value;

    private ChannelKind(string value) => _value = value;

    /// <summary>The word itself; "api" for a default value, the kind of a ticket nobody said otherwise about.</summary>
    public string Value => _value ?? "api";

    public static ChannelKind Api { get; } = new("api");
    public static ChannelKind Web { get; } = new("web");
    public static ChannelKind Email { get; } = new("email");
    public static ChannelKind Chat { get; } = new("chat");
    public static ChannelKind Telegram { get; } = new("telegram");
    public static ChannelKind Phone { get; } = new("phone");
    public static ChannelKind Messenger { get; } = new("messenger");
    public static ChannelKind Vk { get; } = new("vk");
    /// <summary>A messenger bridged through the connector API (its account's name says which).</summary>
    public static ChannelKind Connector { get; } = new("connector");

    /// <summary>The kinds the API documents and the UI names in both languages; others show as their word.</summary>
    public static IReadOnlyList<ChannelKind> Documented { get; } = [Api, Web, Email, Chat, Telegram, Vk, Connector, Phone, Messenger];

    public static string DocumentedList => string.Join(", ", Documented.Select(k => k.Value));

    /// <summary>Reads a kind as a client or an admin writes it: trimmed, case-insensitive ("Email" is "email").</summary>
    public static bool TryParse(string? text, out ChannelKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var word = text.Trim().ToLowerInvariant();
        if (word.Length > MaxLength || !word.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')) return false;
        kind = new ChannelKind(word);
        return true;
    }

    /// <summary>A kind known to be valid (a code constant); anything else is a programming error.</summary>
    public static ChannelKind Of(string word) =>
        TryParse(word, out var kind) && kind.Value == word ? kind : throw new ArgumentException($"Not a channel kind: '{word}'.", nameof(word));

    /// <summary>A kind read back from the database, where only valid words are written.</summary>
    internal static ChannelKind FromStored(string word) => new(word);

    /// <summary>An optional kind from a request field or query value; a bad one is a field error naming the rule.</summary>
    public static ChannelKind? Read(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text, out var kind)) return kind;
        errors.Add(field, TicketErrorCodes.InvalidChannelKind, $"A channel is a word of lower-case letters, digits and underscores, at most {MaxLength} characters (e.g. {DocumentedList}).", ("max", MaxLength), ("documented", DocumentedList));
        return null;
    }

    /// <summary>An optional kind from the query string: a bad one answers 400 naming the field.</summary>
    public static ChannelKind? FromQuery(string? text, string field)
    {
        var errors = new FieldErrors();
        var kind = Read(text, field, errors);
        errors.ThrowIfAny();
        return kind;
    }

    public override string ToString() => Value;
}

/// <summary>How a <see cref="ChannelKind"/> is stored: its word.</summary>
public sealed class ChannelKindConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ChannelKind, string>(
    kind => kind.Value, word => ChannelKind.FromStored(word));
