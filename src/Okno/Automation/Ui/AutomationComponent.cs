using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Admin;
using Okno.Automation.Triggers;
using Okno.Platform.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.Automation.Ui;

/// <summary>Shared plumbing of the trigger pages: their strings, and the machine words a trigger is written in (events,
/// fields, operators, action types, run summaries) in the page's language.</summary>
public abstract class AutomationComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<AutomationStrings> L { get; set; } = default!;
    [Inject] protected TicketLabels Labels { get; set; } = default!;

    /// <summary>The signed-in agent, or null when nobody is signed in.</summary>
    protected Task<CurrentAgent?> ActorAsync() => SignedInAgentAsync();

    /// <summary>The targets an SLA alert is about, as <see cref="SlaTargetCondition"/> compares them.</summary>
    public static readonly IReadOnlyList<string> SlaTargets = ["first_response", "next_response", "resolution"];

    /// <summary>Group and agent names by id (as the rule stores them, in text), for labels and the run summaries.</summary>
    protected Dictionary<string, string> GroupNames { get; private set; } = [];
    protected Dictionary<string, string> AgentNames { get; private set; } = [];

    protected void KnowNames(IReadOnlyList<GroupChoice> groups, IReadOnlyList<AgentChoice> agents)
    {
        GroupNames = groups.ToDictionary(g => g.Id.ToString(CultureInfo.InvariantCulture), g => g.Name);
        AgentNames = agents.ToDictionary(a => a.Id.ToString(CultureInfo.InvariantCulture), a => a.Name);
    }

    protected string EventName(string? e) => Named("Event_", e);

    protected string FieldName(string? field) => Named("Field_", field);

    protected string OperatorName(string? op) => Named("Op_", op);

    protected string ActionName(string? type) => Named("Action_", type);

    protected string OutcomeName(string? outcome) => Named("Outcome_", outcome);

    protected string GroupName(string? id) => id is null ? "" : GroupNames.TryGetValue(id, out var name) ? name : L["MissingItem", id];

    protected string AgentName(string? id) => id is null ? "" : AgentNames.TryGetValue(id, out var name) ? name : L["MissingItem", id];

    /// <summary>The values a status, priority, type, channel or SLA target can take, as the API writes them.</summary>
    protected static IReadOnlyList<string> ChoicesOf(ConditionValueKind kind) => kind switch
    {
        ConditionValueKind.Status => Enum.GetValues<TicketStatus>().Select(s => s.ToSnakeCase()).ToList(),
        ConditionValueKind.Priority => Enum.GetValues<TicketPriority>().Select(p => p.ToSnakeCase()).ToList(),
        ConditionValueKind.Type => Enum.GetValues<TicketType>().Select(t => t.ToSnakeCase()).ToList(),
        ConditionValueKind.Channel => ChannelKind.Documented.Select(k => k.Value).ToList(),
        ConditionValueKind.SlaTarget => SlaTargets,
        _ => [],
    };

    /// <summary>A status, priority, type, channel or SLA target by the ticket pages' own names for it.</summary>
    protected string ChoiceName(ConditionValueKind kind, string? value) => value is null ? "" : kind switch
    {
        ConditionValueKind.Status => Parse<TicketStatus>(value) is { } s ? Labels.Of(s) : value,
        ConditionValueKind.Priority => Parse<TicketPriority>(value) is { } p ? Labels.Of(p) : value,
        ConditionValueKind.Type => Parse<TicketType>(value) is { } t ? Labels.Of(t) : value,
        ConditionValueKind.Channel => Labels.Of(value),
        ConditionValueKind.SlaTarget => Named("SlaTarget_", value),
        ConditionValueKind.Group => GroupName(value),
        ConditionValueKind.Agent => AgentName(value),
        _ => value,
    };

    protected static T? Parse<T>(string? value) where T : struct, Enum =>
        value is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == value);

    /// <summary>One line of a run's summary ("set_priority=urgent", "email_customer:email_limit",
    /// "set_status:failed:ticket.closed") as a sentence with its values named; a code this page does not know is shown as written.</summary>
    protected string SummaryLine(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var equals = code.IndexOf('=', StringComparison.Ordinal);
        if (colon > 0 && (equals < 0 || colon < equals))
        {
            var type = code[..colon];
            var rest = code[(colon + 1)..];
            if (rest.StartsWith("failed:", StringComparison.Ordinal)) return L["Run_failed", ActionName(type), Errors.Of(rest["failed:".Length..])];
            var note = L["Run_" + rest, ActionName(type)];
            return note.ResourceNotFound ? code : note.Value;
        }
        if (equals > 0)
        {
            var type = code[..equals];
            var value = code[(equals + 1)..];
            var list = string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries));
            LocalizedString text = type switch
            {
                "set_status" => L["Run_set_status", ChoiceName(ConditionValueKind.Status, value)],
                "set_priority" => L["Run_set_priority", ChoiceName(ConditionValueKind.Priority, value)],
                "set_type" => L["Run_set_type", ChoiceName(ConditionValueKind.Type, value)],
                "set_group" => value.Length == 0 ? L["Run_set_group_none"] : L["Run_set_group", GroupName(value)],
                "set_assignee" => value.Length == 0 ? L["Run_set_assignee_none"] : L["Run_set_assignee", AgentName(value)],
                "add_tags" => L["Run_add_tags", list],
                "remove_tags" => L["Run_remove_tags", list],
                "email_agents" => L["Run_email_agents", value],
                "escalate" => L["Run_escalate", GroupName(value)],
                "call_webhook" => L["Run_call_webhook", value],
                _ => new LocalizedString(code, code, resourceNotFound: true),
            };
            return text.ResourceNotFound ? code : text.Value;
        }
        var done = L["Run_" + code];
        return done.ResourceNotFound ? code : done.Value;
    }

    /// <summary>A time rule's wait in words ("Pending for 3 days", "Unassigned for 4 business hours (Office hours)").</summary>
    protected string WaitText(string? measure, string? status, int? amount, string? unit, string? calendarName)
    {
        var length = amount is { } n && !string.IsNullOrEmpty(unit) ? AmountText(n, unit) : "…";
        if (calendarName is not null && unit == TimeRules.TimeUnits.BusinessHours) length = L["WaitOnCalendar", length, calendarName];
        return measure switch
        {
            TimeRules.TimeMeasures.StatusFor => L["Wait_status_for", ChoiceName(ConditionValueKind.Status, status), length],
            TimeRules.TimeMeasures.UnassignedFor => L["Wait_unassigned_for", length],
            TimeRules.TimeMeasures.AwaitingReplyFor => L["Wait_awaiting_reply_for", length],
            _ => length,
        };
    }

    /// <summary>"3 days", "1 hour", "5 минут": the unit's word in the plural form the number takes in the page's language.</summary>
    protected string AmountText(int amount, string unit) =>
        TimeRules.TimeUnits.All.Contains(unit) ? L.Plural("Amount_" + unit, amount) : $"{amount} {unit}";

    /// <summary>The name of a part of a condition or action row, for the row's error messages.</summary>
    protected string PartName(string part) => part switch
    {
        "field" => L["ConditionField"],
        "operator" => L["Operator"],
        "values" => L["Values"],
        "value" => L["Value"],
        "type" => L["ActionType"],
        "subject" => L["Subject"],
        "body" => L["EmailText"],
        _ => part,
    };

    /// <summary>The localised name of a machine word, or the word itself when this page has no label for it (an action
    /// or field registered after the page was written).</summary>
    protected string Named(string prefix, string? word)
    {
        if (string.IsNullOrEmpty(word)) return "";
        var text = L[prefix + word];
        return text.ResourceNotFound ? word : text.Value;
    }
}
