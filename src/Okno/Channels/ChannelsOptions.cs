namespace Okno.Channels;

/// <summary>Settings under "Okno:Channels".</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Okno:Channels";

    /// <summary>Run the delivery and inbound jobs (off in tests that drive the queues by hand).</summary>
    public bool RunJobs { get; set; } = true;
    /// <summary>How often the jobs look for due work besides being woken up.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Attempts of a delivery before it fails for good and a note says why.</summary>
    public int DeliveryAttempts { get; set; } = 6;
    /// <summary>Wait after the first failed attempt; doubled after each next one (30 s, 1, 2, 4, 8 min…).</summary>
    public TimeSpan DeliveryBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Attempts at processing an inbound item before it is quarantined.</summary>
    public int InboundAttempts { get; set; } = 3;
    public TimeSpan InboundBackoff { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Inbound items a node processes at once (items that must keep their order are never among them together).</summary>
    public int InboundParallelism { get; set; } = 8;
    /// <summary>Deliveries a node sends at once (those of one ticket never together, so its replies leave in order).</summary>
    public int DeliveryParallelism { get; set; } = 8;
    /// <summary>Items one sender may send an account within an hour before the next that would open a new ticket is held
    /// for review (<see cref="SenderRateLimitFilter"/>); 0 turns the limit off.</summary>
    public int NewTicketsPerSenderPerHour { get; set; } = 30;
    /// <summary>How long a node holds an item it took before another node may take it (a node that died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Requests one account's push endpoint takes per minute on a node (webhooks of VK, connectors, the web
    /// form); more are answered 429 with Retry-After, before anything is read or stored. 0 turns the limit off.</summary>
    public int PushRequestsPerMinute { get; set; } = 600;
    /// <summary>How long one send may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: the base doubled each time, capped.</summary>
    public TimeSpan Backoff(TimeSpan first, int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, MaxBackoff.Ticks));
    }
}
