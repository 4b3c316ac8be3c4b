namespace Okno.Channels.Chat.Ui;

/// <summary>Marker for the live chat's resources (ChatStrings.resx, ChatStrings.ru.resx): the ticket page's chat panel
/// and the chat's mails.</summary>
public sealed class ChatStrings;
