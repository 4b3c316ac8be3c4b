using System.Globalization;

namespace Okno.Bench;

/// <summary>Latencies of one measurement, kept whole (a run is bounded in count and time, so a sorted array is cheap
/// and exact where a histogram would round).</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _lock = new();

    public void AddRange(List<double> ms)
    {
        lock (_lock) _ms.AddRange(ms);
    }

    public int Count => _ms.Count;

    public Summary Summarize(TimeSpan elapsed, int errors)
    {
        var sorted = _ms.ToArray();
        Array.Sort(sorted);
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Summary(sorted.Length, errors, (sorted.Length - errors) / Math.Max(elapsed.TotalSeconds, 1e-9), At(0.50), At(0.95), At(0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1], sorted.Length == 0 ? double.NaN : sorted.Average());
    }
}

public sealed record Summary(int Count, int Errors, double PerSecond, double P50, double P95, double P99, double Max, double Mean)
{
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
