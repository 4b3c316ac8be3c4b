using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Okno.Knowledge.HelpCenter;

/// <summary>How many times one client address and one visitor (the <c>okno.visit</c> cookie) may do something in a
/// minute and in an hour; 0 turns that limit off.</summary>
public sealed class HelpRateLimit
{
    public int PerAddressPerMinute { get; set; }
    public int PerAddressPerHour { get; set; }
    public int PerVisitorPerMinute { get; set; }
    public int PerVisitorPerHour { get; set; }
}

public sealed class HelpCenterRateLimitsOptions
{
    /// <summary>Contact-form submissions that would open a ticket (a form with errors is not counted).</summary>
    public HelpRateLimit Contact { get; set; } = new() { PerAddressPerMinute = 5, PerAddressPerHour = 20, PerVisitorPerMinute = 3, PerVisitorPerHour = 10 };
    /// <summary>Help-center searches (each one is a stored row of the search report).</summary>
    public HelpRateLimit Search { get; set; } = new() { PerAddressPerMinute = 60, PerAddressPerHour = 600, PerVisitorPerMinute = 30, PerVisitorPerHour = 300 };
}

/// <summary>Settings under <c>Okno:HelpCenter</c>.</summary>
public sealed class HelpCenterOptions
{
    public const string Section = "Okno:HelpCenter";
    public HelpCenterRateLimitsOptions RateLimits { get; set; } = new();
}

public enum HelpAction { Contact, Search }

/// <summary>The help center's abuse limits: per client address and per visitor, per minute and per hour, each a token
/// bucket of System.Threading.RateLimiting (the engine of ASP.NET Core's rate limiting middleware) partitioned by the
/// address or the visit id. They are taken by the pages themselves rather than by the middleware, because a refused
/// visitor must get the page back with a kind message and everything they typed (the middleware can only answer
/// instead of the page), and only a submission or a search counts, not opening the form. The buckets live in this
/// node's memory: with several nodes behind a load balancer each node counts on its own, so a visitor spread over
/// them gets at most the limit per node (these are abuse limits, not quotas). IPv6 addresses count per /64, which is
/// what one subscriber usually gets.</summary>
public sealed class HelpCenterRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HelpRequester> _contact;
    private readonly PartitionedRateLimiter<HelpRequester> _search;

    public HelpCenterRateLimits(IOptions<HelpCenterOptions> options)
    {
        _contact = Build(options.Value.RateLimits.Contact);
        _search = Build(options.Value.RateLimits.Search);
    }

    /// <summary>Null when allowed (and counted); otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(HelpAction action, HttpContext http)
    {
        var requester = new HelpRequester(AddressOf(http), HelpVisit.Of(http));
        using var lease = (action == HelpAction.Contact ? _contact : _search).AttemptAcquire(requester);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>The client address as the server sees it (behind a proxy, enable forwarded headers so it is the
    /// visitor's); IPv6 cut to its /64.</summary>
    internal static string AddressOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static PartitionedRateLimiter<HelpRequester> Build(HelpRateLimit limit)
    {
        var limiters = new List<PartitionedRateLimiter<HelpRequester>>();
        void Add(int permits, TimeSpan window, Func<HelpRequester, string> key)
        {
            if (permits <= 0) return;
            // A bucket of `permits` that refills one every window/permits: `permits` at once, then the steady rate, and
            // Retry-After is when the next one is there (a fixed window would only know its whole length).
            limiters.Add(PartitionedRateLimiter.Create<HelpRequester, string>(r => RateLimitPartition.GetTokenBucketLimiter(key(r), _ =>
                new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits, TokensPerPeriod = 1, ReplenishmentPeriod = window / permits, QueueLimit = 0, AutoReplenishment = true,
                })));
        }
        Add(limit.PerAddressPerMinute, TimeSpan.FromMinutes(1), r => r.Address);
        Add(limit.PerAddressPerHour, TimeSpan.FromHours(1), r => r.Address);
        Add(limit.PerVisitorPerMinute, TimeSpan.FromMinutes(1), r => r.Visitor);
        Add(limit.PerVisitorPerHour, TimeSpan.FromHours(1), r => r.Visitor);
        return limiters.Count == 0 ? PartitionedRateLimiter.Create<HelpRequester, string>(_ => RateLimitPartition.GetNoLimiter("all"))
            : PartitionedRateLimiter.CreateChained([.. limiters]);
    }

    public void Dispose()
    {
        _contact.Dispose();
        _search.Dispose();
    }

    private readonly record struct HelpRequester(string Address, string Visitor);
}
