using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Cluster;
using Okno.Platform.Data;

namespace Okno.Automation.Webhooks;

/// <summary>The subscriptions that can receive now (enabled, not paused) and their events, kept in memory: the handler
/// asks it for every ticket event, and a desk without webhooks must pay nothing for that. Dropped on every change on
/// this node, on the others through the node bus when there is one (Redis), and read again at most every
/// <see cref="MaxAge"/> anyway (a lost bus message only delays a change that long).</summary>
public sealed class WebhookSubscriptionCache : IDisposable
{
    public const string Channel = "webhooks:subscriptions";
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public sealed record Active(long Id, IReadOnlySet<string> Events);

    private sealed record Snapshot(IReadOnlyList<Active> Items, long ReadAt);

    private volatile Snapshot? _snapshot;
    private readonly INodeBus? _bus;
    private readonly IDisposable? _subscription;

    public WebhookSubscriptionCache(INodeBus? bus = null)
    {
        _bus = bus;
        _subscription = bus?.Subscribe(Channel, _ => _snapshot = null);
    }

    /// <summary>The receiving subscriptions, from memory when read less than <see cref="MaxAge"/> ago.</summary>
    public async Task<IReadOnlyList<Active>> GetAsync(OknoDb db, CancellationToken ct)
    {
        // Wall time, not the app's TimeProvider: a test's frozen clock must not freeze the cache.
        if (_snapshot is { } s && Stopwatch.GetElapsedTime(s.ReadAt) < MaxAge) return s.Items;
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(x => x.IsEnabled && x.PausedAt == null)
            .Select(x => new { x.Id, x.Events }).ToListAsync(ct);
        var items = rows.Select(r => new Active(r.Id, r.Events.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet())).ToList();
        _snapshot = new Snapshot(items, Stopwatch.GetTimestamp());
        return items;
    }

    /// <summary>False only when the last read found no receiving subscription: the handler then need not be woken at
    /// each commit (its events still reach it at its next poll, which finds nothing to do).</summary>
    public bool MayHaveAny => _snapshot is not { Items.Count: 0 } s || Stopwatch.GetElapsedTime(s.ReadAt) >= MaxAge;

    /// <summary>Forgets the list here and on every node; call after a change committed.</summary>
    public void Changed()
    {
        _snapshot = null;
        _bus?.Publish(Channel, "changed");
    }

    public void Dispose() => _subscription?.Dispose();
}
