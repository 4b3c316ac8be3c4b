using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Okno.Bench.Api;

/// <summary>`api`: latency and throughput of Okno's REST API on the data that is in it. Every scenario runs a warm-up and
/// then a measurement, each bounded by time and by request count, against a loopback address only.</summary>
public static class ApiBench
{
    private const int MaxRequestsPerScenario = 200_000;
    private const int MaxWarmUpRequestsPerClient = 500;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var seconds = args.Int("seconds", 10, min: 1, max: 600);
        var warmUp = args.Int("warmup", 2, min: 0, max: 60);
        var readClients = args.Int("clients", 1, min: 1, max: 256);
        var output = args.Optional("out");
        var floor1 = args.Double("floor");
        var floor32 = args.Double("floor32");
        var label = args.Optional("label");
        var words = (args.Optional("search") ?? "принтер,invoice,xyzzy").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var agentEmail = args.Optional("agent") ?? "auto";
        var agentPassword = args.Optional("agent-password") ?? password;
        var only = args.Optional("only") ?? "all";
        Sorts = (args.Optional("sorts") ?? "updated,priority").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Sorts.Any(s => s is not ("updated" or "priority" or "due" or "created")))
            throw new UsageException("--sorts is a comma-separated list of created, updated, priority, due.");
        if (only is not ("all" or "inbox" or "create")) throw new UsageException($"--only must be all, inbox or create, not {only}.");
        args.EnsureAllUsed();

        var baseUri = LoopbackOnly(url);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AllowAutoRedirect = false, // never follow an answer elsewhere
            UseCookies = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

        var token = await SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var provider = await ProviderAsync(http, ct);
        var maxTicketId = await NewestIdAsync(http, "/api/v1/tickets?limit=1", ct);
        var maxContactId = await NewestIdAsync(http, "/api/v1/contacts?limit=1", ct);
        if (maxTicketId == 0 || maxContactId == 0)
            throw new BenchException("Okno has no tickets or no contacts: run `generate` first (bench/README.md).");
        Console.Error.WriteLine($"api: {provider} at {baseUri}, signed in as {email} ({token.Role}); newest ticket id {maxTicketId:N0}, newest contact id {maxContactId:N0}");

        // The agent inbox as an ordinary agent sees it: their lists merge one range per group (and unrouted, and their own).
        if (only == "create") agentEmail = "none";
        if (agentEmail == "auto") agentEmail = await PickAgentAsync(http, ct);
        using var agentHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        SignedIn? agentToken = null;
        if (agentEmail is not (null or "none"))
        {
            agentToken = await SignInAsync(agentHttp, agentEmail, agentPassword, ct);
            agentHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentToken.Token);
            Console.Error.WriteLine($"api: inbox also as {agentEmail} ({agentToken.Role}, {agentToken.Groups} group(s))");
        }

        var runTag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var scenarios = new List<Scenario>
        {
            new("List tickets, first page (`GET /tickets?limit=25`)", readClients, (c, t) => GetAsync(c, "/api/v1/tickets?limit=25", t)),
            new("List tickets, following pages via `nextCursor`", readClients, (c, t) => NextPageAsync(c, "/api/v1/tickets?limit=25", t)),
            new("List open tickets (`GET /tickets?status=open`)", readClients, (c, t) => GetAsync(c, "/api/v1/tickets?status=open&limit=25", t)),
            new("Ticket by random id (`GET /tickets/{id}`)", readClients, (c, t) => GetAsync(c, $"/api/v1/tickets/{c.RandomId(maxTicketId)}", t)),
            new("Messages of a random ticket (`/tickets/{id}/messages`)", readClients, (c, t) => GetAsync(c, $"/api/v1/tickets/{c.RandomId(maxTicketId)}/messages", t)),
            new("History of a random ticket (`/tickets/{id}/history`)", readClients, (c, t) => GetAsync(c, $"/api/v1/tickets/{c.RandomId(maxTicketId)}/history", t)),
            new("Tickets of a random contact (`/contacts/{id}/tickets`)", readClients, (c, t) => GetAsync(c, $"/api/v1/contacts/{c.RandomId(maxContactId)}/tickets", t)),
        };
        scenarios.AddRange(words.Select(w => new Scenario($"Search `{w}` (`GET /search?q=`)", readClients,
            (c, t) => GetAsync(c, "/api/v1/search?q=" + Uri.EscapeDataString(w), t))));
        scenarios.AddRange(InboxScenarios($"{token.Role} ", null, readClients));
        if (agentToken is not null) scenarios.AddRange(InboxScenarios($"{agentToken.Role} ", agentHttp, readClients));
        if (only == "all") scenarios.AddRange(await PageScenarios.PrepareAsync(http, runTag, ct));
        scenarios.Add(new("Create ticket (`POST /tickets`), 1 client", 1, (c, t) => CreateAsync(c, runTag, t), IsCreate: true));
        scenarios.Add(new("Create ticket (`POST /tickets`), 32 clients", 32, (c, t) => CreateAsync(c, runTag, t), IsCreate: true));
        // --only inbox|create: those rows alone (quick re-runs while looking at a query or at writes); the results file says so in the label.
        if (only == "inbox") scenarios.RemoveAll(sc => !sc.Name.Contains("inbox", StringComparison.Ordinal) && !sc.Name.Contains("counts", StringComparison.Ordinal));
        if (only == "create") scenarios.RemoveAll(sc => !sc.IsCreate);

        var results = new List<(Scenario Scenario, Summary Summary, string Codes)>();
        var outbox = new Dictionary<Scenario, OutboxFigures>();
        try
        {
            foreach (var scenario in scenarios)
            {
                ct.ThrowIfCancellationRequested();
                Console.Error.WriteLine($"  {scenario.Name} × {scenario.Clients}: warm-up {warmUp}s, measure {seconds}s…");
                var measure = () => MeasureAsync(scenario.Http ?? http, scenario, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), ct);
                // Creations also show how the ticket event outbox keeps up (its drain rate and lag).
                var ((summary, codes), figures) = scenario.IsCreate ? await OutboxWatch.WatchAsync(http, measure, ct) : (await measure(), (OutboxFigures?)null);
                results.Add((scenario, summary, codes));
                if (figures is not null) outbox[scenario] = figures;
            }
        }
        catch (ServerGoneException e)
        {
            // Partial figures go to the console only: a results file should never hold a run that broke off.
            Console.Error.WriteLine(e.Message + " Nothing was written to the results file.");
            if (results.Count > 0)
                Console.WriteLine(Report(results, provider, baseUri, email, token.Role, agentEmail, agentToken, maxTicketId, readClients, seconds, warmUp, label, floor1, floor32));
            return 1;
        }

        var report = Report(results, provider, baseUri, email, token.Role, agentEmail, agentToken, maxTicketId, readClients, seconds, warmUp, label, floor1, floor32, outbox);
        Console.WriteLine(report);
        var path = output ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-{provider}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Appended, so several runs of a day (sizes, providers, agents) stay side by side in one file.
        await File.AppendAllTextAsync(path, report + "\n", ct);
        Console.Error.WriteLine($"written to {path}");
        return results.Any(r => r.Summary.Count == 0) ? 1 : 0;
    }

    internal static Uri LoopbackOnly(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException("--url must be an absolute http(s) URL.");
        var host = uri.Host.Trim('[', ']');
        if (!(host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "::1"))
            throw new UsageException($"Refusing {uri.Host}: the benchmark only runs against 127.0.0.1 or localhost.");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>GET /health with its details: they are for admins, the monitoring token or listed networks. run.sh gives
    /// Okno a monitoring token (Okno__Health__Token) and the benchmark the same one in OKNO_HEALTH_TOKEN; without it the
    /// client's own bearer token (an admin's) is sent.</summary>
    internal static HttpRequestMessage HealthRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        if (Environment.GetEnvironmentVariable("OKNO_HEALTH_TOKEN") is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    internal static async Task<string> ProviderAsync(HttpClient http, CancellationToken ct)
    {
        using var request = HealthRequest();
        using var response = await http.SendAsync(request, ct);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.TryGetProperty("checks", out var checks) && checks.TryGetProperty("database", out var database)
            && database.TryGetProperty("data", out var data) && data.TryGetProperty("provider", out var provider)
            ? provider.GetString() ?? "unknown" : "unknown";
    }

    internal sealed record SignedIn(string Token, string Role, int Groups);

    internal static async Task<SignedIn> SignInAsync(HttpClient http, string email, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"Sign-in as {email} failed: {(int)response.StatusCode} {text}");
        using var doc = JsonDocument.Parse(text);
        var agent = doc.RootElement.GetProperty("agent");
        return new SignedIn(doc.RootElement.GetProperty("token").GetString()!, agent.GetProperty("role").GetString() ?? "?",
            agent.TryGetProperty("groupIds", out var groups) && groups.ValueKind == JsonValueKind.Array ? groups.GetArrayLength() : 0);
    }

    /// <summary>An ordinary agent for the inbox rows: among the first agents (by id), the first with role agent in two or
    /// three groups (more ranges to merge than one), else in one group. Null when none is found.</summary>
    internal static async Task<string?> PickAgentAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/v1/agents?limit=100", ct);
        if (!response.IsSuccessStatusCode) return null;
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var agents = doc.RootElement.GetProperty("items").EnumerateArray()
            .Where(a => string.Equals(a.GetProperty("role").GetString(), "agent", StringComparison.OrdinalIgnoreCase)
                && a.TryGetProperty("isActive", out var active) && active.GetBoolean())
            .Select(a => (Email: a.GetProperty("email").GetString()!, Groups: a.GetProperty("groupIds").GetArrayLength()))
            .Where(a => a.Groups is >= 1 and <= 3).ToList();
        return agents.FirstOrDefault(a => a.Groups >= 2).Email ?? agents.FirstOrDefault().Email;
    }

    /// <summary>The standard inbox views as the workspace asks for them: a first page and the pages after it through
    /// nextCursor, by last activity (the UI's default) and by priority; and the view counters.</summary>
    private static IEnumerable<Scenario> InboxScenarios(string who, HttpClient? http, int clients)
    {
        foreach (var view in InboxViewNames)
            foreach (var sort in Sorts)
            {
                var path = $"/api/v1/tickets?view={view}&sort={sort}&limit=25";
                yield return new($"{who}inbox `{view}`, sort={sort}, first page", clients, (c, t) => GetAsync(c, path, t), Http: http);
                yield return new($"{who}inbox `{view}`, sort={sort}, following pages", clients, (c, t) => NextPageAsync(c, path, t), Http: http);
            }
        if (Sorts.Contains("due"))
        {
            const string atRisk = "/api/v1/tickets?view=all_open&sla=at_risk&sort=due&limit=25";
            yield return new($"{who}inbox overdue / at risk (`sla=at_risk`), sort=due, first page", clients, (c, t) => GetAsync(c, atRisk, t), Http: http);
            yield return new($"{who}inbox overdue / at risk (`sla=at_risk`), sort=due, following pages", clients, (c, t) => NextPageAsync(c, atRisk, t), Http: http);
        }
        yield return new($"{who}view counts (`GET /tickets/counts`)", clients, (c, t) => GetAsync(c, "/api/v1/tickets/counts", t), Http: http);
    }

    /// <summary>The inbox orders measured (<c>--sorts</c>); with <c>due</c> also the overdue / at-risk list.</summary>
    private static string[] Sorts = ["updated", "priority"];

    private static readonly string[] InboxViewNames = ["mine", "unassigned", "my_groups", "all_open", "waiting", "closed"];

    private static async Task<long> NewestIdAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var items = doc.RootElement.GetProperty("items");
        return items.GetArrayLength() == 0 ? 0 : items[0].GetProperty("id").GetInt64();
    }

    /// <summary>Http: another signed-in client (the ordinary agent) instead of the main one.</summary>
    internal sealed record Scenario(string Name, int Clients, Func<Client, CancellationToken, Task<HttpStatusCode>> Run, bool IsCreate = false,
        HttpClient? Http = null);

    /// <summary>One simulated client: its own random stream and, for paging, where it is in the list.</summary>
    internal sealed class Client(HttpClient http, int index)
    {
        private readonly Random _random = new(4242 + index);
        public HttpClient Http { get; } = http;
        public int Index { get; } = index;
        public string? Cursor { get; set; }
        public int Sequence { get; set; }
        public long RandomId(long max) => _random.NextInt64(1, max + 1);
        public int Next(int max) => _random.Next(max);
    }

    internal static async Task<HttpStatusCode> GetAsync(Client client, string path, CancellationToken ct)
    {
        using var response = await client.Http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode;
    }

    /// <summary>The next page of a list for this client (the first page again after the last one).</summary>
    private static async Task<HttpStatusCode> NextPageAsync(Client client, string list, CancellationToken ct)
    {
        var path = client.Cursor is null ? list : list + "&cursor=" + Uri.EscapeDataString(client.Cursor);
        using var response = await client.Http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        if (response.IsSuccessStatusCode)
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            client.Cursor = doc.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        else client.Cursor = null;
        return response.StatusCode;
    }

    private static readonly string[] CreateSubjects = ["Не печатает принтер в бухгалтерии", "VPN disconnects every hour",
        "Не приходит счёт за ноябрь", "Cannot export the monthly report", "Ошибка 500 в личном кабинете", "Refund for order"];
    private static readonly string[] CreateBodies = ["Здравствуйте!\n\nПринтер HP в бухгалтерии с утра не печатает, задания висят в очереди. Перезагрузка не помогла.\n\nСпасибо!",
        "Hello,\n\nOur VPN drops every hour since the update, the whole sales team is affected.\n\nBest regards"];
    private static readonly string[] Types = ["question", "incident", "problem", "request", "bug", "feature_request", "unclear_feature"];
    private static readonly string[] Channels = ["email", "web", "chat", "telegram", "phone", "api", "messenger"];

    /// <summary>A new ticket from one of a thousand customers: the first ticket of each makes the contact (on a company's
    /// domain, so it joins the company), later ones find it — the mix a live desk sees.</summary>
    internal static async Task<HttpStatusCode> CreateAsync(Client client, string runTag, CancellationToken ct)
    {
        var customer = client.Next(1000);
        var n = client.Sequence++;
        var request = new
        {
            subject = $"{CreateSubjects[client.Next(CreateSubjects.Length)]} ({runTag}-{client.Index}-{n})",
            body = CreateBodies[client.Next(CreateBodies.Length)],
            customer = new { email = $"load{runTag}-{customer}@c{1 + customer % 50}.example", name = $"Нагрузка {customer}" },
            priority = "normal",
            type = Types[client.Next(Types.Length)],
            channel = Channels[client.Next(Channels.Length)],
            tags = client.Next(4) == 0 ? new[] { "bench" } : null,
        };
        using var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("/api/v1/tickets", content, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode;
    }

    internal static async Task<(Summary Summary, string Codes)> MeasureAsync(HttpClient http, Scenario scenario, TimeSpan warmUp,
        TimeSpan duration, CancellationToken ct)
    {
        var clients = Enumerable.Range(0, scenario.Clients).Select(i => new Client(http, i)).ToArray();
        // Warm-up: JIT, connection pool, database caches. Bounded by time and by count, measured by nobody.
        var warmUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < MaxWarmUpRequestsPerClient && Stopwatch.GetTimestamp() < warmUntil; i++)
                await SendAsync(scenario, c, ct);
        }, ct)));
        foreach (var c in clients) c.Cursor = null;

        var latencies = new Latencies();
        var codes = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var issued = 0;
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < until && Interlocked.Increment(ref issued) <= MaxRequestsPerScenario)
            {
                var t0 = Stopwatch.GetTimestamp();
                var code = await SendAsync(scenario, c, ct);
                mine.Add((Stopwatch.GetTimestamp() - t0) * 1000.0 / Stopwatch.Frequency);
                codes.AddOrUpdate((int)code, 1, (_, v) => v + 1);
            }
            latencies.AddRange(mine);
        }, ct)));
        var elapsed = TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency);
        var expected = scenario.IsCreate ? 201 : 200;
        var errors = codes.Where(kv => kv.Key != expected).Sum(kv => kv.Value);
        // req/s (and tickets/s) count successful answers only; latencies include every request.
        var codeText = string.Join(", ", codes.OrderBy(kv => kv.Key).Select(kv => kv.Key == 0 ? $"timeout/failed×{kv.Value}" : $"{kv.Key}×{kv.Value}"));
        return (latencies.Summarize(elapsed, errors), codeText);
    }

    /// <summary>One request with its own timeout; a timeout or a broken connection is status 0, not a crash.</summary>
    private static async Task<HttpStatusCode> SendAsync(Scenario scenario, Client client, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            return await scenario.Run(client, timeout.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // Nothing listens any more: stop rather than record thousands of instant "answers".
            throw new ServerGoneException($"Okno stopped answering during \"{scenario.Name}\" ({e.Message}).");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    internal sealed class ServerGoneException(string message) : Exception(message);

    private static string Report(List<(Scenario Scenario, Summary Summary, string Codes)> results, string provider, Uri url, string email,
        string role, string? agentEmail, SignedIn? agent, long maxTicketId, int readClients, int seconds, int warmUp, string? label, double? floor1, double? floor32,
        IReadOnlyDictionary<Scenario, OutboxFigures>? outbox = null)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {provider}{(label is null ? "" : " — " + label)}");
        s.AppendLine();
        var agentNote = agent is null ? "" : string.Create(inv,
            $" Rows starting with `{agent.Role}` are signed in as {agentEmail} ({agent.Role}, {agent.Groups} group(s)).") +
            " Inbox rows: `GET /tickets?view=…&sort=…&limit=25`; following pages walk nextCursor from the first page and start over at the end.";
        s.AppendLine(inv, $"Okno at {url} on {provider}, newest ticket id {maxTicketId:N0}; signed in as {email} ({role}). " +
            $"Reads with {readClients} client(s); each row: {warmUp} s warm-up, then {seconds} s or {MaxRequestsPerScenario:N0} requests; " +
            $"req/s counts successful answers, the latencies every request. " +
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; client and server share it.{agentNote}");
        s.AppendLine();
        s.AppendLine("| Scenario | Clients | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, r, _) in results)
            s.AppendLine(inv, $"| {scenario.Name} | {scenario.Clients} | {r.Count:N0} | {r.Errors:N0} | {r.PerSecond:N1} | {Summary.Ms(r.P50)} | {Summary.Ms(r.P95)} | {Summary.Ms(r.P99)} | {Summary.Ms(r.Max)} |");
        s.AppendLine();
        foreach (var (scenario, r, codes) in results.Where(r => r.Summary.Errors > 0))
            s.AppendLine(inv, $"- {scenario.Name}: status codes {codes}");
        var creates = results.Where(r => r.Scenario.IsCreate).ToList();
        foreach (var (scenario, r, _) in creates)
        {
            var floor = scenario.Clients == 1 ? floor1 : floor32 ?? floor1;
            var ratio = floor is { } f ? string.Create(inv, $" = {r.PerSecond / f:P1} of the raw insert floor ({f:N0} rows/s at {(scenario.Clients == 1 || floor32 is null ? 1 : 32)} connection(s))") : "";
            s.AppendLine(inv, $"- Ticket creation with {scenario.Clients} client(s): {r.PerSecond:N1} tickets/s{ratio}.");
            if (outbox?.GetValueOrDefault(scenario) is { } o)
            {
                var caughtUp = o.CatchUpSeconds is { } c ? string.Create(inv, $"caught up {c:N1} s after the load") : "not caught up within 60 s after the load";
                s.AppendLine(inv, $"  Ticket event outbox ({OutboxWatch.Handler} handler, warm-up included): {o.Handled:N0} events handled, {o.EventsPerSecond:N0} events/s; worst lag {o.MaxLagSeconds:N2} s, worst backlog {o.MaxPending:N0}; {caughtUp}.");
            }
        }
        return s.ToString();
    }
}
