namespace Okno.Bench.Generate;

/// <summary>A small seeded generator (SplitMix64). Each ticket gets its own stream from (seed, ticket index), so a
/// ticket's content does not depend on the chunk size or on where an interrupted run resumed; System.Random would
/// cost an allocation per ticket for the same independence.</summary>
public struct Rng
{
    private ulong _state;

    public Rng(ulong seed, ulong stream) => _state = Mix(seed ^ Mix(stream * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; max (max ≥ 1).</summary>
    public int Next(int max) => (int)(((NextULong() >> 32) * (ulong)max) >> 32);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(T[] items) => items[Next(items.Length)];
}

/// <summary>Picks a value by integer weights.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly int[] _cumulative;

    public Weighted(params (T Value, int Weight)[] items)
    {
        _values = items.Select(i => i.Value).ToArray();
        _cumulative = new int[items.Length];
        var sum = 0;
        for (var i = 0; i < items.Length; i++) _cumulative[i] = sum += items[i].Weight;
    }

    public T Pick(ref Rng rng)
    {
        var x = rng.Next(_cumulative[^1]);
        for (var i = 0; i < _cumulative.Length; i++)
            if (x < _cumulative[i]) return _values[i];
        return _values[^1];
    }
}
