namespace Okno.Sla.Ui;

/// <summary>Marker for the SLA pages' strings in SlaStrings.resx (English) and SlaStrings.ru.resx (Russian).</summary>
public sealed class SlaStrings;
