using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Okno.Tickets.Ui;

/// <summary>Translated names of ticket statuses, priorities, types, channels, inbox views and sorts, and durations, shared
/// by every workspace screen (resources TicketLabels.resx / TicketLabels.ru.resx, keys "Status_OnHold" and so on).</summary>
public sealed class TicketLabels(IStringLocalizer<TicketLabels> localizer)
{
    public string Of(TicketStatus value) => localizer["Status_" + value];
    public string Of(TicketPriority value) => localizer["Priority_" + value];
    public string Of(TicketType value) => localizer["Type_" + value];
    /// <summary>A known kind by its name in the user's language; a kind without one (a new connector's) as its word.</summary>
    public string Of(ChannelKind value) => Of(value.Value);
    public string Of(string channelKind) => localizer["Channel_" + channelKind] is { ResourceNotFound: false } found ? found : channelKind;
    public string Of(InboxView value) => localizer["View_" + value];
    public string Of(TicketSort value) => localizer["Sort_" + value];

    /// <summary>"2 h 10 min", "25 min", "3 d 4 h": whole minutes rounded up, so a running countdown reads "1 min" until
    /// it is over. Business time is counted in hours only (<paramref name="withDays"/> false): a business day has no
    /// fixed length.</summary>
    public string Duration(double minutes, bool withDays = true)
    {
        var total = (long)Math.Max(0, Math.Ceiling(Math.Round(minutes, 2)));
        var (days, hours, rest) = (total / (24 * 60), total / 60 % 24, total % 60);
        if (!withDays) (days, hours) = (0, total / 60);
        string Text(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, localizer[key], values);
        if (days > 0) return hours > 0 ? Text("Duration_DaysHours", days, hours) : Text("Duration_Days", days);
        if (hours > 0) return rest > 0 ? Text("Duration_HoursMinutes", hours, rest) : Text("Duration_Hours", hours);
        return Text("Duration_Minutes", rest);
    }

    /// <summary>MudBlazor colours that agents learn to read at a glance.</summary>
    public static MudBlazor.Color ColorOf(TicketStatus status) => status switch
    {
        TicketStatus.New => MudBlazor.Color.Info,
        TicketStatus.Open => MudBlazor.Color.Primary,
        TicketStatus.Pending => MudBlazor.Color.Warning,
        TicketStatus.OnHold => MudBlazor.Color.Default,
        TicketStatus.Resolved => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Dark,
    };

    public static MudBlazor.Color ColorOf(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => MudBlazor.Color.Error,
        TicketPriority.High => MudBlazor.Color.Warning,
        TicketPriority.Low => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Default,
    };
}
