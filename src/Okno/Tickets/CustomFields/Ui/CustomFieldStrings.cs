namespace Okno.Tickets.CustomFields.Ui;

/// <summary>Marker for the custom fields' strings in CustomFieldStrings.resx (English) and CustomFieldStrings.ru.resx (Russian).</summary>
public sealed class CustomFieldStrings;
