namespace Okno.Customers.ServiceObjects.Ui;

/// <summary>Marker for the strings of the service object and equipment pages in ObjectStrings.resx (English) and
/// ObjectStrings.ru.resx (Russian).</summary>
public sealed class ObjectStrings;
