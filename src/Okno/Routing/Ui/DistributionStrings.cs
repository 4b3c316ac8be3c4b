namespace Okno.Routing.Ui;

/// <summary>Marker for the distribution page's and the presence beacon's strings in DistributionStrings.resx (English)
/// and DistributionStrings.ru.resx (Russian).</summary>
public sealed class DistributionStrings;
