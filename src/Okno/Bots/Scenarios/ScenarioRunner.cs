using System.Globalization;
using System.Resources;
using System.Text.Json;
using Okno.Channels;
using Okno.Tickets;

namespace Okno.Bots.Scenarios;

/// <summary>The scenario bot's strings (ScenarioBotStrings.resx, English; .ru.resx, Russian), read in the conversation's
/// language rather than the current request's.</summary>
public sealed class ScenarioBotStrings
{
    private static readonly ResourceManager Resources = new(typeof(ScenarioBotStrings).FullName!, typeof(ScenarioBotStrings).Assembly);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "ru" ? "ru-RU" : "en-GB");

    public static string Get(string name, string language) => Resources.GetString(name, Culture(language)) ?? name;

    public static string Format(string name, string language, params object[] args) =>
        string.Format(Culture(language), Get(name, language), args);
}

/// <summary>Where a conversation stands in its scenario, kept in <see cref="BotTurn.State"/> between turns.</summary>
internal sealed class ScenarioState
{
    public string? Step { get; set; }
    /// <summary>Each answered step's answer: a button's value (or number) or what the customer typed.</summary>
    public Dictionary<string, ScenarioAnswer> Answers { get; set; } = [];
    /// <summary>Free text was answered at a buttons step once already ("please choose"); the next time it is handed off.</summary>
    public int Retries { get; set; }
    /// <summary>The customer's first message and the latest typed answer: what an articles step searches for.</summary>
    public string? First { get; set; }
    public string? LastTyped { get; set; }
    /// <summary>The articles offered at the current articles step and the question they were found for.</summary>
    public List<long>? Offered { get; set; }
    public string? OfferedFor { get; set; }
    /// <summary>The conversation has ended (resolved or handed off): further turns do nothing.</summary>
    public bool Done { get; set; }
}

internal sealed record ScenarioAnswer(string Value, bool Typed);

/// <summary>Runs a scenario's steps for one turn: the same code serves live conversations (<see cref="ScenarioBotEngine"/>)
/// and the editor's preview (<see cref="ScenarioPreview"/>). Everything the customer sees goes through
/// <see cref="BotTurn.SayAsync"/>; the state it keeps is the turn's.</summary>
public sealed class ScenarioRunner(IArticleSuggestions? articles)
{
    /// <summary>Steps a turn may pass without waiting for the customer (branches, articles that found nothing): more means
    /// a loop of branches, which is handed off rather than run forever.</summary>
    public const int MaxStepsPerTurn = 50;
    public const int MaxArticles = 3;
    /// <summary>Kept answers are cut to this length, so the state stays within <see cref="BotTurn.MaxStateLength"/>.</summary>
    private const int AnswerMaxLength = 300;

    // Word starts, so Russian case forms ("оператора", "человеку") match too; only short messages are read this way, so a
    // long description that mentions "an agent" is not taken as a request for one.
    private static readonly string[] PersonWords =
        ["оператор", "человек", "специалист", "сотрудник", "менеджер", "живой", "живого", "person", "agent", "human", "operator", "representative", "someone"];
    private const int PersonMaxWords = 6;

