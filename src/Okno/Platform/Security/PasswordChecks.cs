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

    public PasswordChecks(IOptions<OknoOptions> options)
    {
        var settings = options.Value.SignIn;
        Limit = settings.PasswordChecks == 0 ? Environment.ProcessorCount : settings.PasswordChecks;
        if (Limit > 0)
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Limit, QueueLimit = Math.Max(0, settings.PasswordCheckQueue), QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    }

    /// <summary>Checks at once; below 1: no limit.</summary>
    public int Limit { get; }

    /// <summary>Runs <paramref name="check"/> when a slot is free (waiting in the queue if there is room); false when
    /// the node is too busy, and the check did not run.</summary>
    public async Task<(bool Ran, T Result)> TryRunAsync<T>(Func<T> check, CancellationToken cancellationToken)
    {
        if (_limiter is null) return (true, check());
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired ? (true, check()) : (false, default!);
    }

    public void Dispose() => _limiter?.Dispose();
}
