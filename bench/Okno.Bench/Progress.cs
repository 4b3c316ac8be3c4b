using System.Diagnostics;
using System.Globalization;

namespace Okno.Bench;

/// <summary>A progress line on stderr at most once a second: share done, rows per second, time left.</summary>
public sealed class Progress(string what, long total)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastPrint = TimeSpan.FromSeconds(-10);
    private long _done;
    private long _rows;

    public TimeSpan Elapsed => _watch.Elapsed;

    public void Add(long done, long rows, bool force = false)
    {
        _done += done;
        _rows += rows;
        var now = _watch.Elapsed;
        if (!force && now - _lastPrint < TimeSpan.FromSeconds(1)) return;
        _lastPrint = now;
        var seconds = Math.Max(now.TotalSeconds, 0.001);
        var eta = _done == 0 ? "?" : Format(TimeSpan.FromSeconds(seconds / _done * (total - _done)));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{100.0 * _done / Math.Max(1, total),5:0.0}%] {what} {_done:N0}/{total:N0}  rows {_rows:N0}  {_rows / seconds:N0} rows/s  elapsed {Format(now)}  ETA {eta}"));
    }

    public static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m{t.Seconds:00}s" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
}
