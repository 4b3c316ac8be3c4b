namespace Okno.Surveys.Ui;

/// <summary>Marker for the agents' survey screens (SurveyUiStrings.resx, SurveyUiStrings.ru.resx): the settings page,
/// the ticket panel, the customer card's ratings.</summary>
public sealed class SurveyUiStrings;
