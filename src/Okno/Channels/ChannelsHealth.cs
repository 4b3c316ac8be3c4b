using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Okno.Platform.Data;

namespace Okno.Channels;

/// <summary>One enabled account as /health shows it (a mailbox that cannot be reached says so here), with how many of its
/// inbound items wait for an admin (held, quarantined).</summary>
public sealed record ChannelAccountState(long Id, string Name, string Kind, string Health, string? LastError, DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSuccessAt, int Held, int Quarantined);

/// <summary>The "channels" entry of /health: degraded while an enabled account is failing (its last send or fetch
/// failed), with every enabled account's state as data. Accounts are few (a desk has tens, not thousands); at most
/// <see cref="Shown"/> are read.</summary>
public sealed class ChannelsHealthCheck(IDbContextFactory<OknoDb> dbs) : IHealthCheck
{
    public const string Name = "channels";
    public const int Shown = 500;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        List<ChannelAccount> accounts;
        Dictionary<(long, InboundStatus), int> waiting;
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            accounts = await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.IsEnabled).OrderBy(a => a.Id).Take(Shown).ToListAsync(cancellationToken);
            // Counted over the index (AccountId, Status, Id); held and quarantined items are few, unlike done ones.
            var ids = accounts.Select(a => a.Id).ToList();
            waiting = (await db.Set<InboundItem>()
                    .Where(i => ids.Contains(i.AccountId) && (i.Status == InboundStatus.Held || i.Status == InboundStatus.Quarantined))
                    .GroupBy(i => new { i.AccountId, i.Status }).Select(g => new { g.Key.AccountId, g.Key.Status, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .ToDictionary(r => (r.AccountId, r.Status), r => r.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The channel accounts cannot be read: " + e.GetType().Name);
        }
        var data = accounts.ToDictionary(a => a.Name, a => (object)new ChannelAccountState(a.Id, a.Name, a.Kind.Value,
            a.Health.ToString().ToLowerInvariant(), a.LastError, a.LastErrorAt, a.LastSuccessAt,
            waiting.GetValueOrDefault((a.Id, InboundStatus.Held)), waiting.GetValueOrDefault((a.Id, InboundStatus.Quarantined))));
        var failing = accounts.Where(a => a.Health == ChannelHealth.Failing).Select(a => a.Name).ToList();
        return failing.Count > 0
            ? HealthCheckResult.Degraded($"Failing: {string.Join(", ", failing)}.", data: data)
            : HealthCheckResult.Healthy($"{accounts.Count} enabled channel accounts, none failing.", data);
    }
}
