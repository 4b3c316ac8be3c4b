using System.Diagnostics;
using System.Text.Json;

namespace Okno.Bench.Api;

/// <summary>The ticket event outbox under load, as /health reports it for the live feed's handler (every ticket event
/// passes through it): how many events it handled per second while the load ran, the worst lag and backlog seen, and
/// how long it took to catch up once the load stopped.</summary>
internal sealed record OutboxFigures(long Handled, double EventsPerSecond, double MaxLagSeconds, long MaxPending, double? CatchUpSeconds);

internal static class OutboxWatch
{
    public const string Handler = "tickets.live-feed";
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CatchUpAtMost = TimeSpan.FromSeconds(60);

    private sealed record Sample(long Handled, long Pending, double LagSeconds);

    /// <summary>Runs <paramref name="load"/> while sampling /health; null figures when this Okno has no outbox (or the
    /// handler is not listed).</summary>
    public static async Task<(T Result, OutboxFigures? Figures)> WatchAsync<T>(HttpClient http, Func<Task<T>> load, CancellationToken ct,
        string handler = Handler)
    {
        // A /health sample counts every handler's backlog (up to 10,000 events each): a cost the side without an outbox
        // does not pay. OKNO_BENCH_OUTBOX_WATCH=off leaves it out when comparing creation rates across versions.
        if (Environment.GetEnvironmentVariable("OKNO_BENCH_OUTBOX_WATCH") == "off") return (await load(), null);
        Task<Sample?> Read(HttpClient h, CancellationToken t) => SampleAsync(h, handler, t);
        var before = await Read(http, ct);
        if (before is null) return (await load(), null);
        var started = Stopwatch.StartNew();
        var running = load();
        double maxLag = 0;
        long maxPending = 0;
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(Every, ct));
            if (await Read(http, ct) is { } s) (maxLag, maxPending) = (Math.Max(maxLag, s.LagSeconds), Math.Max(maxPending, s.Pending));
        }
        var result = await running;
        var loadTime = started.Elapsed;
        var after = await Read(http, ct) ?? before;
        var catchUp = Stopwatch.StartNew();
        double? caughtUpAfter = after.Pending == 0 ? 0 : null;
        while (caughtUpAfter is null && catchUp.Elapsed < CatchUpAtMost)
        {
            await Task.Delay(Every / 5, ct);
            if (await Read(http, ct) is { Pending: 0 }) caughtUpAfter = catchUp.Elapsed.TotalSeconds;
        }
        var handled = after.Handled - before.Handled;
        return (result, new OutboxFigures(handled, handled / loadTime.TotalSeconds, maxLag, maxPending, caughtUpAfter));
    }

    private static async Task<Sample?> SampleAsync(HttpClient http, string handler, CancellationToken ct)
    {
        try
        {
            using var request = ApiBench.HealthRequest();
            using var response = await http.SendAsync(request, ct);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            if (!doc.RootElement.GetProperty("checks").TryGetProperty("eventHandlers", out var check)
                || !check.GetProperty("data").TryGetProperty(handler, out var state)) return null;
            return new Sample(state.GetProperty("handled").GetInt64(), state.GetProperty("pending").GetInt64(), state.GetProperty("lagSeconds").GetDouble());
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
