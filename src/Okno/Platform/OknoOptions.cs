namespace Okno.Platform;

/// <summary>Settings under "Okno" (environment: Okno__Section__Key).</summary>
public sealed class OknoOptions
{
    public const string Section = "Okno";

    /// <summary>Where the SQLite file and attachments live; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
    public DatabaseOptions Database { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    /// <summary>Fill an empty database with demo data at start (also: the --demo argument).</summary>
    public bool Demo { get; set; }
    public LimitsOptions Limits { get; set; } = new();
    /// <summary>A StackExchange.Redis connection string ("127.0.0.1:6379,password=…") shared by every node of one
    /// desk: live updates (ticket changes, who is viewing and typing) and the SignalR backplane go through it. Empty:
    /// a single node, and Redis is never contacted.</summary>
    public string? Redis { get; set; }
    public JobsOptions Jobs { get; set; } = new();
    public Outbox.OutboxOptions Outbox { get; set; } = new();
    public HealthOptions Health { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDirectory);
}

/// <summary>Who sees the details of <c>/health</c> and <c>/health/metrics</c> besides signed-in admins (anonymous callers
/// get the overall status only).</summary>
public sealed class HealthOptions
{
    /// <summary>A secret a monitoring system sends as <c>Authorization: Bearer &lt;token&gt;</c>; empty: none.</summary>
    public string? Token { get; set; }
    /// <summary>Client networks in CIDR notation ("10.0.0.0/8", "127.0.0.1/32") whose requests see everything without a
    /// token; empty by default (loopback is not trusted unless listed: behind a reverse proxy on the same host every
    /// visitor would come from it).</summary>
    public List<string> Networks { get; set; } = [];
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default) or "Postgres"; the connection string is ConnectionStrings:Okno.</summary>
    public string Provider { get; set; } = "Sqlite";
}

/// <summary>The clustered job scheduler (PostgreSQL only): how often a node says it is alive, and how long past a
/// missed check-in the others wait before they take its work over (Quartz's defaults; raise the second above the
/// longest pause a node may have, such as a database failover).</summary>
public sealed class JobsOptions
{
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);
}

public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class LimitsOptions
{
    /// <summary>Largest accepted API request body.</summary>
    public long MaxRequestBytes { get; set; } = 40L * 1024 * 1024;
    /// <summary>Largest single attachment.</summary>
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;
    public int MaxAttachmentsPerMessage { get; set; } = 20;
    /// <summary>Sign-in requests (API and sign-in page) allowed per client address per window; generous enough for an
    /// office behind one address, the per-account lockout does the rest.</summary>
    public int SignInPermitLimit { get; set; } = 30;
    public int SignInWindowSeconds { get; set; } = 60;
    /// <summary>Failed sign-ins in a row after which an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int LockoutThreshold { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int SessionTokenHours { get; set; } = 12;
}
