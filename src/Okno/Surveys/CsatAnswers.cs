using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Surveys;

/// <summary>What the public survey page may show: the ticket's reference and subject, the rating given (if any) and
/// whether a comment can still be added. Nothing else of the ticket or the customer.</summary>
public sealed record CsatPublicView(string Language, string Reference, string Subject, int? Rating, bool CanComment, bool Commented);

public enum CsatRateOutcome { Rated, AlreadyRated, NotFound }

public enum CsatCommentOutcome { Added, AlreadyCommented, NotRated, NotFound }

/// <summary>One answer in the answers list (<c>GET /api/v1/surveys/csat</c>) and the reports' source.</summary>
public sealed record CsatAnswerView(long Id, long TicketId, long TicketNumber, string TicketSubject, DateTimeOffset ResolvedAt, string Channel,
    long? GroupId, long? AgentId, long? CompanyId, long ContactId, int Rating, string? Comment, DateTimeOffset AnsweredAt);

/// <summary>A customer's ratings: how many, their average, and the latest few.</summary>
public sealed record ContactCsatView(int Count, double? Average, IReadOnlyList<ContactCsatRating> Latest);

public sealed record ContactCsatRating(long TicketId, long TicketNumber, string TicketSubject, int Rating, string? Comment, DateTimeOffset AnsweredAt);

/// <summary>Records answers — by the link's token (the public page) or by a messenger button — once per survey, and
/// reads them for the ticket, the customer card and the answers list. A rating at or below the desk's threshold puts an
/// item in the bell of the group's supervisors (every supervisor for a ticket without a group), in the same transaction.</summary>
public sealed class CsatAnswers(OknoDb db, CsatSettings settings, AgentNotificationFeed feed, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Reports.Kpi.ReportsOptions> reports) : ITicketCsat
{
    public const string LowRatingKind = WorkspaceNotificationKinds.CsatLow;
    public const int LatestForContact = 5;
    public const int MaxLimit = 200;

