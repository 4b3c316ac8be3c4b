using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Cluster;
using Okno.Platform.Data;

namespace Okno.Tickets.CustomFields;

/// <summary>The field definitions of each entity kind, kept in memory: every ticket's creation checks them (the fields
/// required for its type), and they change only when an admin saves a field. Reading them per request was one query
/// and 3.7 % of Okno's CPU while creating tickets at 1M (issue 11). Dropped on every save on this node, on the others
/// through the node bus when there is one (Redis), and read again at most every <see cref="MaxAge"/> anyway (a lost bus
/// message only delays a change that long). The definitions handed out are shared: callers only read them.</summary>
public sealed class CustomFieldDefinitionCache : IDisposable
{
    public const string Channel = "customfields:definitions";
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(IReadOnlyList<CustomFieldDefinition> Items, long ReadAt, long Generation);

    private readonly ConcurrentDictionary<CustomFieldEntity, Snapshot> _snapshots = new();
    private readonly INodeBus? _bus;
    private readonly IDisposable? _subscription;
    private long _generation;

    public CustomFieldDefinitionCache(INodeBus? bus = null)
    {
        _bus = bus;
        _subscription = bus?.Subscribe(Channel, _ => Forget());
    }

    /// <summary>The kind's definitions (active or not) in display order, from memory when read less than
    /// <see cref="MaxAge"/> ago and not changed since.</summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> GetAsync(OknoDb db, CustomFieldEntity entity, CancellationToken ct)
    {
        // Taken before the read: a save that commits while it runs makes this snapshot stale at once.
        var generation = Interlocked.Read(ref _generation);
        // Wall time, not the app's TimeProvider: a test's frozen clock must not freeze the cache.
        if (_snapshots.TryGetValue(entity, out var s) && s.Generation == generation && Stopwatch.GetElapsedTime(s.ReadAt) < MaxAge)
            return s.Items;
        var items = await ReadAsync(db, entity, ct);
        _snapshots[entity] = new Snapshot(items, Stopwatch.GetTimestamp(), generation);
        return items;
    }

    /// <summary>The kind's definitions (active or not) in display order, from the database.</summary>
    public static Task<List<CustomFieldDefinition>> ReadAsync(OknoDb db, CustomFieldEntity entity, CancellationToken ct) =>
        db.CustomFields.AsNoTracking().Where(f => f.Entity == entity).OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct);

    /// <summary>Forgets the definitions here and on every node; call after a change committed.</summary>
    public void Changed()
    {
        Forget();
        _bus?.Publish(Channel, "changed");
    }

    private void Forget() => Interlocked.Increment(ref _generation);

    public void Dispose() => _subscription?.Dispose();
}
