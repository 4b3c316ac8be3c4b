namespace Okno.Bots.Answer;

/// <summary>Okno:AnswerBot settings.</summary>
public sealed class AnswerBotOptions
{
    public const string Section = "Okno:AnswerBot";

    /// <summary>The least relevance (0…1.5, see <see cref="ArticleSuggestions"/>) an article needs to be offered. Tuned on
    /// bench/answerbot/questions.tsv (bench/answerbot.sh): lower answers more questions and says more wrong things.</summary>
    public double Threshold { get; set; } = 0.4;

    /// <summary>An article below this share of the best one's relevance is not offered beside it (it is noise next to a
    /// clear answer).</summary>
    public double RelativeThreshold { get; set; } = 0.5;
}
