using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Okno.Platform.Security;

/// <summary>Bounds the password hash checks running at once on this node. A check keeps a core busy for tens of
/// milliseconds (PBKDF2), so a flood of sign-ins from many addresses would otherwise take every core and starve the
/// agents' API calls and /health. Past the limit and a short queue a sign-in is refused at once (429) instead of
/// waiting. Per node on purpose: it protects this node's processors, which is what runs out.</summary>
public sealed class PasswordChecks : IDisposable
{
    private readonly ConcurrencyLimiter? _limiter;
    private readonly int _queueLimit;

    public PasswordChecks(IOptions<OknoOptions> options)
    {
        var settings = options.Value.SignIn;
        // Half the cores by default: the other half stays free for everything else even while sign-ins are flooded.
        Limit = settings.PasswordChecks == 0 ? Math.Max(1, Environment.ProcessorCount / 2) : settings.PasswordChecks;
        _queueLimit = Math.Max(0, settings.PasswordCheckQueue);
        if (Limit > 0)
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Limit, QueueLimit = _queueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    }

    /// <summary>Checks at once (default: half the processors, at least 1); below 1: no limit.</summary>
    public int Limit { get; }

    /// <summary>True when every check is running and the queue is full: a sign-in can be refused before it costs even a
    /// database read.</summary>
    public bool IsFull => _limiter?.GetStatistics() is { CurrentAvailablePermits: 0 } s && s.CurrentQueuedCount >= _queueLimit;

    /// <summary>Runs <paramref name="check"/> when a slot is free (waiting in the queue if there is room); false when
    /// the node is too busy, and the check did not run. The check runs on a thread of its own, not on the thread pool:
    /// a pool whose few threads all hash would leave every other request waiting for a thread.</summary>
    public async Task<(bool Ran, T Result)> TryRunAsync<T>(Func<T> check, CancellationToken cancellationToken)
    {
        if (_limiter is null) return (true, await OwnThreadAsync(check));
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired ? (true, await OwnThreadAsync(check)) : (false, default!);
    }

    private static Task<T> OwnThreadAsync<T>(Func<T> check) =>
        Task.Factory.StartNew(check, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Dispose() => _limiter?.Dispose();
}
