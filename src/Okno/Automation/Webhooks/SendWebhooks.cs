using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Quartz;

namespace Okno.Automation.Webhooks;

/// <summary>Works the webhook queue: each due delivery is POSTed, signed (<see cref="WebhookSignature"/>), to its
/// subscription's URL; a 2xx answer is success, anything else (a redirect too: they are not followed) is tried again on
/// <see cref="WebhooksOptions.RetrySchedule"/> and then fails. <see cref="WebhooksOptions.PauseAfterFailedAttempts"/>
/// failed attempts in a row pause the subscription, tell the admins in their bell and write the audit log.
/// <para>Connections go only to public addresses, or to hosts on the admin's allow-list (<see cref="PublicNetwork"/>,
/// checked at every connection); a time limit and a cap on the answer read bound each attempt.</para>
/// <para>Several nodes may run this at once: a row is taken for one attempt by a conditional UPDATE only one can win
/// (a lease), and its outcome is written only while that claim holds. A node that dies mid-send leaves a lease that
/// runs out, and the delivery is sent again: delivery is at least once, and receivers drop repeats by <c>id</c>.</para></summary>
public sealed class SendWebhooks : IDisposable
{
    public const string UserAgent = "Okno-Webhooks/1";
    private const int Batch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookAllowList _allowList;
    private readonly WebhookSubscriptionCache _cache;
    private readonly AgentNotificationFeed _bell;
    private readonly TimeProvider _clock;
    private readonly IOptions<WebhooksOptions> _options;
    private readonly ILogger<SendWebhooks> _logger;
    private readonly HttpClient _http;

