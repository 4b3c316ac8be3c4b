namespace Okno.Surveys.Nps.Ui;

/// <summary>Marker for the NPS strings in NpsStrings.resx (English) and NpsStrings.ru.resx (Russian): the agent pages,
/// the survey mail and the public survey page.</summary>
public sealed class NpsStrings;
