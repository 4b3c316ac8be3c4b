using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Okno.Bench.Api;

namespace Okno.Bench.Chat;

/// <summary>`chat` (issue 17): the live chat under many open visitor connections, in one process. A chat channel is
/// created through the admin API; `visitors` visitor sessions each keep their `GET /events` stream (Server-Sent Events)
/// open while the admin keeps the agent stream `GET /api/v1/chat/events` open. After a warm-up message per visitor
/// (which opens its ticket) messages go out at `rate` per second in total from random visitors, and each one's latency is
/// taken from the start of its `POST /messages` to the agent stream's event carrying its clientId — both ends on this
/// process's clock. Then the open streams are raised to `held` and, after `hold-seconds`, counted: still open and
/// receiving the server's `: ping`. Okno's resident memory (and open files, CPU) come from /proc/&lt;pid&gt;.</summary>
public static class ChatBench
{
    private const string Origin = "https://shop.bench.example";
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var pid = args.Int("pid", 0, min: 0);
        var visitors = args.Int("visitors", 1000, min: 1, max: 100_000);
        var held = args.Int("held", 5000, min: 0, max: 100_000);
        var seconds = args.Int("seconds", 60, min: 1, max: 3600);
        var rate = args.Int("rate", 10, min: 1, max: 10_000);
        var warmupRate = args.Int("warmup-rate", 50, min: 1, max: 10_000);
        var holdSeconds = args.Int("hold-seconds", 30, min: 1, max: 3600);
        var widgetBytes = args.Int("widget-bytes", -1, min: -1);
        var widgetGzip = args.Int("widget-gzip", -1, min: -1);
        var output = args.Optional("out");
        var label = args.Optional("label");
        args.EnsureAllUsed();
        var baseUri = ApiBench.LoopbackOnly(url);
        // Thousands of stream readers wake at once on every ping round; a warm pool keeps them from queueing behind
        // the thread pool's slow growth (which would show up as latency of the bench, not of Okno).
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 16), Math.Max(64, Environment.ProcessorCount * 16));

        var okno = pid > 0 ? new OknoProcess(pid) : null;
        var report = new Report();
        report.Line($"load average at start {Load()}; Okno pid {(pid > 0 ? pid.ToString(CultureInfo.InvariantCulture) : "not given (no memory figures)")}");

        // Requests (sessions, messages) share a small pool of warm connections; each stream holds a connection of its own.
        using var requests = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10),
        }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        using var streams = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = int.MaxValue,
            ConnectTimeout = TimeSpan.FromSeconds(20),
        }) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

        var admin = await ApiBench.SignInAsync(requests, email, password, ct);
        var key = await CreateChannelAsync(requests, admin.Token, ct);
        report.Line($"signed in as {email} ({admin.Role}); chat channel created through POST /api/v1/channels/chat, allowed origin {Origin}");

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var idle = okno?.Snapshot();
        if (idle is not null) report.Line($"Okno idle (no visitor yet): {idle}");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var agent = new AgentStream();
        var agentTask = await agent.OpenAsync(streams, admin.Token, stop.Token);
        report.Line("agent stream GET /api/v1/chat/events open (admin)");

        // Phase 1: the visitors and their streams.
        var all = new List<Visitor>();
        var sessionTimes = new Latencies();
        var watch = Stopwatch.StartNew();
        all.AddRange(await CreateSessionsAsync(requests, key, visitors, 0, sessionTimes, ct));
        var sessionElapsed = watch.Elapsed;
        var sessions = sessionTimes.Summarize(sessionElapsed, 0);
        report.Line($"{visitors:N0} sessions (POST /session, 8 at a time) in {sessionElapsed.TotalSeconds:0.0} s: {sessions.PerSecond:0}/s, " +
                    $"p50 {Summary.Ms(sessions.P50)} ms, p99 {Summary.Ms(sessions.P99)} ms");
        var openTimes = new Latencies();
        watch.Restart();
        var openFailures = await OpenStreamsAsync(streams, key, all, openTimes, stop.Token);
        var opened = openTimes.Summarize(watch.Elapsed, 0);
        report.Line($"{all.Count(v => v.Open):N0} visitor streams open (GET /events, 32 at a time) in {watch.Elapsed.TotalSeconds:0.0} s, headers p50 " +
                    $"{Summary.Ms(opened.P50)} ms, p99 {Summary.Ms(opened.P99)} ms{Failures(openFailures)}");
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var connected = okno?.Snapshot();
        if (connected is not null) report.Line($"Okno with {all.Count(v => v.Alive):N0} visitor streams open: {connected}, {Above(connected, idle!)}");

        // Warm-up: each visitor's first message opens its ticket (a heavier write than a message on an open ticket).
        var warm = new Measure(agent);
        watch.Restart();
        await SendAsync(requests, key, all.Where(v => v.Open).ToList(), all.Count(v => v.Open), warmupRate, firstOfEach: true, warm, ct);
        await warm.DrainAsync(ct);
        report.Line($"warm-up: first message of each visitor (opens its ticket), {warmupRate}/s at most, 16 at a time, {watch.Elapsed.TotalSeconds:0.0} s: {warm.Describe()}");
        var withTicket = all.Where(v => v.HasTicket).ToList();
        if (withTicket.Count == 0) throw new BenchException("No visitor message reached the agent stream; see Okno's log.");

        // The measured minute.
        var cpuBefore = okno?.CpuSeconds();
        var measured = new Measure(agent);
        watch.Restart();
        await SendAsync(requests, key, withTicket, rate * seconds, rate, firstOfEach: false, measured, ct);
        var sendElapsed = watch.Elapsed;
        var cpuDuring = okno is null ? 0 : okno.CpuSeconds() - cpuBefore!.Value;
        await measured.DrainAsync(ct);
        var latency = measured.Latency();
        var roundTrip = measured.RoundTrip();
        report.Line($"measured: {rate} messages/s for {seconds} s from {withTicket.Count:N0} visitors, each with a fresh clientId: {measured.Describe()}");
        if (okno is not null)
            report.Line($"Okno CPU while sending: {cpuDuring / sendElapsed.TotalSeconds * 100:0}% of one core ({cpuDuring:0.0} s in {sendElapsed.TotalSeconds:0} s)");
        var end1 = okno?.Snapshot();
        if (end1 is not null) report.Line($"Okno at the end of phase 1: {end1}, {Above(end1, idle!)}");
        var brokenInPhase1 = all.Count(v => v.Open && !v.Alive);
        if (brokenInPhase1 > 0) report.Line($"visitor streams that ended during phase 1: {brokenInPhase1} ({Reasons(all)})");

        // Phase 2: hold `held` streams.
        HeldResult? holding = null;
        if (held > all.Count)
        {
            var more = held - all.Count;
            var moreSessions = new Latencies();
            watch.Restart();
            var added = await CreateSessionsAsync(requests, key, more, all.Count, moreSessions, ct);
            var moreSummary = moreSessions.Summarize(watch.Elapsed, 0);
            report.Line($"phase 2: {more:N0} more sessions in {watch.Elapsed.TotalSeconds:0.0} s ({moreSummary.PerSecond:0}/s, p99 {Summary.Ms(moreSummary.P99)} ms)");
            all.AddRange(added);
            var moreOpen = new Latencies();
            watch.Restart();
            var moreFailures = await OpenStreamsAsync(streams, key, added, moreOpen, stop.Token);
            var moreOpened = moreOpen.Summarize(watch.Elapsed, 0);
            report.Line($"phase 2: {added.Count(v => v.Open):N0} more streams open in {watch.Elapsed.TotalSeconds:0.0} s, headers p50 {Summary.Ms(moreOpened.P50)} ms, " +
                        $"p99 {Summary.Ms(moreOpened.P99)} ms{Failures(moreFailures)}; {all.Count(v => v.Alive):N0} streams open now");
            foreach (var v in all) v.MarkWindow();
            var heldCpu = okno?.CpuSeconds();
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds), ct);
            var heldCpuUsed = okno is null ? 0 : okno.CpuSeconds() - heldCpu!.Value;
            var alive = all.Count(v => v.Alive);
            var pinged = all.Count(v => v.Alive && v.PingsInWindow > 0);
            var snapshot = okno?.Snapshot();
            var oknoFiles = okno?.OpenFiles();
            var benchFiles = Directory.GetFiles("/proc/self/fd").Length;
            holding = new HeldResult(all.Count, pinged, alive, snapshot, oknoFiles, benchFiles);
            report.Line($"held after {holdSeconds} s: {pinged:N0} of {all.Count:N0} streams open and pinged in the window; {alive:N0} open; " +
                        $"{all.Count(v => v.Open && !v.Alive):N0} ended ({Reasons(all)}); {all.Count(v => !v.Open):N0} never opened");
            report.Line($"pings per stream in the {holdSeconds} s window: {PingSpread(all)}");
            if (snapshot is not null)
                report.Line($"Okno holding them: {snapshot}, {Above(snapshot, idle!)}; CPU {heldCpuUsed / holdSeconds * 100:0}% of one core while holding");
            report.Line($"open files: Okno {oknoFiles?.ToString(CultureInfo.InvariantCulture) ?? "?"} (limit {OknoProcess.FileLimit(pid)}), " +
                        $"bench {benchFiles} (limit {OknoProcess.FileLimit(Environment.ProcessId)})");
        }
        else if (held > 0) report.Line($"phase 2 skipped: held {held} ≤ visitors {visitors}");

        var agentNote = agent.Describe();
        report.Line($"agent stream: {agentNote}");
        await stop.CancelAsync();
        await Task.WhenAll(all.Select(v => v.Task ?? Task.CompletedTask).Append(agentTask));
        foreach (var v in all) v.Dispose();

        var widget = widgetGzip >= 0
            ? $"{widgetGzip:N0} bytes gzipped (`gzip -9`), {widgetBytes:N0} bytes raw"
            : "not measured: src/Okno/wwwroot/widget.js is not there yet";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — live chat: {visitors:N0} visitors, {held:N0} held{(label is null ? "" : " — " + label)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`Okno.Bench chat --visitors {visitors} --held {held} --seconds {seconds} --rate {rate}`: Okno on a fresh SQLite data folder, one bench process holding every stream (HTTP/1.1, a connection each), admin on the agent stream. Latency: start of the visitor's `POST /messages` → the agent stream's `event: message` with its clientId; lost = no event within 10 s.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; Okno and the bench share it.")
            .AppendLine()
            .AppendLine("| Figure | Value | Target (issue 17) |")
            .AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| visitor → agent, {rate} msg/s, {visitors:N0} streams: p50 / p95 / p99 / max | {Summary.Ms(latency.P50)} / {Summary.Ms(latency.P95)} / {Summary.Ms(latency.P99)} / {Summary.Ms(latency.Max)} ms | p99 ≤ 100 ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| messages sent / lost / failed | {measured.Sent:N0} / {measured.Lost:N0} / {measured.Failed:N0} | 0 lost |")
            .AppendLine(CultureInfo.InvariantCulture, $"| `POST /messages` round trip p50 / p99 | {Summary.Ms(roundTrip.P50)} / {Summary.Ms(roundTrip.P99)} ms | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Okno memory idle → {visitors:N0} streams (above idle) | {Mb(idle)} → {Mb(connected)} ({AboveMb(connected, idle)}) | ≤ 150 MB above idle |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Okno memory at the end of phase 1 (above idle) | {Mb(end1)} ({AboveMb(end1, idle)}) | |");
        if (holding is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"| streams held after {holdSeconds} s (open and pinged) | {holding.Pinged:N0} of {holding.Total:N0} | {held:N0} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| Okno memory holding them (above idle) | {Mb(holding.Memory)} ({AboveMb(holding.Memory, idle)}) | |")
                .AppendLine(CultureInfo.InvariantCulture, $"| file descriptors: `ulimit -n` set for both processes; open while holding | {OknoProcess.FileLimit(Environment.ProcessId)}; Okno {holding.OknoFiles?.ToString(CultureInfo.InvariantCulture) ?? "?"}, bench {holding.BenchFiles} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| widget.js | {widget} | |")
            .AppendLine()
            .AppendLine("```text");
        foreach (var line in report.Lines) text.AppendLine(line);
        text.AppendLine("```");
        Console.WriteLine(text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT chat p50={latency.P50:0.0} p95={latency.P95:0.0} p99={latency.P99:0.0} max={latency.Max:0.0} lost={measured.Lost} failed={measured.Failed} " +
            $"post_p50={roundTrip.P50:0.0} post_p99={roundTrip.P99:0.0} above_idle_mb={AboveMbValue(connected, idle)} held={holding?.Pinged ?? 0}"));
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.AppendAllTextAsync(output, text + "\n", CancellationToken.None);
            Console.Error.WriteLine($"written to {output}");
        }
        return measured.Sent > 0 && measured.Lost == 0 && measured.Failed == 0 ? 0 : 1;
    }

    private sealed record HeldResult(int Total, int Pinged, int Alive, OknoProcess.Memory? Memory, int? OknoFiles, int BenchFiles);

    private static async Task<string> CreateChannelAsync(HttpClient http, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/channels/chat")
        {
            Content = JsonContent.Create(new
            {
                name = $"Bench chat {DateTime.UtcNow:HHmmss}",
                groupId = (long?)null,
                settings = new
                {
                    allowedOrigins = new[] { Origin },
                    title = "Bench chat", greeting = "Hello from the benchmark", accent = "#1565c0",
                    prechatName = "off", prechatEmail = "off", prechatPhone = "off",
                    calendarId = (long?)null, emailAccountId = (long?)null, offlineText = "We are offline",
                    invitations = Array.Empty<object>(),
                },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"Creating the chat channel failed: {(int)response.StatusCode} {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.TryGetProperty("settings", out var settings) && settings.TryGetProperty("key", out var key) && key.GetString() is { Length: > 0 } k
            ? k : throw new BenchException($"The chat channel's answer has no settings.key: {text}");
    }

    private static HttpRequestMessage Widget(HttpMethod method, string key, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/widget/v1/{key}/{path}");
        request.Headers.TryAddWithoutValidation("Origin", Origin);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private static async Task<List<Visitor>> CreateSessionsAsync(HttpClient http, string key, int count, int first, Latencies times, CancellationToken ct)
    {
        var made = new Visitor[count];
        var ms = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var start = Stopwatch.GetTimestamp();
            using var request = Widget(HttpMethod.Post, key, "session", null,
                new { lang = i % 2 == 0 ? "ru" : "en", page = new { url = "https://shop.bench.example/pricing", title = "Pricing" } });
            using var response = await http.SendAsync(request, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode) throw new BenchException($"POST /session failed: {(int)response.StatusCode} {text}");
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            using var doc = JsonDocument.Parse(text);
            made[i] = new Visitor(first + i, doc.RootElement.GetProperty("token").GetString()!);
        });
        times.AddRange([.. ms]);
        return [.. made];
    }

    /// <summary>Opens each visitor's stream; a stream counts as open once its headers (200, text/event-stream) arrived.
    /// Returns the failures by reason.</summary>
    private static async Task<Dictionary<string, int>> OpenStreamsAsync(HttpClient http, string key, List<Visitor> visitors, Latencies times, CancellationToken ct)
    {
        var failures = new ConcurrentDictionary<string, int>();
        var ms = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(visitors, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (v, _) =>
        {
            var start = Stopwatch.GetTimestamp();
            var failure = await v.OpenAsync(http, key, ct);
            if (failure is null) ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            else failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
        });
        times.AddRange([.. ms]);
        return new Dictionary<string, int>(failures);
    }

    private static readonly string[] Texts =
    [
        "Здравствуйте! Не проходит оплата картой, что делать?",
        "Hello, where can I find my invoice for last month?",
        "Подскажите, пожалуйста, сроки доставки в Казань.",
        "Can I change the delivery address after ordering?",
        "Принтер пишет «E042», заказ не печатается.",
    ];

    /// <summary>Sends `count` messages at `perSecond` (on a fixed schedule, not waiting for answers, at most 16 in flight
    /// for the warm-up), each from a visitor: in order once each (`firstOfEach`) or at random.</summary>
    private static async Task SendAsync(HttpClient http, string key, List<Visitor> visitors, int count, int perSecond, bool firstOfEach, Measure measure, CancellationToken ct)
    {
        var random = new Random(20261205 + count);
        var inFlight = new SemaphoreSlim(firstOfEach ? 16 : 1000);
        var tasks = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            await inFlight.WaitAsync(ct);
            var visitor = firstOfEach ? visitors[i] : visitors[random.Next(visitors.Count)];
            var text = Texts[i % Texts.Length];
            tasks.Add(Task.Run(async () =>
            {
                try { await measure.SendOneAsync(http, key, visitor, text, ct); }
                finally { inFlight.Release(); }
            }, ct));
        }
        await Task.WhenAll(tasks);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Failures(Dictionary<string, int> failures) =>
        failures.Count == 0 ? "" : "; FAILED: " + string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value} × {f.Key}"));

    private static string Reasons(List<Visitor> all)
    {
        var reasons = all.Where(v => v.Open && !v.Alive).GroupBy(v => v.Ended ?? "?").OrderByDescending(g => g.Count()).Take(5)
            .Select(g => $"{g.Count()} × {g.Key}").ToList();
        return reasons.Count == 0 ? "none" : string.Join(", ", reasons);
    }

    private static string PingSpread(List<Visitor> all) =>
        string.Join(", ", all.Where(v => v.Open).GroupBy(v => v.PingsInWindow).OrderBy(g => g.Key).Select(g => $"{g.Key} ping(s): {g.Count():N0}"));

    private static string Mb(OknoProcess.Memory? m) => m is null ? "–" : $"{m.RssKb / 1024.0:0} MB";

    private static string AboveMb(OknoProcess.Memory? m, OknoProcess.Memory? idle) => m is null || idle is null ? "–" : $"+{AboveMbValue(m, idle)} MB";

    private static string AboveMbValue(OknoProcess.Memory? m, OknoProcess.Memory? idle) =>
        m is null || idle is null ? "?" : ((m.RssKb - idle.RssKb) / 1024.0).ToString("0", CultureInfo.InvariantCulture);

    private static string Above(OknoProcess.Memory m, OknoProcess.Memory idle) => $"{AboveMb(m, idle)} above idle";

    private sealed class Report
    {
        public List<string> Lines { get; } = [];

        public void Line(string text)
        {
            Console.Error.WriteLine("chat: " + text);
            Lines.Add(text);
        }
    }

    /// <summary>The messages of one phase: when each was sent (by clientId, registered before its POST starts so an
    /// event that beats the answer is still matched), the POST's round trip, and the latency to the agent stream.</summary>
    private sealed class Measure
    {
        private readonly AgentStream _agent;
        private readonly ConcurrentDictionary<string, Pending> _pending = new();
        private readonly ConcurrentBag<double> _latency = [];
        private readonly ConcurrentBag<double> _roundTrip = [];
        private readonly ConcurrentDictionary<string, int> _failures = new();
        private long _lastStart;
        private readonly ConcurrentDictionary<string, byte> _matched = new();
        private int _sent, _lost, _failed, _late, _wrongId, _twice;

        public Measure(AgentStream agent)
        {
            _agent = agent;
            agent.OnMessage = Arrived;
        }

        public int Sent => _sent;
        public int Lost => _lost;
        public int Failed => _failed;

        private sealed class Pending(Visitor visitor, long start)
        {
            public Visitor Visitor { get; } = visitor;
            public long Start { get; } = start;
            public long MessageId { get; set; }
        }

        public async Task SendOneAsync(HttpClient http, string key, Visitor visitor, string text, CancellationToken ct)
        {
            var clientId = Guid.NewGuid().ToString("N");
            var start = Stopwatch.GetTimestamp();
            var pending = new Pending(visitor, start);
            _pending[clientId] = pending;
            Interlocked.Exchange(ref _lastStart, start);
            Interlocked.Increment(ref _sent);
            try
            {
                using var request = Widget(HttpMethod.Post, key, "messages", visitor.Token, new { clientId, text });
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                _roundTrip.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Fail(clientId, $"{(int)response.StatusCode} {Code(body)}");
                    return;
                }
                using var doc = JsonDocument.Parse(body);
                pending.MessageId = doc.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : 0;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Fail(clientId, e.GetType().Name);
            }
        }

        private void Fail(string clientId, string reason)
        {
            if (_pending.TryRemove(clientId, out _)) Interlocked.Increment(ref _failed);
            _failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }

        private static string Code(string body)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";
            }
            catch (JsonException)
            {
                return body.Length > 80 ? body[..80] : body;
            }
        }

        private void Arrived(string clientId, long messageId, long at)
        {
            if (!_pending.TryRemove(clientId, out var pending))
            {
                if (_matched.ContainsKey(clientId)) Interlocked.Increment(ref _twice);
                return;
            }
            _matched[clientId] = 0;
            var ms = Stopwatch.GetElapsedTime(pending.Start, at).TotalMilliseconds;
            if (pending.MessageId != 0 && messageId != 0 && pending.MessageId != messageId) Interlocked.Increment(ref _wrongId);
            if (ms > LostAfter.TotalMilliseconds)
            {
                Interlocked.Increment(ref _late);
                Interlocked.Increment(ref _lost);
                return;
            }
            _latency.Add(ms);
            pending.Visitor.HasTicket = true;
        }

        /// <summary>Waits until every message arrived, or 10 s after the last one was sent; what is still missing is lost.</summary>
        public async Task DrainAsync(CancellationToken ct)
        {
            while (!_pending.IsEmpty && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastStart)) < LostAfter)
                await Task.Delay(50, ct);
            foreach (var clientId in _pending.Keys)
                if (_pending.TryRemove(clientId, out _)) Interlocked.Increment(ref _lost);
        }

        public Summary Latency()
        {
            var l = new Latencies();
            l.AddRange([.. _latency]);
            return l.Summarize(TimeSpan.FromSeconds(1), 0);
        }

        public Summary RoundTrip()
        {
            var l = new Latencies();
            l.AddRange([.. _roundTrip]);
            return l.Summarize(TimeSpan.FromSeconds(1), 0);
        }

        public string Describe()
        {
            var l = Latency();
            var r = RoundTrip();
            var text = $"{_sent:N0} sent, {l.Count:N0} arrived, {_lost:N0} lost ({_late} of them late), {_failed:N0} failed; to the agent stream p50 {Summary.Ms(l.P50)} ms, " +
                       $"p95 {Summary.Ms(l.P95)}, p99 {Summary.Ms(l.P99)}, max {Summary.Ms(l.Max)}; POST round trip p50 {Summary.Ms(r.P50)} ms, p99 {Summary.Ms(r.P99)}";
            if (_wrongId > 0) text += $"; {_wrongId} events with another messageId than the POST's answer";
            if (_twice > 0) text += $"; {_twice} messages came TWICE on the agent stream (the same clientId again)";
            if (!_failures.IsEmpty) text += "; failures: " + string.Join(", ", _failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value} × {f.Key}"));
            return text;
        }
    }

    /// <summary>The admin's `GET /api/v1/chat/events`: each `event: message` is handed over with the moment it was read.</summary>
    private sealed class AgentStream
    {
        private int _messages, _pings, _typing, _other, _unknownIds, _duplicates;
        private readonly ConcurrentDictionary<string, byte> _seen = new();
        private readonly List<string> _endings = [];

        public Action<string, long, long>? OnMessage { get; set; }

        /// <summary>Opens the stream (failing the run if it cannot) and returns the task that reads it; a stream the server
        /// ends is opened again after a second, as an agent app would, and each ending is reported.</summary>
        public async Task<Task> OpenAsync(HttpClient http, string token, CancellationToken ct)
        {
            var body = await ConnectAsync(http, token, ct);
            return Task.Run(async () =>
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        body ??= await ConnectAsync(http, token, ct);
                        await Sse.ReadAsync(body, Dispatch, () => Interlocked.Increment(ref _pings), ct);
                        lock (_endings) _endings.Add("the server ended it");
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
                    catch (Exception e) when (e is HttpRequestException or IOException or BenchException)
                    {
                        lock (_endings) _endings.Add(e.GetType().Name + ": " + e.Message);
                    }
                    finally
                    {
                        body?.Dispose();
                        body = null;
                    }
                    try
                    {
                        await Task.Delay(1000, ct);
                    }
                    catch (OperationCanceledException) { }
                }
            }, CancellationToken.None);
        }

        private static async Task<Stream> ConnectAsync(HttpClient http, string token, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/chat/events");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(ct);
            headers.CancelAfter(TimeSpan.FromSeconds(20));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                response.Dispose();
                throw new BenchException($"GET /api/v1/chat/events: {(int)response.StatusCode} {text}");
            }
            // Disposing the body stream closes the response (and its connection).
            return await response.Content.ReadAsStreamAsync(ct);
        }

        private void Dispatch(string name, string data, string? id)
        {
            var at = Stopwatch.GetTimestamp();
            switch (name)
            {
                case "message":
                    Interlocked.Increment(ref _messages);
                    using (var doc = JsonDocument.Parse(data))
                    {
                        var clientId = doc.RootElement.TryGetProperty("clientId", out var c) ? c.GetString() : null;
                        var messageId = doc.RootElement.TryGetProperty("messageId", out var m) && m.TryGetInt64(out var value) ? value : 0;
                        if (clientId is null)
                        {
                            Interlocked.Increment(ref _unknownIds);
                            break;
                        }
                        if (!_seen.TryAdd(clientId, 0)) Interlocked.Increment(ref _duplicates);
                        OnMessage?.Invoke(clientId, messageId, at);
                    }
                    break;
                case "typing": Interlocked.Increment(ref _typing); break;
                default: Interlocked.Increment(ref _other); break;
            }
        }

        public string Describe()
        {
            var text = $"{_messages:N0} message events ({_duplicates} repeated clientIds, {_unknownIds} without clientId), {_typing} typing, {_other} other, {_pings} pings";
            lock (_endings)
                return _endings.Count == 0 ? text + "; open to the end"
                    : text + $"; ENDED {_endings.Count} time(s), reopened: " + string.Join("; ", _endings.GroupBy(e => e).Select(g => $"{g.Count()} × {g.Key}"));
        }
    }

    /// <summary>One visitor: its token and its `GET /events` stream, read to the end on a task of its own.</summary>
    private sealed class Visitor(int index, string token) : IDisposable
    {
        private HttpResponseMessage? _response;
        private int _pings, _windowStart, _events;

        public int Index { get; } = index;
        public string Token { get; } = token;
        public bool Open { get; private set; }
        public bool Alive => Open && Ended is null;
        public string? Ended { get; private set; }
        public Task? Task { get; private set; }
        public bool HasTicket { get; set; }
        public int PingsInWindow => Volatile.Read(ref _pings) - _windowStart;

        public void MarkWindow() => _windowStart = Volatile.Read(ref _pings);

        public async Task<string?> OpenAsync(HttpClient http, string key, CancellationToken ct)
        {
            var request = Widget(HttpMethod.Get, key, "events", Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(ct);
            headers.CancelAfter(TimeSpan.FromSeconds(20));
            try
            {
                _response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return "no headers within 20 s";
            }
            catch (HttpRequestException e)
            {
                return e.HttpRequestError + (e.InnerException is { } inner ? " (" + inner.Message + ")" : "");
            }
            finally
            {
                request.Dispose();
            }
            if (!_response.IsSuccessStatusCode) return $"{(int)_response.StatusCode}";
            if (_response.Content.Headers.ContentType?.MediaType != "text/event-stream") return $"content type {_response.Content.Headers.ContentType}";
            var body = await _response.Content.ReadAsStreamAsync(ct);
            Open = true;
            Task = System.Threading.Tasks.Task.Run(async () =>
            {
                try
                {
                    await Sse.ReadAsync(body, (_, _, _) => Interlocked.Increment(ref _events), () => Interlocked.Increment(ref _pings), ct);
                    Ended = "the server ended it";
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    Ended = e.InnerException?.GetType().Name ?? e.GetType().Name;
                }
            }, CancellationToken.None);
            return null;
        }

        public void Dispose() => _response?.Dispose();
    }

    /// <summary>A Server-Sent Events reader: fields per the spec (event, data, id; a blank line dispatches), comments
    /// (`: ping`) reported apart.</summary>
    private static class Sse
    {
        public static async Task ReadAsync(Stream stream, Action<string, string, string?> onEvent, Action onComment, CancellationToken ct)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024);
            string? name = null, id = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0 || name is not null) onEvent(name ?? "message", data.ToString(), id);
                    name = null;
                    id = null;
                    data.Clear();
                    continue;
                }
                if (line[0] == ':')
                {
                    onComment();
                    continue;
                }
                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..];
                if (value.StartsWith(' ')) value = value[1..];
                switch (field)
                {
                    case "event": name = value; break;
                    case "id": id = value; break;
                    case "data":
                        if (data.Length > 0) data.Append('\n');
                        data.Append(value);
                        break;
                }
            }
        }
    }

    /// <summary>Okno's process as /proc shows it: resident memory, CPU time, open files.</summary>
    private sealed class OknoProcess(int pid)
    {
        public sealed record Memory(long RssKb, long HwmKb)
        {
            public override string ToString() => $"resident {RssKb / 1024.0:0} MB (peak {HwmKb / 1024.0:0} MB)";
        }

        public Memory Snapshot() => new(Read("VmRSS"), Read("VmHWM"));

        private long Read(string field)
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return 0;
        }

        /// <summary>utime + stime from /proc/pid/stat (fields 14 and 15, after the command name in parentheses), in seconds
        /// at the kernel's usual 100 ticks per second.</summary>
        public double CpuSeconds()
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        public int OpenFiles() => Directory.GetFiles($"/proc/{pid}/fd").Length;

        public static string FileLimit(int pid)
        {
            if (pid <= 0 || !File.Exists($"/proc/{pid}/limits")) return "?";
            var line = File.ReadLines($"/proc/{pid}/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            return line is null ? "?" : line["Max open files".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        }
    }
}
