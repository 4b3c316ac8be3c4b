using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Okno.Bench.SignIn;

/// <summary>`signin-flood`: how an agent's work and /health fare while many addresses flood the sign-in endpoint with
/// wrong passwords. One probe (127.0.0.1) calls /health and an agent API call in turn, first on a quiet server, then
/// while flooders from 127.0.0.2… (Linux routes all of 127/8 to loopback, so each flooder's connections are bound to
/// their own source address and Okno sees them as different clients) post sign-ins with unknown emails as fast as
/// the server answers — each one costs a password hash unless Okno refuses it first.</summary>
public static class SignInFloodBench
{
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = new Uri(args.Required("url"));
        var email = args.Required("email");
        var password = args.Required("password");
        var addresses = args.Int("addresses", 50, 1, 250);
        var perAddress = args.Int("per-address", 2, 1, 64);
        var seconds = args.Int("seconds", 10, 1, 3600);
        var warmup = args.Int("warmup", 2, 0, 600);
        var label = args.Optional("label") ?? "";
        var output = args.Optional("out");
        args.EnsureAllUsed();

        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var signIn = await probe.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        if (!signIn.IsSuccessStatusCode) throw new BenchException($"Signing in as {email} failed: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync(ct)}");
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString();
        probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await ProbeAsync(probe, TimeSpan.FromSeconds(warmup), ct);
        var quiet = await ProbeAsync(probe, TimeSpan.FromSeconds(seconds), ct);

        using var stopFlood = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flood = new FloodCounts();
        var clients = Enumerable.Range(0, addresses).Select(i => FlooderClient(url, IPAddress.Parse($"127.0.0.{i + 2}"))).ToList();
        var flooders = clients.SelectMany(c => Enumerable.Range(0, perAddress).Select(_ => FloodAsync(c, flood, stopFlood.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, warmup)), ct);
        flood.Reset();
        var floodWatch = Stopwatch.StartNew();
        var flooded = await ProbeAsync(probe, TimeSpan.FromSeconds(seconds), ct);
        var floodElapsed = floodWatch.Elapsed;
        var snapshot = flood.Snapshot();
        await stopFlood.CancelAsync();
        await Task.WhenAll(flooders);
        clients.ForEach(c => c.Dispose());

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"signin-flood {label}: {addresses} addresses × {perAddress} flooders posting wrong sign-ins; probe 127.0.0.1, {seconds} s per phase");
        text.AppendLine("| phase | what | calls | errors | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (phase, result) in new[] { ("quiet", quiet), ("flood", flooded) })
            foreach (var (what, latencies) in new[] { ("GET /health", result.Health), ("GET /api/v1/tickets?limit=20 (agent)", result.Api) })
            {
                var s = latencies.Summarize(TimeSpan.FromSeconds(seconds), 0);
                var errors = ReferenceEquals(latencies, result.Health) ? result.HealthErrors : result.ApiErrors;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {phase} | {what} | {s.Count} | {errors} | {Summary.Ms(s.P50)} | {Summary.Ms(s.P95)} | {Summary.Ms(s.P99)} | {Summary.Ms(s.Max)} |");
            }
        var kinds = string.Join(", ", snapshot.ByKind.OrderByDescending(k => k.Value).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key}: {k.Value}")));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"flood answers during the measured phase: {snapshot.Total / floodElapsed.TotalSeconds:0} sign-ins/s; {kinds}");
        Console.Write(text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT signin-flood label={label} quiet_health_p95={quiet.Health.Summarize(TimeSpan.FromSeconds(seconds), 0).P95:0.0} flood_health_p95={flooded.Health.Summarize(TimeSpan.FromSeconds(seconds), 0).P95:0.0} flood_api_p95={flooded.Api.Summarize(TimeSpan.FromSeconds(seconds), 0).P95:0.0}"));
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.AppendAllTextAsync(output, text + Environment.NewLine, ct);
        }
        return 0;
    }

    private sealed record ProbeResult(Latencies Health, Latencies Api, int HealthErrors, int ApiErrors);

    /// <summary>One probe at a time, /health and the agent call in turn, as an agent's screen and a monitor would.</summary>
    private static async Task<ProbeResult> ProbeAsync(HttpClient probe, TimeSpan duration, CancellationToken ct)
    {
        var health = new List<double>();
        var api = new List<double>();
        int healthErrors = 0, apiErrors = 0;
        var until = Stopwatch.StartNew();
        while (until.Elapsed < duration)
        {
            foreach (var (path, into, isHealth) in new[] { ("/health", health, true), ("/api/v1/tickets?limit=20", api, false) })
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await probe.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    into.Add(watch.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode) { if (isHealth) healthErrors++; else apiErrors++; }
                }
                catch (HttpRequestException)
                {
                    into.Add(watch.Elapsed.TotalMilliseconds);
                    if (isHealth) healthErrors++; else apiErrors++;
                }
            }
        }
        var h = new Latencies();
        h.AddRange(health);
        var a = new Latencies();
        a.AddRange(api);
        return new ProbeResult(h, a, healthErrors, apiErrors);
    }

    /// <summary>A client whose connections leave from <paramref name="source"/> (any 127.x.y.z works on Linux loopback).</summary>
    private static HttpClient FlooderClient(Uri url, IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async Task FloodAsync(HttpClient client, FloodCounts counts, CancellationToken ct)
    {
        var n = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // An unknown email each time: the costliest guess (a decoy hash), and one the per-account counts never see twice.
                using var response = await client.PostAsJsonAsync("/api/v1/auth/token",
                    new { email = $"guess-{Guid.NewGuid():N}@flood.example", password = $"wrong-{n++}" }, ct);
                var kind = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    kind += body.Contains("auth.busy", StringComparison.Ordinal) ? " busy" : body.Contains("auth.throttled", StringComparison.Ordinal) ? " throttled" : " rate-limited";
                }
                counts.Add(kind);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (HttpRequestException) { counts.Add("connection error"); }
        }
    }

    private sealed class FloodCounts
    {
        private readonly Dictionary<string, int> _byKind = [];
        private readonly Lock _lock = new();

        public void Add(string kind)
        {
            lock (_lock) _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
        }

        public void Reset()
        {
            lock (_lock) _byKind.Clear();
        }

        public (int Total, Dictionary<string, int> ByKind) Snapshot()
        {
            lock (_lock) return (_byKind.Values.Sum(), new Dictionary<string, int>(_byKind));
        }
    }
}
