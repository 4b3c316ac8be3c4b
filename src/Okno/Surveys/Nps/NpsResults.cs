using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Surveys.Nps;

public enum NpsCategory { Detractor, Passive, Promoter }

public enum NpsInterval { Week, Month }

/// <summary>The figures of a set of answers. <see cref="Nps"/> = % promoters (9–10) − % detractors (0–6), rounded to
/// one decimal; null when nobody answered. <see cref="ResponseRate"/> = answered / sent, null when none was sent.</summary>
public sealed record NpsTotals(int Sent, int Answered, int Promoters, int Passives, int Detractors, double? Nps, double? ResponseRate)
{
    public static NpsTotals Of(int sent, int promoters, int passives, int detractors)
    {
        var answered = promoters + passives + detractors;
        return new NpsTotals(sent, answered, promoters, passives, detractors, NpsMath.Score(promoters, passives, detractors),
            sent == 0 ? null : Math.Round((double)answered / sent, 4));
    }
}

/// <summary>One week (from its Monday) or one month of answers, in the period's zone.</summary>
public sealed record NpsPoint(DateOnly Start, int Answered, int Promoters, int Passives, int Detractors, double? Nps);

public sealed record NpsResultsView(long CampaignId, DateOnly From, DateOnly To, NpsInterval Interval, NpsTotals Totals, IReadOnlyList<NpsPoint> Series);

public sealed record NpsAnswerView(long Id, int Score, NpsCategory Category, string? Comment, DateTimeOffset AnsweredAt, long? ContactId, string? ContactName,
    long? CompanyId, string? CompanyName, long? FollowUpTicketId, long? FollowUpTicketNumber);

public sealed record NpsFollowUpView(long AnswerId, long TicketId, long TicketNumber);

public static class NpsMath
{
    public static NpsCategory CategoryOf(int score) => score switch { >= 9 => NpsCategory.Promoter, >= 7 => NpsCategory.Passive, _ => NpsCategory.Detractor };

    public static double? Score(int promoters, int passives, int detractors)
    {
        var total = promoters + passives + detractors;
        return total == 0 ? null : Math.Round(100.0 * (promoters - detractors) / total, 1);
    }
}