    public async Task StartAsync(IReadOnlyList<ScenarioStep> steps, BotTurn turn, CancellationToken ct)
    {
        var state = new ScenarioState { First = Cut(turn.CustomerText) };
        if (steps.Count == 0) { await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct); return; }
        await EnterAsync(steps, steps[0], turn, state, ct);
    }

    public async Task ReplyAsync(IReadOnlyList<ScenarioStep> steps, BotTurn turn, CancellationToken ct)
    {
        var state = Read(turn.State);
        if (state.Done) return;
        if (AsksForPerson(turn))
        {
            await PersonAsync(turn, state, Text("ReasonPerson", turn), ct);
            return;
        }
        if (Find(steps, state.Step) is not { } step)
        {
            await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct);
            return;
        }
        var choice = ScenarioPayloads.Read(turn.ButtonPayload);
        // A button of an earlier menu (a transport keeps old keyboards clickable): go on from that menu.
        if (choice is { } c && c.StepId != step.Id && Find(steps, c.StepId) is { Kind: ScenarioStepKind.Message or ScenarioStepKind.Question } earlier
            && ButtonIndex(earlier, c.Choice) is not null)
            step = earlier;

        switch (step.Kind)
        {
            case ScenarioStepKind.Message:
            {
                var index = ChosenIndex(step, choice, turn.CustomerText);
                if (index is not { } i) { await RetryAsync(steps, step, turn, state, ct); return; }
                Remember(state, step, AnswerOf(step, i), typed: false);
                await GoAsync(steps, step.Buttons![i].Next, turn, state, ct);
                return;
            }
            case ScenarioStepKind.Question:
            {
                var index = ChosenIndex(step, choice, turn.CustomerText);
                if (index is { } i)
                {
                    var value = AnswerOf(step, i);
                    Remember(state, step, value, typed: false);
                    await StoreAsync(step, value, turn, ct);
                    await GoAsync(steps, step.Buttons![i].Next ?? step.Next, turn, state, ct);
                    return;
                }
                var typed = turn.CustomerText.Trim();
                if (typed.Length == 0 || choice is not null) { await RetryAsync(steps, step, turn, state, ct); return; }
                // A typed answer is kept (branches read it); only a choice sets a field or a tag, so a customer's free
                // text never becomes a tag or a wrong priority.
                Remember(state, step, typed, typed: true);
                state.LastTyped = Cut(typed);
                await GoAsync(steps, step.Next, turn, state, ct);
                return;
            }
            case ScenarioStepKind.Articles:
                if (choice is { } a && a.StepId == step.Id && a.Choice is "solved" or "unsolved")
                {
                    var solved = a.Choice == "solved";
                    if (articles is not null && state.Offered is { Count: > 0 } offered)
                        await articles.RecordOutcomeAsync(state.OfferedFor ?? "", turn.Language, offered, solved, null, ct);
                    state.Offered = null;
                    if (solved)
                    {
                        await turn.SayAsync(Text("GladItHelped", turn), [], null, ct);
                        await ResolveAsync(turn, state, ct);
                    }
                    else await GoAsync(steps, step.Next, turn, state, ct);
                    return;
                }
                await RetryAsync(steps, step, turn, state, ct);
                return;
            default:
                // A conversation never waits at a branch, hand-over or end.
                await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct);
                return;
        }
    }

    public async Task SilenceAsync(BotTurn turn, CancellationToken ct)
    {
        var state = Read(turn.State);
        if (state.Done) return;
        await HandOffAsync(turn, state, Text("ReasonSilence", turn), ct);
    }

    /// <summary>Enters <paramref name="first"/> and passes on through the steps that wait for nothing until one does
    /// (a message, a question, articles found) or the conversation ends.</summary>
    private async Task EnterAsync(IReadOnlyList<ScenarioStep> steps, ScenarioStep first, BotTurn turn, ScenarioState state, CancellationToken ct,
        bool hint = false)
    {
        var step = first;
        for (var passed = 0; passed < MaxStepsPerTurn; passed++)
        {
            state.Step = step.Id;
            var lang = turn.Language;
            string? next;
            switch (step.Kind)
            {
                case ScenarioStepKind.Message:
                case ScenarioStepKind.Question:
                {
                    var buttons = (step.Buttons ?? []).Select((b, i) => new OutboundButton(ScenarioPayloads.Button(step.Id!, i), b.Label?.For(lang) ?? ""))
                        .Append(PersonButton(lang)).ToList();
                    await SayAsync(turn, state, WithHint(step.Text?.For(lang) ?? "", hint, lang), buttons, ct);
                    return;
                }
                case ScenarioStepKind.Branch:
                    next = Branch(step, state);
                    break;
                case ScenarioStepKind.Articles:
                {
                    var question = state.LastTyped ?? state.First ?? "";
                    var found = articles is null || string.IsNullOrWhiteSpace(question)
                        ? []
                        : (await articles.FindAsync(question, lang, MaxArticles, ct)).Take(MaxArticles).ToList();
                    if (found.Count == 0)
                    {
                        next = step.Next;
                        break;
                    }
                    state.Offered = found.Select(f => f.ArticleId).ToList();
                    state.OfferedFor = question;
                    var intro = step.Text?.For(lang) is { Length: > 0 } own ? own : Text("ArticlesIntro", turn);
                    var text = intro.TrimEnd() + "\n\n" + string.Join("\n", found.Select(f => $"• {f.Title}: {f.Url}"));
                    await SayAsync(turn, state, WithHint(text, hint, lang),
                        [new(ScenarioPayloads.Solved(step.Id!), Text("Solved", turn)), new(ScenarioPayloads.NotSolved(step.Id!), Text("NotSolved", turn)),
                         PersonButton(lang)], ct);
                    return;
                }
                case ScenarioStepKind.Handover:
                    await HandoverAsync(step, turn, state, ct);
                    return;
                case ScenarioStepKind.End:
                    await turn.SayAsync(step.Text?.For(lang) ?? "", [], null, ct);
                    await ResolveAsync(turn, state, ct);
                    return;
                default:
                    next = null;
                    break;
            }
            if (Find(steps, next) is not { } found2)
            {
                await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct);
                return;
            }
            step = found2;
        }
        await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct);
    }

    private async Task GoAsync(IReadOnlyList<ScenarioStep> steps, string? next, BotTurn turn, ScenarioState state, CancellationToken ct)
    {
        state.Retries = 0;
        if (Find(steps, next) is { } step) await EnterAsync(steps, step, turn, state, ct);
        else await HandOffAsync(turn, state, Text("ReasonBroken", turn), ct);
    }

    /// <summary>Free text where a button was expected: the step once more with a hint, then a person.</summary>
    private async Task RetryAsync(IReadOnlyList<ScenarioStep> steps, ScenarioStep step, BotTurn turn, ScenarioState state, CancellationToken ct)
    {
        if (state.Retries > 0)
        {
            await PersonAsync(turn, state, Text("ReasonNoChoice", turn, step.Id!), ct);
            return;
        }
        state.Retries = 1;
        await EnterAsync(steps, step, turn, state, ct, hint: true);
    }

    private static string? Branch(ScenarioStep step, ScenarioState state)
    {
        if (step.Source is null || !state.Answers.TryGetValue(step.Source, out var answer)) return step.Default;
        var cases = step.Cases ?? [];
        foreach (var c in cases)
            if (string.Equals(c.Value?.Trim(), answer.Value.Trim(), StringComparison.OrdinalIgnoreCase)) return c.Next;
        if (answer.Typed)
            foreach (var c in cases)
                if (c.Value is { Length: > 0 } v && answer.Value.Contains(v.Trim(), StringComparison.OrdinalIgnoreCase)) return c.Next;
        return step.Default;
    }

    private async Task HandoverAsync(ScenarioStep step, BotTurn turn, ScenarioState state, CancellationToken ct)
    {
        var fields = new BotTicketFields(
            step.Type is { } type ? ScenarioRules.ApiName(type) : null, step.GroupId,
            step.Priority is { } priority ? ScenarioRules.ApiName(priority) : null,
            step.Tags is { Count: > 0 } tags ? tags.Select(Tag.Normalize).Where(t => t.Length > 0).Distinct().ToList() : null);
        if (fields != new BotTicketFields()) await turn.SetFieldsAsync(fields, ct);
        var own = step.Text?.For(turn.Language);
        await PersonAsync(turn, state, Text("ReasonHandover", turn, step.Id!), ct, string.IsNullOrWhiteSpace(own) ? null : own);
    }

    /// <summary>Hands the ticket to the agents and tells the customer: a person will answer, or, outside working hours, when
    /// people are back and that the message is taken.</summary>
    private static async Task PersonAsync(BotTurn turn, ScenarioState state, string reason, CancellationToken ct, string? own = null)
    {
        var lang = turn.Language;
        string text;
        if (turn.PeopleAtWork) text = own ?? Text("PersonComing", turn);
        else
        {
            var away = turn.PeopleBackAt is { } back ? ScenarioBotStrings.Format("OutOfHours", lang, BackAt(back, lang)) : Text("OutOfHoursUnknown", turn);
            text = own is null ? away : own.TrimEnd() + "\n\n" + away;
        }
        await turn.SayAsync(text, [], null, ct);
        await HandOffAsync(turn, state, reason, ct);
    }

    /// <summary>When people are back, in the customer's language and in the offset the desk gave (its calendar's zone).</summary>
    public static string BackAt(DateTimeOffset back, string language)
    {
        var offset = back.Offset == TimeSpan.Zero ? "UTC" : "UTC" + back.ToString("zzz", CultureInfo.InvariantCulture);
        return back.ToString(ScenarioBotStrings.Get("BackAtFormat", language), ScenarioBotStrings.Culture(language)) + $" ({offset})";
    }

    private static async Task HandOffAsync(BotTurn turn, ScenarioState state, string reason, CancellationToken ct)
    {
        state.Done = true;
        Write(turn, state);
        await turn.HandOffAsync(reason, ct);
    }

    private static async Task ResolveAsync(BotTurn turn, ScenarioState state, CancellationToken ct)
    {
        state.Done = true;
        Write(turn, state);
        await turn.ResolveAsync(ct);
    }

    private static async Task SayAsync(BotTurn turn, ScenarioState state, string text, IReadOnlyList<OutboundButton> buttons, CancellationToken ct)
    {
        Write(turn, state);
        await turn.SayAsync(text, buttons, null, ct);
    }

    private static async Task StoreAsync(ScenarioStep step, string value, BotTurn turn, CancellationToken ct)
    {
        var fields = step.Store switch
        {
            ScenarioAnswerStore.Type when ScenarioRules.TryParse<TicketType>(value, out var type) => new BotTicketFields(Type: ScenarioRules.ApiName(type)),
            ScenarioAnswerStore.Priority when ScenarioRules.TryParse<TicketPriority>(value, out var p) => new BotTicketFields(Priority: ScenarioRules.ApiName(p)),
            ScenarioAnswerStore.Tag when Tag.Normalize(value) is { Length: > 0 } tag => new BotTicketFields(AddTags: [tag]),
            _ => null,
        };
        if (fields is not null) await turn.SetFieldsAsync(fields, ct);
    }

    /// <summary>The button chosen: by payload, or by typing its label (a transport without buttons, a customer who types).</summary>
    private static int? ChosenIndex(ScenarioStep step, (string StepId, string Choice)? choice, string text)
    {
        if (choice is { } c) return c.StepId == step.Id ? ButtonIndex(step, c.Choice) : null;
        var typed = text.Trim();
        var buttons = step.Buttons ?? [];
        for (var i = 0; i < buttons.Count; i++)
            if (string.Equals(buttons[i].Label?.Ru?.Trim(), typed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(buttons[i].Label?.En?.Trim(), typed, StringComparison.OrdinalIgnoreCase))
                return i;
        return null;
    }

    private static int? ButtonIndex(ScenarioStep step, string choice) =>
        int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= (step.Buttons?.Count ?? 0) ? n - 1 : null;

    private static string AnswerOf(ScenarioStep step, int index) =>
        step.Buttons![index].Value is { Length: > 0 } value ? value.Trim() : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void Remember(ScenarioState state, ScenarioStep step, string value, bool typed) =>
        state.Answers[step.Id!] = new ScenarioAnswer(Cut(value)!, typed);

    private static bool AsksForPerson(BotTurn turn)
    {
        if (turn.ButtonPayload == ScenarioPayloads.Person) return true;
        if (turn.ButtonPayload is not null) return false;
        var words = turn.CustomerText.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '\n', '\r', '\t', ':', ';', '-', '(', ')'],
            StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= PersonMaxWords && words.Any(w => PersonWords.Any(p => w.StartsWith(p, StringComparison.Ordinal)));
    }

    private static OutboundButton PersonButton(string language) => new(ScenarioPayloads.Person, ScenarioBotStrings.Get("Person", language));

    private static string WithHint(string text, bool hint, string language) =>
        hint ? ScenarioBotStrings.Get("PleaseChoose", language) + "\n\n" + text : text;

    private static ScenarioStep? Find(IReadOnlyList<ScenarioStep> steps, string? id) =>
        id is null ? null : steps.FirstOrDefault(s => s.Id == id);

    private static string Text(string name, BotTurn turn, params object[] args) =>
        args.Length == 0 ? ScenarioBotStrings.Get(name, turn.Language) : ScenarioBotStrings.Format(name, turn.Language, args);

    private static string? Cut(string? text) => text is null ? null : text.Length <= AnswerMaxLength ? text : text[..AnswerMaxLength];

    private static ScenarioState Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new ScenarioState();
        try
        {
            return JsonSerializer.Deserialize<ScenarioState>(json, ScenarioRules.Json) ?? new ScenarioState();
        }
        catch (JsonException)
        {
            // Not ours (the conversation's engine was switched): no step, so the reply hands off.
            return new ScenarioState();
        }
    }

    private static void Write(BotTurn turn, ScenarioState state)
    {
        var json = JsonSerializer.Serialize(state, ScenarioRules.Json);
        // 100 steps' answers at 300 characters could pass the limit: the oldest answers go first.
        while (json.Length > BotTurn.MaxStateLength && state.Answers.Count > 0)
        {
            state.Answers.Remove(state.Answers.Keys.First());
            json = JsonSerializer.Serialize(state, ScenarioRules.Json);
        }
        turn.State = json;
    }
}
