using Okno.Bots;
using Okno.Bots.Scenarios;
using Okno.Channels;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Tests.Bots.Scenarios;

/// <summary>The scenario bot's engine (issue 18) on a fake turn: each step kind, «Talk to a person» at every step (button
/// and words), branches, out of hours, silence and input that fits no button.</summary>
public sealed class ScenarioRunnerTests
{
    private static ScenarioText T(string ru, string en) => new(ru, en);

    /// <summary>A small support menu: billing (a question, then a hand-over to billing), technical (how urgent → urgent
    /// hand-over, else articles, then a hand-over), and «how do I» (articles, else back to the menu).</summary>
    internal static List<ScenarioStep> Support(long? billingGroup = null) =>
    [
        new("start", ScenarioStepKind.Message, T("Здравствуйте! О чём ваш вопрос?", "Hello! What is your question about?"),
            Buttons: [new(T("Оплата", "Billing"), "contract", "billing"), new(T("Техническая проблема", "Technical problem"), "urgency", "tech"),
                new(T("Как сделать…", "How do I…"), "howto")]),
        new("contract", ScenarioStepKind.Question, T("Номер договора?", "Your contract number?"), Next: "billing_handover"),
        new("billing_handover", ScenarioStepKind.Handover, T("Передаю в бухгалтерию.", "Passing you to billing."),
            Type: TicketType.Question, GroupId: billingGroup, Tags: ["Billing"]),
        new("urgency", ScenarioStepKind.Question, T("Насколько срочно?", "How urgent is it?"), Store: ScenarioAnswerStore.Priority,
            Buttons: [new(T("Всё стоит", "Everything is down"), Value: "urgent"), new(T("Может подождать", "It can wait"), Value: "low")],
            Next: "tech_branch"),
        new("tech_branch", ScenarioStepKind.Branch, Source: "urgency", Cases: [new("urgent", "urgent_handover")], Default: "tech_articles"),
        new("urgent_handover", ScenarioStepKind.Handover, Type: TicketType.Incident, Priority: TicketPriority.Urgent, Tags: ["outage"]),
        new("tech_articles", ScenarioStepKind.Articles, Next: "handover"),
        new("howto", ScenarioStepKind.Articles, T("Вот что нашлось:", "Here is what I found:"), Next: "start"),
        new("handover", ScenarioStepKind.Handover),
    ];

    private static readonly DateTimeOffset Monday9 = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public void The_support_scenario_is_valid_with_its_loop_back_to_the_menu()
    {
        var errors = new FieldErrors();
        ScenarioRules.Check(new ScenarioDefinition("Support", true, Support()), errors);
        Assert.False(errors.Any, Problem(errors));
    }

    [Theory]
    [InlineData("ru", "Здравствуйте! О чём ваш вопрос?", "Оплата", "Позвать оператора")]
    [InlineData("en", "Hello! What is your question about?", "Billing", "Talk to a person")]
    public async Task Start_says_the_first_step_in_the_customers_language_with_its_buttons_and_talk_to_a_person(string language, string text,
        string first, string person)
    {
        var turn = Turn(language, "Здравствуйте");
        await new ScenarioRunner(null).StartAsync(Support(), turn, default);
        var say = Assert.Single(turn.Actions);
        Assert.Equal(("say", text), (say.Kind, say.Text));
        Assert.Equal([first, person], [say.Buttons![0].Label, say.Buttons[^1].Label]);
        Assert.Equal(4, say.Buttons.Count);
        Assert.Equal(["scenario:start:1", "scenario:start:2", "scenario:start:3", ScenarioPayloads.Person], say.Buttons.Select(b => b.Payload));
        Assert.All(say.Buttons, b => Assert.True(b.Payload.Length <= OutboundButton.MaxPayloadLength));
    }

