namespace Okno.Tickets.Checklists.Ui;

/// <summary>Marker for the checklist resources (ChecklistStrings.resx, ChecklistStrings.ru.resx).</summary>
public sealed class ChecklistStrings;
