using Okno.Knowledge.HelpCenter;
using Okno.Platform.Data;

namespace Okno.Bots.Answer;

/// <summary>What the answer bot counts beside learning: its offers per article and the requests it solved (a deflection in
/// the help-center search report).</summary>
public sealed class AnswerBotRecords(OknoDb db, ArticleSuggestions suggestions, TimeProvider clock)
{
    /// <summary>The visit id of the bot's rows in the help-center analytics: no visitor's (theirs are hex).</summary>
    public const string BotVisitId = "bot";

    public Task OfferedAsync(IReadOnlyList<long> articleIds, CancellationToken cancellationToken) =>
        suggestions.RecordOfferedAsync(articleIds, cancellationToken);

    /// <summary>A request the bot solved with its articles: one "solved by the bot" event, counted per day in the report.</summary>
    public async Task DeflectedAsync(long ticketId, IReadOnlyList<long> offered, CancellationToken cancellationToken)
    {
        db.Set<HelpVisitEvent>().Add(new HelpVisitEvent
        {
            VisitId = BotVisitId, Kind = HelpVisitEventKind.BotSolved, TicketId = ticketId,
            ArticleId = offered.Count == 1 ? offered[0] : null, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
