using System.Text.Json;
using System.Text.Json.Serialization;

namespace Okno.Automation.Triggers;

/// <summary>A trigger as the API and the editor write it: the events it listens to, how its conditions combine
/// (<see cref="TriggerMatch.All"/> or <see cref="TriggerMatch.Any"/>; no conditions: always), and the actions it takes
/// in order. <see cref="Version"/> (on update) refuses a save over someone else's newer one.</summary>
public sealed record TriggerDefinition(
    string? Name, bool? Enabled, List<string?>? Events, string? Match, List<ConditionSpec?>? Conditions, List<ActionSpec?>? Actions,
    long? Version = null) : IRuleDefinition;

/// <summary>One condition: a <see cref="Field"/> registered by name (<see cref="TriggerConditions"/>), an operator it
/// allows, and its values (enum values as the API writes them, ids as numbers in text, tag names, text).</summary>
public sealed record ConditionSpec(string? Field, string? Operator, List<string?>? Values);

/// <summary>One action: a <see cref="Type"/> registered by name (<see cref="TriggerActions"/>) with what it needs:
/// <see cref="Value"/> (a status, an id, a recipient kind), <see cref="Values"/> (tags, agent ids), <see cref="Subject"/>
/// and <see cref="Body"/> (a note's or an email's text, with placeholders like {ticket.number}).</summary>
public sealed record ActionSpec(string? Type, string? Value = null, List<string?>? Values = null, string? Subject = null, string? Body = null);

public static class TriggerMatch
{
    public const string All = "all";
    public const string Any = "any";
}

/// <summary>The ticket events a trigger can listen to.</summary>
public static class TriggerEvents
{
    public const string TicketCreated = "ticket_created";
    /// <summary>A field of the ticket changed (status, priority, type, subject, group, assignee, tags, customer).</summary>
    public const string TicketUpdated = "ticket_updated";
    /// <summary>The customer (or a participant) wrote.</summary>
    public const string MessageReceived = "message_received";
    /// <summary>An agent's public reply (a rule's own email is not one).</summary>
    public const string ReplySent = "reply_sent";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreach = "sla_breach";

    public static readonly IReadOnlyList<string> All = [TicketCreated, TicketUpdated, MessageReceived, ReplySent, SlaWarning, SlaBreach];
}

/// <summary>The parts of a trigger kept as JSON in <see cref="AutomationRule.Definition"/>.</summary>
public sealed record StoredTrigger(List<string> Events, string Match, List<ConditionSpec> Conditions, List<ActionSpec> Actions)
{
    /// <summary>How rule definitions are stored (triggers and time rules alike): nulls left out, Cyrillic as UTF-8.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredTrigger Read(string json) =>
        JsonSerializer.Deserialize<StoredTrigger>(json, Json) ?? new StoredTrigger([], TriggerMatch.All, [], []);
}
