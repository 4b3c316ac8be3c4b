using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;

namespace Okno.Testing;

/// <summary>An Okno app in memory on its own fresh database (SQLite in a temp folder, or a new PostgreSQL
/// database), with a known admin. Disposing it removes the database and the folder.</summary>
public sealed class OknoFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.okno";
    public const string AdminPassword = "admin-password-1";

    private readonly string _dataDirectory;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    /// <summary>False for a second node: the database and the data folder are the first node's to remove.</summary>
    private readonly bool _ownsStorage;

    public DatabaseProvider Provider { get; }

    private OknoFactory(DatabaseProvider provider, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null,
        string? sharedDataDirectory = null)
    {
        Provider = provider;
        _settings = settings;
        _services = services;
        _ownsStorage = sharedDataDirectory is null;
        _dataDirectory = sharedDataDirectory ?? Path.Combine(Path.GetTempPath(), "okno-tests", Guid.NewGuid().ToString("N"));
    }

    public static OknoFactory Sqlite(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?>(settings ?? []) { ["Okno:Database:Provider"] = "Sqlite" }, services);

    public static OknoFactory Postgres(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(DatabaseProvider.Postgres, new Dictionary<string, string?>(settings ?? [])
        {
            ["Okno:Database:Provider"] = "Postgres",
            // A test may pass its own (a new database with extra session options); by default a new database.
            ["ConnectionStrings:Okno"] = settings?.GetValueOrDefault("ConnectionStrings:Okno") ?? TestPostgres.NewDatabaseConnectionString(),
        }, services);

    public static OknoFactory For(string provider, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        provider switch
        {
            "sqlite" => Sqlite(settings, services),
            "postgres" => Postgres(settings, services),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>Another node of the same desk, as production runs several behind a load balancer: the same PostgreSQL
    /// database, data directory (attachments, cookie keys), settings and test services, plus <paramref name="settings"/>
    /// and <paramref name="services"/>. The database and the folder stay this factory's to remove, so dispose the second
    /// node first.</summary>
    public OknoFactory SecondNode(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        if (Provider != DatabaseProvider.Postgres) throw new InvalidOperationException("Only PostgreSQL is shared by several nodes.");
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? []) merged[key] = value;
        return new OknoFactory(Provider, merged, services ?? _services, _dataDirectory);
    }

    public string? ConnectionString => _settings.GetValueOrDefault("ConnectionStrings:Okno");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Okno:DataDirectory", _dataDirectory);
        builder.UseSetting("Okno:Admin:Email", AdminEmail);
        builder.UseSetting("Okno:Admin:Password", AdminPassword);
        builder.UseSetting("Okno:Limits:SignInPermitLimit", "1000");
        // Tests share one client address (none, in memory; loopback in a browser): the help center's abuse limits are
        // off unless a test sets them (HelpCenterLimitsTests).
        foreach (var action in new[] { "Contact", "Search" })
        foreach (var limit in new[] { "PerAddressPerMinute", "PerAddressPerHour", "PerVisitorPerMinute", "PerVisitorPerHour" })
            builder.UseSetting($"Okno:HelpCenter:RateLimits:{action}:{limit}", "0");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>A client signed in as the admin.</summary>
    public async Task<HttpClient> AdminClientAsync() => await ClientAsync(AdminEmail, AdminPassword);

    public async Task<HttpClient> ClientAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        // The body says why (a 500's ProblemDetails carries the error), which EnsureSuccessStatusCode alone would not.
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Service<T>(Func<IServiceProvider, T> get)
    {
        using var scope = Services.CreateScope();
        return get(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<OknoDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OknoDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        // The app stops first (its background jobs included), then its database goes.
        await base.DisposeAsync();
        if (!_ownsStorage) return;
        if (Provider == DatabaseProvider.Postgres && ConnectionString is { } cs) await TestPostgres.DropDatabaseAsync(cs);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private sealed record TokenBody(string Token);
}

/// <summary>The PostgreSQL server that scripts/test-deps starts. Outside CI a missing server fails the test
/// with instructions; in CI the test script always starts one.</summary>
public static class TestPostgres
{
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PostgreSQL for tests is not configured: OKNO_TEST_POSTGRES is not set. Run the tests with scripts/test " +
            "(it installs and starts PostgreSQL), or run `eval \"$(scripts/test-deps up)\"` first.");

    public static string NewDatabaseConnectionString() =>
        $"{BaseConnectionString};Database=okno_t_{Guid.NewGuid():N}";

    /// <summary>Drops a test database; FORCE ends any connection still open to it (an app's pool).</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("No database named.", nameof(connectionString));
        await using (var pooled = new Npgsql.NpgsqlConnection(connectionString)) Npgsql.NpgsqlConnection.ClearPool(pooled);
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        // FORCE may not end an autovacuum worker that happens to be in the new database (a superuser's process: 42501
        // "must be a member of the role whose process is being terminated", seen once in a CI run); it is done within
        // moments, so try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "42501" && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}

/// <summary>The Redis that scripts/test-deps starts, for the tests of several nodes. Like PostgreSQL, a missing server
/// fails the test with instructions.</summary>
public static class TestRedis
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("OKNO_TEST_REDIS")
        ?? throw new InvalidOperationException(
            "Redis for tests is not configured: OKNO_TEST_REDIS is not set. Run the tests with scripts/test (it installs " +
            "and starts Redis), or run `eval \"$(scripts/test-deps up)\"` first.");

    /// <summary>A connection string with channels of its own, so desks of tests that run at the same time (each with
    /// its own database, whose ticket numbers start at 1 alike) never hear each other.</summary>
    public static string NewDeskConnectionString() => $"{ConnectionString},channelPrefix=okno-t-{Guid.NewGuid():N}:";
}
