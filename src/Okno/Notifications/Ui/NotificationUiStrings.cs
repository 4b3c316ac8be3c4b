namespace Okno.Notifications.Ui;

/// <summary>Marker for the notification pages' strings in NotificationUiStrings.resx (English) and
/// NotificationUiStrings.ru.resx (Russian); the templates' shipped texts are NotificationStrings.</summary>
public sealed class NotificationUiStrings;
