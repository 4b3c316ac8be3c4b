namespace Okno.Bots.Ui;

/// <summary>Marker for the Bots strings in BotStrings.resx (English) and BotStrings.ru.resx (Russian).</summary>
public sealed class BotStrings;