    [Fact]
    public async Task A_chosen_priority_is_set_and_the_branch_hands_an_urgent_problem_over_with_the_outcome_fields()
    {
        var run = await RunAsync("en", "The site is down", ("Technical problem", "scenario:start:2"), ("Everything is down", "scenario:urgency:1"));
        var urgency = run[1];
        Assert.Equal("How urgent is it?", urgency.Single().Text);
        var last = run[2];
        Assert.Equal(new BotTicketFields(Priority: "urgent"), last[0].Fields);
        Assert.Equal("set_fields", last[1].Kind);
        Assert.Equal(("incident", "urgent"), (last[1].Fields!.Type, last[1].Fields!.Priority));
        Assert.Equal(["outage"], last[1].Fields!.AddTags!);
        Assert.Equal("say", last[2].Kind);
        Assert.Empty(last[2].Buttons!);
        Assert.Contains("person", last[2].Text);
        Assert.Equal("hand_off", last[3].Kind);
        Assert.Contains("urgent_handover", last[3].Reason);
    }

    [Fact]
    public async Task A_typed_answer_is_kept_and_never_sets_a_field_and_the_handover_sets_group_type_and_tags()
    {
        var run = await RunAsync("ru", "Вопрос по счёту", ("Оплата", "scenario:start:1"), ("Договор 12-345", null));
        Assert.Equal("Номер договора?", run[1].Single().Text);
        var last = run[2];
        Assert.Equal(["set_fields", "say", "hand_off"], last.Select(a => a.Kind));
        Assert.Equal(("question", 7L, (string?)null), (last[0].Fields!.Type, last[0].Fields!.GroupId, last[0].Fields!.Priority));
        Assert.Equal(["billing"], last[0].Fields!.AddTags!);
        Assert.Equal("Передаю в бухгалтерию.", last[1].Text);
    }

    [Theory]
    [InlineData("start", "scenario:person", null)]
    [InlineData("urgency", "scenario:person", null)]
    [InlineData("contract", "scenario:person", null)]
    [InlineData("howto", "scenario:person", null)]
    [InlineData("start", null, "Позовите оператора, пожалуйста")]
    [InlineData("urgency", null, "живого человека!")]
    [InlineData("contract", null, "agent please")]
    [InlineData("howto", null, "I want a human")]
    public async Task Talk_to_a_person_works_at_every_step_by_button_and_by_words(string at, string? payload, string? text)
    {
        var articles = new FakeArticles(1);
        var state = await StateAtAsync(at, articles);
        var turn = Turn("ru", text ?? "Позвать оператора", payload, state);
        await new ScenarioRunner(articles).ReplyAsync(Support(7), turn, default);
        Assert.Equal(["say", "hand_off"], turn.Actions.Select(a => a.Kind));
        Assert.Contains("человек", turn.Actions[0].Text);
        Assert.Contains("человека", turn.Actions[1].Reason);
    }

    [Fact]
    public async Task A_long_message_that_mentions_an_agent_is_not_a_request_for_one()
    {
        var state = await StateAtAsync("contract", null);
        var turn = Turn("en", "My contract is 12-345, the previous agent said it was paid already last month", null, state);
        await new ScenarioRunner(null).ReplyAsync(Support(7), turn, default);
        Assert.Equal(["set_fields", "say", "hand_off"], turn.Actions.Select(a => a.Kind));
        Assert.Contains("billing_handover", turn.Actions[2].Reason);
    }

    [Fact]
    public async Task Out_of_hours_the_bot_says_when_people_are_back_in_the_customers_language_and_takes_the_message()
    {
        var (ru, en) = (await PersonAsync("ru"), await PersonAsync("en"));
        Assert.Contains("вернёмся 7 декабря в 09:00 (UTC+03:00)", ru);
        Assert.Contains("Ваше сообщение принято", ru);
        Assert.Contains("back 7 December at 09:00 (UTC+03:00)", en);
        Assert.Contains("Your message is taken", en);

        static async Task<string> PersonAsync(string language)
        {
            var state = await StateAtAsync("start", null);
            var turn = Turn(language, "", ScenarioPayloads.Person, state, atWork: false, backAt: Monday9);
            await new ScenarioRunner(null).ReplyAsync(Support(), turn, default);
            Assert.Equal(["say", "hand_off"], turn.Actions.Select(a => a.Kind));
            return turn.Actions[0].Text!;
        }
    }

