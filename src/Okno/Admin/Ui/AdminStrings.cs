namespace Okno.Admin.Ui;

/// <summary>Marker for the admin pages' strings in AdminStrings.resx (English) and AdminStrings.ru.resx (Russian).</summary>
public sealed class AdminStrings;
