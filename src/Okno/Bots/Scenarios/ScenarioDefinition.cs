using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Okno.Channels;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Bots.Scenarios;

/// <summary>What a step does. <see cref="Message"/>: text and buttons, each to its own next step. <see cref="Question"/>:
/// text (and optional choices); the answer is kept, and stored into the ticket's type or priority or added as a tag.
/// <see cref="Branch"/>: says nothing, goes on by an earlier step's answer. <see cref="Articles"/>: offers up to three
/// knowledge-base articles; "solved" resolves the ticket, "not solved" goes on. <see cref="Handover"/>: sets the ticket's
/// fields and hands it to the agents. <see cref="End"/>: says its text and resolves the ticket.</summary>
public enum ScenarioStepKind { Message, Question, Branch, Articles, Handover, End }

/// <summary>Where a question's answer goes besides the conversation's memory (which branches read).</summary>
public enum ScenarioAnswerStore { Keep, Type, Priority, Tag }

/// <summary>A text in both languages the desk speaks; the conversation's language picks one.</summary>
public sealed record ScenarioText(string? Ru, string? En)
{
    public string For(string language) => (language == "ru" ? Ru ?? En : En ?? Ru) ?? "";
}

/// <summary>A button of a message step (goes to <see cref="Next"/>) or a choice of a question (its <see cref="Value"/> is
/// the answer; <see cref="Next"/>, if set, overrides the question's). <see cref="Value"/> is also what a branch compares;
/// without one a button's answer is its number ("1", "2", …).</summary>
public sealed record ScenarioButton(ScenarioText? Label, string? Next = null, string? Value = null);

/// <summary>A case of a branch: the earlier answer equals <see cref="Value"/> (any case) — or, for an answer the
/// customer typed, contains it — then go to <see cref="Next"/>.</summary>
public sealed record ScenarioCase(string? Value, string? Next);

/// <summary>One step of a scenario; which fields matter depends on <see cref="Kind"/> (see <see cref="ScenarioStepKind"/>).
/// A flat record rather than one type per kind: the editor switches a step's kind without losing what was typed, and
/// every field error is named by its path (<c>steps[2].buttons[0].next</c>).</summary>
public sealed record ScenarioStep(
    string? Id, ScenarioStepKind? Kind, ScenarioText? Text = null,
    List<ScenarioButton>? Buttons = null, string? Next = null,
    ScenarioAnswerStore? Store = null,
    string? Source = null, List<ScenarioCase>? Cases = null, string? Default = null,
    TicketType? Type = null, long? GroupId = null, TicketPriority? Priority = null, List<string>? Tags = null);

/// <summary>A scenario as a client sends it; the first step is where a conversation starts.</summary>
public sealed record ScenarioDefinition(string? Name, bool? Enabled, List<ScenarioStep>? Steps);

/// <summary>The codes of the scenario bot's errors.</summary>
public static class ScenarioErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "scenario.not_found";
    /// <summary>{value}: a next step, branch source or case names no step of the scenario.</summary>
    public const string UnknownStep = "scenario.unknown_step";
    /// <summary>{value}: two steps share an id.</summary>
    public const string DuplicateStep = "scenario.duplicate_step";
    /// <summary>A step id is 1 to 40 Latin letters, digits, '-' or '_'.</summary>
    public const string InvalidStepId = "scenario.invalid_step_id";
    /// <summary>No path from the first step leads to this step.</summary>
    public const string Unreachable = "scenario.unreachable_step";
    /// <summary>From this step no path leads to a hand-over, an end or an articles step (a loop with no way out).</summary>
    public const string NoWayOut = "scenario.no_way_out";
    /// <summary>A branch reads the answer of a step that asks nothing (not a message, question or articles step).</summary>
    public const string NotAnswerable = "scenario.source_not_answerable";
    /// <summary>{value}: a choice's value is not a ticket type / priority as the API spells them.</summary>
    public const string InvalidChoiceValue = "scenario.invalid_choice_value";
    /// <summary>{max}: a button's payload (its step id and number) is longer than a transport takes.</summary>
    public const string PayloadTooLong = "scenario.payload_too_long";
    /// <summary>{max}: a step has more buttons than fit beside «Talk to a person».</summary>
    public const string TooManyButtons = "scenario.too_many_buttons";
}

/// <summary>Checks a scenario whole and names every bad field; the stored JSON is the checked definition's steps.</summary>
public static partial class ScenarioRules
{
    public const int NameMaxLength = 100;
    public const int MaxSteps = 100;
    public const int TextMaxLength = 4000;
    /// <summary>Buttons a step may have: the engine adds «Talk to a person» to each, and transports show about ten.</summary>
    public const int MaxButtons = 9;
    public const int MaxCases = 20;
    public const int ValueMaxLength = 100;
    public const int StepIdMaxLength = 40;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex StepId();

