using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Okno.Testing;

namespace Okno.IntegrationTests.Platform;

/// <summary>An acknowledged write survives a crash: Okno runs as a real process, takes ticket creations from
/// several clients, is killed with SIGKILL in the middle of them, and after a restart on the same data every
/// ticket whose 201 reached a client is there, whole.</summary>
public sealed class CrashSafetyTests
{
    [Theory]
    [BothDatabases]
    public async Task Every_acknowledged_ticket_survives_a_kill_9(string provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "okno-crash", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Okno__DataDirectory"] = dataDirectory,
            ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
            ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
        };
        string? postgres = null;
        if (provider == "postgres")
        {
            postgres = TestPostgres.NewDatabaseConnectionString();
            settings["Okno__Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Okno"] = postgres;
        }
        try
        {
            var acknowledged = new ConcurrentBag<long>();
            using (var okno = await OknoProcess.StartAsync(settings))
            {
                var client = await okno.ClientAsync();
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            var response = await client.PostAsJsonAsync("/api/v1/tickets", new
                            {
                                subject = $"Crash {w}-{i}", body = "Запись до сбоя", customer = new { email = $"crash{w}@example.com" },
                                tags = new[] { "crash" },
                            });
                            if (response.StatusCode == HttpStatusCode.Created)
                                acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Id());
                        }
                        catch (HttpRequestException)
                        {
                            return; // the process is gone
                        }
                    }
                })).ToList();
                while (acknowledged.Count < 60) await Task.Delay(10);
                okno.Kill();
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            using (var okno = await OknoProcess.StartAsync(settings))
            {
                var client = await okno.ClientAsync();
                foreach (var id in acknowledged)
                {
                    var ticket = await client.GetJsonAsync($"/api/v1/tickets/{id}");
                    Assert.Equal(1, ticket.GetProperty("messageCount").GetInt32());
                    Assert.Equal(["crash"], ticket.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
                    Assert.Single((await client.GetJsonAsync($"/api/v1/tickets/{id}/messages")).Items());
                }
                // The desk takes new work after the crash, numbering on from where it stopped.
                var next = await client.CreateTicketAsync("After the crash");
                Assert.True(next.Id() > acknowledged.Max());
            }

            if (provider == "sqlite")
            {
                await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "okno.db")}");
                await connection.OpenAsync();
                await using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", await check.ExecuteScalarAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            if (postgres is not null) await DropDatabaseAsync(postgres);
        }
    }

    internal static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Okno as a separate OS process (the built app of this test run), so that it can really be killed.</summary>
internal sealed class OknoProcess : IDisposable
{
    private const int TailLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail;

    private OknoProcess(Process process, string url, ConcurrentQueue<string> tail)
    {
        _process = process;
        Url = url;
        _tail = tail;
    }

    public string Url { get; }

    /// <summary>The last lines the process wrote (stdout and stderr), for a failing test to show what it was doing.</summary>
    public string Tail() => string.Join('\n', _tail);

    /// <param name="withTestHandlers">Also run the test assembly's ticket event handlers (TestHandlersStartup): the app
    /// then starts with this test assembly's dependencies, so it can load it.</param>
    /// <param name="startSeconds">How long it may take to answer /health (the machine may be shared and busy).</param>
    /// <param name="workingDirectory">Where it is started from; by default the app's own folder.</param>
    public static async Task<OknoProcess> StartAsync(IReadOnlyDictionary<string, string> settings, bool withTestHandlers = false, int startSeconds = 60,
        string? workingDirectory = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var app = typeof(Program).Assembly.Location;
        var tests = typeof(OknoProcess).Assembly;
        string[] arguments = withTestHandlers
            ? ["exec", "--depsfile", Path.ChangeExtension(tests.Location, ".deps.json"), "--runtimeconfig", Path.ChangeExtension(app, ".runtimeconfig.json"), app]
            : [app];
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        };
        start.Environment["Urls"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        if (withTestHandlers) start.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = tests.GetName().Name;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var tail = new ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            tail.Enqueue(line);
            while (tail.Count > TailLines) tail.TryDequeue(out _);
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = Stopwatch.StartNew();
        var said = "nothing";
        while (deadline.Elapsed < TimeSpan.FromSeconds(startSeconds))
        {
            if (process.HasExited) throw new InvalidOperationException($"Okno exited at start with code {process.ExitCode}.");
            try
            {
                var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode) return new OknoProcess(process, url, tail);
                said = $"{(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"Okno did not become healthy within {startSeconds} s; /health said {said}.");
    }

    public async Task<HttpClient> ClientAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token",
            new { email = OknoFactory.AdminEmail, password = OknoFactory.AdminPassword })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("token"));
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, like a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
