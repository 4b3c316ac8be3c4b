using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Okno.Platform.Data;

/// <summary>SQL statements joined into one command, so one round trip, up to a bound on parameters well under both
/// databases' limits. Each added statement numbers its placeholders from {0} (EF's raw-SQL form, whose parameters get
/// the model's type mappings, e.g. a Guid as SQLite text); they are renumbered here. What a save writes after its
/// entities (search entries, outbox events) goes through one of these: <see cref="OknoDb"/> flushes it once.</summary>
public sealed partial class StatementBatch(OknoDb db)
{
    private const int MaxParameters = 3000;
    private readonly StringBuilder _sql = new();
    private readonly List<object> _parameters = [];

    public OknoDb Db => db;

    public async Task AddAsync(string sql, List<object> parameters, CancellationToken cancellationToken)
    {
        if (_parameters.Count > 0 && _parameters.Count + parameters.Count > MaxParameters) await FlushAsync(cancellationToken);
        var offset = _parameters.Count;
        if (_sql.Length > 0) _sql.Append(";\n");
        _sql.Append(offset == 0 ? sql : PlaceholderPattern().Replace(sql,
            m => Placeholder(offset + int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))));
        _parameters.AddRange(parameters);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_sql.Length == 0) return;
        await db.Database.ExecuteSqlRawAsync(_sql.ToString(), _parameters, cancellationToken);
        _sql.Clear();
        _parameters.Clear();
    }

    /// <summary>The raw-SQL placeholder of parameter <paramref name="index"/>: <c>{index}</c>.</summary>
    public static string Placeholder(int index) => string.Create(CultureInfo.InvariantCulture, $"{{{index}}}");

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();
}