    /// <summary>A ticket type or priority as the API spells it ("feature_request", "high").</summary>
    public static string ApiName<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(ApiName(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        return false;
    }

    public static string Serialize(IReadOnlyList<ScenarioStep> steps) => JsonSerializer.Serialize(steps, Json);

    public static List<ScenarioStep> Deserialize(string json) => JsonSerializer.Deserialize<List<ScenarioStep>>(json, Json) ?? [];

    /// <summary>Checks the definition; <paramref name="forPreview"/> skips the name (an unsaved draft has none yet).</summary>
    public static void Check(ScenarioDefinition definition, FieldErrors errors, bool forPreview = false)
    {
        if (!forPreview) errors.Text("name", definition.Name, NameMaxLength);
        var steps = definition.Steps ?? [];
        if (steps.Count == 0) { errors.Required("steps"); return; }
        if (steps.Count > MaxSteps) { errors.TooMany("steps", MaxSteps, "steps"); return; }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var id = steps[i]?.Id;
            if (string.IsNullOrEmpty(id)) errors.Required($"steps[{i}].id");
            else if (!StepId().IsMatch(id))
                errors.Add($"steps[{i}].id", ScenarioErrorCodes.InvalidStepId, "A step id is 1 to 40 Latin letters, digits, '-' or '_'.");
            else if (!ids.TryAdd(id, i))
                errors.Add($"steps[{i}].id", ScenarioErrorCodes.DuplicateStep, $"Another step is called «{id}».", ("value", id));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var at = $"steps[{i}]";
            if (step is null) { errors.Required(at); continue; }
            if (step.Kind is not { } kind) { errors.Required($"{at}.kind"); continue; }
            void Target(string field, string? next, bool required = true)
            {
                if (string.IsNullOrEmpty(next)) { if (required) errors.Required(field); }
                else if (!ids.ContainsKey(next))
                    errors.Add(field, ScenarioErrorCodes.UnknownStep, $"There is no step «{next}».", ("value", next));
            }
            switch (kind)
            {
                case ScenarioStepKind.Message:
                    CheckText(errors, $"{at}.text", step.Text, required: true);
                    CheckButtons(errors, at, step, requireNext: true, Target);
                    if ((step.Buttons?.Count ?? 0) == 0) errors.Required($"{at}.buttons");
                    break;
                case ScenarioStepKind.Question:
                    CheckText(errors, $"{at}.text", step.Text, required: true);
                    Target($"{at}.next", step.Next);
                    CheckButtons(errors, at, step, requireNext: false, Target);
                    CheckChoiceValues(errors, at, step);
                    break;
                case ScenarioStepKind.Branch:
                    Target($"{at}.source", step.Source);
                    if (!string.IsNullOrEmpty(step.Source) && ids.TryGetValue(step.Source, out var source)
                        && steps[source]?.Kind is not (ScenarioStepKind.Message or ScenarioStepKind.Question))
                        errors.Add($"{at}.source", ScenarioErrorCodes.NotAnswerable, "A branch reads the answer of a message or a question.");
                    var cases = step.Cases ?? [];
                    if (cases.Count == 0) errors.Required($"{at}.cases");
                    if (cases.Count > MaxCases) errors.TooMany($"{at}.cases", MaxCases, "cases");
                    for (var c = 0; c < cases.Count && c < MaxCases; c++)
                    {
                        errors.Text($"{at}.cases[{c}].value", cases[c]?.Value, ValueMaxLength);
                        Target($"{at}.cases[{c}].next", cases[c]?.Next);
                    }
                    Target($"{at}.default", step.Default);
                    break;
                case ScenarioStepKind.Articles:
                    CheckText(errors, $"{at}.text", step.Text, required: false);
                    Target($"{at}.next", step.Next);
                    break;
                case ScenarioStepKind.Handover:
                    CheckText(errors, $"{at}.text", step.Text, required: false);
                    TagCatalog.Validate(step.Tags?.Cast<string?>().ToList(), $"{at}.tags", errors);
                    break;
                case ScenarioStepKind.End:
                    CheckText(errors, $"{at}.text", step.Text, required: true);
                    break;
            }
        }
        if (errors.Any) return;
        CheckPaths(steps, ids, errors);
    }

    /// <summary>Every step is reached from the first; from every step some path ends the conversation (a loop back to a
    /// menu is normal, a loop with no way out is not — «Talk to a person» always works, but a scenario should not need it).</summary>
    private static void CheckPaths(List<ScenarioStep> steps, Dictionary<string, int> ids, FieldErrors errors)
    {
        var edges = steps.Select(s => Targets(s).Select(t => ids[t]).Distinct().ToList()).ToList();
        var reached = new bool[steps.Count];
        var queue = new Queue<int>([0]);
        reached[0] = true;
        while (queue.TryDequeue(out var at))
            foreach (var next in edges[at])
                if (!reached[next]) { reached[next] = true; queue.Enqueue(next); }

        // Backwards from the steps that end (articles: «solved» resolves).
        var ends = new bool[steps.Count];
        var back = new Queue<int>();
        for (var i = 0; i < steps.Count; i++)
            if (steps[i].Kind is ScenarioStepKind.Handover or ScenarioStepKind.End or ScenarioStepKind.Articles) { ends[i] = true; back.Enqueue(i); }
        while (back.TryDequeue(out var at))
            for (var i = 0; i < steps.Count; i++)
                if (!ends[i] && edges[i].Contains(at)) { ends[i] = true; back.Enqueue(i); }

        for (var i = 0; i < steps.Count; i++)
        {
            if (!reached[i])
                errors.Add($"steps[{i}].id", ScenarioErrorCodes.Unreachable, "No path from the first step leads here.");
            else if (!ends[i])
                errors.Add($"steps[{i}].id", ScenarioErrorCodes.NoWayOut, "No path from this step leads to a hand-over, an end or articles.");
        }
    }

