using Microsoft.AspNetCore.Components;
using Okno.Platform.Security;

namespace Okno.Tickets.Ui;

/// <summary>A side panel another section adds to the ticket page (the SLA countdown, say), so Tickets shows it without
/// referring to that section. Panels are shown in <see cref="Order"/> below the ticket's fields.</summary>
public sealed record TicketPagePanel(Type Component, int Order);

/// <summary>What the ticket page gives each contributed panel, as component parameters of these names. The page hands
/// over a new <see cref="Ticket"/> after every change it hears of (its <see cref="TicketView.Version"/> grows), which is
/// the panel's cue to re-read what it shows. The page has checked that <see cref="Agent"/> may see the ticket.</summary>
public interface ITicketPagePanel
{
    TicketView Ticket { get; set; }
    CurrentAgent Agent { get; set; }
}

public static class TicketPagePanels
{
    public static IServiceCollection AddTicketPagePanel<T>(this IServiceCollection services, int order) where T : IComponent, ITicketPagePanel =>
        services.AddSingleton(new TicketPagePanel(typeof(T), order));

    /// <summary>The parameters of <see cref="ITicketPagePanel"/>, for a <c>DynamicComponent</c>.</summary>
    public static IDictionary<string, object> Parameters(TicketView ticket, CurrentAgent agent) => new Dictionary<string, object>
    {
        [nameof(ITicketPagePanel.Ticket)] = ticket,
        [nameof(ITicketPagePanel.Agent)] = agent,
    };
}
