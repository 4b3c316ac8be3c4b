using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;

namespace Okno.Surveys.Nps;

/// <summary>A campaign as a client sends it. <see cref="CompanyIds"/> for the companies segment; <see cref="TicketsFrom"/>
/// and <see cref="TicketsTo"/> (tickets created in [from, to)) for the period segment.</summary>
public sealed record NpsCampaignRequest(
    string? Name, string? QuestionRu, string? QuestionEn, NpsSegment? Segment, List<long>? CompanyIds, DateTimeOffset? TicketsFrom,
    DateTimeOffset? TicketsTo, NpsSchedule? Schedule, DateTimeOffset? StartAt, string? TimeZone, bool? Enabled, bool? AutoFollowUp);

public sealed record NpsCampaignView(
    long Id, string Name, string? QuestionRu, string? QuestionEn, NpsSegment Segment, IReadOnlyList<long> CompanyIds, DateTimeOffset? TicketsFrom,
    DateTimeOffset? TicketsTo, NpsSchedule Schedule, DateTimeOffset StartAt, string TimeZone, bool Enabled, bool AutoFollowUp, DateTimeOffset? NextRunAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, NpsTotals Totals)
{
    public string QuestionIn(string language) => (language == "ru" ? QuestionRu ?? QuestionEn : QuestionEn ?? QuestionRu) ?? "";
}

public sealed record NpsSettingsView(int MinIntervalDays);

public sealed record NpsSettingsRequest(int? MinIntervalDays);

/// <summary>NPS campaigns: list, read, create, change, delete (<c>/api/v1/surveys/nps/campaigns</c>), and the desk's
/// minimum interval between two questions to one person.</summary>
public sealed class NpsCampaigns(OknoDb db, TimeProvider clock, Audit audit)
{
    public const int MinIntervalDaysMax = 3650;

