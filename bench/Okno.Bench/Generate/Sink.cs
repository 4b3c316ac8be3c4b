using System.Data.Common;

namespace Okno.Bench.Generate;

/// <summary>Where generated rows go: one raw ADO.NET connection, bulk writes per provider, plain SQL for the rest.
/// Identifiers are double-quoted, which both SQLite and PostgreSQL accept.</summary>
public abstract class Sink(DbConnection connection) : IAsyncDisposable
{
    protected DbConnection Connection { get; } = connection;

    public abstract string Provider { get; }

    /// <summary>Opens the connection and sets it up for loading.</summary>
    public abstract Task OpenAsync(CancellationToken ct);

    /// <summary>Groups, agents, memberships, companies, contacts with their emails and phones, in one transaction.</summary>
    public abstract Task WriteReferenceAsync(Reference reference, string passwordHash, CancellationToken ct);

    /// <summary>One chunk of tickets in one transaction: after a crash a chunk is either all there or not at all.</summary>
    public abstract Task WriteChunkAsync(Chunk chunk, CancellationToken ct);

    /// <summary>Statistics for the planner, sequences past the loaded rows, durable settings back.</summary>
    public abstract Task FinishAsync(CancellationToken ct);

    protected abstract string InsertTagSql { get; }

    /// <summary>Tag ids by name, creating the missing tags (tags are shared by name, so this is idempotent).</summary>
    public async Task<long[]> EnsureTagsAsync(string[] names, CancellationToken ct)
    {
        await using var tx = await Connection.BeginTransactionAsync(ct);
        var ids = new long[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // Look first: an ignored INSERT would still advance SQLite's AUTOINCREMENT counter on every run.
            var id = await ScalarLongAsync("SELECT \"Id\" FROM \"Tags\" WHERE \"Name\" = @name", ct, tx, ("name", names[i]));
            if (id is null) await ExecuteAsync(InsertTagSql, ct, tx, ("name", names[i]));
            ids[i] = id ?? await ScalarLongAsync("SELECT \"Id\" FROM \"Tags\" WHERE \"Name\" = @name", ct, tx, ("name", names[i]))
                ?? throw new InvalidOperationException($"Tag {names[i]} was not created.");
        }
        await tx.CommitAsync(ct);
        return ids;
    }

    public async Task<ResumePoint> ResumePointAsync(CancellationToken ct)
    {
        var maxNumber = await ScalarLongAsync("SELECT MAX(\"Number\") FROM \"Tickets\"", ct) ?? 10000;
        return new ResumePoint(
            maxNumber - 10000,
            await ScalarLongAsync("SELECT MAX(\"Id\") FROM \"Tickets\"", ct) ?? 0,
            await ScalarLongAsync("SELECT MAX(\"Id\") FROM \"Messages\"", ct) ?? 0,
            await ScalarLongAsync("SELECT MAX(\"Id\") FROM \"TicketEvents\"", ct) ?? 0);
    }

    public async Task<long?> ScalarLongAsync(string sql, CancellationToken ct, DbTransaction? tx = null,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, tx, parameters);
        return await command.ExecuteScalarAsync(ct) switch
        {
            null or DBNull => null,
            long l => l,
            int i => i,
            DateTime d => d.Ticks,
            DateTimeOffset o => o.UtcTicks,
            var other => Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct, DbTransaction? tx = null, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, tx, parameters);
        command.CommandTimeout = 0; // ANALYZE of a big database may take a while
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql, DbTransaction? tx, (string Name, object Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
