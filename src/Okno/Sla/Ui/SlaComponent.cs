using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.Sla.Ui;

/// <summary>Shared plumbing of the SLA admin pages and dialogs: their strings, and the names of the machine words the
/// calendar and the clock use (day kinds, weekdays, statuses, targets, states, timeline steps) in the page's language.</summary>
public abstract class SlaComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<SlaStrings> L { get; set; } = default!;

    /// <summary>The signed-in agent, or null when nobody is signed in.</summary>
    protected Task<CurrentAgent?> ActorAsync() => SignedInAgentAsync();

    public static readonly IReadOnlyList<string> Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    public static readonly IReadOnlyList<string> DayKinds = ["holiday", "moved", "shortened", "working"];

    protected string WeekdayName(string weekday) => L["Weekday_" + weekday];

    protected string KindName(string? kind) => Named("Kind_", kind);

    protected string StatusName(string? status) => Named("Status_", status);

    protected string EventKindName(string? kind) => Named("Event_", kind);

    protected string TargetName(string? target) => target is null ? L["TargetTicket"] : Named("Target_", target);

    protected string StateName(string? state) => Named("State_", state);

    /// <summary>A timeline step's label; the clock writes English machine words (met, paused, breached…).</summary>
    protected string WhatName(string? what) => Named("What_", what);

    /// <summary>The localised name of a machine word, or the word itself when it is not one Okno knows (a newer clock
    /// may write a step this page has no label for yet).</summary>
    private string Named(string prefix, string? word)
    {
        if (string.IsNullOrEmpty(word)) return "";
        var text = L[prefix + word];
        return text.ResourceNotFound ? word : text.Value;
    }

    /// <summary>Priorities as the policies' targets and conditions write them, lowest first.</summary>
    public static readonly IReadOnlyList<string> Priorities = Enum.GetValues<TicketPriority>().Select(p => p.ToSnakeCase()).ToList();

    /// <summary>The values a condition on type, channel or priority can take, as the API writes them.</summary>
    public static IReadOnlyList<string> ChoicesOf(string field) => field switch
    {
        "type" => Enum.GetValues<TicketType>().Select(t => t.ToSnakeCase()).ToList(),
        "channel" => ChannelKind.Documented.Select(k => k.Value).ToList(),
        "priority" => Priorities,
        _ => [],
    };

    /// <summary>A condition's field (group, company, type, channel, tag, priority) in the page's language.</summary>
    protected string ConditionFieldName(string? field) => Named("Condition_", field);

    /// <summary>A type, channel or priority value of a condition by the ticket pages' own names for it.</summary>
    protected static string ChoiceName(TicketLabels labels, string field, string value) => field switch
    {
        "type" => Enum.GetValues<TicketType>().FirstOrDefault(t => t.ToSnakeCase() == value) is var type && type.ToSnakeCase() == value ? labels.Of(type) : value,
        "priority" => Enum.GetValues<TicketPriority>().FirstOrDefault(p => p.ToSnakeCase() == value) is var priority && priority.ToSnakeCase() == value
            ? labels.Of(priority) : value,
        "channel" => labels.Of(value),
        _ => value,
    };

    /// <summary>A target in business time: "4 h", "1 h 30 min", "45 min"; "—" when it is not measured.</summary>
    protected string Duration(int? minutes) => minutes switch
    {
        null => "—",
        >= 60 and var m when m % 60 == 0 => L["HoursValue", m / 60],
        > 60 and var m => L["HoursMinutesValue", m / 60, m % 60],
        var m => L["MinutesValue", m],
    };

    protected string Minutes(double minutes) => L["MinutesValue", Math.Round(minutes, 1).ToString("0.#", CultureInfo.CurrentCulture)];
}
