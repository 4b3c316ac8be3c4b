namespace Okno.Automation.Recurring.Ui;

/// <summary>Marker for the planned-ticket pages' strings in RecurringStrings.resx (English) and RecurringStrings.ru.resx (Russian).</summary>
public sealed class RecurringStrings;
