using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Knowledge;
using Okno.Knowledge.HelpCenter;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Reports;

// A row groups the searches whose words have the same stems (NormalizedQuery, "факс отправля"); Query is what visitors
// typed most often among them ("факс не отправляется"), for people to read.
public sealed record KbQueryRow(string NormalizedQuery, int Searches, int Visits, double AverageResults, string Query);
public sealed record KbFailedQueryRow(string NormalizedQuery, int Visits, string Query);
public sealed record KbReformulationRow(string NormalizedQuery, string NextNormalizedQuery, int Count, string Query, string NextQuery);
public sealed record KbArticleRow(long ArticleId, string? Title, int Visits);
public sealed record KbNotHelpfulRow(long ArticleId, long TranslationId, string? Title, string? Language, int Votes, IReadOnlyList<string> Comments);
/// <param name="SolvedByBot">Requests the answer bot solved that day with its articles (deflections outside the help center).</param>
public sealed record KbDeflectionDay(DateOnly Day, int Visits, int VisitsWithoutTicket, double? Rate, int SolvedByBot = 0);
public sealed record KbSearchReportView(DateOnly From, DateOnly To, IReadOnlyList<KbQueryRow> TopQueries, IReadOnlyList<KbQueryRow> NoResults,
    IReadOnlyList<KbFailedQueryRow> FailedSelfService, IReadOnlyList<KbReformulationRow> Reformulations,
    IReadOnlyList<KbArticleRow> OpenedBeforeTicket, IReadOnlyList<KbNotHelpfulRow> NotHelpful, IReadOnlyList<KbDeflectionDay> Deflection);
/// <param name="TicketIds">The tickets of the search's visit (kept for integrations); <paramref name="Tickets"/> adds the
/// numbers agents know them by.</param>
public sealed record KbSearchRow(long Id, string VisitId, string Query, string Language, int ResultCount, DateTimeOffset At, IReadOnlyList<long> TicketIds,
    IReadOnlyList<KbSearchTicket> Tickets);

public sealed record KbSearchTicket(long Id, long Number);
public sealed record KbQueryDetails(string NormalizedQuery, DateOnly From, DateOnly To, IReadOnlyList<KbSearchRow> Searches, string Query);
public sealed record KbDraftRequest(string? Query, string? Language, long? SectionId);

/// <summary>Help-center search analytics for the support team: what visitors search, what finds nothing, which searches
/// still end in a ticket, how they rephrase, which articles do not help, and the share of visits that did not write in.
/// A fixed number of queries per report; lists are grouped in the database and capped at <see cref="Top"/>.</summary>
public sealed class KbSearchReport(OknoDb db)
{
    public const int Top = 20;
    public const int DetailsLimit = 200;
    public static readonly TimeSpan ReformulationWindow = TimeSpan.FromMinutes(10);
    private static readonly ReportPeriodCodes PeriodCodes = new(ReportErrorCodes.RangeReversed, ReportErrorCodes.RangeTooLong, ErrorCodes.InvalidValue);

    /// <summary>The report's window from the query: [from, to) in UTC days.</summary>
    public static ReportPeriod Period(string? from, string? to, DateTimeOffset now) =>
        ReportPeriod.Parse(from, to, zone: null, toIncluded: false, now, PeriodCodes);

