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
    /// <summary>Bounds on Markdown and HTML processing, see <see cref="Text.TextOptions"/>.</summary>
    public Text.TextOptions Text { get; set; } = new();
    public SignInOptions SignIn { get; set; } = new();
    /// <summary>A StackExchange.Redis connection string ("127.0.0.1:6379,password=…") shared by every node of one
    /// desk: live updates (ticket changes, who is viewing and typing) and the SignalR backplane go through it. Empty:
    /// a single node, and Redis is never contacted.</summary>
    public string? Redis { get; set; }
    public JobsOptions Jobs { get; set; } = new();
    /// <summary>Origins besides this site's own (scheme://host[:port]) whose pages may open the agent UI's real-time
    /// connections (Blazor's /_blazor, SignalR hubs); normally empty.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    public Outbox.OutboxOptions Outbox { get; set; } = new();
    public Web.RemoteImagesOptions RemoteImages { get; set; } = new();
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
    /// office behind one address, the sign-in throttle (<see cref="SignInOptions"/>) does the rest.</summary>
    public int SignInPermitLimit { get; set; } = 30;
    public int SignInWindowSeconds { get; set; } = 60;
    public int SessionTokenHours { get; set; } = 12;
}

/// <summary>Sign-in throttling (no lockout): failed attempts are counted per account and address (or known device), per
/// account and per address; past each free allowance every further failure doubles the wait (1 s, 2 s, 4 s …) up to
/// <see cref="MaxDelaySeconds"/>. A count is forgotten after <see cref="ForgetAfterMinutes"/> without a failure.</summary>
public sealed class SignInOptions
{
    /// <summary>Free failures for one account from one address (or one known device).</summary>
    public int PairFreeFailures { get; set; } = 5;
    /// <summary>Free failures for one account from all unknown devices and addresses together; a known device or an
    /// address the agent signed in from before is never held back by this count.</summary>
    public int AccountFreeFailures { get; set; } = 20;
    /// <summary>Free failures from one address over all accounts (a known device is not held back by it).</summary>
    public int AddressFreeFailures { get; set; } = 50;
    public int MaxDelaySeconds { get; set; } = 900;
    public int ForgetAfterMinutes { get; set; } = 60;
    /// <summary>How long a browser stays a known device of an agent after a successful sign-in on it.</summary>
    public int KnownDeviceDays { get; set; } = 90;
    /// <summary>Password hash checks running at once on this node (each one keeps a core busy for tens of ms); beyond
    /// it and <see cref="PasswordCheckQueue"/> a sign-in is answered 429 at once. 0 = half the processors (at least 1);
    /// -1 = no limit.</summary>
    public int PasswordChecks { get; set; }
    /// <summary>Sign-ins that may wait for a free password check; 0 answers 429 as soon as all checks are busy.</summary>
    public int PasswordCheckQueue { get; set; } = 16;
}