    public async Task<Page<NpsCampaignView>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Set<NpsCampaign>().AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id < lastId);
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var views = await ViewsAsync(rows, ct);
        return Paging.ToPage(views, take, c => Paging.Encode(c.Id));
    }

    public async Task<NpsCampaignView> GetAsync(long id, CancellationToken ct) =>
        (await ViewsAsync([await db.Set<NpsCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id)], ct))[0];

    public async Task<NpsCampaignView> CreateAsync(NpsCampaignRequest request, long agentId, CancellationToken ct)
    {
        await ValidateAsync(request, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var row = new NpsCampaign { CreatedAt = now };
            Store(row, request, now);
            db.Add(row);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "nps_campaign.created", $"nps_campaign:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return (await ViewsAsync([saved], ct))[0];
    }

    /// <summary>Replaces the campaign; the schedule applies from now on (runs already made stay, a run still sending
    /// finishes with the segment as it now reads).</summary>
    public async Task<NpsCampaignView> UpdateAsync(long id, NpsCampaignRequest request, long agentId, CancellationToken ct)
    {
        await ValidateAsync(request, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var row = await db.Set<NpsCampaign>().SingleOrDefaultAsync(x => x.Id == id, c) ?? throw NotFound(id);
            var now = clock.GetUtcNow();
            Store(row, request, now);
            row.Version++;
            audit.Add(agentId, "nps_campaign.updated", $"nps_campaign:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return (await ViewsAsync([saved], ct))[0];
    }

    /// <summary>Deletes the campaign with its runs, sends and answers (their links then say they are not valid).</summary>
    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var row = await db.Set<NpsCampaign>().SingleOrDefaultAsync(x => x.Id == id, c) ?? throw NotFound(id);
            // Answers first: they point at both the campaign and the sends, and SQLite cascades one path at a time.
            await db.Set<NpsAnswer>().Where(a => a.CampaignId == id).ExecuteDeleteAsync(c);
            await db.Set<NpsSend>().Where(s => s.CampaignId == id).ExecuteDeleteAsync(c);
            await db.Set<NpsRun>().Where(r => r.CampaignId == id).ExecuteDeleteAsync(c);
            db.Remove(row);
            audit.Add(agentId, "nps_campaign.deleted", $"nps_campaign:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    public async Task<NpsSettingsView> SettingsAsync(CancellationToken ct) =>
        new(await MinIntervalDaysAsync(db, ct));

    public async Task<NpsSettingsView> SaveSettingsAsync(NpsSettingsRequest request, long agentId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.MinIntervalDays is null) errors.Required("minIntervalDays");
        else if (request.MinIntervalDays is < 1 or > MinIntervalDaysMax)
            errors.Add("minIntervalDays", ErrorCodes.OutOfRange, $"From 1 to {MinIntervalDaysMax} days.", ("min", 1), ("max", MinIntervalDaysMax));
        errors.ThrowIfAny();
        await db.WriteAsync(async c =>
        {
            var row = await db.Set<NpsSettings>().SingleOrDefaultAsync(s => s.Id == 1, c);
            if (row is null) db.Add(row = new NpsSettings());
            row.MinIntervalDays = request.MinIntervalDays!.Value;
            audit.Add(agentId, "nps_settings.updated", "nps_settings", $"minIntervalDays={row.MinIntervalDays}");
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return new NpsSettingsView(request.MinIntervalDays!.Value);
    }

    internal static async Task<int> MinIntervalDaysAsync(OknoDb db, CancellationToken ct) =>
        await db.Set<NpsSettings>().AsNoTracking().Where(s => s.Id == 1).Select(s => (int?)s.MinIntervalDays).SingleOrDefaultAsync(ct)
        ?? NpsSettings.DefaultMinIntervalDays;

    internal static OknoException NotFound(long id) => new(new NotFound(NpsErrorCodes.CampaignNotFound, "NPS campaign", id));

    private async Task ValidateAsync(NpsCampaignRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", r.Name, NpsCampaign.NameMaxLength);
        // One language is enough: the other stands in for it.
        if (string.IsNullOrWhiteSpace(r.QuestionRu) && string.IsNullOrWhiteSpace(r.QuestionEn))
        {
            errors.Required("questionRu");
            errors.Required("questionEn");
        }
        errors.Text("questionRu", r.QuestionRu, NpsCampaign.QuestionMaxLength, required: false);
        errors.Text("questionEn", r.QuestionEn, NpsCampaign.QuestionMaxLength, required: false);
        if (r.Segment is null) errors.Required("segment");
        if (r.Segment == NpsSegment.Companies)
        {
            var ids = r.CompanyIds?.Distinct().ToList() ?? [];
            if (ids.Count == 0) errors.Required("companyIds");
            else if (ids.Count > NpsCampaign.MaxCompanies) errors.TooMany("companyIds", NpsCampaign.MaxCompanies, "companies");
            else
            {
                var known = await db.Set<Company>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
                foreach (var missing in ids.Except(known))
                    errors.Add("companyIds", NpsErrorCodes.CompanyNotFound, $"There is no company {missing}.", ("id", missing));
            }
        }
        if (r.Segment == NpsSegment.Period)
        {
            if (r.TicketsFrom is null) errors.Required("ticketsFrom");
            if (r.TicketsTo is null) errors.Required("ticketsTo");
            if (r.TicketsFrom is { } from && r.TicketsTo is { } to && to <= from)
                errors.Add("ticketsTo", NpsErrorCodes.PeriodReversed, "The end of the period must be after its start.");
        }
        if (r.Schedule is null) errors.Required("schedule");
        if (r.StartAt is null) errors.Required("startAt");
        if (!string.IsNullOrWhiteSpace(r.TimeZone) && CalendarDefinition.FindZone(r.TimeZone.Trim()) is null)
            errors.Add("timeZone", NpsErrorCodes.UnknownTimeZone, $"'{r.TimeZone}' is not a known IANA time zone.",
                ("value", r.TimeZone.Length > 64 ? r.TimeZone[..64] : r.TimeZone));
        errors.ThrowIfAny();
    }

    private static void Store(NpsCampaign row, NpsCampaignRequest r, DateTimeOffset now)
    {
        row.Name = r.Name!.Trim();
        row.QuestionRu = string.IsNullOrWhiteSpace(r.QuestionRu) ? null : r.QuestionRu.Trim();
        row.QuestionEn = string.IsNullOrWhiteSpace(r.QuestionEn) ? null : r.QuestionEn.Trim();
        row.Segment = r.Segment!.Value;
        row.CompanyIds = row.Segment == NpsSegment.Companies ? r.CompanyIds!.Distinct().Order().ToList() : [];
        row.TicketsFrom = row.Segment == NpsSegment.Period ? r.TicketsFrom!.Value.ToUniversalTime() : null;
        row.TicketsTo = row.Segment == NpsSegment.Period ? r.TicketsTo!.Value.ToUniversalTime() : null;
        row.Schedule = r.Schedule!.Value;
        row.StartAt = r.StartAt!.Value.ToUniversalTime();
        row.TimeZone = string.IsNullOrWhiteSpace(r.TimeZone) ? "UTC" : r.TimeZone.Trim();
        row.Enabled = r.Enabled ?? true;
        row.AutoFollowUp = r.AutoFollowUp ?? false;
        row.UpdatedAt = now;
        // From now on: the first run at or after now. A one-off whose time has passed goes out at once, unless it ran already.
        row.NextRunAt = !row.Enabled ? null : NpsRunPlan.FirstAtOrAfter(row, now);
    }

    private async Task<List<NpsCampaignView>> ViewsAsync(IReadOnlyList<NpsCampaign> rows, CancellationToken ct)
    {
        var totals = await NpsResults.TotalsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(c => new NpsCampaignView(c.Id, c.Name, c.QuestionRu, c.QuestionEn, c.Segment, c.CompanyIds, c.TicketsFrom, c.TicketsTo,
            c.Schedule, c.StartAt, c.TimeZone, c.Enabled, c.AutoFollowUp, c.NextRunAt, c.CreatedAt, c.UpdatedAt,
            totals.GetValueOrDefault(c.Id) ?? NpsTotals.Of(0, 0, 0, 0))).ToList();
    }
}

/// <summary>When a campaign's runs are due: a one-off at its start; a recurring one every month (or three) from its
/// start at the same local time of day in its zone. Months are counted from the start rather than stepped from the last
/// run, and a day the month lacks is its last day (a campaign started on 31 January runs on 28 or 29 February, then
/// 31 March) — an RRULE would skip those months instead. A pure function.</summary>
public static class NpsRunPlan
{
    /// <summary>The first run at or after <paramref name="at"/>; for a one-off, its start (even if past: it has not
    /// run yet when this is asked) — null only when a one-off <paramref name="ranAlready"/>.</summary>
    public static DateTimeOffset? FirstAtOrAfter(NpsCampaign campaign, DateTimeOffset at, bool ranAlready = false)
    {
        if (campaign.Schedule == NpsSchedule.Once) return ranAlready ? null : campaign.StartAt;
        var step = campaign.Schedule == NpsSchedule.Quarterly ? 3 : 1;
        var zone = CalendarDefinition.FindZone(campaign.TimeZone) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(campaign.StartAt, zone).DateTime;
        for (var n = 0; n < 12 * 1000; n += step)
        {
            var instant = Instant(local.AddMonths(n), zone);
            if (instant >= at) return instant;
        }
        return null;
    }

    /// <summary>The run after the one planned at <paramref name="planned"/>, skipping any that are already past at
    /// <paramref name="now"/> (after downtime one late run, not a burst of them).</summary>
    public static DateTimeOffset? After(NpsCampaign campaign, DateTimeOffset planned, DateTimeOffset now)
    {
        if (campaign.Schedule == NpsSchedule.Once) return null;
        var next = FirstAtOrAfter(campaign, planned.AddTicks(1));
        return next is { } n && n < now ? FirstAtOrAfter(campaign, now) : next;
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time skipped by a clock change comes an hour later.
        while (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }
}
