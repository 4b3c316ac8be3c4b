using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Okno.Channels.Chat;

/// <summary>The widget's rate limits, per node (two nodes let through up to twice as much; each still bounds what one
/// visitor or address can make it do): messages per visitor, requests per IP address, new visitors per IP address.</summary>
public sealed class ChatRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _messages;
    private readonly PartitionedRateLimiter<string> _requests;
    private readonly PartitionedRateLimiter<string> _newVisitors;

    public ChatRateLimits(IOptions<ChatOptions> options)
    {
        var o = options.Value;
        _messages = PerMinute(o.VisitorMessagesPerMinute);
        _requests = PerMinute(o.AddressRequestsPerMinute);
        _newVisitors = PerMinute(o.NewVisitorsPerMinute);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Null when allowed; else how long to wait.</summary>
    public TimeSpan? Message(long visitorId) => Take(_messages, visitorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public TimeSpan? Request(string address) => Take(_requests, address);
    public TimeSpan? NewVisitor(string address) => Take(_newVisitors, address);

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        _messages.Dispose();
        _requests.Dispose();
        _newVisitors.Dispose();
    }
}
