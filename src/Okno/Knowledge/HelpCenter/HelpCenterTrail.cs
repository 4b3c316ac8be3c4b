using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Tickets;

namespace Okno.Knowledge.HelpCenter;

public enum HelpTrailStepKind { Search, Article, Vote }

/// <summary>One thing the visitor did before writing: a search (what they typed, how many results), an article they
/// opened (its title in the language they read it, and its help-center address), or a vote on an article.</summary>
public sealed record HelpTrailStep(HelpTrailStepKind Kind, DateTimeOffset At, string? Query, int? ResultCount, long? ArticleId, string? Title,
    string? Language, string? HelpCenterPath, bool? Helpful);

/// <summary>What the visitor whose contact form opened the ticket did in the help center before writing, oldest
/// first; <see cref="FromHelpCenter"/> is false (and the list empty) for a ticket that came any other way.</summary>
public sealed record HelpTrailView(long TicketId, bool FromHelpCenter, DateTimeOffset? WroteAt, IReadOnlyList<HelpTrailStep> Steps);

/// <summary>Reads a ticket's help-center trail from the visit its contact form recorded (<see cref="HelpVisitEvent"/>
/// TicketCreated): the visit's searches, opened articles and votes up to the moment the ticket was opened. Only an agent
/// who may see the ticket gets it (otherwise the ticket's 404).</summary>
public sealed class HelpCenterTrail(OknoDb db, TicketQueries tickets)
{
    /// <summary>The most recent steps kept: a visit is short, but a bot may search thousands of times before writing.</summary>
    public const int MaxSteps = 50;

    public async Task<HelpTrailView> ExecuteAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        await tickets.EnsureVisibleAsync(ticketId, agent, cancellationToken);
        var opened = await db.Set<HelpVisitEvent>().AsNoTracking()
            .Where(e => e.Kind == HelpVisitEventKind.TicketCreated && e.TicketId == ticketId)
            .OrderBy(e => e.Id).Select(e => new { e.VisitId, e.At }).FirstOrDefaultAsync(cancellationToken);
        if (opened is null) return new HelpTrailView(ticketId, false, null, []);

        var (visit, until) = (opened.VisitId, opened.At);
        var searches = await db.Set<HelpSearch>().AsNoTracking().Where(s => s.VisitId == visit && s.At <= until)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(MaxSteps)
            .Select(s => new { s.Id, s.At, s.Query, s.ResultCount }).ToListAsync(cancellationToken);
        var events = await db.Set<HelpVisitEvent>().AsNoTracking()
            .Where(e => e.VisitId == visit && e.At <= until && e.ArticleId != null
                && (e.Kind == HelpVisitEventKind.ArticleOpened || e.Kind == HelpVisitEventKind.FeedbackGiven))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxSteps)
            .Select(e => new { e.Id, e.At, e.Kind, ArticleId = e.ArticleId!.Value, e.TranslationId }).ToListAsync(cancellationToken);
        var translationIds = events.Where(e => e.TranslationId != null).Select(e => e.TranslationId!.Value).Distinct().ToList();
        var translations = translationIds.Count == 0 ? [] : await db.Set<ArticleTranslation>().AsNoTracking().Where(t => translationIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new { t.Title, t.Language, t.Slug, t.Visibility }, cancellationToken);
        var votes = await db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.VisitId == visit && f.At <= until)
            .Select(f => new { f.ArticleId, f.Helpful }).ToListAsync(cancellationToken);

        var steps = searches.Select(s => (s.At, Order: 0, s.Id, Step: new HelpTrailStep(HelpTrailStepKind.Search, s.At, s.Query, s.ResultCount, null, null, null, null, null)))
            .Concat(events.Select(e =>
            {
                var t = e.TranslationId is { } id ? translations.GetValueOrDefault(id) : null;
                // A translation no longer public has no help-center page to link to; its title still says what was read.
                var path = t is { Visibility: ArticleVisibility.Public } ? HelpCenterPaths.PathOf(e.ArticleId, t.Language, t.Slug) : null;
                var vote = e.Kind == HelpVisitEventKind.FeedbackGiven;
                return (e.At, Order: 1, e.Id, Step: new HelpTrailStep(vote ? HelpTrailStepKind.Vote : HelpTrailStepKind.Article, e.At, null, null, e.ArticleId,
                    t?.Title, t?.Language, path, vote ? votes.FirstOrDefault(v => v.ArticleId == e.ArticleId)?.Helpful : null));
            }))
            .OrderBy(x => x.At).ThenBy(x => x.Order).ThenBy(x => x.Id)
            .Select(x => x.Step).TakeLast(MaxSteps).ToList();
        return new HelpTrailView(ticketId, true, until, steps);
    }
}
