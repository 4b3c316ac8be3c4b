namespace Okno.Tickets.Ui;

/// <summary>Marker for the ticket page's strings in TicketStrings.resx (English) and TicketStrings.ru.resx (Russian).</summary>
public sealed class TicketStrings;
