namespace Okno.Automation.Ui;

/// <summary>Marker for the automation pages' strings in AutomationStrings.resx (English) and AutomationStrings.ru.resx (Russian).</summary>
public sealed class AutomationStrings;
