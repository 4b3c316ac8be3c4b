namespace Okno.Sla.Ui.Ticket;

/// <summary>Marker for the ticket page's SLA panel resources (SlaPanelStrings.resx, SlaPanelStrings.ru.resx).</summary>
public sealed class SlaPanelStrings;
