namespace Okno.Channels.Telegram.Ui;

/// <summary>Marker for the Telegram channel's resources (TelegramStrings.resx, TelegramStrings.ru.resx): its settings form.</summary>
public sealed class TelegramStrings;
