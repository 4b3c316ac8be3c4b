using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Knowledge;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Search;

namespace Okno.Bots.Answer;

/// <summary>The public articles that answer a customer's question, for the answer bot and a scenario's "show articles".
/// <para>A question is a sentence, not a search box query, so it is not searched with the knowledge base's every-word
/// rule. Its meaningful words are its analyzer terms (Russian and English word forms) without the filler of questions
/// (<see cref="QuestionWords"/>); a word the index does not know is corrected to the nearest indexed one, as search
/// does. The candidates are the article entries of the language holding ANY of those terms; each is scored here, the
/// same on both databases:</para>
/// <para>relevance = Σ over matched terms of idf(t)·field(t) ÷ Σ over all terms of idf(t), where idf(t) = ln(1 + N/df(t))
/// (N: article entries of the language; df: those holding t; a term no article holds weighs
/// <see cref="UnknownTermWeight"/>·ln(1 + N), so a question mostly about things the KB does not know scores low) and
/// field(t) = 1.5 in the title, 1 in the body only. So it is the share of the question's information the article
/// covers, title words counting extra: 0 … 1.5.</para>
/// <para>Learning (<see cref="BotArticleOutcome"/>): for each term t of the question the article has outcomes for,
/// vote(t) = (solved − rejected) ÷ (solved + rejected + 2) — in (−1, 1), and one answer moves it by at most ⅓; the
/// article's learned factor L = Σ idf(t)·vote(t) ÷ Σ idf(t) over the question's terms, and the final relevance is
/// relevance × (1 + <see cref="LearningWeight"/>·L): bounded to ×0.5…×1.5, so outcomes reorder and drop articles the
/// search found but never add one it did not, and a single vote changes the score by at most a sixth.</para>
/// <para>Articles below <see cref="AnswerBotOptions.Threshold"/> or below <see cref="AnswerBotOptions.RelativeThreshold"/>
/// of the best are dropped.</para></summary>
public sealed class ArticleSuggestions(OknoDb db, SearchIndex index, IOptions<AnswerBotOptions> options,
    IOptions<NotificationsOptions> notifications) : IArticleSuggestions
{
    public const double TitleWeight = 1.5;
    public const double UnknownTermWeight = 1.0;
    public const double LearningWeight = 0.5;
    /// <summary>How many candidates are scored at most (the database's own ranking picks them).</summary>
    public const int Candidates = 60;

    /// <summary>Words of questions and complaints that say nothing of the subject, as analyzer terms.</summary>
    internal static readonly HashSet<string> QuestionWords = new[]
    {
        // English (apostrophes split words: "doesn't" is "doesn" + "t")
        "how", "what", "why", "when", "where", "who", "which", "whom", "i", "me", "my", "mine", "we", "us", "our", "you", "your",
        "can", "cannot", "could", "would", "should", "shall", "may", "might", "must", "do", "does", "did", "done", "doing",
        "have", "has", "had", "having", "am", "been", "being", "were", "get", "got", "getting", "please", "pls", "plz", "help",
        "hi", "hello", "hey", "thanks", "thank", "thx", "need", "want", "wanna", "gonna", "just", "again", "any", "anyone",
        "some", "something", "anything", "all", "from", "about", "here", "now", "today", "yesterday", "still", "also", "very",
        "really", "t", "s", "m", "d", "ve", "ll", "re", "don", "doesn", "didn", "isn", "aren", "wasn", "won", "couldn", "can't",
        "work", "working", "works", "anymore", "keep", "keeps", "tell", "know", "guys", "there", "way", "out", "up", "one",
        "im", "ive", "dont", "doesnt", "cant", "wont", "isnt", "its", "it's", "possible", "able", "someone", "somebody",
        // Russian
        "как", "что", "чтобы", "почему", "зачем", "когда", "где", "кто", "какой", "какая", "какие", "каким", "куда", "откуда",
        "можно", "нужно", "надо", "хочу", "хотел", "хотела", "хотим", "подскажите", "подскажи", "скажите", "помогите",
        "помоги", "помочь", "пожалуйста", "плиз", "здравствуйте", "добрый", "день", "привет", "спасибо", "мой", "моя", "мое",
        "мои", "мою", "моего", "моей", "моем", "мой", "свой", "свою", "свои", "себе", "сделать", "делать", "могу", "можете",
        "может", "есть", "уже", "очень", "снова", "опять", "вообще", "просто", "тут", "там", "этот", "эта", "эти", "этого",
        "этом", "этой", "который", "которая", "сегодня", "вчера", "никак", "ничего", "работает", "работать", "работают",
        "нас", "наш", "наша", "наши", "нам", "вас", "ваш", "ваша", "вам", "вами", "мной", "они", "оно", "их", "им", "кто-то",
        "почему-то", "сейчас", "теперь", "всегда", "постоянно", "перестал", "перестала", "перестало", "получается",
        "получилось", "никто", "нибудь", "либо", "тоже", "также", "будет", "буду", "были", "была", "вдруг", "вопрос",
        "проблема", "проблемы", "проблему", "подскажете", "ребята", "коллеги", "всем", "всех", "весь", "вся", "большое", "огромное",
    }.Select(TextAnalyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The question's meaningful terms, as the index holds them (typos corrected when a word is unknown).</summary>
    public async Task<IReadOnlyList<string>> TermsAsync(string question, CancellationToken cancellationToken)
    {
        var terms = SearchIndex.Analyze(question).Where(t => !QuestionWords.Contains(t)).ToList();
        if (terms.Count == 0) return terms;
        var corrected = await index.CorrectAsync(terms, cancellationToken);
        return (corrected ?? terms).Where(t => !QuestionWords.Contains(t)).Distinct().ToList();
    }

    public async Task<IReadOnlyList<SuggestedArticle>> FindAsync(string question, string language, int max, CancellationToken cancellationToken) =>
        (await ScoreAsync(question, language, cancellationToken)).Take(Math.Clamp(max, 1, 10)).ToList();

    /// <summary>Every public article of the language above the thresholds, best first.</summary>
    public async Task<IReadOnlyList<SuggestedArticle>> ScoreAsync(string question, string language, CancellationToken cancellationToken)
    {
        var lang = (language ?? "").Trim().ToLowerInvariant();
        var terms = await TermsAsync(question ?? "", cancellationToken);
        if (terms.Count == 0 || lang.Length == 0) return [];
        string[] kinds = [ArticleSaved.SearchKind];

        var candidates = await db.SearchMatches(terms, kinds, anyTerm: true).Where(m => m.Language == lang)
            .OrderByDescending(m => m.Rank).ThenBy(m => m.EntryId).Take(Candidates)
            .Select(m => m.EntryId).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];

        var total = await db.SearchEntries.CountAsync(e => e.Kind == ArticleSaved.SearchKind && e.Language == lang, cancellationToken);
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var df = await db.SearchMatches([term], kinds).Where(m => m.Language == lang).CountAsync(cancellationToken);
            idf[term] = df == 0 ? UnknownTermWeight * Math.Log(1 + total) : Math.Log(1 + (double)total / df);
        }
        var questionWeight = idf.Values.Sum();

        var entries = await db.SearchEntries.AsNoTracking().Where(e => candidates.Contains(e.Id))
            .Select(e => new { e.OwnerId, e.Title, e.Body }).ToListAsync(cancellationToken);
        var ownerIds = entries.Select(e => e.OwnerId).ToList();
        var translations = await db.Set<ArticleTranslation>().AsNoTracking()
            .Where(t => ownerIds.Contains(t.Id) && t.Visibility == ArticleVisibility.Public && t.Language == lang)
            .Select(t => new { t.Id, t.ArticleId, t.Title, t.Slug }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var articleIds = translations.Values.Select(t => t.ArticleId).ToList();
        var outcomes = (await db.Set<BotArticleOutcome>().AsNoTracking()
                .Where(o => articleIds.Contains(o.ArticleId) && terms.Contains(o.Term)).ToListAsync(cancellationToken))
            .ToLookup(o => o.ArticleId);

        var baseUrl = notifications.Value.BaseUrl?.TrimEnd('/') ?? "";
        var scored = new List<SuggestedArticle>();
        foreach (var entry in entries)
        {
            if (!translations.TryGetValue(entry.OwnerId, out var t)) continue;
            var title = entry.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var body = entry.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var matched = 0.0;
            foreach (var term in terms)
                matched += title.Contains(term) ? idf[term] * TitleWeight : body.Contains(term) ? idf[term] : 0;
            var relevance = matched / questionWeight;
            var learned = 0.0;
            foreach (var o in outcomes[t.ArticleId])
                learned += idf[o.Term] * (o.Solved - o.Rejected) / (o.Solved + o.Rejected + 2.0);
            relevance *= 1 + LearningWeight * (learned / questionWeight);
            scored.Add(new SuggestedArticle(t.ArticleId, t.Title, baseUrl + HelpCenterPaths.PathOf(t.ArticleId, lang, t.Slug), relevance));
        }
        var best = scored.Count == 0 ? 0 : scored.Max(s => s.Score);
        var threshold = Math.Max(options.Value.Threshold, best * options.Value.RelativeThreshold);
        return scored.Where(s => s.Score >= threshold)
            .GroupBy(s => s.ArticleId).Select(g => g.MaxBy(s => s.Score)!)
            .OrderByDescending(s => s.Score).ThenBy(s => s.ArticleId).ToList();
    }

    /// <summary>Learns from the customer's answer: each offered article (or just the one that solved it, when known)
    /// counts a solved or rejected request for each meaningful term of the question, and in its counters.</summary>
    public async Task RecordOutcomeAsync(string question, string language, IReadOnlyList<long> offered, bool solved, long? solvedBy,
        CancellationToken cancellationToken)
    {
        var articles = (solved && solvedBy is { } one ? [one] : offered).Distinct().ToList();
        if (articles.Count == 0) return;
        var terms = (await TermsAsync(question ?? "", cancellationToken)).Where(t => t.Length <= BotArticleOutcome.TermMaxLength).ToList();
        await db.WriteAsync(async ct =>
        {
            foreach (var articleId in articles)
            {
                foreach (var term in terms)
                    await db.Database.ExecuteSqlAsync(
                        $"""INSERT INTO "BotArticleOutcomes" ("ArticleId", "Term", "Solved", "Rejected") VALUES ({articleId}, {term}, 0, 0) ON CONFLICT DO NOTHING""", ct);
                var rows = db.Set<BotArticleOutcome>().Where(o => o.ArticleId == articleId && terms.Contains(o.Term));
                if (solved) await rows.ExecuteUpdateAsync(s => s.SetProperty(o => o.Solved, o => o.Solved + 1), ct);
                else await rows.ExecuteUpdateAsync(s => s.SetProperty(o => o.Rejected, o => o.Rejected + 1), ct);
                await EnsureStatsAsync(articleId, ct);
                var stats = db.Set<BotArticleStats>().Where(s => s.ArticleId == articleId);
                if (solved) await stats.ExecuteUpdateAsync(s => s.SetProperty(x => x.Solved, x => x.Solved + 1), ct);
                else await stats.ExecuteUpdateAsync(s => s.SetProperty(x => x.Rejected, x => x.Rejected + 1), ct);
            }
            return true;
        }, cancellationToken);
    }

    /// <summary>Counts an offer of each article (the bot showed it to a customer).</summary>
    public async Task RecordOfferedAsync(IReadOnlyList<long> articleIds, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            foreach (var articleId in articleIds.Distinct())
            {
                await EnsureStatsAsync(articleId, ct);
                await db.Set<BotArticleStats>().Where(s => s.ArticleId == articleId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Offered, x => x.Offered + 1), ct);
            }
            return true;
        }, cancellationToken);

    private Task EnsureStatsAsync(long articleId, CancellationToken ct) => db.Database.ExecuteSqlAsync(
        $"""INSERT INTO "BotArticleStats" ("ArticleId", "Offered", "Solved", "Rejected") VALUES ({articleId}, 0, 0, 0) ON CONFLICT DO NOTHING""", ct);
}
