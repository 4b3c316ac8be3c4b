using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets.Events;

namespace Okno.Automation.Webhooks;

/// <summary>Turns ticket events into deliveries: for each event, every enabled, unpaused subscription listening to its
/// webhook event (<see cref="WebhookEvents.Of"/>) gets one row, written in the handler's transaction, so the outbox's
/// once-per-(handler, event) makes it once per (subscription, event) on any number of nodes; the unique
/// (subscription, dedupe key) and a look before writing make a repeated handling add nothing. The sender is woken
/// after the commit.</summary>
internal sealed class QueueWebhooks(OknoDb db, WebhookSubscriptionCache cache, WebhookPayloads payloads, WebhookWakeUp wakeUp, TimeProvider clock)
    : ITicketEventHandler
{
    public const string HandlerName = "webhooks";
    private bool _queued;

    public string Name => HandlerName;

    // A desk without webhooks is not woken at each commit.
    public bool WakesFor(string eventType) => cache.MayHaveAny && WebhookEvents.Maps(eventType);
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken ct)
    {
        if (WebhookEvents.Of(ticketEvent) is not { } eventType) return;
        var listening = (await cache.GetAsync(db, ct)).Where(s => s.Events.Contains(eventType)).Select(s => s.Id).ToList();
        if (listening.Count == 0) return;
        var key = DedupeKey(ticketEvent.EventId);
        var already = await db.WebhookDeliveries.Where(d => listening.Contains(d.SubscriptionId) && d.DedupeKey == key)
            .Select(d => d.SubscriptionId).ToListAsync(ct);
        var to = listening.Except(already).ToList();
        if (to.Count == 0) return;
        var now = clock.GetUtcNow();
        if (await payloads.BuildAsync(eventType, ticketEvent.TicketId, ticketEvent, now, ct) is not { } payload) return;
        foreach (var subscriptionId in to)
            db.WebhookDeliveries.Add(WebhookDeliveries.NewDelivery(subscriptionId, eventType, key, payload, now));
        await db.SaveChangesAsync(ct);
        _queued = true;
    }

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (_queued) wakeUp.Now();
        _queued = false;
        return Task.CompletedTask;
    }

    public static string DedupeKey(long eventId) => $"event:{eventId}";
}
