namespace Okno.Portal.Ui;

/// <summary>Marker for the agents' side of the portal (PortalUiStrings.resx, PortalUiStrings.ru.resx): the contact page's
/// portal access panel. The portal's own pages use <see cref="PortalStrings"/>.</summary>
public sealed class PortalUiStrings;
