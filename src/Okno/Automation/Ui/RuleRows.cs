using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Web;
using Okno.Admin;
using Okno.Automation.Triggers;
using Okno.Customers;
using Okno.Platform.Ui;
using Okno.Routing;
using Okno.Tickets;

namespace Okno.Automation.Ui;

public sealed record ConditionChoice(string Field, ConditionValueKind ValueKind, IReadOnlyList<string> Operators);

public sealed record ActionChoice(string Type, ActionValueKind Kind);

public sealed class ConditionRow
{
    public string Field { get; set; } = "";
    public string? Operator { get; set; }
    /// <summary>A one-value operator's value (a status, an id, a text).</summary>
    public string? Single { get; set; }
    /// <summary>The chosen values of a several-value operator on a field with named values or ids.</summary>
    public IReadOnlyCollection<string> Chosen { get; set; } = [];
    public List<CompanyRef> Companies { get; set; } = [];
    /// <summary>Tags or words of a several-value operator, and the one being typed.</summary>
    public List<string> Chips { get; set; } = [];
    public string? NewChip { get; set; }
    /// <summary>Renewed after a company is picked, so the search box starts empty again.</summary>
    public int PickerKey { get; set; }
}

public sealed class ActionRow
{
    public string Type { get; set; } = "";
    public string? Value { get; set; }
    public IReadOnlyCollection<string> Agents { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? NewTag { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    /// <summary>The escalation reason of an "escalate" action.</summary>
    public string? Reason { get; set; }
    /// <summary>The action as saved, sent back unchanged when its kind has no input here.</summary>
    public ActionSpec? Saved { get; set; }
}

/// <summary>The condition and action rows of a rule being edited (a trigger or a time rule), the catalogs and pickers they
/// choose from, and the save error whose field messages are shown at the rows; shared by <see cref="ConditionsEditor"/>
/// and <see cref="ActionsEditor"/> so both rule editors edit conditions and actions the same way.</summary>
public sealed class RuleRows
{
    /// <summary>The "no group" / "unassign" choice: the action's empty value, which a select cannot hold.</summary>
    public const string None = "-";

    public static readonly string[] Recipients =
        [EmailAgentsAction.ToAssignee, EmailAgentsAction.ToGroup, EmailAgentsAction.ToSupervisors, EmailAgentsAction.ToAgents];

    /// <summary>The action kinds the editor has an input for; an action of another kind (registered later) is kept as it
    /// was saved and can be removed or moved, not edited.</summary>
    public static readonly HashSet<ActionValueKind> Editable =
    [
        ActionValueKind.Status, ActionValueKind.Priority, ActionValueKind.Type, ActionValueKind.Group, ActionValueKind.Agent,
        ActionValueKind.Tags, ActionValueKind.Note, ActionValueKind.CustomerEmail, ActionValueKind.AgentEmail, ActionValueKind.Escalation,
        ActionValueKind.Webhook,
    ];

    public IReadOnlyList<ConditionChoice> ConditionCatalog { get; set; } = [];
    public IReadOnlyList<ActionChoice> ActionCatalog { get; set; } = [];
    public IReadOnlyList<GroupChoice> Groups { get; set; } = [];
    public IReadOnlyList<AgentChoice> Agents { get; set; } = [];
    public IReadOnlyList<SupportLineView> Lines { get; set; } = [];
    /// <summary>The reasons in use, and an archived one a saved action still names.</summary>
    public IReadOnlyList<EscalationReasonView> Reasons { get; set; } = [];
    /// <summary>The webhook subscriptions a "call a webhook" action can name (id, name).</summary>
    public IReadOnlyList<(long Id, string Name)> Webhooks { get; set; } = [];
    public string Match { get; set; } = TriggerMatch.All;
    public List<ConditionRow> Conditions { get; set; } = [];
    public List<ActionRow> Actions { get; set; } = [];
    public ActionError? Error { get; set; }
    /// <summary>A time rule has no change to judge: its condition rows offer the state operators only.</summary>
    public bool StateOperatorsOnly { get; init; }

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Loads the catalogs (sorted by their names in the page's language) and the pickers' groups, agents, lines and reasons.</summary>
    public async Task LoadAsync(UiScope scope, Func<string, string> fieldName, Func<string, string> actionName, CancellationToken ct)
    {
        ConditionCatalog = await scope.RunAsync<TriggerConditions, IReadOnlyList<ConditionChoice>>(c => Task.FromResult<IReadOnlyList<ConditionChoice>>(
            c.All.Select(x => new ConditionChoice(x.Field, x.ValueKind,
                    StateOperatorsOnly ? x.Operators.Where(o => !ConditionOperators.IsAboutChange(o)).ToList() : x.Operators))
                .Where(x => x.Operators.Count > 0).OrderBy(x => fieldName(x.Field), StringComparer.CurrentCulture).ToList()));
        ActionCatalog = await scope.RunAsync<TriggerActions, IReadOnlyList<ActionChoice>>(a => Task.FromResult<IReadOnlyList<ActionChoice>>(
            a.All.Select(x => new ActionChoice(x.Type, x.ValueKind)).OrderBy(x => actionName(x.Type), StringComparer.CurrentCulture).ToList()));
        Groups = await scope.RunAsync<AgentDirectory, IReadOnlyList<GroupChoice>>(d => d.GroupsAsync(ct));
        Agents = await scope.RunAsync<AgentDirectory, IReadOnlyList<AgentChoice>>(d => d.AgentsAsync(ct));
        Lines = await scope.RunAsync<SupportLines, IReadOnlyList<SupportLineView>>(l => l.ListAsync(ct));
        Reasons = await scope.RunAsync<EscalationReasons, IReadOnlyList<EscalationReasonView>>(r => r.ListAsync(true, ct));
        Webhooks = await scope.RunAsync<Webhooks.WebhookDeliveries, IReadOnlyList<(long Id, string Name)>>(w => w.ListForPickerAsync(ct));
    }

    public ConditionChoice? ConditionOf(string? field) => ConditionCatalog.FirstOrDefault(c => c.Field == field);

    public ActionValueKind? ActionKindOf(string? type) => ActionCatalog.FirstOrDefault(a => a.Type == type)?.Kind;

    /// <summary>Company ids named by the conditions, to be looked up for their names before <see cref="Show"/>.</summary>
    public List<long> CompanyIds(IEnumerable<ConditionSpec> conditions) =>
        conditions.Where(c => ConditionOf(c.Field)?.ValueKind == ConditionValueKind.Company).SelectMany(c => c.Values ?? [])
            .Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();

    /// <summary>Fills the rows from a saved rule; <paramref name="missing"/> names an item deleted since.</summary>
    public void Show(string match, IEnumerable<ConditionSpec> conditions, IEnumerable<ActionSpec> actions, IReadOnlyList<CompanyRef> companies,
        Func<string, string> missing)
    {
        Match = match;
        var named = companies.ToDictionary(c => Text(c.Id));
        Conditions = conditions.Select(c =>
        {
            var row = new ConditionRow { Field = c.Field ?? "", Operator = c.Operator };
            var values = (c.Values ?? []).OfType<string>().ToList();
            if (ConditionOf(row.Field)?.ValueKind == ConditionValueKind.Company)
                // A company deleted since keeps its id, so saving names it instead of silently dropping it.
                row.Companies = values.Select(v => named.TryGetValue(v, out var company) ? company
                    : new CompanyRef(long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0, missing(v))).ToList();
            else SetValues(row, values);
            return row;
        }).ToList();
        Actions = actions.Select(a =>
        {
            var kind = ActionKindOf(a.Type);
            return new ActionRow
            {
                Type = a.Type ?? "",
                Value = kind is ActionValueKind.Group or ActionValueKind.Agent && string.IsNullOrEmpty(a.Value) ? None : a.Value,
                Agents = kind == ActionValueKind.AgentEmail ? [.. (a.Values ?? []).OfType<string>()] : [],
                Tags = kind == ActionValueKind.Tags ? [.. (a.Values ?? []).OfType<string>()] : [],
                Reason = kind == ActionValueKind.Escalation ? (a.Values ?? []).OfType<string>().FirstOrDefault() : null,
                Subject = a.Subject,
                Body = a.Body,
                Saved = a,
            };
        }).ToList();
    }

    public void Clear()
    {
        Match = TriggerMatch.All;
        Conditions = [];
        Actions = [];
        Error = null;
    }

    public void AddCondition()
    {
        var row = new ConditionRow();
        ChangeField(row, (ConditionOf("subject") ?? ConditionCatalog.FirstOrDefault())?.Field ?? "");
        Conditions.Add(row);
    }

    public void ChangeField(ConditionRow row, string field)
    {
        row.Field = field;
        row.Operator = ConditionOf(field)?.Operators.FirstOrDefault();
        SetValues(row, []);
        row.Companies = [];
    }

    /// <summary>A new operator keeps the values that still fit it (the first of several for a one-value operator).</summary>
    public void ChangeOperator(ConditionRow row, string op)
    {
        var values = ValuesOf(row);
        row.Operator = op;
        if (ConditionOf(row.Field)?.ValueKind == ConditionValueKind.Company)
        {
            if (ConditionOperators.ValueCount(op).Max < row.Companies.Count) row.Companies = row.Companies.Take(ConditionOperators.ValueCount(op).Max).ToList();
            return;
        }
        SetValues(row, values.OfType<string>().ToList());
    }

    private static void SetValues(ConditionRow row, IReadOnlyList<string> values)
    {
        var max = row.Operator is null ? 0 : ConditionOperators.ValueCount(row.Operator).Max;
        row.Single = max == 1 ? values.FirstOrDefault() : null;
        row.Chosen = max > 1 ? [.. values] : [];
        row.Chips = max > 1 ? [.. values] : [];
        row.NewChip = null;
    }

    public static void AddCompany(ConditionRow row, CompanyRef? company, int max)
    {
        if (company is not null && row.Companies.All(c => c.Id != company.Id))
        {
            // A one-value operator: the company picked replaces the one before.
            if (max == 1) row.Companies.Clear();
            row.Companies.Add(company);
        }
        row.PickerKey++;
    }

    private static void AddChip(ConditionRow row, ConditionValueKind kind)
    {
        if (string.IsNullOrWhiteSpace(row.NewChip)) return;
        var parts = row.NewChip.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        row.NewChip = null;
        foreach (var part in parts)
        {
            var value = kind == ConditionValueKind.Tag ? Tag.Normalize(part) : part;
            if (value.Length > 0 && !row.Chips.Contains(value)) row.Chips.Add(value);
        }
    }

    public static void ChipKey(ConditionRow row, ConditionValueKind kind, KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or ",") AddChip(row, kind);
    }

    public List<string?> ValuesOf(ConditionRow row)
    {
        var condition = ConditionOf(row.Field);
        var max = row.Operator is null ? 0 : ConditionOperators.ValueCount(row.Operator).Max;
        if (condition is null || max == 0) return [];
        if (condition.ValueKind == ConditionValueKind.Company) return row.Companies.Select(c => (string?)Text(c.Id)).ToList();
        if (max == 1) return string.IsNullOrWhiteSpace(row.Single) ? [] : [row.Single];
        if (condition.ValueKind is ConditionValueKind.Tag or ConditionValueKind.Text)
        {
            AddChip(row, condition.ValueKind);   // words typed but not yet added count
            return row.Chips.Select(c => (string?)c).ToList();
        }
        return row.Chosen.Select(v => (string?)v).ToList();
    }

    public void AddAction()
    {
        var row = new ActionRow();
        ChangeActionType(row, ActionCatalog.FirstOrDefault(a => a.Type == "set_priority")?.Type ?? ActionCatalog.FirstOrDefault()?.Type ?? "");
        Actions.Add(row);
    }

    public void ChangeActionType(ActionRow row, string type)
    {
        row.Type = type;
        row.Value = ActionKindOf(type) switch
        {
            ActionValueKind.Group or ActionValueKind.Agent => None,
            ActionValueKind.AgentEmail => EmailAgentsAction.ToAssignee,
            _ => null,
        };
        row.Agents = [];
        row.Tags = [];
        row.NewTag = null;
        row.Subject = null;
        row.Body = null;
        row.Reason = null;
        row.Saved = null;
    }

    public void MoveAction(ActionRow row, int by)
    {
        var from = Actions.IndexOf(row);
        var to = from + by;
        if (from < 0 || to < 0 || to >= Actions.Count) return;
        (Actions[from], Actions[to]) = (Actions[to], Actions[from]);
    }

    private static void AddTag(ActionRow row)
    {
        if (string.IsNullOrWhiteSpace(row.NewTag)) return;
        var parts = row.NewTag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        row.NewTag = null;
        foreach (var part in parts)
        {
            var tag = Tag.Normalize(part);
            if (tag.Length > 0 && !row.Tags.Contains(tag)) row.Tags.Add(tag);
        }
    }

    public static void TagKey(ActionRow row, KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or ",") AddTag(row);
    }

    public ActionSpec SpecOf(ActionRow row)
    {
        var kind = ActionKindOf(row.Type);
        switch (kind)
        {
            case ActionValueKind.Group or ActionValueKind.Agent:
                return new ActionSpec(row.Type, row.Value == None ? null : row.Value);
            case ActionValueKind.Status or ActionValueKind.Priority or ActionValueKind.Type:
                return new ActionSpec(row.Type, row.Value);
            case ActionValueKind.Tags:
                AddTag(row);   // a tag typed but not yet added counts
                return new ActionSpec(row.Type, Values: row.Tags.Select(t => (string?)t).ToList());
            case ActionValueKind.Note or ActionValueKind.CustomerEmail:
                return new ActionSpec(row.Type, Body: row.Body);
            case ActionValueKind.AgentEmail:
                return new ActionSpec(row.Type, row.Value, row.Value == EmailAgentsAction.ToAgents ? row.Agents.Select(a => (string?)a).ToList() : null,
                    row.Subject, row.Body);
            case ActionValueKind.Webhook:
                return new ActionSpec(row.Type, row.Value);
            case ActionValueKind.Escalation:
                return new ActionSpec(row.Type, row.Value, row.Reason is null ? [] : [row.Reason], Body: string.IsNullOrWhiteSpace(row.Body) ? null : row.Body);
            default:
                return row.Saved ?? new ActionSpec(row.Type);
        }
    }

    public List<ConditionSpec?> ConditionSpecs() => Conditions.Select(c => (ConditionSpec?)new ConditionSpec(c.Field, c.Operator, ValuesOf(c))).ToList();

    public List<ActionSpec?> ActionSpecs() => Actions.Select(a => (ActionSpec?)SpecOf(a)).ToList();

    /// <summary>The messages of a field and, unless its items are rows shown on their own, its items ("events[2]"), once each.</summary>
    public string? Joined(string prefix, bool items = true)
    {
        var messages = Error?.Fields.Where(f => f.Key == prefix || (items && f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
            .Select(f => f.Value).Distinct().ToList();
        return messages is { Count: > 0 } ? string.Join(" ", messages) : null;
    }

    private static readonly Regex RowField = new(@"^(?<list>conditions|actions)\[(?<i>\d+)\](\.(?<part>[a-z]+))?");

    /// <summary>The messages about one row ("conditions[1].values[0]", "actions[0].body"), each after the name of its part.</summary>
    public string? RowError(string row, Func<string, string> partName)
    {
        var lines = Error?.Fields.Where(f => f.Key == row || f.Key.StartsWith(row + ".", StringComparison.Ordinal))
            .Select(f => RowField.Match(f.Key) is { Success: true } m && m.Groups["part"].Success ? $"{partName(m.Groups["part"].Value)}: {f.Value}" : f.Value)
            .Distinct().ToList();
        return lines is { Count: > 0 } ? string.Join(" ", lines) : null;
    }

    /// <summary>Whether a row's message is shown at its row (a row removed since has its message shown in the list above).</summary>
    public bool ShownAtRow(string field)
    {
        if (field is "match" or "conditions" or "actions") return true;
        if (RowField.Match(field) is not { Success: true } m) return false;
        var i = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
        return i < (m.Groups["list"].Value == "conditions" ? Conditions.Count : Actions.Count);
    }
}
