using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Okno.Platform.Data;

public static class DataModule
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OknoOptions.Section).Get<OknoOptions>() ?? new OknoOptions();
        var connectionString = configuration.GetConnectionString("Okno");
        switch (options.Database.Provider.ToLowerInvariant())
        {
            case "sqlite":
                Directory.CreateDirectory(options.DataPath);
                connectionString ??= $"Data Source={Path.Combine(options.DataPath, "okno.db")}";
                services.AddPooledDbContextFactory<SqliteOknoDb>(o => ConfigureSqlite(o, connectionString));
                services.AddSingleton<IDbContextFactory<OknoDb>>(sp =>
                    new Upcast<SqliteOknoDb>(sp.GetRequiredService<IDbContextFactory<SqliteOknoDb>>()));
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Okno:Database:Provider is Postgres but ConnectionStrings:Okno is not set.");
                services.AddPooledDbContextFactory<PostgresOknoDb>(o => ConfigurePostgres(o, connectionString));
                services.AddSingleton<IDbContextFactory<OknoDb>>(sp =>
                    new Upcast<PostgresOknoDb>(sp.GetRequiredService<IDbContextFactory<PostgresOknoDb>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Okno:Database:Provider '{options.Database.Provider}': use Sqlite or Postgres.");
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<OknoDb>>().CreateDbContext());
        return services;
    }

    // A migration step that cannot run in a transaction (SQLite rebuilds a table to add a foreign key) could leave a
    // half-migrated database after a crash: refuse such migrations instead of warning about them.
    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup(), Outbox.OutboxCommitInterceptor.Instance,
                new SqliteWriteTurnsInterceptor(SqliteWriteTurns.For(connectionString)))
            .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(WithAutoPrepare(connectionString)).AddInterceptors(Outbox.OutboxCommitInterceptor.Instance);

    /// <summary>Npgsql prepares the statements a connection runs again and again (the token check, ticket numbers,
    /// contact look-ups, the inserts of a new ticket), so PostgreSQL parses and plans them once per connection instead
    /// of on every call: at 1M tickets that took PostgreSQL's CPU per created ticket from 1.06 to 0.65 ms and creation
    /// from ~900 to ~1,300 tickets/s with 32 clients (bench/results, issue 5). A connection string that sets
    /// `Max Auto Prepare` itself (0 turns it off, e.g. behind a pooler in transaction mode) is left as it is.</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>Per connection; PostgreSQL keeps each one's plan in that connection's memory.</summary>
    internal const int AutoPreparedStatements = 64;

    /// <summary>Brings the schema up to date. Both providers keep their own migrations in this assembly.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OknoDb>>().CreateDbContextAsync(cancellationToken);
        // WAL lets readers work while one writes; the mode is stored in the database file, so once is enough.
        if (db.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        // No command timeout: a migration that rewrites a large table (Issue11Channels took over 30 s, the default, on a
        // 1,000,000-ticket PostgreSQL desk) would otherwise be rolled back at every start and the desk never come up.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Runs start-up work (schema, first admin, demo data) while holding a PostgreSQL advisory lock, so
    /// nodes that start together against one database take turns: without it both run the same migrations at once
    /// (in a test one node died on 'index "IX_Tickets_AssigneeId_Id" does not exist', dropped by the other) and both
    /// may create a first admin. The lock belongs to the session, so a node that dies while holding it releases it.
    /// SQLite serves one node only and needs no turn.</summary>
    public static async Task OneNodeAtATimeAsync(this IServiceProvider services, Func<Task> work, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OknoDb>>().CreateDbContextAsync(cancellationToken);
        if (db.Provider != DatabaseProvider.Postgres)
        {
            await work();
            return;
        }
        // The lock lives in the database itself, which the first start creates.
        await CreateDatabaseIfMissingAsync(db.Database.GetConnectionString()!, cancellationToken);
        // No command timeout while waiting for the turn: the other node may be running a migration that takes minutes
        // (82 s on a 1,000,000-ticket desk), and a timed-out wait would stop this node from starting at all.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
            await work();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the configured PostgreSQL database when it does not exist yet. Done on a connection of its own
    /// with no command timeout, not through EF Core's database creator: that one takes the command timeout from the
    /// connection string, and CREATE DATABASE copies a template and waits for a checkpoint, which on a busy machine
    /// took over the 1 s a CI test configured (the start failed with "Timeout during reading attempt").</summary>
    private static async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, CommandTimeout = 0 };
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        }
        var quoted = "\"" + name.Replace("\"", "\"\"") + "\"";
        try
        {
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it a moment earlier.
        }
    }

    /// <summary>Okno's advisory lock number for start-up ("OKNO" and 1); advisory locks are per database.</summary>
    private const long StartupLockKey = 0x4F4B4E4F_0001;

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<OknoDb> where T : OknoDb
    {
        public OknoDb CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Used by `dotnet ef migrations add … --context SqliteOknoDb` (see scripts/add-migration).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOknoDb>
{
    public SqliteOknoDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteOknoDb>();
        DataModule.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteOknoDb(o.Options);
    }
}

/// <summary>Used by `dotnet ef migrations add … --context PostgresOknoDb`; adding a migration needs no server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOknoDb>
{
    public PostgresOknoDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresOknoDb>();
        DataModule.ConfigurePostgres(o, "Host=127.0.0.1;Database=okno_design");
        return new PostgresOknoDb(o.Options);
    }
}
