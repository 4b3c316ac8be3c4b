namespace Okno.Customers.Ui;

/// <summary>Marker for the customer card's strings in CustomerStrings.resx (English) and CustomerStrings.ru.resx (Russian).</summary>
public sealed class CustomerStrings;
