using System.Globalization;

namespace Okno.Bench;

/// <summary>`--name value` pairs after the command. Unknown names are an error, so a typo never silently runs a
/// benchmark with defaults.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
                throw new UsageException($"Expected --name, got '{name}'.");
            if (!e.MoveNext()) throw new UsageException($"{name} needs a value.");
            _values[name[2..]] = e.Current;
        }
    }

    public string? Optional(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"--{name} is required.");

    public int Int(string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        if (!int.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"--{name} must be a whole number between {min} and {max}.");
        return value;
    }

    public double? Double(string name)
    {
        var text = Optional(name);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new UsageException($"--{name} must be a positive number.");
        return value;
    }

    /// <summary>Call after reading every option: refuses the ones nobody asked for.</summary>
    public void EnsureAllUsed()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
    }
}

public sealed class UsageException(string message) : Exception(message);

/// <summary>A run that cannot go on (wrong database, server gone); the message says why, without the usage text.</summary>
public sealed class BenchException(string message) : Exception(message);