    [Fact]
    public async Task A_handover_step_out_of_hours_says_its_own_text_and_when_people_are_back()
    {
        var state = await StateAtAsync("contract", null);
        var turn = Turn("en", "12-345", null, state, atWork: false, backAt: Monday9);
        await new ScenarioRunner(null).ReplyAsync(Support(), turn, default);
        var say = turn.Actions.Single(a => a.Kind == "say").Text!;
        Assert.StartsWith("Passing you to billing.", say);
        Assert.Contains("will be back 7 December at 09:00", say);
    }

    [Fact]
    public async Task Silence_hands_off_and_a_finished_conversation_does_nothing_more()
    {
        var state = await StateAtAsync("urgency", null);
        var turn = Turn("en", "", null, state);
        await new ScenarioRunner(null).SilenceAsync(turn, default);
        Assert.Equal("hand_off", Assert.Single(turn.Actions).Kind);
        Assert.Contains("did not answer", turn.Actions[0].Reason);

        var after = Turn("en", "hello?", null, turn.State);
        await new ScenarioRunner(null).ReplyAsync(Support(), after, default);
        await new ScenarioRunner(null).SilenceAsync(after, default);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public async Task Free_text_at_a_buttons_step_repeats_it_once_with_a_hint_then_hands_off()
    {
        var state = await StateAtAsync("start", null);
        var once = Turn("en", "hmm, not sure", null, state);
        await new ScenarioRunner(null).ReplyAsync(Support(), once, default);
        var again = Assert.Single(once.Actions);
        Assert.StartsWith("Please choose one of the options below.", again.Text);
        Assert.EndsWith("What is your question about?", again.Text);
        Assert.Equal(4, again.Buttons!.Count);

        var twice = Turn("en", "I said I'm not sure", null, once.State);
        await new ScenarioRunner(null).ReplyAsync(Support(), twice, default);
        Assert.Equal(["say", "hand_off"], twice.Actions.Select(a => a.Kind));
        Assert.Contains("did not choose", twice.Actions[1].Reason);
    }

    [Fact]
    public async Task Typing_a_buttons_label_in_either_language_chooses_it_and_an_older_menus_button_goes_on_from_there()
    {
        var state = await StateAtAsync("start", null);
        var typed = Turn("ru", "  billing ", null, state);
        await new ScenarioRunner(null).ReplyAsync(Support(), typed, default);
        Assert.Equal("Номер договора?", Assert.Single(typed.Actions).Text);

        // At the contract question, the customer presses «Technical problem» on the first message still on screen.
        var old = Turn("ru", "Техническая проблема", "scenario:start:2", typed.State);
        await new ScenarioRunner(null).ReplyAsync(Support(), old, default);
        Assert.Equal("Насколько срочно?", Assert.Single(old.Actions).Text);
    }

    [Fact]
    public async Task A_payload_that_is_not_ours_or_names_no_button_is_bad_input()
    {
        var state = await StateAtAsync("start", null);
        var turn = Turn("en", "x", "scenario:start:9", state);
        await new ScenarioRunner(null).ReplyAsync(Support(), turn, default);
        Assert.StartsWith("Please choose", Assert.Single(turn.Actions).Text);
        var foreign = Turn("en", "x", "answerbot:yes", turn.State);
        await new ScenarioRunner(null).ReplyAsync(Support(), foreign, default);
        Assert.Equal(["say", "hand_off"], foreign.Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task Articles_are_offered_for_the_first_message_and_solved_resolves_and_teaches_the_suggestions()
    {
        var articles = new FakeArticles(4);
        var run = await RunAsync("en", "How do I reset my password?", articles, ("How do I…", "scenario:start:3"), ("Yes", "scenario:howto:solved"));
        var offer = run[1].Single();
        Assert.StartsWith("Here is what I found:", offer.Text);
        Assert.Contains("• Article 1: https://help.example.com/1", offer.Text);
        Assert.Contains("Article 3", offer.Text);
        Assert.DoesNotContain("Article 4", offer.Text);
        Assert.Equal(["scenario:howto:solved", "scenario:howto:unsolved", ScenarioPayloads.Person], offer.Buttons!.Select(b => b.Payload));
        Assert.Equal(("How do I reset my password?", "en", 3), (articles.Asked[0].Question, articles.Asked[0].Language, articles.Asked[0].Max));
        Assert.Equal(["say", "resolve"], run[2].Select(a => a.Kind));
        var outcome = Assert.Single(articles.Outcomes);
        Assert.True(outcome.Solved);
        Assert.Equal([1L, 2L, 3L], outcome.Offered);
    }

    [Fact]
    public async Task Not_solved_goes_on_and_no_articles_found_passes_the_step_without_a_word()
    {
        var articles = new FakeArticles(2);
        var run = await RunAsync("en", "Printer", articles, ("How do I…", "scenario:start:3"), ("No", "scenario:howto:unsolved"));
        Assert.Equal("Hello! What is your question about?", run[2].Single().Text);
        Assert.False(Assert.Single(articles.Outcomes).Solved);

        // Technical, can wait → articles (none) → the plain hand-over.
        var none = await RunAsync("en", "Printer", new FakeArticles(0), ("Technical problem", "scenario:start:2"), ("It can wait", "scenario:urgency:2"));
        Assert.Equal(["set_fields", "say", "hand_off"], none[2].Select(a => a.Kind));
        Assert.Equal("low", none[2][0].Fields!.Priority);
        Assert.Contains("«handover»", none[2][2].Reason);
    }

    [Fact]
    public async Task A_branch_on_a_typed_answer_matches_a_case_it_contains_and_an_end_step_resolves()
    {
        List<ScenarioStep> steps =
        [
            new("ask", ScenarioStepKind.Question, T("Что случилось?", "What happened?"), Next: "route"),
            new("route", ScenarioStepKind.Branch, Source: "ask", Cases: [new("password", "bye")], Default: "people"),
            new("bye", ScenarioStepKind.End, T("Сбросьте пароль по ссылке «Забыли пароль?».", "Use «Forgot password?» on the sign-in page.")),
            new("people", ScenarioStepKind.Handover),
        ];
        var errors = new FieldErrors();
        ScenarioRules.Check(new ScenarioDefinition("x", true, steps), errors);
        Assert.False(errors.Any, Problem(errors));
        var start = Turn("en", "hi");
        await new ScenarioRunner(null).StartAsync(steps, start, default);
        var reply = Turn("en", "I forgot my Password again", null, start.State);
        await new ScenarioRunner(null).ReplyAsync(steps, reply, default);
        Assert.Equal(["say", "resolve"], reply.Actions.Select(a => a.Kind));
        Assert.Empty(reply.Actions[0].Buttons!);
    }

    [Fact]
    public async Task A_conversation_whose_scenario_is_gone_or_whose_step_was_removed_is_handed_off()
    {
        var start = Turn("en", "hi");
        await new ScenarioRunner(null).StartAsync([], start, default);
        Assert.Equal("hand_off", Assert.Single(start.Actions).Kind);

        var state = await StateAtAsync("urgency", null);
        var turn = Turn("en", "It can wait", null, state);
        await new ScenarioRunner(null).ReplyAsync(Support().Where(s => s.Id != "urgency").ToList(), turn, default);
        Assert.Equal("hand_off", Assert.Single(turn.Actions).Kind);
    }

    [Fact]
    public void Bad_scenarios_name_every_bad_field()
    {
        var steps = Support();
        steps[0] = steps[0] with
        {
            Buttons = [new(T("Оплата", new string('x', OutboundButton.MaxLabelLength + 1)), "nowhere"), new(T("", "Only English"), "urgency")],
        };
        steps[3] = steps[3] with { Buttons = [new(T("Срочно", "Urgent"), Value: "asap")] };
        steps.Add(new("contract", ScenarioStepKind.End, T("а", "a")));
        steps.Add(new("island", ScenarioStepKind.Message, T("а", "a"), Buttons: [new(T("а", "a"), "island")]));
        steps.Add(new("bad id!", ScenarioStepKind.Handover, T(null!, "English only")));
        var errors = Codes(new ScenarioDefinition("", true, steps));
        Assert.Contains(("name", ErrorCodes.Required), errors);
        Assert.Contains(("steps[0].buttons[0].label.en", ErrorCodes.TooLong), errors);
        Assert.Contains(("steps[0].buttons[0].next", ScenarioErrorCodes.UnknownStep), errors);
        Assert.Contains(("steps[0].buttons[1].label.ru", ErrorCodes.Required), errors);
        Assert.Contains(("steps[3].buttons[0].value", ScenarioErrorCodes.InvalidChoiceValue), errors);
        Assert.Contains(("steps[9].id", ScenarioErrorCodes.DuplicateStep), errors);
        Assert.Contains(("steps[11].id", ScenarioErrorCodes.InvalidStepId), errors);
        Assert.Contains(("steps[11].text.ru", ErrorCodes.Required), errors);

        var tooMany = Support();
        tooMany[0] = tooMany[0] with { Buttons = Enumerable.Range(0, 10).Select(_ => new ScenarioButton(T("а", "a"), "start")).ToList() };
        Assert.Contains(("steps[0].buttons", ScenarioErrorCodes.TooManyButtons), Codes(new ScenarioDefinition("x", true, tooMany)));
    }

    [Fact]
    public void Unreachable_steps_and_loops_with_no_way_out_are_refused()
    {
        List<ScenarioStep> steps =
        [
            new("menu", ScenarioStepKind.Message, T("Меню", "Menu"), Buttons: [new(T("Ещё", "More"), "more"), new(T("Выход", "Out"), "out")]),
            new("more", ScenarioStepKind.Message, T("Ещё", "More"), Buttons: [new(T("Ещё раз", "Again"), "again")]),
            new("again", ScenarioStepKind.Question, T("Ещё?", "More?"), Next: "more"),
            new("out", ScenarioStepKind.Handover),
            new("lost", ScenarioStepKind.End, T("Пока", "Bye")),
            new("route", ScenarioStepKind.Branch, Source: "out", Cases: [new("1", "lost")], Default: "lost"),
        ];
        // Paths are looked at once every step is right by itself.
        Assert.Equal([("steps[5].source", ScenarioErrorCodes.NotAnswerable)], Codes(new ScenarioDefinition("x", true, steps)));

        steps[5] = steps[5] with { Source = "menu" };
        var errors = Codes(new ScenarioDefinition("x", true, steps));
        Assert.Contains(("steps[1].id", ScenarioErrorCodes.NoWayOut), errors);
        Assert.Contains(("steps[2].id", ScenarioErrorCodes.NoWayOut), errors);
        Assert.Contains(("steps[4].id", ScenarioErrorCodes.Unreachable), errors);
        Assert.Contains(("steps[5].id", ScenarioErrorCodes.Unreachable), errors);
        Assert.DoesNotContain(errors, e => e.Field is "steps[0].id" or "steps[3].id");
    }

    private static List<(string Field, string Code)> Codes(ScenarioDefinition definition)
    {
        var errors = new FieldErrors();
        ScenarioRules.Check(definition, errors);
        var problem = Assert.Throws<OknoException>(errors.ThrowIfAny);
        var invalid = Assert.IsType<InvalidInput>(problem.Error);
        return invalid.Fields.SelectMany(e => e.Value.Select(v => (e.Key, v.Code))).ToList();
    }

    private static string Problem(FieldErrors errors)
    {
        try { errors.ThrowIfAny(); return ""; }
        catch (OknoException e) when (e.Error is InvalidInput invalid)
        {
            return string.Join("; ", invalid.Fields.SelectMany(x => x.Value.Select(v => $"{x.Key}: {v.Code}")));
        }
    }

    /// <summary>The conversation's state after it reached <paramref name="step"/> of <see cref="Support"/>.</summary>
    private static async Task<string?> StateAtAsync(string step, FakeArticles? articles)
    {
        (string, string?)[] path = step switch
        {
            "start" => [],
            "contract" => [("Billing", "scenario:start:1")],
            "urgency" => [("Technical problem", "scenario:start:2")],
            "howto" => [("How do I…", "scenario:start:3")],
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        var turn = Turn("en", "Printer does not print");
        await new ScenarioRunner(articles).StartAsync(Support(7), turn, default);
        foreach (var (text, payload) in path)
        {
            var next = Turn("en", text, payload, turn.State);
            await new ScenarioRunner(articles).ReplyAsync(Support(7), next, default);
            turn = next;
        }
        return turn.State;
    }

    private static Task<List<List<FakeTurn.Action>>> RunAsync(string language, string first, params (string Text, string? Payload)[] inputs) =>
        RunAsync(language, first, null, inputs);

    private static async Task<List<List<FakeTurn.Action>>> RunAsync(string language, string first, FakeArticles? articles,
        params (string Text, string? Payload)[] inputs)
    {
        var runner = new ScenarioRunner(articles);
        var turn = Turn(language, first);
        await runner.StartAsync(Support(7), turn, default);
        var all = new List<List<FakeTurn.Action>> { turn.Actions };
        foreach (var (text, payload) in inputs)
        {
            var next = Turn(language, text, payload, turn.State);
            await runner.ReplyAsync(Support(7), next, default);
            all.Add(next.Actions);
            turn = next;
        }
        return all;
    }

    private static FakeTurn Turn(string language, string text, string? payload = null, string? state = null, bool atWork = true,
        DateTimeOffset? backAt = null) => new()
    {
        TicketId = 1, ConversationId = 1, ScenarioId = 1, Language = language, CustomerText = text, ButtonPayload = payload,
        PeopleAtWork = atWork, PeopleBackAt = backAt, State = state,
    };

    internal sealed class FakeTurn : BotTurn
    {
        public sealed record Action(string Kind, string? Text = null, IReadOnlyList<OutboundButton>? Buttons = null, string? Reason = null,
            BotTicketFields? Fields = null);

        public List<Action> Actions { get; } = [];

        public override Task SayAsync(string text, IReadOnlyList<OutboundButton> buttons, TimeSpan? waitForAnswer, CancellationToken cancellationToken)
        {
            Assert.True(State is null || State.Length <= MaxStateLength);
            Actions.Add(new("say", text, buttons));
            return Task.CompletedTask;
        }

        public override Task ResolveAsync(CancellationToken cancellationToken)
        {
            Actions.Add(new("resolve"));
            return Task.CompletedTask;
        }

        public override Task HandOffAsync(string reason, CancellationToken cancellationToken)
        {
            Actions.Add(new("hand_off", Reason: reason));
            return Task.CompletedTask;
        }

        public override Task SetFieldsAsync(BotTicketFields fields, CancellationToken cancellationToken)
        {
            Actions.Add(new("set_fields", Fields: fields));
            return Task.CompletedTask;
        }
    }

    internal sealed class FakeArticles(int count) : IArticleSuggestions
    {
        public List<(string Question, string Language, int Max)> Asked { get; } = [];
        public List<(IReadOnlyList<long> Offered, bool Solved)> Outcomes { get; } = [];

        public Task<IReadOnlyList<SuggestedArticle>> FindAsync(string question, string language, int max, CancellationToken cancellationToken)
        {
            Asked.Add((question, language, max));
            return Task.FromResult<IReadOnlyList<SuggestedArticle>>(Enumerable.Range(1, count)
                .Select(i => new SuggestedArticle(i, $"Article {i}", $"https://help.example.com/{i}", 1.0 / i)).ToList());
        }

        public Task RecordOutcomeAsync(string question, string language, IReadOnlyList<long> offered, bool solved, long? solvedBy,
            CancellationToken cancellationToken)
        {
            Outcomes.Add((offered, solved));
            return Task.CompletedTask;
        }
    }
}