    /// <summary>The steps a step may go to.</summary>
    public static IEnumerable<string> Targets(ScenarioStep step) => step.Kind switch
    {
        ScenarioStepKind.Message => (step.Buttons ?? []).Select(b => b.Next).OfType<string>(),
        ScenarioStepKind.Question => (step.Buttons ?? []).Select(b => b.Next).Append(step.Next).OfType<string>(),
        ScenarioStepKind.Branch => (step.Cases ?? []).Select(c => c.Next).Append(step.Default).OfType<string>(),
        ScenarioStepKind.Articles => new[] { step.Next }.OfType<string>(),
        _ => [],
    };

    private static void CheckText(FieldErrors errors, string field, ScenarioText? text, bool required)
    {
        if (text is null || (string.IsNullOrWhiteSpace(text.Ru) && string.IsNullOrWhiteSpace(text.En)))
        {
            if (required) { errors.Required($"{field}.ru"); errors.Required($"{field}.en"); }
            return;
        }
        // Both languages or neither: a customer never gets the other language's text by surprise.
        errors.Text($"{field}.ru", text.Ru, TextMaxLength);
        errors.Text($"{field}.en", text.En, TextMaxLength);
    }

    private static void CheckButtons(FieldErrors errors, string at, ScenarioStep step, bool requireNext, Action<string, string?, bool> target)
    {
        var buttons = step.Buttons ?? [];
        if (buttons.Count > MaxButtons)
        {
            errors.Add($"{at}.buttons", ScenarioErrorCodes.TooManyButtons, $"At most {MaxButtons} buttons (the engine adds «Talk to a person»).",
                ("max", MaxButtons));
            return;
        }
        for (var b = 0; b < buttons.Count; b++)
        {
            var field = $"{at}.buttons[{b}]";
            if (buttons[b] is not { } button) { errors.Required(field); continue; }
            errors.Text($"{field}.label.ru", button.Label?.Ru, OutboundButton.MaxLabelLength);
            errors.Text($"{field}.label.en", button.Label?.En, OutboundButton.MaxLabelLength);
            errors.Text($"{field}.value", button.Value, ValueMaxLength, required: false);
            target($"{field}.next", button.Next, requireNext);
            if (step.Id is { } id && Encoding.UTF8.GetByteCount(ScenarioPayloads.Button(id, b)) > OutboundButton.MaxPayloadLength)
                errors.Add($"{field}", ScenarioErrorCodes.PayloadTooLong, $"A button's payload is at most {OutboundButton.MaxPayloadLength} bytes.",
                    ("max", OutboundButton.MaxPayloadLength));
        }
    }

    private static void CheckChoiceValues(FieldErrors errors, string at, ScenarioStep step)
    {
        var buttons = step.Buttons ?? [];
        if (step.Store is ScenarioAnswerStore.Type or ScenarioAnswerStore.Priority or ScenarioAnswerStore.Tag && buttons.Count == 0)
            errors.Required($"{at}.buttons");
        for (var b = 0; b < buttons.Count && b < MaxButtons; b++)
        {
            var value = buttons[b]?.Value;
            var field = $"{at}.buttons[{b}].value";
            var valid = step.Store switch
            {
                ScenarioAnswerStore.Type => TryParse<TicketType>(value, out _),
                ScenarioAnswerStore.Priority => TryParse<TicketPriority>(value, out _),
                ScenarioAnswerStore.Tag => !string.IsNullOrWhiteSpace(value) && Tag.Normalize(value).Length is > 0 and <= Tag.NameMaxLength,
                _ => true,
            };
            if (!valid)
                errors.Add(field, ScenarioErrorCodes.InvalidChoiceValue, $"«{value}» is not a value this answer can be stored as.", ("value", value));
        }
    }
}

/// <summary>The payloads of the buttons the engine offers. Short and ASCII (a Telegram callback takes 64 bytes): the
/// step id and the button's number, never its label.</summary>
public static class ScenarioPayloads
{
    public const string Prefix = "scenario:";
    public const string Person = "scenario:person";
    public static string Button(string stepId, int index) => $"{Prefix}{stepId}:{index + 1}";
    public static string Solved(string stepId) => $"{Prefix}{stepId}:solved";
    public static string NotSolved(string stepId) => $"{Prefix}{stepId}:unsolved";

    /// <summary>The step and choice a payload names ("1"-based number, "solved", "unsolved"), or null if it is not ours.</summary>
    public static (string StepId, string Choice)? Read(string? payload)
    {
        if (payload is null || !payload.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = payload[Prefix.Length..];
        var colon = rest.LastIndexOf(':');
        return colon <= 0 ? null : (rest[..colon], rest[(colon + 1)..]);
    }
}
