using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Automation.Webhooks.Ui;

/// <summary>Shared plumbing of the webhook pages and dialog: their strings and the names of states and events in the
/// page's language.</summary>
public abstract class WebhooksComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<WebhookStrings> L { get; set; } = default!;

    protected string EventName(string eventType) => L["Event_" + eventType] is { ResourceNotFound: false } text ? text.Value : eventType;

    protected string StateName(string state) => L["State_" + state];

    protected string DeliveryStatusName(string status) => L["Delivery_" + status];

    protected static MudBlazor.Color StateColor(string state) => state switch
    {
        WebhookAdmin.Active => MudBlazor.Color.Success,
        WebhookAdmin.Paused => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    protected static MudBlazor.Color DeliveryColor(string status) => status switch
    {
        "sent" => MudBlazor.Color.Success,
        "failed" => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Info,
    };

    protected static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC" : "—";
}
