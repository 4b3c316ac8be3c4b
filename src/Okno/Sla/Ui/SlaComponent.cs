using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;

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

    protected string Minutes(double minutes) => L["MinutesValue", Math.Round(minutes, 1).ToString("0.#", CultureInfo.CurrentCulture)];
}
