using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Okno.Bench.Floor;

/// <summary>`floor`: the fastest a database here commits one ticket-sized row at a time. Single-row INSERT + COMMIT into
/// a scratch table in the same database, with Okno's own durability settings, so Okno's ticket creation rate can be
/// read as a fraction of what the database could do at all.</summary>
public static class FloorBench
{
    private const string Table = "bench_floor";
    private const int MaxRowsPerClient = 5_000_000;

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var provider = args.Required("provider").ToLowerInvariant();
        var connection = args.Required("connection");
        var seconds = args.Int("seconds", 10, min: 1, max: 3600);
        var clientsText = args.Optional("clients");
        var output = args.Optional("out");
        args.EnsureAllUsed();
        if (provider is not ("sqlite" or "postgres")) throw new UsageException("--provider must be sqlite or postgres.");
        // SQLite has one writer: more clients only queue on its lock. PostgreSQL is measured alone and with 32.
        int[] clientCounts = clientsText is null ? provider == "sqlite" ? [1] : [1, 32]
            : [int.TryParse(clientsText, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= 256 ? c : throw new UsageException("--clients must be 1…256.")];

        var db = provider == "sqlite" ? (FloorDb)new SqliteFloor(connection) : new PostgresFloor(connection);
        await using (var setup = await db.OpenAsync(ct))
        {
            await Execute(setup, $"DROP TABLE IF EXISTS {Table}", ct);
            await Execute(setup, db.CreateTableSql, ct);
            Console.WriteLine($"floor {provider}: {await db.SettingsAsync(setup, ct)}, {seconds} s per run after 1 s warm-up");
        }

        var lines = new List<string>();
        try
        {
            foreach (var clients in clientCounts)
            {
                var summary = await MeasureAsync(db, clients, TimeSpan.FromSeconds(seconds), ct);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"floor {provider} clients={clients}: {summary.PerSecond:N0} rows/s (n={summary.Count:N0}, errors={summary.Errors}, " +
                    $"p50 {Summary.Ms(summary.P50)} ms, p95 {Summary.Ms(summary.P95)} ms, p99 {Summary.Ms(summary.P99)} ms)");
                Console.WriteLine(line);
                // A fixed-form line that scripts read (bench/run.sh passes it to `api --floor`).
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT floor clients={clients} rows_per_s={summary.PerSecond:0.0}"));
                lines.Add(line);
            }
        }
        finally
        {
            await using var cleanup = await db.OpenAsync(CancellationToken.None);
            await Execute(cleanup, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.AppendAllTextAsync(output, string.Join("\n", lines.Select(l => "- " + l)) + "\n", ct);
        }
        return 0;
    }

    private static async Task<Summary> MeasureAsync(FloorDb db, int clients, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new Latencies();
        var errors = 0;
        var warmUp = TimeSpan.FromSeconds(1);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var body = new string('x', 40) + " Принтер в бухгалтерии снова не печатает, очередь заданий висит с утра. " +
            "Printer in accounting is stuck again, jobs are queued since morning. " + new string('y', 30);

        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync(ct);
            var mine = new List<double>(100_000);
            var failures = 0;
            for (var i = 0; i < MaxRowsPerClient && !ct.IsCancellationRequested; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= measureTo) break;
                try
                {
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO {Table} (subject, status, created_at, updated_at, body) VALUES (@s, @st, @c, @u, @b)";
                    Add(insert, "s", $"Floor ticket {client}-{i}");
                    Add(insert, "st", "New");
                    Add(insert, "c", db.Now());
                    Add(insert, "u", db.Now());
                    Add(insert, "b", body);
                    await insert.ExecuteNonQueryAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbException)
                {
                    failures++;
                }
                var t1 = Stopwatch.GetTimestamp();
                if (t0 >= measureFrom) mine.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
            }
            latencies.AddRange(mine);
            Interlocked.Add(ref errors, failures);
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var measured = TimeSpan.FromSeconds((double)(Math.Min(Stopwatch.GetTimestamp(), measureTo) - measureFrom) / Stopwatch.Frequency);
        return latencies.Summarize(measured, errors);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private abstract class FloorDb
    {
        public abstract string CreateTableSql { get; }
        public abstract Task<DbConnection> OpenAsync(CancellationToken ct);
        public abstract object Now();
        public abstract Task<string> SettingsAsync(DbConnection connection, CancellationToken ct);

        protected static async Task<string> ShowAsync(DbConnection connection, string sql, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "?";
        }
    }

    private sealed class SqliteFloor(string connectionString) : FloorDb
    {
        public override string CreateTableSql =>
            $"CREATE TABLE {Table} (id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, status TEXT NOT NULL, " +
            "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, body TEXT NOT NULL)";

        public override async Task<DbConnection> OpenAsync(CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // What Okno sets on each connection (SqliteConnectionSetup): durable commits in WAL mode.
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }

        public override object Now() => DateTimeOffset.UtcNow.UtcTicks;

        public override async Task<string> SettingsAsync(DbConnection connection, CancellationToken ct) =>
            $"journal_mode={await ShowAsync(connection, "PRAGMA journal_mode", ct)}, synchronous={await ShowAsync(connection, "PRAGMA synchronous", ct)} (2 = FULL)";
    }

    private sealed class PostgresFloor(string connectionString) : FloorDb
    {
        public override string CreateTableSql =>
            $"CREATE TABLE {Table} (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, subject varchar(250) NOT NULL, " +
            "status varchar(32) NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, body text NOT NULL)";

        public override async Task<DbConnection> OpenAsync(CancellationToken ct)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return connection;
        }

        public override object Now() => DateTime.UtcNow;

        // The server's own durability decides what a commit costs; the test server runs without fsync, say so.
        public override async Task<string> SettingsAsync(DbConnection connection, CancellationToken ct) =>
            $"fsync={await ShowAsync(connection, "SHOW fsync", ct)}, synchronous_commit={await ShowAsync(connection, "SHOW synchronous_commit", ct)}, " +
            $"full_page_writes={await ShowAsync(connection, "SHOW full_page_writes", ct)}";
    }
}
