using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Automation.Webhooks;

/// <summary>A subscription as the API takes it. <see cref="Events"/> may be empty (only trigger actions send to it).</summary>
public sealed record WebhookDefinition(string? Name, string? Url, List<string?>? Events, bool? Enabled);

public sealed record WebhookView(long Id, string Name, string Url, IReadOnlyList<string> Events, bool Enabled, string State,
    DateTimeOffset? PausedAt, string? PauseReason, int ConsecutiveFailures, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    WebhookDeliveryView? LastDelivery);

/// <summary>A subscription just made or given a new secret: the only time the secret is shown.</summary>
public sealed record WebhookWithSecret(WebhookView Webhook, string Secret);

public sealed record WebhookDeliveryView(long Id, long SubscriptionId, string Event, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    int? ResponseCode, string? Error, string? ResponseExcerpt, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt);

public sealed record WebhookAllowedHosts(List<string?>? Hosts);

/// <summary>Webhook subscriptions for admins (<c>/api/v1/webhooks</c>): list, read, create, change, delete, a new secret,
/// resume after a pause, a test delivery, the deliveries of one and a retry of one, and the allow-list of internal hosts.
/// Every change is audited and drops the subscriptions' cache.</summary>
public sealed class WebhookAdmin(OknoDb db, WebhookSecrets secrets, WebhookSubscriptionCache cache, WebhookAllowList allowList, WebhookWakeUp wakeUp,
    Audit audit, TimeProvider clock)
{
    public const int MaxSubscriptions = 100;
    public const int MaxAllowedHosts = 100;

    public const string Active = "active";
    public const string Paused = "paused";
    public const string Disabled = "disabled";

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Take(MaxSubscriptions).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // The newest delivery of each, one index seek each (at most 100).
        var last = new Dictionary<long, WebhookDeliveryView>();
        foreach (var id in ids)
            if (await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct) is { } d)
                last[id] = ToView(d);
        return rows.Select(r => ToView(r, last.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<WebhookView> GetAsync(long id, CancellationToken ct)
    {
        var row = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id);
        var last = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        return ToView(row, last is null ? null : ToView(last));
    }

    public async Task<WebhookWithSecret> CreateAsync(WebhookDefinition definition, long agentId, CancellationToken ct)
    {
        var (name, url, events) = Validate(definition);
        var secret = WebhookSecrets.NewSecret();
        var saved = await db.WriteAsync(async c =>
        {
            if (await db.WebhookSubscriptions.CountAsync(c) >= MaxSubscriptions)
                throw new OknoException(new StateConflict(WebhookErrorCodes.TooManySubscriptions, $"At most {MaxSubscriptions} webhooks.", ("max", MaxSubscriptions)));
            var now = clock.GetUtcNow();
            var row = new WebhookSubscription
            {
                Name = name, Url = url, Events = string.Join(",", events), IsEnabled = definition.Enabled ?? true, SecretProtected = secrets.Protect(secret),
                CreatedAt = now, CreatedBy = agentId, UpdatedAt = now, UpdatedBy = agentId,
            };
            db.WebhookSubscriptions.Add(row);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "webhook.created", $"webhook:{row.Id}", $"{row.Name} → {row.Url}");
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        cache.Changed();
        return new WebhookWithSecret(ToView(saved, null), secret);
    }

    public async Task<WebhookView> UpdateAsync(long id, WebhookDefinition definition, long agentId, CancellationToken ct)
    {
        var (name, url, events) = Validate(definition);
        await db.WriteAsync(async c =>
        {
            var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            row.Name = name;
            row.Url = url;
            row.Events = string.Join(",", events);
            var enabled = definition.Enabled ?? row.IsEnabled;
            var now = clock.GetUtcNow();
            if (enabled != row.IsEnabled && row.PausedAt is null)
            {
                if (enabled) await WebhookDeliveries.UnparkAsync(db, id, now, c);
                else await WebhookDeliveries.ParkAsync(db, id, now, c);
            }
            row.IsEnabled = enabled;
            row.UpdatedAt = now;
            row.UpdatedBy = agentId;
            audit.Add(agentId, "webhook.changed", $"webhook:{id}", $"{row.Name} → {row.Url}");
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        cache.Changed();
        return await GetAsync(id, ct);
    }

    /// <summary>Deletes the subscription with its deliveries (sent, waiting or failed).</summary>
    public async Task DeleteAsync(long id, long agentId, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(c);
            db.WebhookSubscriptions.Remove(row);
            audit.Add(agentId, "webhook.deleted", $"webhook:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        cache.Changed();
    }

    /// <summary>A new secret; the old one stops signing at once.</summary>
    public async Task<WebhookWithSecret> RotateSecretAsync(long id, long agentId, CancellationToken ct)
    {
        var secret = WebhookSecrets.NewSecret();
        await db.WriteAsync(async c =>
        {
            var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            row.SecretProtected = secrets.Protect(secret);
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = agentId;
            audit.Add(agentId, "webhook.secret_rotated", $"webhook:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return new WebhookWithSecret(await GetAsync(id, ct), secret);
    }

    /// <summary>Unpauses a paused subscription: its failure count starts again, and its waiting deliveries are due now.</summary>
    public async Task<WebhookView> ResumeAsync(long id, long agentId, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            if (row.PausedAt is null) throw new OknoException(new StateConflict(WebhookErrorCodes.NotPaused, "The webhook is not paused."));
            var now = clock.GetUtcNow();
            row.PausedAt = null;
            row.PauseReason = null;
            row.ConsecutiveFailures = 0;
            row.UpdatedAt = now;
            row.UpdatedBy = agentId;
            await WebhookDeliveries.UnparkAsync(db, id, now, c);
            audit.Add(agentId, "webhook.resumed", $"webhook:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        cache.Changed();
        wakeUp.Now();
        return await GetAsync(id, ct);
    }

    /// <summary>Queues a "ping" delivery; it goes like any other (not while the subscription is paused or disabled).</summary>
    public async Task<WebhookDeliveryView> TestAsync(long id, CancellationToken ct)
    {
        var delivery = await db.WriteAsync(async c =>
        {
            var row = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, c) ?? throw NotFound(id);
            var now = clock.GetUtcNow();
            var d = WebhookDeliveries.NewDelivery(id, WebhookEvents.Ping, $"ping:{Guid.NewGuid():N}", WebhookPayloads.Ping(row, now), now);
            // Parked like the others while it cannot be sent; resuming or enabling makes it due.
            if (!row.IsEnabled || row.PausedAt is not null) d.NextAttemptAt = now + WebhookDeliveries.ParkedFor;
            db.WebhookDeliveries.Add(d);
            await db.SaveChangesAsync(c);
            return d;
        }, ct);
        wakeUp.Now();
        return ToView(delivery);
    }

    /// <summary>The subscription's deliveries, newest first, a page at a time.</summary>
    public async Task<Page<WebhookDeliveryView>> DeliveriesAsync(long id, int limit, string? cursor, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) throw NotFound(id);
        var before = Paging.Decode(cursor, 1)?[0];
        var rows = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (before is { } b) rows = rows.Where(d => d.Id < b);
        var page = await rows.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        return Paging.ToPage(page.Select(ToView).ToList(), limit, d => Paging.Encode(d.Id));
    }

    /// <summary>Tries a failed (or waiting) delivery again now, with a fresh round of attempts.</summary>
    public async Task<WebhookDeliveryView> RetryAsync(long deliveryId, long agentId, CancellationToken ct)
    {
        var row = await db.WriteAsync(async c =>
        {
            var d = await db.WebhookDeliveries.SingleOrDefaultAsync(x => x.Id == deliveryId, c)
                ?? throw new OknoException(new NotFound(WebhookErrorCodes.DeliveryNotFound, "Webhook delivery", deliveryId));
            if (d.Status == WebhookDeliveryStatus.Sent)
                throw new OknoException(new StateConflict(WebhookErrorCodes.DeliveryAlreadySent, "This delivery was sent; only a failed or waiting one is tried again.",
                    ("status", "sent")));
            d.Status = WebhookDeliveryStatus.Pending;
            d.Attempts = 0;
            d.NextAttemptAt = clock.GetUtcNow();
            audit.Add(agentId, "webhook.delivery_retried", $"webhook:{d.SubscriptionId}", $"delivery {d.Id}");
            await db.SaveChangesAsync(c);
            return d;
        }, ct);
        wakeUp.Now();
        return ToView(row);
    }

    public async Task<IReadOnlyList<string>> AllowedHostsAsync(CancellationToken ct) =>
        await db.WebhookAllowedHosts.AsNoTracking().OrderBy(h => h.Host).Select(h => h.Host).ToListAsync(ct);

    /// <summary>Replaces the allow-list: exact host names or IP addresses that webhooks may reach although they resolve
    /// to loopback or private addresses.</summary>
    public async Task<IReadOnlyList<string>> SetAllowedHostsAsync(WebhookAllowedHosts body, long agentId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var given = body.Hosts ?? [];
        if (given.Count > MaxAllowedHosts) errors.TooMany("hosts", MaxAllowedHosts, "hosts");
        var hosts = new List<string>();
        for (var i = 0; i < Math.Min(given.Count, MaxAllowedHosts); i++)
        {
            if (WebhookUrls.NormalHost(given[i]) is { } host) hosts.Add(host);
            else errors.Add($"hosts[{i}]", WebhookErrorCodes.InvalidHost, "Not a host name or an IP address.", ("value", given[i] ?? ""));
        }
        errors.ThrowIfAny();
        hosts = hosts.Distinct().Order(StringComparer.Ordinal).ToList();
        await db.WriteAsync(async c =>
        {
            await db.WebhookAllowedHosts.ExecuteDeleteAsync(c);
            db.WebhookAllowedHosts.AddRange(hosts.Select(h => new WebhookAllowedHost { Host = h }));
            audit.Add(agentId, "webhook.allowed_hosts_changed", "webhook", string.Join(", ", hosts));
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        await allowList.RefreshAsync(db, ct);
        return hosts;
    }

    private static (string Name, string Url, List<string> Events) Validate(WebhookDefinition d)
    {
        var errors = new FieldErrors();
        errors.Text("name", d.Name, WebhookSubscription.NameMaxLength);
        WebhookUrls.Check(errors, "url", d.Url);
        var events = d.Events ?? [];
        for (var i = 0; i < events.Count; i++)
            if (events[i] is not { } e || !WebhookEvents.All.Contains(e))
                errors.Add($"events[{i}]", WebhookErrorCodes.InvalidEvent, $"One of {string.Join(", ", WebhookEvents.All)}.",
                    ("value", events[i] ?? ""), ("allowed", string.Join(", ", WebhookEvents.All)));
        errors.ThrowIfAny();
        return (d.Name!.Trim(), d.Url!.Trim(), events.Select(e => e!).Distinct().ToList());
    }

    public static string StateOf(WebhookSubscription s) => !s.IsEnabled ? Disabled : s.PausedAt is not null ? Paused : Active;

    private static WebhookView ToView(WebhookSubscription s, WebhookDeliveryView? last) => new(s.Id, s.Name, s.Url, s.EventList(), s.IsEnabled, StateOf(s),
        s.PausedAt, s.PauseReason, s.ConsecutiveFailures, s.CreatedAt, s.UpdatedAt, last);

    private static WebhookDeliveryView ToView(WebhookDelivery d) => new(d.Id, d.SubscriptionId, d.EventType, d.Status.ToSnakeCase(), d.Attempts,
        d.NextAttemptAt, d.LastResponseCode, d.LastError, d.ResponseExcerpt, d.CreatedAt, d.LastAttemptAt, d.SentAt);

    private static OknoException NotFound(long id) => new(new NotFound(WebhookErrorCodes.NotFound, "Webhook", id));
}
