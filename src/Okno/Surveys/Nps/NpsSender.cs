using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Okno.Channels;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Search;
using Okno.Platform.Security;
using Quartz;

namespace Okno.Surveys.Nps;

/// <summary>Every minute: starts the runs of campaigns that are due (one row per (campaign, instant), so two nodes
/// start a run once), then sends each unfinished run's question a batch of contacts at a time, in contact-id order from
/// the run's cursor. In a batch's transaction each person gets a send row (unique per run and contact) with a fresh
/// link token and a notification mail in the one delivery queue — or is skipped: no email, asked by any campaign within
/// the desk's interval, or unsubscribed. The interval is claimed by a conditional update of the person's
/// <see cref="NpsContactState"/> row, which a concurrent writer waits for and then finds taken, so two campaigns or two
/// nodes never both ask one person.</summary>
[DisallowConcurrentExecution]
public sealed class NpsSender(OknoDb db, NotificationMail mail, IOptions<NotificationsOptions> notifications, IStringLocalizer<Ui.NpsStrings> strings,
    IStringLocalizer<Strings> platform, TimeProvider clock, ILogger<NpsSender> logger) : IJob
{
    public static readonly JobKey Key = new("nps-campaigns");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    public const int BatchSize = 100;
    /// <summary>Batches of one run in one job run: a big run goes on at the next minute, and the other runs get their turn.</summary>
    private const int BatchesPerRun = 20;
    private const int CampaignsPerRun = 50;
    private const int RunsPerRun = 20;

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<NpsSender>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + Every)
                .WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Starts due runs and sends what it can; returns how many questions it queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await StartDueRunsAsync(now, cancellationToken);
        var baseUrl = notifications.Value.BaseUrl?.TrimEnd('/');
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            if (await db.Set<NpsRun>().AnyAsync(r => r.FinishedAt == null, cancellationToken))
                logger.LogWarning("NPS questions wait: Okno:Notifications:BaseUrl is not set, so their links cannot be made");
            return 0;
        }
        if (await mail.DefaultMailboxAsync(cancellationToken) is not { } accountId) return 0;
        var runs = await db.Set<NpsRun>().AsNoTracking().Where(r => r.FinishedAt == null).OrderBy(r => r.Id).Select(r => r.Id)
            .Take(RunsPerRun).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var runId in runs)
        {
            try
            {
                for (var i = 0; i < BatchesPerRun; i++)
                {
                    var (queued, done) = await SendBatchAsync(runId, accountId, baseUrl, cancellationToken);
                    sent += queued;
                    if (done) break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken run must not hold up the others; it goes on at the next run of the job.
                logger.LogError(e, "NPS run {Run} failed", runId);
            }
        }
        if (sent > 0) mail.Wake();
        return sent;
    }

    private async Task StartDueRunsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<NpsCampaign>().AsNoTracking().Where(c => c.NextRunAt != null && c.NextRunAt <= now)
            .OrderBy(c => c.NextRunAt).ThenBy(c => c.Id).Select(c => c.Id).Take(CampaignsPerRun).ToListAsync(ct);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await db.WriteAsync(async c =>
            {
                var campaign = await db.Set<NpsCampaign>().SingleOrDefaultAsync(x => x.Id == id && x.NextRunAt != null && x.NextRunAt <= now, c);
                if (campaign is null) return 0;
                var planned = campaign.NextRunAt!.Value;
                // Another node (or an edit that put back a one-off's time) made this run already: only move on.
                if (!await db.Set<NpsRun>().AnyAsync(r => r.CampaignId == id && r.PlannedAt == planned, c))
                    db.Add(new NpsRun { CampaignId = id, PlannedAt = planned, StartedAt = now });
                campaign.NextRunAt = NpsRunPlan.After(campaign, planned, now);
                await db.SaveChangesAsync(c);
                return 0;
            }, ct);
        }
        db.ChangeTracker.Clear();
    }

    private sealed record Candidate(long Id, long? CompanyId, string? Email, string? LastSubject);

    /// <summary>One batch of one run, in one transaction; (queued, whether the run is finished).</summary>
    private async Task<(int Queued, bool Done)> SendBatchAsync(long runId, long accountId, string baseUrl, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var own = await mail.OwnAddressesAsync(ct);
        var interval = TimeSpan.FromDays(await NpsCampaigns.MinIntervalDaysAsync(db, ct));
        var mails = new List<(NpsSend Send, string Token)>();
        var result = await db.WriteAsync(async c =>
        {
            mails.Clear();
            var now = clock.GetUtcNow();
            var run = await db.Set<NpsRun>().SingleOrDefaultAsync(r => r.Id == runId && r.FinishedAt == null, c);
            if (run is null) return (0, true);
            var campaign = await db.Set<NpsCampaign>().AsNoTracking().SingleAsync(x => x.Id == run.CampaignId, c);
            var batch = await NpsSegments.Contacts(db, campaign).Where(x => x.Id > run.CursorContactId).OrderBy(x => x.Id).Take(BatchSize)
                .Select(x => new Candidate(x.Id, x.CompanyId, x.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
                    db.Set<Tickets.Ticket>().Where(t => t.ContactId == x.Id).OrderByDescending(t => t.Id).Select(t => t.Subject).FirstOrDefault()))
                .ToListAsync(c);
            if (batch.Count == 0)
            {
                run.FinishedAt = now;
                await db.SaveChangesAsync(c);
                return (0, true);
            }
            var ids = batch.Select(x => x.Id).ToList();
            var asked = (await db.Set<NpsSend>().Where(s => s.RunId == runId && s.ContactId != null && ids.Contains(s.ContactId.Value))
                .Select(s => s.ContactId!.Value).ToListAsync(c)).ToHashSet();
            var states = await db.Set<NpsContactState>().AsNoTracking().Where(s => ids.Contains(s.ContactId)).ToDictionaryAsync(s => s.ContactId, c);
            var cutoff = now - interval;
            foreach (var person in batch)
            {
                if (person.Email is null || own.Contains(person.Email) || asked.Contains(person.Id)) continue;
                if (states.TryGetValue(person.Id, out var state))
                {
                    if (state.UnsubscribedAt is not null || state.LastAskedAt > cutoff) continue;
                    // Claimed only if nobody asked them meanwhile: a concurrent writer's update waits for ours and then fails.
                    var claimed = await db.Set<NpsContactState>()
                        .Where(s => s.ContactId == person.Id && s.UnsubscribedAt == null && (s.LastAskedAt == null || s.LastAskedAt <= cutoff))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAskedAt, now), c);
                    if (claimed == 0) continue;
                }
                else
                {
                    // A concurrent first claim of the same person fails the unique key; the batch is then written again.
                    db.Add(new NpsContactState { ContactId = person.Id, LastAskedAt = now });
                }
                var language = LanguageOf(person.LastSubject);
                var token = NewToken();
                var send = new NpsSend
                {
                    RunId = runId, CampaignId = campaign.Id, ContactId = person.Id, CompanyId = person.CompanyId, TokenHash = TokenCodec.Hash(token),
                    Language = language, SentAt = now,
                };
                db.Add(send);
                mails.Add((send, token));
                await mail.QueueAsync(Compose(accountId, campaign, person.Email, language, baseUrl, token, runId, person.Id, now), c);
            }
            run.CursorContactId = batch[^1].Id;
            await db.SaveChangesAsync(c);
            return (mails.Count, false);
        }, ct);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>256 random bits, URL-safe: nothing to guess. Only its hash is stored.</summary>
    internal static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>"ru" when the person's latest request is in Russian; else the desk's default language for customers.</summary>
    private string LanguageOf(string? lastSubject)
    {
        var detected = TextAnalyzer.DetectLanguage(lastSubject);
        if (detected is "ru" or "en") return detected;
        return notifications.Value.DefaultLanguage == "ru" ? "ru" : "en";
    }

    public static string LinkOf(string baseUrl, string token, int? score = null) =>
        $"{baseUrl}/survey/nps/{token}" + (score is { } s ? "?s=" + s.ToString(CultureInfo.InvariantCulture) : "");

    private ChannelDelivery Compose(long accountId, NpsCampaign campaign, string recipient, string language, string baseUrl, string token, long runId,
        long contactId, DateTimeOffset now)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var question = campaign.QuestionIn(language);
        var (subject, scale, unsubscribe, low, high, desk) = InCulture.Read(culture, () => (strings["MailSubject", platform["AppName"].Value].Value,
            strings["MailScale"].Value, strings["MailUnsubscribe"].Value, strings["ScaleLow"].Value, strings["ScaleHigh"].Value, platform["AppName"].Value));
        var text = new StringBuilder().AppendLine(question).AppendLine().AppendLine(scale).AppendLine();
        for (var s = 0; s <= 10; s++) text.Append(s.ToString(CultureInfo.InvariantCulture)).Append(": ").AppendLine(LinkOf(baseUrl, token, s));
        text.AppendLine().Append(unsubscribe).Append(": ").AppendLine(LinkOf(baseUrl, token) + "/unsubscribe").AppendLine().AppendLine(desk);
        var html = new StringBuilder();
        html.Append("<p>").Append(WebUtility.HtmlEncode(question)).Append("</p><table role=\"presentation\" cellspacing=\"4\"><tr>");
        for (var s = 0; s <= 10; s++)
            html.Append("<td><a href=\"").Append(WebUtility.HtmlEncode(LinkOf(baseUrl, token, s))).Append("\" style=\"display:inline-block;padding:8px 11px;")
                .Append("border:1px solid #888;border-radius:4px;text-decoration:none\">").Append(s.ToString(CultureInfo.InvariantCulture)).Append("</a></td>");
        html.Append("</tr></table><p><small>0 — ").Append(WebUtility.HtmlEncode(low)).Append("; 10 — ").Append(WebUtility.HtmlEncode(high))
            .Append("</small></p><p><small><a href=\"").Append(WebUtility.HtmlEncode(LinkOf(baseUrl, token) + "/unsubscribe")).Append("\">")
            .Append(WebUtility.HtmlEncode(unsubscribe)).Append("</a></small></p><p>").Append(WebUtility.HtmlEncode(desk)).Append("</p>");
        // No ticket: the mail is about none, so it carries no ticket token and an answer to it opens a new request.
        return new ChannelDelivery
        {
            Kind = DeliveryKind.Notification, AccountId = accountId, TicketId = null, Recipient = ChannelDelivery.NormalRecipient(recipient),
            Subject = subject.Length > ChannelDelivery.SubjectMaxLength ? subject[..ChannelDelivery.SubjectMaxLength] : subject,
            BodyText = text.ToString(), BodyHtml = html.ToString(), DedupeKey = $"nps:{runId}:{contactId}", Status = DeliveryStatus.Pending,
            NextAttemptAt = now, CreatedAt = now,
        };
    }
}
