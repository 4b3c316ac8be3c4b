namespace Okno.Reports.Team.Ui;

/// <summary>Marker for the team pages' strings in TeamStrings.resx (English) and TeamStrings.ru.resx (Russian).</summary>
public sealed class TeamStrings;
