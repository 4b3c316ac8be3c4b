namespace Okno.Channels.Connectors.Ui;

/// <summary>Marker for the messenger channels' form strings (MessengerStrings.resx, MessengerStrings.ru.resx): the VK
/// community's and the connector's settings in the channel dialog.</summary>
public sealed class MessengerStrings;
