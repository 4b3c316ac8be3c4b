namespace Okno.Tickets.Ui;

/// <summary>Marker for the inbox and search resources (InboxStrings.resx, InboxStrings.ru.resx).</summary>
public sealed class InboxStrings;
