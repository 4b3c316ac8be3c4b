namespace Okno.Bots.Answer;

/// <summary>Marker for the answer bot's messages in AnswerBotStrings.resx (English) and AnswerBotStrings.ru.resx (Russian).</summary>
public sealed class AnswerBotStrings;
