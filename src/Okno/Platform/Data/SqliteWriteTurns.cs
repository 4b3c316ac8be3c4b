using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Okno.Platform.Data;

/// <summary>Lets a request's write on SQLite go before the background's next round. SQLite has one writer at a time,
/// and a writer that finds the lock taken polls for it (sleeping up to 100 ms between tries). Outbox handlers working
/// off a backlog run round after round, each a write transaction that begins microseconds after the last one
/// committed, so a waiting request rarely woke inside a gap: with a backlog after the demo data an agent's sign-in
/// waited past SQLite's 30-second lock timeout and failed (CI, under load). Now each request's write that waits for
/// the lock is counted, and a background round starts only when none is waiting, or after <see cref="MostYield"/>:
/// under a steady stream of requests a handler still gets a round (of up to a whole batch) each second. One per
/// database file.</summary>
public sealed class SqliteWriteTurns
{
    private static readonly ConcurrentDictionary<string, SqliteWriteTurns> ByDatabase = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<bool> InBackground = new();

    /// <summary>The longest a background round waits for requests' writes before it goes anyway.</summary>
    public static readonly TimeSpan MostYield = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private int _waiting;
    private TaskCompletionSource? _none;

    public static SqliteWriteTurns For(string connectionString) => ByDatabase.GetOrAdd(connectionString, _ => new SqliteWriteTurns());

    /// <summary>Marks the calling flow (and what it awaits) as background work: its writes are not counted as waiting
    /// requests.</summary>
    public static void MarkBackground() => InBackground.Value = true;

    /// <summary>Requests' writes waiting for (or taking) the write lock now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Returns when no request's write is waiting, or after <see cref="MostYield"/>.</summary>
    public async Task YieldAsync(CancellationToken cancellationToken)
    {
        Task none;
        lock (_lock)
        {
            if (_waiting == 0) return;
            _none ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            none = _none.Task;
        }
        try
        {
            await none.WaitAsync(MostYield, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    internal bool Enter()
    {
        if (InBackground.Value) return false;
        Interlocked.Increment(ref _waiting);
        return true;
    }

    internal void Exit()
    {
        if (Interlocked.Decrement(ref _waiting) > 0) return;
        lock (_lock)
        {
            _none?.TrySetResult();
            _none = null;
        }
    }
}

/// <summary>Counts requests' writes on <see cref="SqliteWriteTurns"/> while they wait for SQLite's write lock: an
/// explicit transaction (Microsoft.Data.Sqlite begins it IMMEDIATE, taking the lock at once) or a lone INSERT, UPDATE or
/// DELETE outside one. Reads are never counted: WAL readers do not wait for writers. A BEGIN that fails raises no EF
/// event after it, so its count is let go when the connection is next closed.</summary>
public sealed class SqliteWriteTurnsInterceptor(SqliteWriteTurns turns) : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    // The commands (and connections beginning a transaction) counted now, so each is let go exactly once whichever of
    // executed, failed or canceled follows.
    private readonly ConcurrentDictionary<object, byte> _counted = new(ReferenceEqualityComparer.Instance);

    private void Enter(object key)
    {
        if (turns.Enter()) _counted[key] = 0;
    }

    private void Exit(object key)
    {
        if (_counted.TryRemove(key, out _)) turns.Exit();
    }

    private void EnterIfWrite(DbCommand command)
    {
        if (command.Transaction is null && IsWrite(command.CommandText)) Enter(command);
    }

    /// <summary>True when the text's first statement changes data (EF puts nothing but whitespace or "--" tag comments
    /// before it).</summary>
    internal static bool IsWrite(string text)
    {
        var span = text.AsSpan();
        while (true)
        {
            span = span.TrimStart();
            if (!span.StartsWith("--")) break;
            var end = span.IndexOf('\n');
            if (end < 0) return false;
            span = span[(end + 1)..];
        }
        return span.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || span.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || span.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterIfWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        EnterIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterIfWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        EnterIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterIfWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        EnterIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Exit(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Exit(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Enter(connection);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Exit(connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Exit(connection);
        return ValueTask.FromResult(result);
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(transaction.Connection!);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(transaction.Connection!);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(connection);
        return ValueTask.FromResult(result);
    }
}
