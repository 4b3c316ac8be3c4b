using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Okno.Channels;
using Okno.Platform.Localization;
using Okno.Platform.Search;

namespace Okno.Bots.Answer;

/// <summary>The answer bot: on a new request it offers up to <see cref="MaxArticles"/> public articles of the customer's
/// language and asks whether one solved it. "Yes" resolves the ticket as the bot (learned as solved, counted as a bot
/// deflection in the help-center search report); "no" (learned as rejected), asking for a person, silence or anything
/// else the customer writes hands the ticket to the agents. Anything else is handed off rather than searched again: the
/// customer who writes more after seeing the articles is explaining what they did not solve, which a person should read.</summary>
public sealed class AnswerBotEngine(IArticleSuggestions suggestions, AnswerBotRecords records, IStringLocalizer<AnswerBotStrings> strings)
    : IBotEngine
{
    public const int MaxArticles = 3;
    public const string Yes = "answer:yes";
    public const string No = "answer:no";
    public const string Person = "answer:person";
    /// <summary>The question kept in the state for learning on the answer: enough words, well under the state's bound.</summary>
    private const int MaxQuestionLength = 2000;

    public BotKind Kind => BotKind.Answer;

    /// <summary>What the bot offered, kept between turns in <see cref="BotTurn.State"/>.</summary>
    internal sealed record OfferState(string Question, string Language, IReadOnlyList<long> Offered);

    public async Task StartAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var language = turn.Language == "en" ? "en" : "ru";
        var found = await suggestions.FindAsync(turn.CustomerText, language, MaxArticles, cancellationToken);
        if (found.Count == 0)
        {
            await turn.HandOffAsync(Text(language, "NoArticleFound"), cancellationToken);
            return;
        }
        var text = new StringBuilder(Text(language, found.Count == 1 ? "OfferOne" : "OfferMany"));
        foreach (var article in found) text.Append('\n').Append("• ").Append(article.Title).Append(" — ").Append(article.Url);
        text.Append("\n\n").Append(Text(language, "DidItHelp"));
        var question = turn.CustomerText.Length > MaxQuestionLength ? turn.CustomerText[..MaxQuestionLength] : turn.CustomerText;
        turn.State = JsonSerializer.Serialize(new OfferState(question, language, found.Select(a => a.ArticleId).ToList()));
        await records.OfferedAsync(found.Select(a => a.ArticleId).ToList(), cancellationToken);
        await turn.SayAsync(text.ToString(),
            [new OutboundButton(Yes, Text(language, "ButtonYes")), new OutboundButton(No, Text(language, "ButtonNo")),
             new OutboundButton(Person, Text(language, "ButtonPerson"))], null, cancellationToken);
    }

    public async Task ReplyAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var state = Read(turn.State);
        var language = state?.Language ?? (turn.Language == "en" ? "en" : "ru");
        switch (Understand(turn.ButtonPayload, turn.CustomerText))
        {
            case Answer.Yes when state is not null:
                await suggestions.RecordOutcomeAsync(state.Question, state.Language, state.Offered, solved: true, solvedBy: null, cancellationToken);
                await records.DeflectedAsync(turn.TicketId, state.Offered, cancellationToken);
                await turn.SayAsync(Text(language, "Glad"), [], null, cancellationToken);
                await turn.ResolveAsync(cancellationToken);
                break;
            case Answer.No when state is not null:
                await suggestions.RecordOutcomeAsync(state.Question, state.Language, state.Offered, solved: false, solvedBy: null, cancellationToken);
                await turn.HandOffAsync(Text(language, "ReasonRejected"), cancellationToken);
                break;
            case Answer.Person:
                await turn.HandOffAsync(Text(language, "ReasonPerson"), cancellationToken);
                break;
            default:
                await turn.HandOffAsync(Text(language, "ReasonWroteMore"), cancellationToken);
                break;
        }
    }

    public Task SilenceAsync(BotTurn turn, CancellationToken cancellationToken) =>
        turn.HandOffAsync(Text(Read(turn.State)?.Language ?? (turn.Language == "en" ? "en" : "ru"), "ReasonSilence"), cancellationToken);

    internal enum Answer { Other, Yes, No, Person }

    /// <summary>A button, else a short text that is only a yes or a no ("да, помогло", "nope"), else one that asks for a
    /// person in any word form ("позовите оператора", "can I talk to a human").</summary>
    internal static Answer Understand(string? payload, string? text)
    {
        switch (payload)
        {
            case Yes: return Answer.Yes;
            case No: return Answer.No;
            case Person: return Answer.Person;
        }
        var words = TextAnalyzer.Words(text ?? "").Select(w => Lower(text!, w)).ToList();
        if (words.Count == 0) return Answer.Other;
        var terms = words.Select(TextAnalyzer.Term).OfType<string>().ToList();
        if (terms.Any(PersonTerms.Contains)) return Answer.Person;
        if (words.Count <= 4)
        {
            var phrase = string.Join(' ', words);
            if (NoPhrases.Contains(phrase) || words.All(w => NoWords.Contains(w))) return Answer.No;
            if (words.All(w => YesWords.Contains(w))) return Answer.Yes;
        }
        return Answer.Other;
    }

    private static string Lower(string text, AnalyzedWord w) => text.Substring(w.Start, w.Length).ToLowerInvariant().Replace('ё', 'е');

    private static readonly HashSet<string> PersonTerms = new[]
    {
        "оператор", "человек", "люди", "специалист", "сотрудник", "менеджер", "консультант", "живой", "поддержка",
        "operator", "human", "person", "people", "agent", "representative", "someone", "staff", "manager",
    }.Select(TextAnalyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "да", "ага", "угу", "помогло", "помогла", "решено", "решилось", "спасибо", "спс", "все", "отлично", "супер", "работает",
        "yes", "yep", "yeah", "yup", "y", "ok", "okay", "solved", "thanks", "thank", "you", "it", "worked", "helped", "great",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "нет", "неа", "no", "nope", "n", "nah",
    };

    private static readonly HashSet<string> NoPhrases = new(StringComparer.Ordinal)
    {
        "не помогло", "нет не помогло", "не помогла", "не решило", "не то", "нет не то", "didn't help", "did not help",
        "not helpful", "no it didn't", "doesn't help", "not solved", "no luck",
    };

    private static OfferState? Read(string? state)
    {
        if (string.IsNullOrEmpty(state)) return null;
        try
        {
            return JsonSerializer.Deserialize<OfferState>(state);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string Text(string language, string name) =>
        InCulture.Read(CultureInfo.GetCultureInfo(language), () => strings[name].Value);
}
