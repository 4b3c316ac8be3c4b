using Microsoft.Extensions.Localization;
using MudBlazor;
using Okno.Platform.Web;

namespace Okno.Tickets.Ui;

/// <summary>Translated names of the ticket enums (resource keys "Status_Open", "Priority_High"…) and their colours.</summary>
public static class TicketLabels
{
    public static string Status(this IStringLocalizer<TicketStrings> l, TicketStatus value) => l[$"Status_{value}"];
    public static string Priority(this IStringLocalizer<TicketStrings> l, TicketPriority value) => l[$"Priority_{value}"];
    public static string Type(this IStringLocalizer<TicketStrings> l, TicketType value) => l[$"Type_{value}"];
    public static string Channel(this IStringLocalizer<TicketStrings> l, Channel value) => l[$"Channel_{value}"];

    public static Color ColorOf(TicketStatus status) => status switch
    {
        TicketStatus.New => Color.Info,
        TicketStatus.Open => Color.Primary,
        TicketStatus.Pending => Color.Warning,
        TicketStatus.OnHold => Color.Secondary,
        TicketStatus.Resolved => Color.Success,
        _ => Color.Default,
    };

    /// <summary>An enum value as the history stores it ("on_hold"), back as the enum; null if it is none of them.</summary>
    public static T? FromSnakeCase<T>(string? value) where T : struct, Enum =>
        value is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == value);
}
