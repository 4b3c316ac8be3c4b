using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Reports.Kpi;
using Okno.Tickets;

namespace Okno.Reports.Schedules;

/// <summary>A schedule as a client sends it. The filters are the KPI API's (interval day|week|month, groupBy, groupId,
/// agentId, channel, companyId, type, priority, tag); sendAt is "HH:mm" in the report time zone; weekday for weekly,
/// dayOfMonth (1–28) for monthly; language ru|en or none (each recipient's own).</summary>
public sealed record ReportScheduleRequest(
    string? Name, string? Report, string? Interval, string? GroupBy, long? GroupId, long? AgentId, string? Channel, long? CompanyId,
    string? Type, string? Priority, string? Tag, ScheduleFrequency? Frequency, DayOfWeek? Weekday, int? DayOfMonth, string? SendAt,
    List<long>? RecipientIds, string? Language, bool? Enabled);

public sealed record ReportScheduleView(
    long Id, string Name, string Report, string Interval, string? GroupBy, long? GroupId, long? AgentId, string? Channel, long? CompanyId,
    TicketType? Type, TicketPriority? Priority, string? Tag, ScheduleFrequency Frequency, DayOfWeek? Weekday, int? DayOfMonth, string SendAt,
    IReadOnlyList<long> RecipientIds, string? Language, long OwnerId, bool Enabled, DateOnly? LastSentPeriod, DateTimeOffset? LastSentAt,
    DateTimeOffset? NextDueAt, string? LastError, DateTimeOffset? LastErrorAt, string TimeZone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What "send now" queued: the period and how many mails.</summary>
public sealed record ReportScheduleSent(long Id, DateOnly From, DateOnly To, int Mails);

/// <summary>Report schedules: list, read, create, change, delete (<c>/api/v1/reports/schedules</c>); "send now" is
/// <see cref="ReportScheduleSender.SendNowAsync"/>.</summary>
public sealed class ReportSchedules(OknoDb db, KpiReport reports, TimeProvider clock, Audit audit, IOptions<ReportsOptions> options)
{
    public const int MaxPerDesk = ReportSchedule.MaxPerDesk;

    public async Task<Page<ReportScheduleView>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Set<ReportSchedule>().AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(s => s.Id < lastId);
        var rows = await query.OrderByDescending(s => s.Id).Take(take + 1).ToListAsync(ct);
        return Paging.ToPage(rows.Select(View).ToList(), take, s => Paging.Encode(s.Id));
    }

    public async Task<ReportScheduleView> GetAsync(long id, CancellationToken ct) =>
        View(await db.Set<ReportSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id));

    public async Task<ReportScheduleView> CreateAsync(ReportScheduleRequest request, long agentId, CancellationToken ct)
    {
        var valid = await ValidateAsync(request, ct);
        var saved = await db.WriteAsync(async c =>
        {
            // Counted in the transaction that adds: two creates at once may both pass (at most one over the limit).
            if (await db.Set<ReportSchedule>().CountAsync(c) >= MaxPerDesk)
                throw new OknoException(new StateConflict(ReportScheduleErrorCodes.TooMany, $"A desk keeps at most {MaxPerDesk} report schedules.",
                    ("max", MaxPerDesk)));
            var now = clock.GetUtcNow();
            var row = new ReportSchedule { CreatedAt = now, OwnerId = agentId };
            Store(row, request, valid, now);
            db.Add(row);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "report_schedule.created", $"report_schedule:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return View(saved);
    }

    /// <summary>Replaces the schedule; its timing applies from now on (what it sent stays sent).</summary>
    public async Task<ReportScheduleView> UpdateAsync(long id, ReportScheduleRequest request, long agentId, CancellationToken ct)
    {
        var valid = await ValidateAsync(request, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var row = await db.Set<ReportSchedule>().SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            Store(row, request, valid, clock.GetUtcNow());
            audit.Add(agentId, "report_schedule.updated", $"report_schedule:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return View(saved);
    }

    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var row = await db.Set<ReportSchedule>().SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            db.Remove(row);
            audit.Add(agentId, "report_schedule.deleted", $"report_schedule:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    internal static OknoException NotFound(long id) => new(new NotFound(ReportScheduleErrorCodes.NotFound, "Report schedule", id));

    private sealed record Valid(KpiQuery Query, TimeOnly SendAt);

    private async Task<Valid> ValidateAsync(ReportScheduleRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", r.Name, ReportSchedule.NameMaxLength);
        KpiQuery? query = null;
        if (string.IsNullOrWhiteSpace(r.Report)) errors.Required("report");
        else if (r.Report.Length > ReportSchedule.ReportMaxLength || !KpiReport.ReportNames.Contains(r.Report))
            errors.Add("report", ReportScheduleErrorCodes.UnknownReport, $"'{Cut(r.Report)}' is not a report of the KPI catalog.", ("value", Cut(r.Report)));
        else
        {
            // The KPI API's own checks of the filters, on a sample period (the schedule's periods are at most a month).
            try
            {
                query = reports.Parse(r.Report, null, null, r.Interval, r.GroupBy, r.GroupId, r.AgentId, r.Channel, r.CompanyId, r.Type, r.Priority, r.Tag,
                    clock.GetUtcNow());
                await ReportFieldValues.CheckAsync(db, query, ct);
            }
            catch (OknoException e) when (e.Error is InvalidInput bad)
            {
                foreach (var f in bad.Fields) foreach (var x in f.Value) errors.Add(f.Key, x);
            }
            catch (OknoException e) when (e.Error is StateConflict)
            {
                errors.Add("report", ReportScheduleErrorCodes.UnknownReport, $"'{Cut(r.Report)}' has no data yet.", ("value", Cut(r.Report)));
            }
        }
        if (r.Frequency is null) errors.Required("frequency");
        if (r.Frequency == ScheduleFrequency.Weekly && r.Weekday is null) errors.Required("weekday");
        if (r.Frequency == ScheduleFrequency.Monthly)
        {
            if (r.DayOfMonth is null) errors.Required("dayOfMonth");
            // Up to the 28th: every month has it, so a monthly schedule never skips a month.
            else if (r.DayOfMonth is < 1 or > 28) errors.Add("dayOfMonth", ErrorCodes.OutOfRange, "From 1 to 28.", ("min", 1), ("max", 28));
        }
        var sendAt = TimeOnly.MinValue;
        if (string.IsNullOrWhiteSpace(r.SendAt)) errors.Required("sendAt");
        else if (!TimeOnly.TryParseExact(r.SendAt.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out sendAt))
            errors.Add("sendAt", ReportScheduleErrorCodes.InvalidTime, $"'{Cut(r.SendAt)}' is not a time of day (HH:mm).", ("value", Cut(r.SendAt)));
        if (r.Language is not null && r.Language is not ("ru" or "en"))
            errors.Add("language", ErrorCodes.NotOneOf, "One of: ru, en.", ("value", Cut(r.Language)), ("allowed", "ru, en"));
        var ids = r.RecipientIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) errors.Add("recipientIds", ReportScheduleErrorCodes.NoRecipients, "Choose at least one recipient.");
        else if (ids.Count > ReportSchedule.MaxRecipients) errors.TooMany("recipientIds", ReportSchedule.MaxRecipients, "recipients");
        else
        {
            var active = await db.Agents.Where(a => ids.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(ct);
            foreach (var missing in ids.Except(active))
                errors.Add("recipientIds", ReportScheduleErrorCodes.RecipientNotAgent, $"{missing} is not an active agent.", ("id", missing));
        }
        errors.ThrowIfAny();
        return new Valid(query!, sendAt);
    }

    private static string Cut(string value) => value.Length > 64 ? value[..64] : value;

    private void Store(ReportSchedule row, ReportScheduleRequest r, Valid valid, DateTimeOffset now)
    {
        var q = valid.Query;
        row.Name = r.Name!.Trim();
        row.Report = q.Report;
        row.Interval = q.Interval;
        row.GroupBy = q.GroupBy;
        row.GroupId = q.GroupId;
        row.AgentId = q.AgentId;
        row.Channel = q.Channel;
        row.CompanyId = q.CompanyId;
        row.Type = q.Type;
        row.Priority = q.Priority;
        row.Tag = q.Tag;
        row.Frequency = r.Frequency!.Value;
        row.Weekday = row.Frequency == ScheduleFrequency.Weekly ? r.Weekday : null;
        row.DayOfMonth = row.Frequency == ScheduleFrequency.Monthly ? r.DayOfMonth : null;
        row.SendAt = valid.SendAt;
        row.RecipientIds = r.RecipientIds!.Distinct().Order().ToList();
        row.Language = r.Language;
        row.Enabled = r.Enabled ?? true;
        row.UpdatedAt = now;
        row.NextDueAt = row.Enabled ? SchedulePlan.NextAfter(row, now, options.Value.Zone) : null;
    }

    public ReportScheduleView View(ReportSchedule s) =>
        new(s.Id, s.Name, s.Report, s.Interval.ToSnakeCase(), s.GroupBy, s.GroupId, s.AgentId, s.Channel, s.CompanyId, s.Type, s.Priority, s.Tag,
            s.Frequency, s.Weekday, s.DayOfMonth, s.SendAt.ToString("HH:mm", CultureInfo.InvariantCulture), s.RecipientIds, s.Language, s.OwnerId,
            s.Enabled, s.LastSentPeriod, s.LastSentAt, s.NextDueAt, s.LastError, s.LastErrorAt, options.Value.TimeZone, s.CreatedAt, s.UpdatedAt);
}

/// <summary>When a schedule is due and which period it covers, in the report time zone. A pure function.</summary>
public static class SchedulePlan
{
    /// <summary>The first send time strictly after <paramref name="after"/>: the schedule's day at its local time of day
    /// (a time skipped by a clock change comes an hour later).</summary>
    public static DateTimeOffset NextAfter(ReportSchedule s, DateTimeOffset after, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var day = today.AddDays(-1); ; day = day.AddDays(1))
        {
            var matches = s.Frequency switch
            {
                ScheduleFrequency.Weekly => day.DayOfWeek == s.Weekday,
                ScheduleFrequency.Monthly => day.Day == s.DayOfMonth,
                _ => true,
            };
            if (!matches) continue;
            var local = DateTime.SpecifyKind(day.ToDateTime(s.SendAt), DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local)) local = local.AddHours(1);
            var instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
            if (instant > after) return instant;
        }
    }

    /// <summary>The last whole period before the day of <paramref name="at"/> (local): the previous day, the previous
    /// Monday–Sunday week, or the previous calendar month.</summary>
    public static (DateOnly First, DateOnly Last) PeriodBefore(ScheduleFrequency frequency, DateTimeOffset at, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        switch (frequency)
        {
            case ScheduleFrequency.Weekly:
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                return (monday.AddDays(-7), monday.AddDays(-1));
            case ScheduleFrequency.Monthly:
                var first = new DateOnly(today.Year, today.Month, 1);
                return (first.AddMonths(-1), first.AddDays(-1));
            default:
                return (today.AddDays(-1), today.AddDays(-1));
        }
    }
}

/// <summary>The codes of the errors of report schedules.</summary>
public static class ReportScheduleErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "report_schedule.not_found";
    /// <summary>{value}: not a report of the KPI catalog (or one without data yet).</summary>
    public const string UnknownReport = "report_schedule.unknown_report";
    public const string NoRecipients = "report_schedule.no_recipients";
    /// <summary>{id}: a recipient that is not an active agent.</summary>
    public const string RecipientNotAgent = "report_schedule.recipient_not_agent";
    /// <summary>{max}</summary>
    public const string TooMany = "report_schedule.too_many";
    /// <summary>{value}: not HH:mm.</summary>
    public const string InvalidTime = "report_schedule.invalid_time";
    /// <summary>No enabled mailbox: the report cannot be mailed.</summary>
    public const string NoMailbox = "report_schedule.no_mailbox";
}