    public async Task<KbSearchReportView> BuildAsync(ReportPeriod range, CancellationToken ct)
    {
        var (start, end) = (range.Start, range.End);
        var searches = db.Set<HelpSearch>().AsNoTracking().Where(s => s.At >= start && s.At < end && s.NormalizedQuery != "");
        var events = db.Set<HelpVisitEvent>().AsNoTracking().Where(e => e.At >= start && e.At < end);
        var tickets = events.Where(e => e.Kind == HelpVisitEventKind.TicketCreated);

        var top = await QueryRowsAsync(searches, ct);
        var none = await QueryRowsAsync(searches.Where(s => s.ResultCount == 0), ct);

        var failed = await searches.Where(s => tickets.Any(t => t.VisitId == s.VisitId && t.At >= s.At))
                .GroupBy(s => s.NormalizedQuery)
                .Select(g => new { g.Key, Visits = g.Select(s => s.VisitId).Distinct().Count() })
                .OrderByDescending(x => x.Visits).ThenBy(x => x.Key).Take(Top).ToListAsync(ct);

        // Each search with the next search of its visit when that one is worded differently (repeating the same query is
        // no reformulation); the 10-minute window is checked here since the ticks stored on SQLite leave no portable
        // date arithmetic in SQL.
        var pairs = await (
                from s in searches
                let nextId = searches.Where(n => n.VisitId == s.VisitId && n.Id > s.Id).Min(n => (long?)n.Id)
                from n in searches
                where n.Id == nextId && n.NormalizedQuery != s.NormalizedQuery
                select new { s.NormalizedQuery, s.At, Next = n.NormalizedQuery, NextAt = n.At })
            .ToListAsync(ct);
        var chains = pairs.Where(p => p.NextAt - p.At <= ReformulationWindow)
            .GroupBy(p => (p.NormalizedQuery, p.Next))
            .Select(g => (g.Key.NormalizedQuery, g.Key.Next, Count: g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.NormalizedQuery, StringComparer.Ordinal).ThenBy(r => r.Next, StringComparer.Ordinal)
            .Take(Top).ToList();

        var typed = await TypedFormsAsync(searches, top.Select(r => r.NormalizedQuery).Concat(none.Select(r => r.NormalizedQuery))
            .Concat(failed.Select(r => r.Key)).Concat(chains.SelectMany(c => new[] { c.NormalizedQuery, c.Next })).Distinct().ToList(), ct);
        string Typed(string normalized) => typed.GetValueOrDefault(normalized) ?? normalized;

        var opened = await events.Where(e => e.Kind == HelpVisitEventKind.ArticleOpened && e.ArticleId != null
                && tickets.Any(t => t.VisitId == e.VisitId && t.At >= e.At))
            .GroupBy(e => e.ArticleId!.Value)
            .Select(g => new { ArticleId = g.Key, Visits = g.Select(e => e.VisitId).Distinct().Count() })
            .OrderByDescending(x => x.Visits).ThenBy(x => x.ArticleId).Take(Top).ToListAsync(ct);

        var notHelpfulVotes = db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.At >= start && f.At < end && !f.Helpful);
        var notHelpful = await notHelpfulVotes.GroupBy(f => new { f.ArticleId, f.TranslationId })
            .Select(g => new { g.Key.ArticleId, g.Key.TranslationId, Votes = g.Count() })
            .OrderByDescending(x => x.Votes).ThenBy(x => x.TranslationId).Take(Top).ToListAsync(ct);
        var translationIds = notHelpful.Select(x => x.TranslationId).ToList();
        var comments = (await notHelpfulVotes.Where(f => translationIds.Contains(f.TranslationId) && f.Comment != null)
                .Select(f => new { f.TranslationId, f.Comment, f.At, f.Id }).ToListAsync(ct))
            .GroupBy(c => c.TranslationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(3).Select(c => c.Comment!).ToList());

        var articleIds = opened.Select(x => x.ArticleId).Concat(notHelpful.Select(x => x.ArticleId)).Distinct().ToList();
        var titles = await db.Set<ArticleTranslation>().AsNoTracking().Where(t => articleIds.Contains(t.ArticleId))
            .Select(t => new { t.Id, t.ArticleId, t.Language, t.Title, t.Article.FallbackLanguage }).ToListAsync(ct);
        string? TitleOf(long articleId) => titles.Where(t => t.ArticleId == articleId).OrderBy(t => t.Language == t.FallbackLanguage ? 0 : 1)
            .Select(t => t.Title).FirstOrDefault();

        // One row per visit that searched or opened an article: its first step and whether it opened a ticket.
        var searchVisits = searches.Select(s => new { s.VisitId, s.At });
        var openVisits = events.Where(e => e.Kind == HelpVisitEventKind.ArticleOpened).Select(e => new { e.VisitId, e.At });
        var visits = await searchVisits.Concat(openVisits).GroupBy(v => v.VisitId)
            .Select(g => new { VisitId = g.Key, First = g.Min(v => v.At) }).ToListAsync(ct);
        var ticketVisits = (await tickets.Select(t => t.VisitId).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // The answer bot's deflections: its own event rows (visit id "bot"), counted per day apart from visits.
        var botTimes = await events.Where(e => e.Kind == HelpVisitEventKind.BotSolved).Select(e => e.At).ToListAsync(ct);
        var botByDay = botTimes.GroupBy(at => DateOnly.FromDateTime(at.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var byDay = visits.GroupBy(v => DateOnly.FromDateTime(v.First.UtcDateTime))
            .ToDictionary(g => g.Key, g => (Visits: g.Count(), Deflected: g.Count(v => !ticketVisits.Contains(v.VisitId))));
        var deflection = new List<KbDeflectionDay>();
        for (var day = range.First; day <= range.Last; day = day.AddDays(1))
        {
            var (count, deflected) = byDay.GetValueOrDefault(day);
            deflection.Add(new KbDeflectionDay(day, count, deflected, count == 0 ? null : Math.Round((double)deflected / count, 4),
                botByDay.GetValueOrDefault(day)));
        }

        return new KbSearchReportView(range.First, range.DayAfter,
            top.Select(r => r with { Query = Typed(r.NormalizedQuery) }).ToList(), none.Select(r => r with { Query = Typed(r.NormalizedQuery) }).ToList(),
            failed.Select(x => new KbFailedQueryRow(x.Key, x.Visits, Typed(x.Key))).ToList(),
            chains.Select(c => new KbReformulationRow(c.NormalizedQuery, c.Next, c.Count, Typed(c.NormalizedQuery), Typed(c.Next))).ToList(),
            opened.Select(x => new KbArticleRow(x.ArticleId, TitleOf(x.ArticleId), x.Visits)).ToList(),
            notHelpful.Select(x =>
            {
                var t = titles.FirstOrDefault(t => t.Id == x.TranslationId);
                return new KbNotHelpfulRow(x.ArticleId, x.TranslationId, t?.Title ?? TitleOf(x.ArticleId), t?.Language, x.Votes,
                    comments.GetValueOrDefault(x.TranslationId) ?? []);
            }).ToList(),
            deflection);
    }

    private static async Task<List<KbQueryRow>> QueryRowsAsync(IQueryable<HelpSearch> searches, CancellationToken ct) =>
        (await searches.GroupBy(s => s.NormalizedQuery)
            .Select(g => new { g.Key, Count = g.Count(), Visits = g.Select(s => s.VisitId).Distinct().Count(), Average = g.Average(s => (double)s.ResultCount) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(Top).ToListAsync(ct))
        .Select(x => new KbQueryRow(x.Key, x.Count, x.Visits, Math.Round(x.Average, 2), x.Key)).ToList();

    /// <summary>For each normalized query, the text visitors typed most often in the range (ties: the first in ordinal
    /// order, so the answer is stable); grouped in the database, one row per distinct typed text.</summary>
    private static async Task<Dictionary<string, string>> TypedFormsAsync(IQueryable<HelpSearch> searches, IReadOnlyList<string> normalized,
        CancellationToken ct)
    {
        if (normalized.Count == 0) return [];
        var forms = await searches.Where(s => normalized.Contains(s.NormalizedQuery))
            .GroupBy(s => new { s.NormalizedQuery, s.Query }).Select(g => new { g.Key.NormalizedQuery, g.Key.Query, Count = g.Count() })
            .ToListAsync(ct);
        return forms.GroupBy(f => f.NormalizedQuery, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Count).ThenBy(f => f.Query, StringComparer.Ordinal).First().Query, StringComparer.Ordinal);
    }

    /// <summary>The raw searches behind one normalized query, newest first, with the tickets their visits opened — only
    /// the ones <paramref name="access"/> lets its agent see (the inbox's rule: a ticket of another group is not even
    /// named).</summary>
    public async Task<KbQueryDetails> QueryAsync(string? normalized, ReportPeriod range, TicketAccessRule access, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(normalized)) throw new OknoException(InvalidInput.Required("normalized"));
        var (start, end) = (range.Start, range.End);
        var rows = await db.Set<HelpSearch>().AsNoTracking()
            .Where(s => s.NormalizedQuery == normalized && s.At >= start && s.At < end)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(DetailsLimit).ToListAsync(ct);
        var visitIds = rows.Select(r => r.VisitId).Distinct().ToList();
        var tickets = (await db.Set<HelpVisitEvent>().AsNoTracking()
                .Where(e => e.Kind == HelpVisitEventKind.TicketCreated && e.TicketId != null && visitIds.Contains(e.VisitId))
                .Select(e => new { e.VisitId, TicketId = e.TicketId!.Value }).ToListAsync(ct))
            .ToList();
        var ticketIds = tickets.Select(t => t.TicketId).Distinct().ToList();
        var visible = ticketIds.Count == 0 ? [] : await db.Tickets.AllowedBy(access).Where(t => ticketIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        var byVisit = tickets.Where(t => visible.ContainsKey(t.TicketId)).ToLookup(e => e.VisitId, e => e.TicketId, StringComparer.Ordinal);
        var typed = rows.GroupBy(r => r.Query, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? normalized;
        return new KbQueryDetails(normalized, range.First, range.DayAfter, rows.Select(r =>
        {
            var ids = byVisit[r.VisitId].Distinct().Order().ToList();
            return new KbSearchRow(r.Id, r.VisitId, r.Query, r.Language, r.ResultCount, r.At, ids, ids.Select(id => new KbSearchTicket(id, visible[id])).ToList());
        }).ToList(), typed);
    }
}

/// <summary>Turns a report row into a draft article titled with the query, its body listing what visitors typed.</summary>
public sealed class KbSearchDraft(OknoDb db, CreateArticle create, TimeProvider clock)
{
    public const int RawQueriesShown = 20;

    public async Task<ArticleView> ExecuteAsync(KbDraftRequest request, CurrentAgent agent, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("query", request.Query, ArticleTranslation.TitleMaxLength);
        errors.ThrowIfAny();
        var query = request.Query!.Trim();
        var normalized = string.Join(' ', SearchIndex.Analyze(query));
        var since = clock.GetUtcNow().AddDays(-ReportPeriod.MaxDays);
        var raw = await db.Set<HelpSearch>().AsNoTracking()
            .Where(s => (s.NormalizedQuery == normalized || s.NormalizedQuery == query || s.Query == query) && s.At >= since)
            .GroupBy(s => s.Query).Select(g => new { Query = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Query).Take(RawQueriesShown).ToListAsync(ct);
        // The draft is written in the article's language: it is the first thing its author reads.
        var russian = string.Equals(request.Language, "ru", StringComparison.OrdinalIgnoreCase);
        var body = new StringBuilder(russian
            ? "Посетители справочного центра искали это и не нашли ответа.\n\nЧто они вводили:\n\n"
            : "Visitors of the help center searched for this and did not find an answer.\n\nWhat they typed:\n\n");
        // What visitors typed is shown as typed, never as Markdown: a query such as ![x](http://evil/p.png) stays text.
        foreach (var r in raw) body.Append("- ").Append(MarkdownText.Literal(r.Query)).Append(" (").Append(r.Count).Append(")\n");
        if (raw.Count == 0) body.Append("- ").Append(MarkdownText.Literal(query)).Append('\n');
        body.Append(russian ? "\n_Напишите здесь ответ._\n" : "\n_Write the answer here._\n");
        return await create.ExecuteAsync(new CreateArticleRequest(request.SectionId, request.Language, query, body.ToString(), ArticleVisibility.Draft, null),
            agent, ct);
    }
}