/// <summary>A campaign's results (NPS, the three groups, sent and answered, over time), its answers newest first, and
/// a detractor's follow-up ticket opened through the one ticket-creation path with the link back in its transaction.</summary>
public sealed class NpsResults(OknoDb db, TicketCreations creations, MessageBodies bodies, IStringLocalizer<Ui.NpsStrings> strings, TimeProvider clock,
    ILogger<NpsResults> logger)
{
    private static readonly ReportPeriodCodes PeriodCodes = new(NpsErrorCodes.RangeReversed, NpsErrorCodes.RangeTooLong, NpsErrorCodes.UnknownTimeZone);

    /// <summary>The whole-life figures of each campaign: per campaign, counts over its index, grouped by score.</summary>
    internal static async Task<Dictionary<long, NpsTotals>> TotalsAsync(OknoDb db, IReadOnlyList<long> campaignIds, CancellationToken ct)
    {
        if (campaignIds.Count == 0) return [];
        var sent = await db.Set<NpsSend>().Where(s => campaignIds.Contains(s.CampaignId)).GroupBy(s => s.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var scores = await db.Set<NpsAnswer>().Where(a => campaignIds.Contains(a.CampaignId)).GroupBy(a => new { a.CampaignId, a.Score })
            .Select(g => new { g.Key.CampaignId, g.Key.Score, Count = g.Count() }).ToListAsync(ct);
        return campaignIds.ToDictionary(id => id, id =>
        {
            var mine = scores.Where(s => s.CampaignId == id).ToList();
            return NpsTotals.Of(sent.GetValueOrDefault(id), mine.Where(s => s.Score >= 9).Sum(s => s.Count),
                mine.Where(s => s.Score is 7 or 8).Sum(s => s.Count), mine.Where(s => s.Score <= 6).Sum(s => s.Count));
        });
    }

    /// <summary>Figures for the days <paramref name="from"/> to <paramref name="to"/> (yyyy-MM-dd, both included, in
    /// <paramref name="zone"/>; by default from the campaign's creation, at most 366 days, up to today), per week or month.</summary>
    public async Task<NpsResultsView> ResultsAsync(long campaignId, string? from, string? to, string? interval, string? zone, CancellationToken ct)
    {
        var campaign = await db.Set<NpsCampaign>().AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Id, c.CreatedAt })
            .SingleOrDefaultAsync(ct) ?? throw NpsCampaigns.NotFound(campaignId);
        var step = ParseInterval(interval);
        var now = clock.GetUtcNow();
        var period = ReportPeriod.Parse(from, to, zone, toIncluded: true, now, PeriodCodes);
        if (string.IsNullOrWhiteSpace(from))
        {
            // Since the campaign began, not the last 30 days: a quarterly campaign would show one point.
            var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(campaign.CreatedAt, period.Zone).DateTime);
            var first = created > period.Last ? period.Last : created;
            if (period.Last.DayNumber - first.DayNumber + 1 > ReportPeriod.MaxDays) first = period.Last.AddDays(1 - ReportPeriod.MaxDays);
            period = period with { First = first };
        }
        var (start, end) = (period.Start, period.End);
        var sent = await db.Set<NpsSend>().CountAsync(s => s.CampaignId == campaignId && s.SentAt >= start && s.SentAt < end, ct);
        var answers = await db.Set<NpsAnswer>().AsNoTracking().Where(a => a.CampaignId == campaignId && a.AnsweredAt >= start && a.AnsweredAt < end)
            .Select(a => new { a.AnsweredAt, a.Score }).ToListAsync(ct);
        var totals = NpsTotals.Of(sent, answers.Count(a => a.Score >= 9), answers.Count(a => a.Score is 7 or 8), answers.Count(a => a.Score <= 6));
        var buckets = answers.GroupBy(a => BucketOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.AnsweredAt, period.Zone).DateTime), step))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Score).ToList());
        var series = new List<NpsPoint>();
        for (var bucket = BucketOf(period.First, step); bucket <= period.Last; bucket = step == NpsInterval.Week ? bucket.AddDays(7) : bucket.AddMonths(1))
        {
            var scores = buckets.GetValueOrDefault(bucket) ?? [];
            var (p, pa, d) = (scores.Count(s => s >= 9), scores.Count(s => s is 7 or 8), scores.Count(s => s <= 6));
            series.Add(new NpsPoint(bucket, scores.Count, p, pa, d, NpsMath.Score(p, pa, d)));
        }
        return new NpsResultsView(campaignId, period.First, period.Last, step, totals, series);
    }

    private static NpsInterval ParseInterval(string? interval) => interval?.Trim().ToLowerInvariant() switch
    {
        null or "" or "week" => NpsInterval.Week,
        "month" => NpsInterval.Month,
        _ => throw new OknoException(InvalidInput.Field("interval", ErrorCodes.NotOneOf, "Expected week or month.",
            ("value", interval.Length > 32 ? interval[..32] : interval), ("allowed", "week, month"))),
    };

    private static DateOnly BucketOf(DateOnly day, NpsInterval interval) => interval == NpsInterval.Week
        ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
        : new DateOnly(day.Year, day.Month, 1);

    /// <summary>The answers, newest first, keyset-paged; <paramref name="withComment"/> keeps only those with a comment,
    /// <paramref name="category"/> one group.</summary>
    public async Task<Page<NpsAnswerView>> AnswersAsync(long campaignId, int? limit, string? cursor, bool? withComment, NpsCategory? category,
        CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        if (!await db.Set<NpsCampaign>().AnyAsync(c => c.Id == campaignId, ct)) throw NpsCampaigns.NotFound(campaignId);
        var query = db.Set<NpsAnswer>().AsNoTracking().Where(a => a.CampaignId == campaignId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id < lastId);
        if (withComment == true) query = query.Where(a => a.Comment != null);
        query = category switch
        {
            NpsCategory.Promoter => query.Where(a => a.Score >= 9),
            NpsCategory.Passive => query.Where(a => a.Score == 7 || a.Score == 8),
            NpsCategory.Detractor => query.Where(a => a.Score <= 6),
            _ => query,
        };
        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1)
            .Select(a => new
            {
                a.Id, a.Score, a.Comment, a.AnsweredAt, a.ContactId, a.CompanyId, a.FollowUpTicketId,
                ContactName = db.Set<Contact>().Where(c => c.Id == a.ContactId).Select(c => c.Name).FirstOrDefault(),
                CompanyName = db.Set<Company>().Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(),
                TicketNumber = db.Set<Ticket>().Where(t => t.Id == a.FollowUpTicketId).Select(t => (long?)t.Number).FirstOrDefault(),
            }).ToListAsync(ct);
        var views = rows.Select(a => new NpsAnswerView(a.Id, a.Score, NpsMath.CategoryOf(a.Score), a.Comment, a.AnsweredAt, a.ContactId, a.ContactName,
            a.CompanyId, a.CompanyName, a.FollowUpTicketId, a.TicketNumber)).ToList();
        return Paging.ToPage(views, take, a => Paging.Encode(a.Id));
    }

    /// <summary>Opens the follow-up ticket of a detractor's answer as <paramref name="actor"/> (the agent who clicked, or
    /// the system for a campaign that does it by itself), once: the answer's link to the ticket is written in the
    /// ticket's own transaction, only if it has none yet, so two clicks at once open one ticket.</summary>
    public async Task<NpsFollowUpView> FollowUpAsync(long campaignId, long answerId, Actor actor, CancellationToken ct)
    {
        var answer = await db.Set<NpsAnswer>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == answerId && a.CampaignId == campaignId, ct)
            ?? throw new OknoException(new NotFound(NpsErrorCodes.AnswerNotFound, "NPS answer", answerId));
        await RefuseExistingAsync(answer.FollowUpTicketId, ct);
        if (NpsMath.CategoryOf(answer.Score) != NpsCategory.Detractor)
            throw new OknoException(new StateConflict(NpsErrorCodes.NotADetractor, $"Only a detractor's answer (0–6) opens a follow-up ticket; this one is {answer.Score}.",
                ("value", answer.Score)));
        if (answer.ContactId is not { } contactId || !await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
            throw new OknoException(new StateConflict(NpsErrorCodes.ContactGone, "The person who answered was deleted."));
        var campaign = await db.Set<NpsCampaign>().AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Name).SingleAsync(ct);
        var language = await db.Set<NpsSend>().Where(s => s.Id == answer.SendId).Select(s => s.Language).SingleOrDefaultAsync(ct) ?? "en";
        var culture = CultureInfo.GetCultureInfo(language == "ru" ? "ru" : "en");
        var (subject, text) = InCulture.Read(culture, () => (
            strings["FollowUpSubject", answer.Score, campaign].Value,
            strings["FollowUpBody", answer.Score, campaign, string.IsNullOrWhiteSpace(answer.Comment) ? strings["NoComment"].Value : answer.Comment].Value));
        var ticket = new NewTicket(subject.Length > Ticket.SubjectMaxLength ? subject[..Ticket.SubjectMaxLength] : subject, bodies.FromText(text), [],
            CustomerIdentity.Known(contactId), ChannelKind.Api, TicketPriority.Normal, TicketType.Problem, [], null, null, actor)
        {
            AlsoWrite = async (tx, created, c) =>
            {
                var linked = await tx.Set<NpsAnswer>().Where(a => a.Id == answerId && a.FollowUpTicketId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.FollowUpTicketId, created.Id), c);
                if (linked == 0) throw new FollowUpExistsException();
            },
        };
        try
        {
            var created = await creations.CreateAsync(ticket, ct);
            return new NpsFollowUpView(answerId, created.Id, created.Number);
        }
        catch (FollowUpExistsException)
        {
            var existing = await db.Set<NpsAnswer>().Where(a => a.Id == answerId).Select(a => a.FollowUpTicketId).SingleAsync(ct);
            await RefuseExistingAsync(existing, ct);
            throw;
        }
    }

    /// <summary>After an answer was recorded: a campaign that opens follow-ups by itself does so for a detractor, as the
    /// system. A failure is logged and leaves the answer as it is: an agent can still open the ticket by hand.</summary>
    internal async Task AutoFollowUpAsync(long campaignId, long answerId, int score, CancellationToken ct)
    {
        if (NpsMath.CategoryOf(score) != NpsCategory.Detractor) return;
        if (!await db.Set<NpsCampaign>().AnyAsync(c => c.Id == campaignId && c.AutoFollowUp, ct)) return;
        try
        {
            await FollowUpAsync(campaignId, answerId, Actor.System, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The automatic follow-up of NPS answer {Answer} failed", answerId);
        }
    }

    private async Task RefuseExistingAsync(long? ticketId, CancellationToken ct)
    {
        if (ticketId is not { } id) return;
        var number = await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleOrDefaultAsync(ct);
        throw new OknoException(new StateConflict(NpsErrorCodes.FollowUpExists, $"This answer already has its follow-up ticket #{number}.", ("number", number)));
    }

    /// <summary>The answer got its ticket meanwhile (another click, the automatic follow-up): this ticket is not written.</summary>
    private sealed class FollowUpExistsException() : Exception("The answer has its follow-up ticket already.");
}
