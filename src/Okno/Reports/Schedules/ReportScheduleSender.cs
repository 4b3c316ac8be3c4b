using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Channels;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Localization;
using Okno.Platform.Web;
using Okno.Reports.Exports;
using Okno.Reports.Kpi;
using Okno.Reports.Ui;
using Quartz;

namespace Okno.Reports.Schedules;

/// <summary>Mails a schedule's report: the .xlsx of its last whole period (one file per language, kept in the
/// attachment store like every outgoing file) as a notification in the one delivery queue, one mail per recipient.
/// <para>A due schedule is taken by a conditional UPDATE of (next due, last sent period) in the transaction that
/// queues its mails: a second node's update waits for the first's commit and then matches nothing, and a crash before
/// the commit rolls back both the claim and the mails, so a period is never sent twice and never lost.</para>
/// <para>Without an enabled mailbox (or without an active recipient) the schedule records the error and its time, and
/// moves on to its next period: the one missed can be sent with "send now" once a mailbox is set up.</para></summary>
public sealed class ReportScheduleSender(OknoDb db, KpiReport reports, NotificationMail mail, AttachmentStore files,
    IStringLocalizer<ReportsStrings> strings, IOptions<ReportsOptions> options, IOptions<NotificationsOptions> notifications, TimeProvider clock,
    ILogger<ReportScheduleSender> logger)
{
    public const int Batch = 50;
    /// <summary>After an unexpected failure the schedule is tried again this much later (not at every run of the job).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(15);
    private const string NoMailbox = "No enabled mailbox: the report could not be mailed (add an email account under Channels).";
    private const string NoRecipients = "None of the recipients is an active agent any more.";

    /// <summary>Sends every due schedule; returns how many periods it queued mails for.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<ReportSchedule>().AsNoTracking().Where(s => s.NextDueAt != null && s.NextDueAt <= now)
            .OrderBy(s => s.NextDueAt).ThenBy(s => s.Id).Select(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            try
            {
                db.ChangeTracker.Clear();
                if (await SendDueAsync(id, cancellationToken)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken schedule must not hold up the others; it is tried again a little later.
                logger.LogError(e, "Report schedule {Schedule} failed; it is tried again in {Minutes} minutes", id, RetryAfter.TotalMinutes);
                db.ChangeTracker.Clear();
                var at = clock.GetUtcNow();
                var message = Cut($"{e.GetType().Name}: {e.Message}");
                await db.Set<ReportSchedule>().Where(s => s.Id == id && s.NextDueAt != null && s.NextDueAt <= at)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, message).SetProperty(s => s.LastErrorAt, at)
                        .SetProperty(s => s.NextDueAt, at + RetryAfter), cancellationToken);
            }
        }
        db.ChangeTracker.Clear();
        if (sent > 0) mail.Wake();
        return sent;
    }

    /// <summary>One due schedule; true when its mails were queued. The report and its files are made first, outside
    /// the transaction (on SQLite a transaction holds the one write lock: a report for a year must not hold up the
    /// agents' writes); the transaction only claims the period and queues the mails. A schedule edited meanwhile
    /// (its UpdatedAt moved) is not claimed and is taken again at the next run.</summary>
    private async Task<bool> SendDueAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var s = await db.Set<ReportSchedule>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.NextDueAt != null && x.NextDueAt <= now,
            cancellationToken);
        if (s is null) return false;
        var (due, lastSent, updated) = (s.NextDueAt!.Value, s.LastSentPeriod, s.UpdatedAt);
        // After downtime: the latest whole period, once (not a burst of the missed ones).
        var period = SchedulePlan.PeriodBefore(s.Frequency, now, options.Value.Zone);
        var next = SchedulePlan.NextAfter(s, now, options.Value.Zone);
        var mine = db.Set<ReportSchedule>().Where(x => x.Id == id && x.NextDueAt == due && x.LastSentPeriod == lastSent && x.UpdatedAt == updated);
        var mailbox = await mail.DefaultMailboxAsync(cancellationToken);
        var recipients = await RecipientsAsync(s, cancellationToken);
        if (lastSent == period.First)
        {
            await mine.ExecuteUpdateAsync(u => u.SetProperty(x => x.NextDueAt, next), cancellationToken);
            return false;
        }
        if (mailbox is null || recipients.Count == 0)
        {
            var error = mailbox is null ? NoMailbox : NoRecipients;
            logger.LogWarning("Report schedule {Schedule} not sent for {From}: {Error}", id, period.First, error);
            await mine.ExecuteUpdateAsync(u => u.SetProperty(x => x.NextDueAt, next).SetProperty(x => x.LastError, error).SetProperty(x => x.LastErrorAt, now),
                cancellationToken);
            return false;
        }
        var files = await PrepareAsync(s, period, recipients, now, cancellationToken);
        var key = "rs:" + id.ToString(CultureInfo.InvariantCulture) + ":" + period.First.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return await db.WriteAsync(async ct =>
        {
            var claimed = await mine.ExecuteUpdateAsync(u => u.SetProperty(x => x.NextDueAt, next).SetProperty(x => x.LastSentPeriod, period.First)
                .SetProperty(x => x.LastSentAt, now).SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.LastErrorAt, (DateTimeOffset?)null), ct);
            if (claimed == 0) return false;
            await QueueAsync(files, mailbox.Value, recipients, key, now, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Sends the schedule's last whole period at once through the same queue (again, if it was sent already);
    /// its timing stays as it was.</summary>
    public async Task<ReportScheduleSent> SendNowAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var s = await db.Set<ReportSchedule>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw ReportSchedules.NotFound(id);
        var period = SchedulePlan.PeriodBefore(s.Frequency, now, options.Value.Zone);
        var mailbox = await mail.DefaultMailboxAsync(cancellationToken);
        var recipients = await RecipientsAsync(s, cancellationToken);
        if (mailbox is null || recipients.Count == 0)
        {
            var message = mailbox is null ? NoMailbox : NoRecipients;
            await db.Set<ReportSchedule>().Where(x => x.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastError, message).SetProperty(x => x.LastErrorAt, now), cancellationToken);
            throw new OknoException(mailbox is null
                ? new StateConflict(ReportScheduleErrorCodes.NoMailbox, NoMailbox)
                : InvalidInput.Field("recipientIds", ReportScheduleErrorCodes.NoRecipients, NoRecipients));
        }
        var files = await PrepareAsync(s, period, recipients, now, cancellationToken);
        var key = "rs:" + id.ToString(CultureInfo.InvariantCulture) + ":now:" + Guid.NewGuid().ToString("N")[..16];
        var count = await db.WriteAsync(async ct =>
        {
            await db.Set<ReportSchedule>().Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSentAt, now)
                .SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.LastErrorAt, (DateTimeOffset?)null), ct);
            var queued = await QueueAsync(files, mailbox.Value, recipients, key, now, ct);
            await db.SaveChangesAsync(ct);
            return queued;
        }, cancellationToken);
        db.ChangeTracker.Clear();
        mail.Wake();
        return new ReportScheduleSent(id, period.First, period.Last, count);
    }

    private sealed record Recipient(long Id, string Email, string Language);

    private async Task<List<Recipient>> RecipientsAsync(ReportSchedule s, CancellationToken ct)
    {
        var ids = s.RecipientIds;
        var own = await mail.OwnAddressesAsync(ct);
        var agents = await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id) && a.IsActive).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Email, a.Language }).ToListAsync(ct);
        string Language(string? agent)
        {
            var language = s.Language ?? agent ?? notifications.Value.DefaultLanguage;
            return language == "ru" ? "ru" : "en";
        }
        return agents.Where(a => !own.Contains(a.Email.Trim())).Select(a => new Recipient(a.Id, a.Email, Language(a.Language))).ToList();
    }

    /// <summary>The period's report as one stored .xlsx per recipients' language, with the mail's text.</summary>
    private sealed record Prepared(string FileName, Dictionary<string, (MailText Text, string Sha)> ByLanguage);

    /// <summary>Builds the report once and stores one .xlsx per language (the store is content-addressed: a file of a
    /// claim that then fails is the same file the retry stores).</summary>
    private async Task<Prepared> PrepareAsync(ReportSchedule s, (DateOnly First, DateOnly Last) period, List<Recipient> recipients, DateTimeOffset now,
        CancellationToken ct)
    {
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = reports.Parse(s.Report, day(period.First), day(period.Last), s.Interval.ToSnakeCase(), s.GroupBy, s.GroupId, s.AgentId, s.Channel,
            s.CompanyId, s.Type?.ToSnakeCase(), s.Priority?.ToSnakeCase(), s.Tag, now);
        var view = await reports.BuildAsync(query, ct);
        var byLanguage = new Dictionary<string, (MailText, string)>();
        foreach (var language in recipients.Select(r => r.Language).Distinct())
        {
            var text = InCulture.Read(CultureInfo.GetCultureInfo(language), () => Texts(s, view));
            using var buffer = new MemoryStream();
            await ReportExport.ReportXlsxAsync(view, buffer, ct, text.Head, (text.Total, text.Previous));
            var (sha, _) = await files.SaveAsync(buffer.ToArray(), ct);
            byLanguage[language] = (text, sha);
        }
        return new Prepared($"{s.Report}-{day(view.From)}-{day(view.To)}.xlsx", byLanguage);
    }

    /// <summary>Queues a mail per recipient with the file of their language; returns how many were queued.</summary>
    private async Task<int> QueueAsync(Prepared prepared, long mailbox, List<Recipient> recipients, string key, DateTimeOffset now, CancellationToken ct)
    {
        var count = 0;
        foreach (var r in recipients)
        {
            var (text, sha) = prepared.ByLanguage[r.Language];
            var queued = await mail.QueueAsync(new ChannelDelivery
            {
                Kind = DeliveryKind.Notification, AccountId = mailbox, TicketId = null, Recipient = ChannelDelivery.NormalRecipient(r.Email),
                Subject = Cut(text.Subject, ChannelDelivery.SubjectMaxLength), BodyText = text.Body,
                DedupeKey = key + ":" + r.Id.ToString(CultureInfo.InvariantCulture),
                FileName = prepared.FileName, FileContentType = ReportExport.XlsxType, FileSha256 = sha,
                Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            }, ct);
            if (queued) count++;
        }
        return count;
    }

    private sealed record MailText(string Subject, string Body, IReadOnlyList<string> Head, string Total, string Previous);

    /// <summary>The mail and the file's headings in the current UI culture: the report, its period and the previous one,
    /// and each column's total beside the previous period's.</summary>
    private MailText Texts(ReportSchedule s, KpiReportView view)
    {
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
        string Column(string k) => strings["Col_" + k] is { ResourceNotFound: false } found ? found.Value : k;
        string Number(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.CurrentCulture) : "—";
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = KpiCatalog.Find(s.Report)?.Name(russian) ?? strings["Schedule_Overview"].Value;
        var subject = strings["Schedule_MailSubject", s.Name, Day(view.From), Day(view.To)].Value;
        var body = new StringBuilder()
            .AppendLine(strings["Schedule_MailIntro", report, s.Name].Value).AppendLine()
            .AppendLine(strings["Schedule_MailPeriod", Day(view.From), Day(view.To), view.TimeZone].Value)
            .AppendLine(strings["Schedule_MailPrevious", Day(view.PreviousFrom), Day(view.PreviousTo)].Value).AppendLine();
        for (var i = 0; i < view.Columns.Count; i++)
            body.Append(Column(view.Columns[i].Key)).Append(": ").Append(Number(view.Total[i]))
                .Append(" (").Append(strings["Schedule_MailWas", Number(view.Previous[i])].Value).AppendLine(")");
        body.AppendLine().AppendLine(strings["Schedule_MailAttached"].Value);
        var head = new List<string> { strings["Period"].Value, strings["GroupCol"].Value, strings["Schedule_GroupName"].Value };
        head.AddRange(view.Columns.Select(c => Column(c.Key)));
        return new MailText(subject, body.ToString(), head, strings["Schedule_Total"].Value, strings["Schedule_PreviousRow"].Value);
    }

    private static string Cut(string text, int max = ReportSchedule.ErrorMaxLength) => text.Length <= max ? text : text[..max];
}

/// <summary>Every minute, mails the due report schedules. Clustered Quartz runs it on one node at a time; each schedule
/// is also claimed by its conditional update, so a run on another node (or a "send now") never repeats a period.</summary>
[DisallowConcurrentExecution]
internal sealed class ReportScheduleJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("report-schedules");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportScheduleSender>().RunDueAsync(cancellationToken);
    }
}
