using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Platform.Health;

/// <summary>GET /health: the state of the database and of the disk that holds data and attachments, as JSON.
/// 200 when healthy or degraded, 503 when unhealthy.</summary>
public static class HealthModule
{
    public static IServiceCollection AddOknoHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<DiskHealthCheck>("disk");
        return services;
    }

    public static IEndpointRouteBuilder MapOknoHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithTags("Health");
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
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
            var data = new Dictionary<string, object>
            {
                ["provider"] = db.Provider.ToString().ToLowerInvariant(),
                ["latencyMs"] = Math.Round(watch.Elapsed.TotalMilliseconds, 1),
            };
            return HealthCheckResult.Healthy("The database answers.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.GetType().Name,
                data: new Dictionary<string, object> { ["latencyMs"] = Math.Round(watch.Elapsed.TotalMilliseconds, 1) });
        }
    }
}

internal sealed class DiskHealthCheck(IOptions<OknoOptions> options) : IHealthCheck
{
    private const long DegradedBelow = 2L * 1024 * 1024 * 1024;
    private const long UnhealthyBelow = 200L * 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.DataPath;
        Directory.CreateDirectory(path);
        var drive = new DriveInfo(path);
        var data = new Dictionary<string, object>
        {
            ["path"] = path, ["freeBytes"] = drive.AvailableFreeSpace, ["totalBytes"] = drive.TotalSize,
        };
        var free = drive.AvailableFreeSpace;
        return Task.FromResult(free < UnhealthyBelow
            ? HealthCheckResult.Unhealthy($"Only {free / 1024 / 1024} MB free for data.", data: data)
            : free < DegradedBelow
                ? HealthCheckResult.Degraded($"Low disk space: {free / 1024 / 1024} MB free for data.", data: data)
                : HealthCheckResult.Healthy($"{free / 1024 / 1024} MB free for data.", data));
    }
}
