using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Jobs;

namespace Okno.Platform.Health;

/// <summary>GET /health: the state of the database (latency, size), of the disk that holds data and attachments, and
/// of the background jobs (lag, last success, last error), as JSON; 200 when healthy or degraded, 503 when unhealthy.
/// GET /health/metrics: the same figures in Prometheus' text format, for a monitoring system to scrape. Both read
/// nothing that grows with the data and never fail: a check that cannot tell says unhealthy. The details and the
/// metrics are for <see cref="HealthAccess"/>'s trusted callers (admins, the monitoring token, listed networks); an
/// anonymous /health gets <c>{status}</c> only (still 503 when unhealthy, for load balancers), and anonymous metrics
/// are a 401 (403 for a signed-in agent who is not an admin).
/// Sections add checks of their own (Channels: every enabled account's state, mailboxes included).</summary>
public static class HealthModule
{
    public const string Database = "database";
    public const string Disk = "disk";
    public const string Jobs = "jobs";
    public const string EventHandlers = "eventHandlers";

    public static IServiceCollection AddOknoHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(Database)
            .AddCheck<DiskHealthCheck>(Disk)
            .AddCheck<JobsHealthCheck>(Jobs)
            .AddCheck<Outbox.OutboxHealthCheck>(EventHandlers);
        services.AddSingleton<HealthAccess>();
        // A wrong network list stops the start instead of surfacing on the first /health.
        services.AddOptions<OknoOptions>().Validate(o => o.Health.Networks.All(n => System.Net.IPNetwork.TryParse(n.Trim(), out _)),
            "Okno:Health:Networks must list networks in CIDR notation, such as 10.0.0.0/8 or 2001:db8::/32.").ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapOknoHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithTags("Health");
        app.MapGet("/health/metrics", async (HealthCheckService health, HealthAccess access, HttpContext http) =>
            {
                switch (await access.CheckAsync(http))
                {
                    case HealthAccess.Caller.Anonymous:
                        http.Response.Headers.WWWAuthenticate = "Bearer";
                        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                            detail: "Metrics are for admins, the monitoring token (Okno:Health:Token) or a listed network (Okno:Health:Networks).")
                            .ExecuteAsync(http);
                        return;
                    case HealthAccess.Caller.SignedInNotAdmin:
                        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Metrics are for admins.")
                            .ExecuteAsync(http);
                        return;
                }
                var report = await health.CheckHealthAsync(http.RequestAborted);
                http.Response.ContentType = PrometheusText.ContentType;
                await http.Response.WriteAsync(PrometheusText.Write(report), http.RequestAborted);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var status = report.Status.ToString().ToLowerInvariant();
        if (await http.RequestServices.GetRequiredService<HealthAccess>().CheckAsync(http) != HealthAccess.Caller.Trusted)
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(new { status }, JsonSerializerOptions.Web));
            return;
        }
        var body = new
        {
            status,
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

internal sealed class DatabaseHealthCheck(IDbContextFactory<OknoDb> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            var latency = watch.Elapsed;
            var data = new Dictionary<string, object>
            {
                ["provider"] = db.Provider.ToString().ToLowerInvariant(),
                ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 1),
                ["sizeBytes"] = await SizeBytesAsync(db, cancellationToken),
            };
            return HealthCheckResult.Healthy("The database answers.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.GetType().Name,
                data: new Dictionary<string, object> { ["latencyMs"] = Math.Round(watch.Elapsed.TotalMilliseconds, 1) });
        }
    }

    /// <summary>What the database takes on disk: PostgreSQL's own figure, or SQLite's file plus its write-ahead log
    /// (which holds recent commits until a checkpoint folds them in).</summary>
    private static async Task<long> SizeBytesAsync(OknoDb db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
            return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return FileSize(file) + FileSize(file + "-wal");
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}

internal sealed class DiskHealthCheck(IOptions<OknoOptions> options) : IHealthCheck
{
    private const long DegradedBelow = 2L * 1024 * 1024 * 1024;
    private const long UnhealthyBelow = 200L * 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.DataPath;
        try
        {
            Directory.CreateDirectory(path);
            var drive = new DriveInfo(path);
            var free = drive.AvailableFreeSpace;
            var data = new Dictionary<string, object>
            {
                ["path"] = path, ["freeBytes"] = free, ["totalBytes"] = drive.TotalSize,
            };
            return Task.FromResult(free < UnhealthyBelow
                ? HealthCheckResult.Unhealthy($"Only {free / 1024 / 1024} MB free for data.", data: data)
                : free < DegradedBelow
                    ? HealthCheckResult.Degraded($"Low disk space: {free / 1024 / 1024} MB free for data.", data: data)
                    : HealthCheckResult.Healthy($"{free / 1024 / 1024} MB free for data.", data));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The data directory cannot be read: " + e.GetType().Name,
                data: new Dictionary<string, object> { ["path"] = path }));
        }
    }
}

/// <summary>Degraded when a job is late by more than <see cref="LagDegradedAfter"/> (no node has run it for that long)
/// or its latest run failed; unhealthy when the scheduler cannot be read. Data: one <see cref="JobState"/> per job.</summary>
internal sealed class JobsHealthCheck(JobStates jobs) : IHealthCheck
{
    public static readonly TimeSpan LagDegradedAfter = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<JobState> states;
        try
        {
            states = await jobs.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The job scheduler cannot be read: " + e.GetType().Name);
        }
        var data = states.ToDictionary(s => s.Name, s => (object)s);
        var late = states.Where(s => s.LagSeconds > LagDegradedAfter.TotalSeconds).Select(s => s.Name).ToList();
        var failed = states.Where(s => s.LastRunFailed).Select(s => s.Name).ToList();
        if (late.Count > 0 || failed.Count > 0)
        {
            var problems = late.Select(n => $"{n} is late").Concat(failed.Select(n => $"{n} failed"));
            return HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
        }
        return HealthCheckResult.Healthy($"{states.Count} jobs on time.", data);
    }
}