    public SendWebhooks(IServiceScopeFactory scopes, WebhookAllowList allowList, WebhookSubscriptionCache cache, AgentNotificationFeed bell,
        TimeProvider clock, IOptions<WebhooksOptions> options, ILogger<SendWebhooks> logger)
    {
        _scopes = scopes;
        _allowList = allowList;
        _cache = cache;
        _bell = bell;
        _clock = clock;
        _options = options;
        _logger = logger;
        // Each attempt has its own time limit (a linked token), so the client's own stays off.
        _http = new HttpClient(PublicNetwork.CreateHandler(allowAutoRedirect: false, isAllowedHost: allowList.IsAllowed))
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends what is due, a batch at a time, until nothing is; returns how many attempts were made.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<(long Id, long SubscriptionId)> due;
            await using (var scope = _scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                await _allowList.RefreshAsync(db, cancellationToken);
                var now = _clock.GetUtcNow();
                due = (await (
                        from d in db.WebhookDeliveries
                        where d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now)
                        join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                        where s.IsEnabled && s.PausedAt == null
                        orderby d.NextAttemptAt, d.Id
                        select new { d.Id, d.SubscriptionId }).Take(Batch).ToListAsync(cancellationToken))
                    .Select(d => (d.Id, d.SubscriptionId)).ToList();
            }
            if (due.Count == 0) break;
            // One chain per subscription, in order; subscriptions side by side, a bounded number at once.
            var made = 0;
            await Parallel.ForEachAsync(due.GroupBy(d => d.SubscriptionId),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Value.Parallelism), CancellationToken = cancellationToken },
                async (chain, ct) =>
                {
                    foreach (var (id, _) in chain)
                        if (await AttemptAsync(id, ct)) Interlocked.Increment(ref made);
                });
            attempts += made;
            if (due.Count < Batch || made == 0) break;
        }
        return attempts;
    }

    /// <summary>One attempt at one delivery, if it is due and this call wins it; false when another took it.</summary>
    public async Task<bool> AttemptAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var token = Guid.NewGuid().ToString("N");
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var claimedAt = _clock.GetUtcNow();
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= claimedAt
                && (d.LeaseUntil == null || d.LeaseUntil < claimedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeaseUntil, claimedAt + settings.Lease), cancellationToken);
        if (claimed == 0) return false;

        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null) return false;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null) return false;
        if (!subscription.IsEnabled || subscription.PausedAt is not null)
        {
            // Paused or disabled since the scan (by an earlier delivery of this batch, say): the row waits for a resume.
            await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.LeaseToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseToken, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            return false;
        }
        var secret = scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Unprotect(subscription.SecretProtected);
        var outcome = await PostAsync(subscription.Url, secret, delivery, cancellationToken);
        await RecordAsync(scope.ServiceProvider, db, deliveryId, token, subscription, outcome, cancellationToken);
        return true;
    }

    /// <summary>What one POST came to: a status code (0: no answer), an error for anything but a 2xx, and the start of
    /// the answer.</summary>
    public sealed record Outcome(int StatusCode, string? Error, string? Excerpt)
    {
        public bool Sent => Error is null;
    }

    private async Task<Outcome> PostAsync(string url, string secret, WebhookDelivery delivery, CancellationToken ct)
    {
        var settings = _options.Value;
        var body = WebhookPayloads.Body(delivery.Id, delivery.Payload);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.Add("X-Okno-Event", delivery.EventType);
            request.Headers.Add("X-Okno-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Okno-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Okno-Signature", WebhookSignature.Sign(secret, timestamp, body));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            var excerpt = await ExcerptAsync(response, settings.MaxResponseBytes, timeout.Token);
            if (code is >= 200 and <= 299) return new Outcome(code, null, excerpt);
            if (code is >= 300 and <= 399)
                return new Outcome(code, $"HTTP {code}: redirect not followed{(response.Headers.Location is { } to ? $" ({Cut(to.ToString(), 200)})" : "")}.", excerpt);
            return new Outcome(code, $"HTTP {code} {response.ReasonPhrase}".TrimEnd() + ".", excerpt);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(0, $"No answer within {settings.Timeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e)
        {
            // The refusal of a private address, a name that does not resolve, a refused connection, a TLS failure.
            var reason = e.InnerException is { } inner && !e.Message.Contains(PublicNetwork.RefusedMessage, StringComparison.Ordinal)
                ? $"{e.Message} {inner.Message}" : e.Message;
            return new Outcome(0, reason, null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return new Outcome(0, $"{e.GetType().Name}: {e.Message}", null);
        }
    }

    /// <summary>The start of the answer as text, reading at most <paramref name="maxBytes"/> of it.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, int maxBytes, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Max(1, maxBytes)];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += read;
        if (total == 0) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(total, WebhookDelivery.ResponseExcerptMaxLength));
        return Cut(text, WebhookDelivery.ResponseExcerptMaxLength);
    }

    private async Task RecordAsync(IServiceProvider services, OknoDb db, long deliveryId, string token, WebhookSubscription subscription, Outcome outcome,
        CancellationToken ct)
    {
        var settings = _options.Value;
        List<long>? told = null;
        try
        {
            told = await db.WriteAsync(async c =>
            {
                var now = _clock.GetUtcNow();
                var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, c);
                // Deleted with its subscription meanwhile, or another node took the row over (this one was slower than
                // its lease): its attempt counts, not ours.
                if (delivery is null || delivery.LeaseToken != token || delivery.Status != WebhookDeliveryStatus.Pending) return null;
                delivery.Attempts++;
                delivery.LeaseToken = null;
                delivery.LeaseUntil = null;
                delivery.LastAttemptAt = now;
                delivery.LastResponseCode = outcome.StatusCode == 0 ? null : outcome.StatusCode;
                delivery.ResponseExcerpt = outcome.Excerpt;
                if (outcome.Sent)
                {
                    delivery.Status = WebhookDeliveryStatus.Sent;
                    delivery.SentAt = now;
                    delivery.LastError = null;
                    await db.SaveChangesAsync(c);
                    await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.ConsecutiveFailures != 0)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0), c);
                    return null;
                }
                delivery.LastError = Cut(outcome.Error!, WebhookDelivery.LastErrorMaxLength);
                if (WebhooksOptions.RetryAfter(delivery.Attempts) is { } wait) delivery.NextAttemptAt = now + wait;
                else delivery.Status = WebhookDeliveryStatus.Failed;
                await db.SaveChangesAsync(c);
                // Counted in the database, not from what this node read: attempts of other nodes count too.
                await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + 1), c);
                var reason = Cut($"{settings.PauseAfterFailedAttempts} failed attempts in a row; the last: {delivery.LastError}", WebhookSubscription.PauseReasonMaxLength);
                var paused = await db.WebhookSubscriptions
                    .Where(s => s.Id == subscription.Id && s.PausedAt == null && s.ConsecutiveFailures >= settings.PauseAfterFailedAttempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedAt, now).SetProperty(x => x.PauseReason, reason), c);
                if (paused == 0) return null;
                await WebhookDeliveries.ParkAsync(db, subscription.Id, now, c);
                services.GetRequiredService<Audit>().Add(null, "webhook.paused", $"webhook:{subscription.Id}", $"{subscription.Name}: {reason}");
                var admins = await db.Agents.Where(a => a.Role == AgentRole.Admin && a.IsActive).Select(a => a.Id).ToListAsync(c);
                foreach (var admin in admins)
                    db.AgentNotifications.Add(new AgentNotification
                    {
                        AgentId = admin, Kind = WorkspaceNotificationKinds.WebhookPaused, TicketId = AgentNotification.NoTicket, EventId = deliveryId,
                        ActorName = Cut(subscription.Name, 200), Excerpt = Cut(reason, AgentNotification.ExcerptMaxLength), At = now,
                    });
                await db.SaveChangesAsync(c);
                return admins;
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The POST happened (or not) but its record failed: the lease runs out and the attempt is made again.
            _logger.LogError(e, "Recording the outcome of webhook delivery {Delivery} failed", deliveryId);
            return;
        }
        if (told is null) return;
        _logger.LogWarning("Webhook subscription {Subscription} paused after {Failures} failed attempts in a row", subscription.Id,
            settings.PauseAfterFailedAttempts);
        _cache.Changed();
        if (told.Count > 0) _bell.Publish([.. told]);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    public void Dispose() => _http.Dispose();
}

/// <summary>Sends due webhook deliveries (<see cref="SendWebhooks"/>). One run at a time in the cluster; the claims inside
/// make a second runner (a wake-up on another node) harmless anyway.</summary>
[DisallowConcurrentExecution]
internal sealed class WebhookDeliveryJob(SendWebhooks sender) : IJob
{
    public static readonly JobKey Key = new("webhook-deliveries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sender.RunDueAsync(cancellationToken);

    public static void Schedule(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhooksOptions.Section).Get<WebhooksOptions>() ?? new WebhooksOptions();
        if (!options.RunJobs) return;
        quartz.ScheduleJob<WebhookDeliveryJob>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + options.JobInterval).WithSimpleSchedule(s =>
                s.WithInterval(options.JobInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));
    }
}
