namespace Okno.Platform.Localization;

/// <summary>Marker for the UI strings in Strings.resx (English) and Strings.ru.resx (Russian).</summary>
public sealed class Strings;
