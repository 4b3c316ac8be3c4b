namespace Okno.Channels.Ui;

/// <summary>Marker for the Channels strings in ChannelStrings.resx (English) and ChannelStrings.ru.resx (Russian).</summary>
public sealed class ChannelStrings;
