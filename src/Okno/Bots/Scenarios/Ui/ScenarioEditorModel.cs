using Okno.Tickets;

namespace Okno.Bots.Scenarios.Ui;

/// <summary>A scenario as the editor changes it (mutable, bound to the fields); <see cref="ToDefinition"/> gives what the
/// API takes, so the editor's save and preview are checked and run by the same code as the API's.</summary>
public sealed class ScenarioEditorModel
{
    public string? Name { get; set; }
    public bool Enabled { get; set; } = true;
    public List<StepModel> Steps { get; set; } = [];

    public static ScenarioEditorModel From(BotScenarioView view) => new()
    {
        Name = view.Name, Enabled = view.Enabled, Steps = view.Steps.Select(StepModel.From).ToList(),
    };

    /// <summary>A new scenario: a greeting menu with two ways, ready to edit and to preview; <paramref name="text"/> gives a
    /// string of the editor's resources in a language ("ru", "en").</summary>
    public static ScenarioEditorModel Starter(Func<string, string, string> text) => new()
    {
        Steps =
        [
            new StepModel
            {
                Id = "start", Kind = ScenarioStepKind.Message, Ru = text("StarterGreeting", "ru"), En = text("StarterGreeting", "en"),
                Buttons = [new ButtonModel { Ru = text("StarterHowTo", "ru"), En = text("StarterHowTo", "en"), Next = "articles" },
                    new ButtonModel { Ru = text("StarterOther", "ru"), En = text("StarterOther", "en"), Next = "handover" }],
            },
            new StepModel { Id = "articles", Kind = ScenarioStepKind.Articles, Next = "handover" },
            new StepModel { Id = "handover", Kind = ScenarioStepKind.Handover },
        ],
    };

    public ScenarioDefinition ToDefinition() => new(Name, Enabled, Steps.Select(s => s.ToStep()).ToList());
}

public sealed class StepModel
{
    public string? Id { get; set; }
    public ScenarioStepKind Kind { get; set; } = ScenarioStepKind.Message;
    public string? Ru { get; set; }
    public string? En { get; set; }
    public List<ButtonModel> Buttons { get; set; } = [];
    public string? Next { get; set; }
    public ScenarioAnswerStore Store { get; set; }
    public string? Source { get; set; }
    public List<CaseModel> Cases { get; set; } = [];
    public string? Default { get; set; }
    public TicketType? Type { get; set; }
    public long? GroupId { get; set; }
    public TicketPriority? Priority { get; set; }
    public string? Tags { get; set; }

    public static StepModel From(ScenarioStep s) => new()
    {
        Id = s.Id, Kind = s.Kind ?? ScenarioStepKind.Message, Ru = s.Text?.Ru, En = s.Text?.En,
        Buttons = (s.Buttons ?? []).Select(b => new ButtonModel { Ru = b.Label?.Ru, En = b.Label?.En, Next = b.Next, Value = b.Value }).ToList(),
        Next = s.Next, Store = s.Store ?? ScenarioAnswerStore.Keep, Source = s.Source,
        Cases = (s.Cases ?? []).Select(c => new CaseModel { Value = c.Value, Next = c.Next }).ToList(),
        Default = s.Default, Type = s.Type, GroupId = s.GroupId, Priority = s.Priority, Tags = s.Tags is { } tags ? string.Join(", ", tags) : null,
    };

    /// <summary>Only the fields of its kind: a step switched from a message to a hand-over keeps its buttons in the editor
    /// (switching back brings them again) but does not send them.</summary>
    public ScenarioStep ToStep()
    {
        var text = string.IsNullOrWhiteSpace(Ru) && string.IsNullOrWhiteSpace(En) ? null : new ScenarioText(Blank(Ru), Blank(En));
        return Kind switch
        {
            ScenarioStepKind.Message => new(Id, Kind, text, Buttons: Buttons.Select(b => b.ToButton()).ToList()),
            ScenarioStepKind.Question => new(Id, Kind, text, Buttons.Count == 0 ? null : Buttons.Select(b => b.ToButton()).ToList(), Blank(Next),
                Store == ScenarioAnswerStore.Keep ? null : Store),
            ScenarioStepKind.Branch => new(Id, Kind, Source: Blank(Source), Cases: Cases.Select(c => new ScenarioCase(Blank(c.Value), Blank(c.Next))).ToList(),
                Default: Blank(Default)),
            ScenarioStepKind.Articles => new(Id, Kind, text, Next: Blank(Next)),
            ScenarioStepKind.Handover => new(Id, Kind, text, Type: Type, GroupId: GroupId, Priority: Priority,
                Tags: (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } tags ? [.. tags] : null),
            _ => new(Id, Kind, text),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public sealed class ButtonModel
{
    public string? Ru { get; set; }
    public string? En { get; set; }
    public string? Next { get; set; }
    public string? Value { get; set; }

    public ScenarioButton ToButton() => new(new ScenarioText(Ru, En), string.IsNullOrWhiteSpace(Next) ? null : Next,
        string.IsNullOrWhiteSpace(Value) ? null : Value);
}

public sealed class CaseModel
{
    public string? Value { get; set; }
    public string? Next { get; set; }
}
