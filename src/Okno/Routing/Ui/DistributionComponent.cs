using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Okno.Platform.Ui;
using Okno.Routing.Distribution;

namespace Okno.Routing.Ui;

/// <summary>Shared plumbing of the distribution page, its dialog and the presence beacon: their strings and the names
/// of presences and modes.</summary>
public abstract class DistributionComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<DistributionStrings> L { get; set; } = default!;

    protected string PresenceName(Presence presence) => L["Presence_" + presence];

    protected string ModeName(DistributionMode mode) => L["Mode_" + mode];

    /// <summary>The value tests and styles read: "online", "away", "offline".</summary>
    protected static string PresenceValue(Presence presence) => presence.ToString().ToLowerInvariant();

    protected static Color PresenceColor(Presence presence) => presence switch
    {
        Presence.Online => Color.Success,
        Presence.Away => Color.Warning,
        _ => Color.Default,
    };
}
