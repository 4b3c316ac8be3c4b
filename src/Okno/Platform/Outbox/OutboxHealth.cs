using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Platform.Outbox;

/// <summary>How one event handler is doing. <see cref="Pending"/> counts its unhandled events up to
/// <see cref="OutboxHealthCheck.CountedUpTo"/> (a bigger backlog shows as that number, so the check stays cheap);
/// <see cref="LagSeconds"/> is the age of its oldest unhandled event (0 when none).</summary>
public sealed record OutboxHandlerState(
    string Name,
    string Topic,
    long Pending,
    double LagSeconds,
    long Handled,
    DateTimeOffset? LastHandledAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? LastErrorAt);

/// <summary>Degraded when a handler is failing (its current batch has failed at least once) or its oldest unhandled
/// event is older than <see cref="OutboxOptions.LagDegradedAfter"/>. Data: one <see cref="OutboxHandlerState"/> per
/// registered handler.</summary>
public sealed class OutboxHealthCheck(IServiceProvider services, IEnumerable<OutboxHandlerRegistration> registrations,
    IDbContextFactory<OknoDb> dbs, TimeProvider clock, IOptions<OknoOptions> options) : IHealthCheck
{
    public const int CountedUpTo = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<OutboxHandlerState> states;
        try
        {
            states = await ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The event handlers' progress cannot be read: " + e.GetType().Name);
        }
        var data = states.ToDictionary(s => s.Name, s => (object)s);
        var problems = states.Where(s => s.Attempts > 0).Select(s => $"{s.Name} is failing")
            .Concat(states.Where(s => s.Attempts == 0 && s.LagSeconds > options.Value.Outbox.LagDegradedAfter.TotalSeconds).Select(s => $"{s.Name} is behind"))
            .ToList();
        return problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data)
            : HealthCheckResult.Healthy($"{states.Count} event handlers up to date.", data);
    }

    public async Task<IReadOnlyList<OutboxHandlerState>> ReadAsync(CancellationToken cancellationToken)
    {
        var handlers = OutboxDispatcher.Describe(services, registrations);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var progress = await db.OutboxProgress.AsNoTracking().ToDictionaryAsync(p => p.Handler, cancellationToken);
        var now = clock.GetUtcNow();
        var states = new List<OutboxHandlerState>(handlers.Count);
        foreach (var (name, topic, _) in handlers.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            var p = progress.GetValueOrDefault(name) ?? new OutboxProgress { Handler = name };
            // In cursor order even for the count: a generic plan of an unordered count may scan the whole outbox.
            var owed = OutboxQueries.After(db, topic, p.LastTxId, p.LastEventId).OrderBy(e => e.TxId).ThenBy(e => e.Id);
            var pending = await owed.Take(CountedUpTo).CountAsync(cancellationToken);
            var oldest = pending == 0 ? (DateTimeOffset?)null
                : await owed.Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var lag = oldest is { } at && at < now ? Math.Round((now - at).TotalSeconds, 3) : 0;
            states.Add(new OutboxHandlerState(name, topic, pending, lag, p.Handled, p.LastHandledAt, p.Attempts, p.NextAttemptAt,
                p.LastError, p.LastErrorAt));
        }
        return states;
    }
}
