using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Cluster;
using Okno.Testing;
using Okno.Tickets.Live;

namespace Okno.IntegrationTests.Platform;

/// <summary>Production mode: two Okno nodes on one PostgreSQL database, live updates carried by a real Redis
/// (scripts/test-deps). Each test's desk has its own Redis channels, so tests running at the same time never hear
/// each other.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task A_ticket_created_through_node_B_reaches_a_subscriber_on_node_A_exactly_once()
    {
        await using var a = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        await using var b = a.SecondNode();
        var apiOnB = await b.AdminClientAsync();
        var seenOnA = new List<TicketChange>();
        var seenOnB = new List<TicketChange>();
        using var onA = a.Services.GetRequiredService<TicketFeed>().Subscribe(change => { lock (seenOnA) seenOnA.Add(change); });
        using var onB = b.Services.GetRequiredService<TicketFeed>().Subscribe(change => { lock (seenOnB) seenOnB.Add(change); });

        var first = (await apiOnB.CreateTicketAsync("Made on node B")).Id();
        var second = (await apiOnB.CreateTicketAsync("Also made on node B")).Id();

        await Until(() => new[] { first, second }.All(id => Snapshot(seenOnA).Any(c => c.TicketId == id) && Snapshot(seenOnB).Any(c => c.TicketId == id)));
        // One publisher's messages arrive in order; a late duplicate of the first would have had time to arrive too.
        await Task.Delay(300);
        // Each exactly once. Not necessarily in creation order: the two tickets' events may be handled in rounds taken by
        // different nodes, each publishing from its own node (order is kept per ticket, not across tickets).
        var created = Snapshot(seenOnA).Where(c => c.Kind == TicketChangeKind.Created).Select(c => c.TicketId).Order().ToList();
        Assert.Equal([first, second], created);
        Assert.Equal([first, second], Snapshot(seenOnB).Where(c => c.Kind == TicketChangeKind.Created).Select(c => c.TicketId).Order());
        var change = Snapshot(seenOnA).First(c => c.TicketId == first);
        Assert.NotNull(change.ActorAgentId);   // the whole change travelled, not only the id
        Assert.NotSame(a.Services.GetRequiredService<INodeBus>(), b.Services.GetRequiredService<INodeBus>());
    }

    [Fact]
    public async Task Viewers_and_typing_on_node_B_are_seen_on_node_A_until_they_leave()
    {
        await using var a = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        await using var b = a.SecondNode();
        _ = a.Server;
        _ = b.Server;
        var onA = a.Services.GetRequiredService<TicketPresence>();
        var onB = b.Services.GetRequiredService<TicketPresence>();
        var raisedOnA = 0;
        using var subscription = onA.Subscribe(_ => Interlocked.Increment(ref raisedOnA));

        var visit = onB.Join(7, 2, "Ivan");
        await Until(() => onA.ViewersOf(7) is [{ Name: "Ivan", Typing: false }]);
        visit.Typed();
        await Until(() => onA.ViewersOf(7) is [{ Name: "Ivan", Typing: true }]);
        visit.Dispose();
        await Until(() => onA.ViewersOf(7) is []);
        Assert.True(Volatile.Read(ref raisedOnA) >= 3);   // A's ticket screens were told each time
    }

    [Fact]
    public async Task With_Redis_unreachable_a_node_creates_tickets_and_its_own_screens_still_hear_of_them()
    {
        await using var app = OknoFactory.Sqlite(new() { ["Okno:Redis"] = $"127.0.0.1:{ClosedPort()},connectTimeout=500" });
        var api = await app.AdminClientAsync();
        var seen = new List<TicketChange>();
        using var subscription = app.Services.GetRequiredService<TicketFeed>().Subscribe(change => { lock (seen) seen.Add(change); });

        var ticket = await api.CreateTicketAsync("While Redis is away");
        await api.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Still answering", @internal = true });

        // Told by an event handler right after commit, not inside the request.
        await Until(() => Snapshot(seen).Count(c => c.TicketId == ticket.Id()) >= 2);
        Assert.Equal([TicketChangeKind.Created, TicketChangeKind.MessageAdded],
            Snapshot(seen).Where(c => c.TicketId == ticket.Id()).Select(c => c.Kind));
        var presence = app.Services.GetRequiredService<TicketPresence>();
        using (presence.Join(ticket.Id(), 1, "Olga"))
            Assert.Equal(["Olga"], presence.ViewersOf(ticket.Id()).Select(v => v.Name));
    }

    [Fact]
    public async Task After_Redis_restarts_the_nodes_reconnect_by_themselves_and_hear_each_other_again()
    {
        // A Redis of this test's own, so stopping it disturbs no other test.
        var port = ClosedPort();
        using var redis = PrivateRedis.Start(port);
        var connection = $"127.0.0.1:{port}";
        await using var a = OknoFactory.Sqlite(new() { ["Okno:Redis"] = connection });
        await using var b = OknoFactory.Sqlite(new() { ["Okno:Redis"] = connection });
        var apiOnB = await b.AdminClientAsync();
        var seenOnA = new List<TicketChange>();
        var seenOnB = new List<TicketChange>();
        using var onA = a.Services.GetRequiredService<TicketFeed>().Subscribe(change => { lock (seenOnA) seenOnA.Add(change); });
        using var onB = b.Services.GetRequiredService<TicketFeed>().Subscribe(change => { lock (seenOnB) seenOnB.Add(change); });
        var before = (await apiOnB.CreateTicketAsync("Before the restart")).Id();
        await Until(() => Snapshot(seenOnA).Any(c => c.TicketId == before));

        redis.Stop();
        var during = (await apiOnB.CreateTicketAsync("While Redis is down")).Id();
        await Until(() => Snapshot(seenOnB).Any(c => c.TicketId == during));

        using var restarted = PrivateRedis.Start(port);
        // The client retries on its own schedule: keep making tickets on B until A hears one (bounded).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long heard = 0;
        while (heard == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Node A heard nothing from node B within 30 s of Redis coming back.");
            var id = (await apiOnB.CreateTicketAsync("After the restart")).Id();
            await Task.Delay(250);
            heard = Snapshot(seenOnA).Where(c => c.TicketId == id).Select(c => c.TicketId).FirstOrDefault();
        }
        Assert.DoesNotContain(Snapshot(seenOnA), c => c.TicketId == during);   // lost while down, as designed
    }

    [Fact]
    public async Task The_backplane_serves_hubs_but_Blazor_circuits_stay_on_their_node()
    {
        await using var app = OknoFactory.Sqlite(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        Assert.IsType<RedisHubLifetimeManager<ProbeHub>>(app.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>());
        var circuitHub = typeof(DefaultHubLifetimeManager<>).MakeGenericType(ClusterModule.ComponentHubType());
        Assert.IsType(circuitHub, app.Services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(ClusterModule.ComponentHubType())));

        await using var single = OknoFactory.Sqlite();
        Assert.Null(single.Services.GetService<INodeBus>());
        Assert.IsType<DefaultHubLifetimeManager<ProbeHub>>(single.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>());
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_both_come_up_with_one_first_admin()
    {
        var postgres = TestPostgres.NewDatabaseConnectionString();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "okno-cluster-start", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Okno__DataDirectory"] = dataDirectory,
            ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
            ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
            ["Okno__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Okno"] = postgres,
            ["Okno__Redis"] = TestRedis.NewDeskConnectionString(),
        };
        try
        {
            // Each may wait for the other's migration of the whole schema first: 27 s on a quiet machine, over 60 s once in
            // CI at load 40.
            var starting = new[] { OknoProcess.StartAsync(settings, startSeconds: 180), OknoProcess.StartAsync(settings, startSeconds: 180) };
            try
            {
                await Task.WhenAll(starting);
                foreach (var node in starting)
                {
                    var client = await (await node).ClientAsync();
                    Assert.Single((await client.GetJsonAsync("/api/v1/agents?role=admin")).Items());
                }
            }
            finally
            {
                foreach (var node in starting.Where(s => s.IsCompletedSuccessfully)) (await node).Dispose();
            }
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            await CrashSafetyTests.DropDatabaseAsync(postgres);
        }
    }

    private static List<TicketChange> Snapshot(List<TicketChange> list)
    {
        lock (list) return [.. list];
    }

    [Fact]
    public async Task A_session_signed_out_on_node_A_is_refused_on_node_B_at_once_and_node_B_circuits_hear_of_it()
    {
        await using var a = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        await using var b = a.SecondNode();
        var browserOnA = a.Browser();
        var signedIn = await browserOnA.PageSignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword);
        // The same cookie sent to node B (a load balancer without sticky sessions, or a copied cookie).
        var browserOnB = b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        browserOnB.DefaultRequestHeaders.Add("Cookie", SignInHelpers.CookiesOf(signedIn));
        Assert.True(await browserOnB.IsSignedInAsync());
        var heardOnB = new TaskCompletionSource<long>();
        using var listening = b.Services.GetRequiredService<Okno.Platform.Security.SessionRevocations>().Subscribe(id => heardOnB.TrySetResult(id));

        await browserOnA.PageSignOutAsync();

        Assert.False(await browserOnB.IsSignedInAsync());
        // Node B's open circuits of that agent re-check at once, told through Redis.
        Assert.True(await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10)) > 0);
    }

    private static Task Until(Func<bool> condition) => JobHelpers.UntilAsync(() => Task.FromResult(condition()), seconds: 10);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed class ProbeHub : Hub;

    /// <summary>redis-server (installed by scripts/test-deps) on a loopback port, in memory only, as a child process.</summary>
    private sealed class PrivateRedis : IDisposable
    {
        private readonly Process _process;

        private PrivateRedis(Process process) => _process = process;

        public static PrivateRedis Start(int port)
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("redis-server",
                    ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
                {
                    RedirectStandardOutput = true, UseShellExecute = false,
                })!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("redis-server is missing: run the tests with scripts/test (it installs Redis), " +
                    "or run `eval \"$(scripts/test-deps up)\"` first.", e);
            }
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return new PrivateRedis(process);
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }
            process.Kill();
            throw new TimeoutException($"redis-server did not listen on 127.0.0.1:{port} within 10 s.");
        }

        public void Stop()
        {
            if (_process.HasExited) return;
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }
    }
}
