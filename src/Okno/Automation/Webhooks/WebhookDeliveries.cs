using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets.Events;

namespace Okno.Automation.Webhooks;

/// <summary>What other sections use to send a webhook: the trigger action "call a webhook" queues a delivery to a chosen
/// subscription, and its editor lists the subscriptions to choose from.</summary>
public sealed class WebhookDeliveries(OknoDb db, WebhookPayloads payloads, TimeProvider clock)
{
    /// <summary>Adds a delivery of <paramref name="eventType"/> (e.g. "trigger") about the ticket to the scoped
    /// <see cref="OknoDb"/> without saving: it commits with the caller's transaction, or not at all. The payload is the
    /// subscriptions' own (<see cref="WebhookPayloads"/>), with <paramref name="cause"/>'s change or message. Returns false,
    /// queueing nothing, when the subscription does not exist, is disabled or paused, the ticket does not exist, or a
    /// delivery with this <paramref name="dedupeKey"/> (e.g. "trigger:{ruleId}:{eventId}") is already queued to it. The
    /// sender finds it at its next run (within <see cref="WebhooksOptions.JobInterval"/>); call
    /// <see cref="WebhookWakeUp.Now"/> after the commit to send it at once.</summary>
    public async Task<bool> QueueAsync(long subscriptionId, string eventType, long ticketId, TicketDomainEvent? cause, string dedupeKey,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupeKey);
        if (eventType.Length > WebhookDelivery.EventTypeMaxLength) throw new ArgumentException("Event type too long.", nameof(eventType));
        if (dedupeKey.Length > WebhookDelivery.DedupeKeyMaxLength) throw new ArgumentException("Dedupe key too long.", nameof(dedupeKey));
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId && s.IsEnabled && s.PausedAt == null, ct)) return false;
        // Queued earlier in this unit of work, or already stored.
        if (db.ChangeTracker.Entries<WebhookDelivery>().Any(e => e.Entity.SubscriptionId == subscriptionId && e.Entity.DedupeKey == dedupeKey)
            || await db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == subscriptionId && d.DedupeKey == dedupeKey, ct)) return false;
        var now = clock.GetUtcNow();
        if (await payloads.BuildAsync(eventType, ticketId, cause, now, ct) is not { } payload) return false;
        db.WebhookDeliveries.Add(NewDelivery(subscriptionId, eventType, dedupeKey, payload, now));
        return true;
    }

    /// <summary>Every subscription (id, name) by name, for a picker; at most <see cref="WebhookAdmin.MaxSubscriptions"/>.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListForPickerAsync(CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Take(WebhookAdmin.MaxSubscriptions)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();

    /// <summary>How far a paused or disabled subscription's waiting deliveries are put off: out of the sender's due scan,
    /// which would otherwise read past them on every run. Resuming or enabling makes them due again at once.</summary>
    internal static readonly TimeSpan ParkedFor = TimeSpan.FromDays(3650);

    internal static Task<int> ParkAsync(OknoDb db, long subscriptionId, DateTimeOffset now, CancellationToken ct) =>
        db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now + ParkedFor), ct);

    internal static Task<int> UnparkAsync(OknoDb db, long subscriptionId, DateTimeOffset now, CancellationToken ct) =>
        db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);

    internal static WebhookDelivery NewDelivery(long subscriptionId, string eventType, string dedupeKey, string payload, DateTimeOffset now) => new()
    {
        SubscriptionId = subscriptionId, EventType = eventType, DedupeKey = dedupeKey, Payload = payload, Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now, CreatedAt = now,
    };
}
