using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Okno.Channels;

/// <summary>The push endpoint's limit per account and node (<see cref="ChannelsOptions.PushRequestsPerMinute"/>): a
/// flood at one account's webhook (a misbehaving bridge, someone replaying requests) cannot fill the inbound store or
/// crowd out the other accounts.</summary>
public sealed class PushRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<long>? _limiter;

    public PushRateLimits(IOptions<ChannelsOptions> options)
    {
        var permits = options.Value.PushRequestsPerMinute;
        if (permits <= 0) return;
        _limiter = PartitionedRateLimiter.Create<long, long>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the request may go on; else how long to wait.</summary>
    public TimeSpan? Take(long accountId)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(accountId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
