using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Automation.Webhooks;
using Okno.Bench.Api;
using Okno.Bench.Generate;

namespace Okno.Bench.Automation;

/// <summary>Outgoing webhooks (issue 16), for bench/run.sh … webhooks: a receiver of the bench's own (Kestrel on 127.0.0.1,
/// a free port) is allow-listed as an admin would (<c>PUT /api/v1/webhooks/allowed-hosts</c>) and subscribed to
/// <c>ticket_created</c>; tickets created through the API queue the deliveries, and the receiver counts what arrives,
/// checks the signature of every tenth, notes repeats (by delivery id) and the latency from the event
/// (<c>occurredAt</c>) to its arrival. Four rounds: one subscription, several subscriptions (more deliveries queued than
/// created tickets, so a backlog forms and the sender's own rate shows), and both again with a receiver that takes
/// 200 ms per answer (one subscription's deliveries go one after another; subscriptions go side by side).</summary>
public static class WebhooksBench
{
    public const string Prefix = "bench-webhook-";
    private const string ReceiverHost = "127.0.0.1";

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var oneTickets = args.Int("tickets", 2000, min: 1, max: 100_000);
        var deliveries = args.Int("deliveries", 5000, min: 1, max: 1_000_000);
        var subscriptions = args.Int("subscriptions", 10, min: 2, max: 90);
        var slowMs = args.Int("slow-ms", 200, min: 1, max: 5000);
        var slowTickets = args.Int("slow-tickets", 25, min: 1, max: 10_000);
        var slowSubscriptions = args.Int("slow-subscriptions", 16, min: 2, max: 90);
        var clients = args.Int("clients", 8, min: 1, max: 64);
        var maxWait = TimeSpan.FromMinutes(args.Int("max-minutes", 15, min: 1, max: 240));
        var output = args.Optional("out");
        var label = args.Optional("label");
        args.EnsureAllUsed();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64 })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromSeconds(120) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        await using var db = Generator.OpenDb(provider, connection);

        await using var receiver = await Receiver.StartAsync(ct);
        var lines = new List<string>();
        void Line(string text)
        {
            Console.Error.WriteLine("webhooks: " + text);
            lines.Add(text);
        }

        var hosts = (await http.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/allowed-hosts", ct)).GetProperty("hosts").EnumerateArray()
            .Select(h => h.GetString()!).ToList();
        if (!hosts.Contains(ReceiverHost)) await PutHostsAsync(http, [.. hosts, ReceiverHost], ct);
        Line($"receiver at {receiver.BaseUrl} (Kestrel in the bench); {ReceiverHost} allow-listed through the API (was: " +
             $"{(hosts.Count == 0 ? "empty" : string.Join(", ", hosts))}); tickets created through the API by {clients} clients");
        try
        {
            var run = new Round(http, db, receiver, clients, maxWait, Line);
            await run.MeasureAsync("one subscription", 1, oneTickets, 0, ct);
            await run.MeasureAsync($"{subscriptions} subscriptions", subscriptions, (deliveries + subscriptions - 1) / subscriptions, 0, ct);
            await run.MeasureAsync($"slow receiver ({slowMs} ms), one subscription", 1, slowTickets, slowMs, ct);
            await run.MeasureAsync($"slow receiver ({slowMs} ms), {slowSubscriptions} subscriptions", slowSubscriptions, slowTickets, slowMs, ct);
            await run.DeleteSubscriptionsAsync(ct);
        }
        finally
        {
            if (!hosts.Contains(ReceiverHost)) await PutHostsAsync(http, hosts, CancellationToken.None);
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — webhook deliveries to a local receiver — {label}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; Okno, the database, the bench and its receiver share it.")
            .AppendLine()
            .AppendLine("```text");
        foreach (var l in lines) report.AppendLine(l);
        report.AppendLine("```");
        Console.WriteLine(report);
        if (output is not null) await File.AppendAllTextAsync(output, report + "\n", ct);
        return receiver.BadSignatures > 0 ? 1 : 0;
    }

    private static async Task PutHostsAsync(HttpClient http, List<string> hosts, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts }, ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"Setting the allow-list: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>One measured round: fresh subscriptions, tickets made, deliveries awaited at the receiver, then checked in the
    /// database (every one sent, in one attempt).</summary>
    private sealed class Round(HttpClient http, Okno.Platform.Data.OknoDb db, Receiver receiver, int clients, TimeSpan maxWait, Action<string> line)
    {
        private int _round;

        public async Task DeleteSubscriptionsAsync(CancellationToken ct)
        {
            var ours = (await http.GetFromJsonAsync<JsonElement>("/api/v1/webhooks", ct)).GetProperty("items").EnumerateArray()
                .Where(s => s.GetProperty("name").GetString()!.StartsWith(Prefix, StringComparison.Ordinal)).Select(s => s.GetProperty("id").GetInt64()).ToList();
            foreach (var id in ours) (await http.DeleteAsync($"/api/v1/webhooks/{id}", ct)).EnsureSuccessStatusCode();
        }

        public async Task MeasureAsync(string name, int subscriptions, int tickets, int delayMs, CancellationToken ct)
        {
            _round++;
            await DeleteSubscriptionsAsync(ct);
            var ids = new List<long>();
            for (var k = 0; k < subscriptions; k++)
            {
                var path = $"{_round}-{k}";
                using var response = await http.PostAsJsonAsync("/api/v1/webhooks", new
                {
                    name = $"{Prefix}{path}", url = $"{receiver.BaseUrl}/hook/{path}", events = new[] { "ticket_created" }, enabled = true,
                }, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode) throw new BenchException($"Creating a webhook: {(int)response.StatusCode} {text}");
                using var doc = JsonDocument.Parse(text);
                ids.Add(doc.RootElement.GetProperty("webhook").GetProperty("id").GetInt64());
                receiver.Secrets[path] = doc.RootElement.GetProperty("secret").GetString()!;
            }
            var expected = subscriptions * tickets;
            receiver.Reset(delayMs);

            // Tickets through the API, `clients` at a time.
            var next = 0;
            var createErrors = 0;
            var started = Stopwatch.StartNew();
            var startedAt = DateTimeOffset.UtcNow;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var n && n <= tickets)
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/tickets", new
                    {
                        subject = $"Webhook bench {_round}-{n}", body = "Здравствуйте! Не работает VPN после обновления.",
                        customer = new { email = $"webhooks{n % 200}@c{1 + n % 50}.example", name = $"Вебхук {n % 200}" }, priority = "normal", channel = "api",
                    }, ct);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref createErrors);
                }
            }, ct)));
            var created = started.Elapsed;
            var atCreated = receiver.Unique;

            while (receiver.Unique < expected - createErrors * subscriptions && started.Elapsed < created + maxWait) await Task.Delay(20, ct);
            var (unique, repeats, first, last, latencies, checkedSignatures, bad) = receiver.Snapshot();
            var endToEnd = last - startedAt;
            var drain = last - (startedAt + created);
            var backlog = expected - atCreated;
            // What Okno recorded: every delivery of the round sent, in one attempt (the receiver counts a delivery when it
            // arrives; Okno records it after the answer, so wait for that, a little).
            for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(30)
                 && await db.WebhookDeliveries.AnyAsync(d => ids.Contains(d.SubscriptionId) && d.Status == WebhookDeliveryStatus.Pending, ct);)
                await Task.Delay(100, ct);
            var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId))
                .GroupBy(d => new { d.Status, Retried = d.Attempts > 1 }).Select(g => new { g.Key.Status, g.Key.Retried, Count = g.Count() }).ToListAsync(ct);
            var recorded = string.Join(", ", rows.OrderBy(r => r.Status).Select(r => $"{r.Count:N0} {r.Status.ToString().ToLowerInvariant()}{(r.Retried ? " after retries" : "")}"));

            line($"{name}: {tickets:N0} tickets created in {created.TotalSeconds:N1} s ({tickets / created.TotalSeconds:N0}/s{(createErrors > 0 ? $", {createErrors} failed" : "")}) " +
                 $"→ {expected:N0} deliveries expected, {unique:N0} received{(repeats > 0 ? $", {repeats:N0} REPEATS" : ", no repeats")}; " +
                 $"receiver answers in {(delayMs == 0 ? "no time" : $"{delayMs} ms")}");
            line($"  {unique / Math.Max(endToEnd.TotalSeconds, 0.001):N0} deliveries/s from the first ticket to the last delivery ({endToEnd.TotalSeconds:N1} s); " +
                 $"{unique / Math.Max((last - first).TotalSeconds, 0.001):N0}/s first to last delivery; " +
                 (backlog > 0 ? $"backlog when the last ticket was made {backlog:N0}, gone in {drain.TotalSeconds:N1} s ({backlog / Math.Max(drain.TotalSeconds, 0.001):N0}/s)"
                     : "no backlog when the last ticket was made"));
            line($"  event → delivery: p50 {Summary.Ms(latencies.P50)} ms, p95 {Summary.Ms(latencies.P95)} ms, p99 {Summary.Ms(latencies.P99)} ms, max {Summary.Ms(latencies.Max)} ms; " +
                 $"signatures checked {checkedSignatures:N0}, {(bad == 0 ? "all valid" : $"{bad} INVALID")}; recorded by Okno: {recorded}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT webhooks round={_round} subscriptions={subscriptions} delay_ms={delayMs} delivered={unique} per_s={unique / Math.Max(endToEnd.TotalSeconds, 0.001):0} p50_ms={latencies.P50:0} p95_ms={latencies.P95:0} repeats={repeats}"));
        }
    }

    /// <summary>The receiving end: answers 200 (after the round's delay), counts deliveries by id, notes when each came and
    /// its latency from the event, and checks the HMAC of every tenth with the subscription's secret, independently of
    /// Okno's code (<c>sha256=</c> hex HMAC-SHA256 of "{X-Okno-Timestamp}.{body}").</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Lock _lock = new();
        private readonly ConcurrentDictionary<long, int> _seen = new();
        private List<double> _latencies = [];
        private DateTimeOffset _first, _last;
        private int _requests, _checked, _bad, _repeats, _delayMs;

        public ConcurrentDictionary<string, string> Secrets { get; } = new();
        public string BaseUrl { get; private set; } = "";
        public int Unique => _seen.Count;
        public int BadSignatures => Volatile.Read(ref _bad);

        private Receiver(WebApplication app) => _app = app;

        public static async Task<Receiver> StartAsync(CancellationToken ct)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://{ReceiverHost}:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook/{path}", (Func<string, HttpContext, Task<IResult>>)receiver.HandleAsync);
            await app.StartAsync(ct);
            receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return receiver;
        }

        public void Reset(int delayMs)
        {
            lock (_lock)
            {
                _seen.Clear();
                _latencies = [];
                _first = default;
                _last = default;
                _requests = _checked = _bad = _repeats = 0;
                _delayMs = delayMs;
            }
        }

        public (int Unique, int Repeats, DateTimeOffset First, DateTimeOffset Last, Summary Latencies, int Checked, int Bad) Snapshot()
        {
            lock (_lock)
            {
                var sorted = _latencies.ToArray();
                Array.Sort(sorted);
                double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                var summary = new Summary(sorted.Length, 0, 0, At(0.5), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1],
                    sorted.Length == 0 ? double.NaN : sorted.Average());
                return (_seen.Count, _repeats, _first, _last, summary, _checked, _bad);
            }
        }

        private async Task<IResult> HandleAsync(string path, HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var at = DateTimeOffset.UtcNow;
            long id;
            DateTimeOffset occurred;
            using (var doc = JsonDocument.Parse(body))
            {
                id = doc.RootElement.GetProperty("id").GetInt64();
                occurred = doc.RootElement.GetProperty("occurredAt").GetDateTimeOffset();
            }
            var n = Interlocked.Increment(ref _requests);
            if (n % 10 == 1)
            {
                var valid = Secrets.TryGetValue(path, out var secret) && Valid(secret, context.Request.Headers["X-Okno-Timestamp"].ToString(), body,
                    context.Request.Headers["X-Okno-Signature"].ToString());
                Interlocked.Increment(ref _checked);
                if (!valid) Interlocked.Increment(ref _bad);
            }
            lock (_lock)
            {
                if (_seen.AddOrUpdate(id, 1, (_, c) => c + 1) > 1) _repeats++;
                else _latencies.Add((at - occurred).TotalMilliseconds);
                if (_first == default) _first = at;
                _last = at;
            }
            if (_delayMs > 0) await Task.Delay(_delayMs, context.RequestAborted);
            return Results.Text("ok");
        }

        private static bool Valid(string secret, string timestamp, string body, string signature)
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
            var expected = "sha256=" + Convert.ToHexStringLower(mac);
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
