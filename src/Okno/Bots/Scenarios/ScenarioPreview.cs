using System.Globalization;
using Okno.Channels;
using Okno.Platform.Web;

namespace Okno.Bots.Scenarios;

/// <summary>A customer's input in a preview: typed text, a pressed button's payload, or silence (no answer in time).</summary>
public sealed record ScenarioPreviewInput(string? Text = null, string? ButtonPayload = null, bool? Silence = null);

/// <summary>A preview request: the scenario (an unsaved draft; a saved one's is read by id), the conversation's language,
/// the customer's first message, what they answer after it, and whether people are at work.</summary>
public sealed record ScenarioPreviewRequest(
    ScenarioDefinition? Definition = null, string? Language = null, string? FirstMessage = null, List<ScenarioPreviewInput>? Inputs = null,
    bool? PeopleAtWork = null, DateTimeOffset? PeopleBackAt = null);

/// <summary>One thing the bot would do: <c>say</c> (text and buttons), <c>set_fields</c>, <c>resolve</c> or <c>hand_off</c> (with its reason).</summary>
public sealed record ScenarioPreviewAction(string Kind, string? Text = null, IReadOnlyList<OutboundButton>? Buttons = null, string? Reason = null,
    BotTicketFields? Fields = null);

/// <summary>The bot's turn for one input (the first for the first message).</summary>
public sealed record ScenarioPreviewTurn(string? Text, string? ButtonPayload, bool Silence, IReadOnlyList<ScenarioPreviewAction> Actions);

/// <summary>What the conversation came to: <c>active</c> (at <see cref="Step"/>), <c>solved</c> or <c>handed_off</c>.</summary>
public sealed record ScenarioPreviewResult(IReadOnlyList<ScenarioPreviewTurn> Turns, string Outcome, string? Step);

/// <summary>Runs a scenario in memory for the editor and the API: the same <see cref="ScenarioRunner"/> as live
/// conversations, with a turn that records instead of writing, and article suggestions that find but never learn.</summary>
public sealed class ScenarioPreview(BotScenarios scenarios, IEnumerable<IArticleSuggestions> suggestions, TimeProvider clock)
{
    public const int MaxInputs = 50;

    public async Task<ScenarioPreviewResult> RunAsync(long? scenarioId, ScenarioPreviewRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var language = request.Language ?? "en";
        if (language is not ("ru" or "en"))
            errors.Add("language", ErrorCodes.NotOneOf, "language is ru or en.", ("value", language), ("allowed", "ru, en"));
        errors.Text("firstMessage", request.FirstMessage, 4000, required: false);
        var inputs = request.Inputs ?? [];
        if (inputs.Count > MaxInputs) errors.TooMany("inputs", MaxInputs, "inputs");
        for (var i = 0; i < inputs.Count && i < MaxInputs; i++)
        {
            errors.Text($"inputs[{i}].text", inputs[i]?.Text, 4000, required: false);
            errors.Text($"inputs[{i}].buttonPayload", inputs[i]?.ButtonPayload, OutboundButton.MaxPayloadLength, required: false);
        }
        if (scenarioId is null && request.Definition is null) errors.Required("definition");
        errors.ThrowIfAny();

        IReadOnlyList<ScenarioStep> steps = scenarioId is { } id
            ? await scenarios.StepsAsync(id, ct)
            : await scenarios.ValidateAsync(request.Definition!, forPreview: true, ct);
        var runner = new ScenarioRunner(suggestions.FirstOrDefault() is { } found ? new FindOnly(found) : null);

        var turns = new List<ScenarioPreviewTurn>();
        string? state = null;
        IReadOnlyList<OutboundButton> offered = [];
        var outcome = "active";
        PreviewTurn Turn(string text, string? payload) => new()
        {
            TicketId = 0, ConversationId = 0, ScenarioId = scenarioId, Language = language, CustomerText = text, ButtonPayload = payload,
            PeopleAtWork = request.PeopleAtWork ?? true,
            PeopleBackAt = request.PeopleBackAt ?? (request.PeopleAtWork == false ? clock.GetUtcNow().AddHours(12) : null),
            State = state,
        };

        var first = Turn(request.FirstMessage ?? "", null);
        await runner.StartAsync(steps, first, ct);
        Record(first, request.FirstMessage, null, false);
        foreach (var input in inputs.Take(MaxInputs))
        {
            if (outcome != "active") break;
            var text = input.Text ?? "";
            // As the bot handler does for transports without buttons: a reply of just a number picks the offered button.
            var payload = input.ButtonPayload;
            if (payload is null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= offered.Count)
                payload = offered[n - 1].Payload;
            if (payload is not null && text.Length == 0)
                text = offered.FirstOrDefault(b => b.Payload == payload)?.Label ?? payload;
            var turn = Turn(text, payload);
            if (input.Silence == true) await runner.SilenceAsync(turn, ct);
            else await runner.ReplyAsync(steps, turn, ct);
            Record(turn, input.Text, input.ButtonPayload, input.Silence == true);
        }
        var step = outcome == "active" && state is not null ? System.Text.Json.JsonDocument.Parse(state).RootElement.TryGetProperty("step", out var s) ? s.GetString() : null : null;
        return new ScenarioPreviewResult(turns, outcome, step);

        void Record(PreviewTurn turn, string? text, string? payload, bool silence)
        {
            state = turn.State;
            turns.Add(new ScenarioPreviewTurn(text, payload, silence, turn.Actions));
            if (turn.Actions.LastOrDefault(a => a.Kind == "say") is { } said) offered = said.Buttons ?? [];
            if (turn.Actions.Any(a => a.Kind == "resolve")) outcome = "solved";
            if (turn.Actions.Any(a => a.Kind == "hand_off")) outcome = "handed_off";
        }
    }

    /// <summary>A turn that writes nothing: it records what the bot would do.</summary>
    private sealed class PreviewTurn : BotTurn
    {
        public List<ScenarioPreviewAction> Actions { get; } = [];

        public override Task SayAsync(string text, IReadOnlyList<OutboundButton> buttons, TimeSpan? waitForAnswer, CancellationToken cancellationToken)
        {
            Actions.Add(new ScenarioPreviewAction("say", text, buttons));
            return Task.CompletedTask;
        }

        public override Task ResolveAsync(CancellationToken cancellationToken)
        {
            Actions.Add(new ScenarioPreviewAction("resolve"));
            return Task.CompletedTask;
        }

        public override Task HandOffAsync(string reason, CancellationToken cancellationToken)
        {
            Actions.Add(new ScenarioPreviewAction("hand_off", Reason: reason));
            return Task.CompletedTask;
        }

        public override Task SetFieldsAsync(BotTicketFields fields, CancellationToken cancellationToken)
        {
            Actions.Add(new ScenarioPreviewAction("set_fields", Fields: fields));
            return Task.CompletedTask;
        }
    }

    /// <summary>A preview's "solved" / "not solved" must not teach the real ranking.</summary>
    private sealed class FindOnly(IArticleSuggestions inner) : IArticleSuggestions
    {
        public Task<IReadOnlyList<SuggestedArticle>> FindAsync(string question, string language, int max, CancellationToken cancellationToken) =>
            inner.FindAsync(question, language, max, cancellationToken);

        public Task RecordOutcomeAsync(string question, string language, IReadOnlyList<long> offered, bool solved, long? solvedBy,
            CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
