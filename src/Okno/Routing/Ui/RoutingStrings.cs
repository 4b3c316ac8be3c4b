namespace Okno.Routing.Ui;

/// <summary>Marker for the support-line pages' strings in RoutingStrings.resx (English) and RoutingStrings.ru.resx (Russian).</summary>
public sealed class RoutingStrings;
