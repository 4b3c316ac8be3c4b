namespace Okno.Automation.Webhooks;

/// <summary>Settings under "Okno:Webhooks".</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Okno:Webhooks";

    /// <summary>Run the delivery job (off in tests that drive the queue by hand).</summary>
    public bool RunJobs { get; set; } = true;
    /// <summary>How often the job looks for due deliveries besides being woken after a commit that queued some.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Subscriptions a node sends to at once (the deliveries of one subscription go one after another, in order).</summary>
    public int Parallelism { get; set; } = 8;
    /// <summary>How long a node holds a delivery it took before another node may take it (a node that died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long one POST may take, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The most of an answer that is read; the rest is not downloaded.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;
    /// <summary>Failed attempts in a row (over all of a subscription's deliveries, reset by any 2xx) after which the
    /// subscription is paused and admins are told. With the retry schedule one delivery makes 7 attempts, so a dead
    /// endpoint is paused after its third failing delivery, or sooner when events come often.</summary>
    public int PauseAfterFailedAttempts { get; set; } = 20;

    /// <summary>Waits after the 1st, 2nd… failed attempt; after the last of them the delivery fails for good (7 attempts
    /// over about 10 hours).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
    ];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt, or null: no more attempts.</summary>
    public static TimeSpan? RetryAfter(int attempts) => attempts >= 1 && attempts <= RetrySchedule.Count ? RetrySchedule[attempts - 1] : null;
}
