using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Okno.Platform.Jobs;

namespace Okno.Platform.Health;

/// <summary>The health report as Prometheus text exposition (format 0.0.4). Written by hand: a dozen gauges computed on
/// each scrape from the report /health already builds, which needs no metrics registry or library.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(HealthReport report)
    {
        var text = new StringBuilder();
        Gauge(text, "okno_health_status", "State of each health check: 1 healthy, 0.5 degraded, 0 unhealthy.",
            report.Entries.Select(e => (Labels("check", e.Key), Status(e.Value.Status))).Prepend((Labels("check", "overall"), Status(report.Status))));

        if (report.Entries.TryGetValue(HealthModule.Database, out var database))
        {
            if (Number(database.Data, "sizeBytes") is { } size)
                Gauge(text, "okno_database_size_bytes", "Size of the database on disk.", [("", size)]);
            if (Number(database.Data, "latencyMs") is { } latency)
                Gauge(text, "okno_database_latency_seconds", "Round trip of a trivial query.", [("", latency / 1000)]);
        }
        if (report.Entries.TryGetValue(HealthModule.Disk, out var disk))
        {
            if (Number(disk.Data, "freeBytes") is { } free)
                Gauge(text, "okno_disk_free_bytes", "Free space on the disk that holds data and attachments.", [("", free)]);
            if (Number(disk.Data, "totalBytes") is { } total)
                Gauge(text, "okno_disk_total_bytes", "Size of the disk that holds data and attachments.", [("", total)]);
        }
        if (report.Entries.TryGetValue(HealthModule.Jobs, out var jobs))
        {
            var states = jobs.Data.Values.OfType<JobState>().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            Gauge(text, "okno_job_lag_seconds", "How late the job's next due run is; 0 when on time.",
                states.Select(s => (Labels("job", s.Name), s.LagSeconds)));
            Gauge(text, "okno_job_last_success_timestamp_seconds", "When the job last succeeded (Unix time).",
                states.Where(s => s.LastSuccessAt is not null).Select(s => (Labels("job", s.Name), (double)s.LastSuccessAt!.Value.ToUnixTimeMilliseconds() / 1000)));
            Gauge(text, "okno_job_last_run_failed", "1 when the job's latest run failed.",
                states.Select(s => (Labels("job", s.Name), s.LastRunFailed ? 1.0 : 0.0)));
        }
        if (report.Entries.TryGetValue(HealthModule.EventHandlers, out var handlers))
        {
            var states = handlers.Data.Values.OfType<Outbox.OutboxHandlerState>().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            Gauge(text, "okno_event_handler_lag_seconds", "Age of the handler's oldest unhandled event; 0 when none.",
                states.Select(s => (Labels("handler", s.Name), s.LagSeconds)));
            Gauge(text, "okno_event_handler_pending", "Events the handler has not handled yet (counted up to 10000).",
                states.Select(s => (Labels("handler", s.Name), (double)s.Pending)));
            Gauge(text, "okno_event_handler_handled_total", "Events the handler has handled since it was first registered.",
                states.Select(s => (Labels("handler", s.Name), (double)s.Handled)));
            Gauge(text, "okno_event_handler_attempts", "Failed attempts at the handler's current batch in a row; 0 when it works.",
                states.Select(s => (Labels("handler", s.Name), (double)s.Attempts)));
        }

        using var process = Process.GetCurrentProcess();
        Gauge(text, "okno_process_working_set_bytes", "Physical memory of the Okno process.", [("", process.WorkingSet64)]);
        Gauge(text, "okno_process_managed_heap_bytes", "Bytes on the .NET managed heap.", [("", GC.GetTotalMemory(forceFullCollection: false))]);
        return text.ToString();
    }

    private static double Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => 1,
        HealthStatus.Degraded => 0.5,
        _ => 0,
    };

    private static double? Number(IReadOnlyDictionary<string, object> data, string key) =>
        data.TryGetValue(key, out var value) && value is IConvertible convertible ? convertible.ToDouble(CultureInfo.InvariantCulture) : null;

    private static void Gauge(StringBuilder text, string name, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (labels, value) in samples)
            text.Append(name).Append(labels).Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Labels(string name, string value) =>
        "{" + name + "=\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"}";

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