    /// <summary>The page's view of a token; null for a token that is not a sent survey's.</summary>
    public async Task<CsatPublicView?> ViewAsync(string? token, CancellationToken ct)
    {
        if (!CsatTokens.LooksValid(token)) return null;
        var hash = CsatTokens.Hash(token!);
        var row = await db.CsatSurveys.AsNoTracking().Where(s => s.TokenHash == hash && (s.Status == CsatStatus.Sent || s.Status == CsatStatus.Answered))
            .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new { s.Language, t.Number, t.Reference, t.Subject, s.Rating, s.CommentedAt })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var reference = row.Reference is { } r ? TicketReference.Format(r) : "#" + row.Number.ToString(CultureInfo.InvariantCulture);
        return new CsatPublicView(SurveyStrings.Language(row.Language), reference, row.Subject, row.Rating, row.Rating is not null && row.CommentedAt is null,
            row.CommentedAt is not null);
    }

    public async Task<CsatRateOutcome> RateByTokenAsync(string? token, int rating, CancellationToken ct)
    {
        if (rating is < 1 or > 5) throw new OknoException(InvalidInput.Field("r", SurveyErrorCodes.InvalidRating, "A rating is 1 to 5.", ("value", rating)));
        if (!CsatTokens.LooksValid(token)) return CsatRateOutcome.NotFound;
        var hash = CsatTokens.Hash(token!);
        var survey = await db.CsatSurveys.AsNoTracking().Where(s => s.TokenHash == hash).Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(ct);
        if (survey is null || survey.Status is not (CsatStatus.Sent or CsatStatus.Answered)) return CsatRateOutcome.NotFound;
        var told = new List<long>();
        var outcome = await db.WriteAsync(async ct2 => await RateAsync(survey.Id, rating, told, ct2) ? CsatRateOutcome.Rated : CsatRateOutcome.AlreadyRated, ct);
        if (told.Count > 0) feed.Publish(told);
        return outcome;
    }

    /// <summary>The customer portal (issue 20): the ticket's latest resolution rated by its signed-in customer, once. The
    /// caller has checked that the ticket is theirs.</summary>
    public async Task<CsatRateOutcome> RateLatestAsync(long ticketId, int rating, CancellationToken ct)
    {
        if (rating is < 1 or > 5) throw new OknoException(InvalidInput.Field("rating", SurveyErrorCodes.InvalidRating, "A rating is 1 to 5.", ("value", rating)));
        var survey = await LatestAsync(ticketId, ct);
        if (survey is null) return CsatRateOutcome.NotFound;
        if (survey.Value.Status == CsatStatus.Answered) return CsatRateOutcome.AlreadyRated;
        var told = new List<long>();
        var outcome = await db.WriteAsync(async ct2 => await RateAsync(survey.Value.Id, rating, told, ct2) ? CsatRateOutcome.Rated : CsatRateOutcome.AlreadyRated, ct);
        if (told.Count > 0) feed.Publish(told);
        return outcome;
    }

    /// <summary>The ticket's latest survey that can be or was answered, with its rating: what the portal shows.</summary>
    public async Task<(long Id, CsatStatus Status, int? Rating)?> LatestAsync(long ticketId, CancellationToken ct)
    {
        var row = await db.CsatSurveys.AsNoTracking()
            .Where(s => s.TicketId == ticketId && (s.Status == CsatStatus.Scheduled || s.Status == CsatStatus.Sent || s.Status == CsatStatus.Answered))
            .OrderByDescending(s => s.Id).Select(s => new { s.Id, s.Status, s.Rating }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.Status, row.Rating);
    }

    public async Task<CsatCommentOutcome> CommentByTokenAsync(string? token, string? comment, CancellationToken ct)
    {
        var text = comment?.Trim() ?? "";
        var errors = new FieldErrors();
        if (text.Length == 0) errors.Required("comment");
        else if (text.Length > CsatSurvey.CommentMaxLength)
            errors.Add("comment", ErrorCodes.TooLong, $"At most {CsatSurvey.CommentMaxLength} characters.", ("max", CsatSurvey.CommentMaxLength));
        errors.ThrowIfAny();
        if (!CsatTokens.LooksValid(token)) return CsatCommentOutcome.NotFound;
        var hash = CsatTokens.Hash(token!);
        var survey = await db.CsatSurveys.AsNoTracking().Where(s => s.TokenHash == hash).Select(s => new { s.Id, s.Status, s.CommentedAt }).SingleOrDefaultAsync(ct);
        if (survey is null || survey.Status is not (CsatStatus.Sent or CsatStatus.Answered)) return CsatCommentOutcome.NotFound;
        if (survey.Status == CsatStatus.Sent) return CsatCommentOutcome.NotRated;
        var now = clock.GetUtcNow();
        var written = await db.CsatSurveys.Where(s => s.Id == survey.Id && s.Status == CsatStatus.Answered && s.CommentedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Comment, text).SetProperty(s => s.CommentedAt, now), ct);
        return written == 1 ? CsatCommentOutcome.Added : CsatCommentOutcome.AlreadyCommented;
    }

    /// <summary>A messenger button: the survey must be this contact's (a payload can be forged). Changes are made in the
    /// caller's unit of work, saved with its item (no save here); the agents to tell are added to <paramref name="told"/>.
    /// The survey when recorded; null when it is not this contact's sent survey or is already rated.</summary>
    internal async Task<CsatSurvey?> RateByButtonAsync(long surveyId, long? contactId, int rating, List<long> told, CancellationToken ct)
    {
        if (contactId is null) return null;
        var survey = await db.CsatSurveys.SingleOrDefaultAsync(s => s.Id == surveyId && s.ContactId == contactId, ct);
        if (survey is not { Status: CsatStatus.Sent }) return null;
        survey.Status = CsatStatus.Answered;
        survey.Rating = rating;
        survey.AnsweredAt = clock.GetUtcNow();
        await NotifyLowAsync(survey.Id, survey.TicketId, survey.GroupId, survey.ContactId, rating, told, ct);
        return survey;
    }

    /// <summary>Records the rating once (a conditional update: of two at once one wins) and, for a low one, the bell items.</summary>
    private async Task<bool> RateAsync(long surveyId, int rating, List<long> told, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Scheduled too: the portal lets its user rate before the question goes out (which it then never does).
        var won = await db.CsatSurveys.Where(s => s.Id == surveyId && (s.Status == CsatStatus.Sent || s.Status == CsatStatus.Scheduled))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, CsatStatus.Answered).SetProperty(s => s.Rating, rating).SetProperty(s => s.AnsweredAt, now), ct);
        if (won == 0) return false;
        var survey = await db.CsatSurveys.AsNoTracking().Where(s => s.Id == surveyId)
            .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new { s.TicketId, s.GroupId, s.ContactId, s.AgentId, s.CompanyId, s.Channel, t.Type, t.Priority })
            .SingleAsync(ct);
        // The KPI counters of the answer's day, in this transaction (the messenger button's save counts through a save hook).
        if (reports.Value.Maintain)
            await Reports.Kpi.SurveyFactWriter.WriteAsync(db, [new Reports.Kpi.CsatFact(Reports.Kpi.SurveyFactWriter.CsatKey(reports.Value, now, survey.GroupId,
                survey.AgentId, survey.Channel.Value, survey.CompanyId, survey.Type, survey.Priority), rating)], [], ct);
        await NotifyLowAsync(surveyId, survey.TicketId, survey.GroupId, survey.ContactId, rating, told, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds (unsaved) a bell item for each supervisor of the survey's group when the rating is at or below the
    /// desk's threshold; one per (agent, survey) by the items' unique index.</summary>
    private async Task NotifyLowAsync(long surveyId, long ticketId, long? groupId, long contactId, int rating, List<long> told, CancellationToken ct)
    {
        if (rating > await settings.LowRatingThresholdAsync(ct)) return;
        var supervisors = db.Agents.Where(a => a.Role == AgentRole.Supervisor && a.IsActive);
        if (groupId is { } group) supervisors = supervisors.Where(a => a.Groups.Any(m => m.GroupId == group));
        var ids = await supervisors.Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        var name = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        foreach (var agentId in ids)
            db.AgentNotifications.Add(new AgentNotification
            {
                AgentId = agentId, Kind = LowRatingKind, TicketId = ticketId, EventId = surveyId, ActorName = name,
                Excerpt = string.Create(CultureInfo.InvariantCulture, $"{rating}/5"), At = clock.GetUtcNow(),
            });
        told.AddRange(ids);
    }

    public async Task<IReadOnlyList<TicketCsatView>> GetAsync(long ticketId, CancellationToken cancellationToken)
    {
        var rows = await db.CsatSurveys.AsNoTracking().Where(s => s.TicketId == ticketId && s.Status != CsatStatus.Cancelled)
            .OrderByDescending(s => s.Id).Take(20)
            .Select(s => new { s.Id, s.ResolvedAt, s.Status, s.SentAt, s.Rating, s.Comment, s.AnsweredAt }).ToListAsync(cancellationToken);
        return rows.Select(s => new TicketCsatView(s.Id, s.ResolvedAt, s.Status.ToSnakeCase(), s.SentAt, s.Rating, s.Comment, s.AnsweredAt)).ToList();
    }

    public async Task<ContactCsatView> ForContactAsync(long contactId, CancellationToken ct)
    {
        var answered = db.CsatSurveys.AsNoTracking().Where(s => s.ContactId == contactId && s.AnsweredAt != null);
        var stats = await answered.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(s => s.Rating ?? 0) }).SingleOrDefaultAsync(ct);
        var latest = await answered.OrderByDescending(s => s.AnsweredAt).ThenByDescending(s => s.Id).Take(LatestForContact)
            .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new ContactCsatRating(t.Id, t.Number, t.Subject, s.Rating ?? 0, s.Comment, s.AnsweredAt!.Value))
            .ToListAsync(ct);
        return stats is null || stats.Count == 0 ? new ContactCsatView(0, null, [])
            : new ContactCsatView(stats.Count, Math.Round((double)stats.Sum / stats.Count, 2), latest.OrderByDescending(l => l.AnsweredAt).ToList());
    }

    /// <summary>Answers in a period (answered-at, <paramref name="from"/> included, <paramref name="to"/> excluded), newest
    /// first, keyset-paged by (answered-at, id) over the answers index.</summary>
    public async Task<Page<CsatAnswerView>> ListAsync(DateTimeOffset from, DateTimeOffset to, long? groupId, int? rating, int limit, string? cursor,
        CancellationToken ct)
    {
        var query = db.CsatSurveys.AsNoTracking().Where(s => s.AnsweredAt != null && s.AnsweredAt >= from && s.AnsweredAt < to);
        if (groupId is { } g) query = query.Where(s => s.GroupId == g);
        if (rating is { } r) query = query.Where(s => s.Rating == r);
        if (Cursor(cursor) is { } after)
            query = query.Where(s => s.AnsweredAt < after.At || (s.AnsweredAt == after.At && s.Id < after.Id));
        var rows = await query.OrderByDescending(s => s.AnsweredAt).ThenByDescending(s => s.Id).Take(limit + 1)
            .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new CsatAnswerView(s.Id, s.TicketId, t.Number, t.Subject, s.ResolvedAt, s.Channel.Value,
                s.GroupId, s.AgentId, s.CompanyId, s.ContactId, s.Rating ?? 0, s.Comment, s.AnsweredAt!.Value))
            .ToListAsync(ct);
        // The join may reorder on some providers: the page is put back in the index order.
        rows = rows.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).ToList();
        var next = rows.Count > limit ? CursorOf(rows[limit - 1]) : null;
        return new Page<CsatAnswerView>(rows.Take(limit).ToList(), next);
    }

    private static string CursorOf(CsatAnswerView last) => Paging.Encode(last.AnsweredAt.UtcTicks, last.Id);

    private static (DateTimeOffset At, long Id)? Cursor(string? cursor)
    {
        if (Paging.Decode(cursor, 2) is not { } keys) return null;
        if (keys[0] < 0 || keys[0] > DateTimeOffset.MaxValue.UtcTicks)
            throw new OknoException(InvalidInput.Field("cursor", ErrorCodes.InvalidCursor, "The cursor is not valid; use nextCursor from the previous page."));
        return (new DateTimeOffset(keys[0], TimeSpan.Zero), keys[1]);
    }
}
