using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Okno.Bench.Api;

namespace Okno.Bench.Search;

/// <summary>`articles`: fills the knowledge base through Okno's own API (so every article is indexed exactly as an
/// editor's would be) and `search`: latency of knowledge-base, ticket and help-center search on the data that is there.
/// Both against a loopback address only, bounded by time and by request count.</summary>
public static class SearchBench
{
    public const string CategoryName = "Bench: knowledge base";
    private const int Sections = 10;

    /// <summary>Creates articles until the bench category holds <c>--count</c> (so a second run continues): each in
    /// Russian, every second one also in English; 1 in 20 a draft, 1 in 7 internal, the rest public.</summary>
    public static async Task<int> SeedArticlesAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var count = args.Int("count", 10_000, min: 1, max: 1_000_000);
        var clients = args.Int("clients", 4, min: 1, max: 32);
        args.EnsureAllUsed();

        using var http = Client(url);
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var (categoryId, sectionIds) = await EnsureSectionsAsync(http, ct);
        var existing = await CountArticlesAsync(http, categoryId, ct);
        if (existing >= count)
        {
            Console.Error.WriteLine($"articles: {existing:N0} already there (category {categoryId})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT articles existing={existing} created=0"));
            return 0;
        }

        Console.Error.WriteLine($"articles: {existing:N0} there, creating {count - existing:N0} with {clients} clients…");
        var next = existing - 1;
        var missing = count - existing;
        var progress = new Progress("articles", missing);
        var watch = Stopwatch.StartNew();
        long translations = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            // Numbers are taken in order; one that an interrupted run already wrote (its slug exists) is passed over.
            while (Interlocked.Decrement(ref missing) >= 0)
            {
                int written;
                do
                {
                    var i = Interlocked.Increment(ref next);
                    written = await CreateArticleAsync(http, i, sectionIds[i % sectionIds.Count], ct);
                } while (written == 0);
                Interlocked.Add(ref translations, written);
                lock (progress) progress.Add(1, written);
            }
        }, ct)));
        var created = count - existing;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {created:N0} articles ({translations:N0} translations) in {watch.Elapsed.TotalSeconds:0.0}s ({translations / watch.Elapsed.TotalSeconds:0} translations/s through the API)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT articles existing={existing} created={created} translations={translations} seconds={watch.Elapsed.TotalSeconds:0.0}"));
        return 0;
    }

    /// <summary>Writes article <paramref name="i"/>: the number of translations written, 0 when an earlier run already wrote it.</summary>
    private static async Task<int> CreateArticleAsync(HttpClient http, int i, long sectionId, CancellationToken ct)
    {
        var visibility = i % 20 == 0 ? "draft" : i % 7 == 0 ? "internal" : "public";
        var (ruTitle, ruBody) = ArticleText.Make(i, russian: true);
        using var created = await http.PostAsJsonAsync("/api/v1/kb/articles",
            new { sectionId, language = "ru", title = ruTitle, body = ruBody, visibility, slug = Slug(i) }, ct);
        var text = await created.Content.ReadAsStringAsync(ct);
        if (created.StatusCode == HttpStatusCode.Conflict && text.Contains(Slug(i), StringComparison.Ordinal)) return 0;
        if (created.StatusCode != HttpStatusCode.Created) throw new BenchException($"Creating article {i} failed: {(int)created.StatusCode} {text}");
        if (i % 2 != 0) return 1;
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
        var (enTitle, enBody) = ArticleText.Make(i, russian: false);
        using var translated = await http.PutAsJsonAsync($"/api/v1/kb/articles/{id}",
            new { language = "en", title = enTitle, body = enBody, visibility, slug = Slug(i) }, ct);
        if (!translated.IsSuccessStatusCode)
            throw new BenchException($"Translating article {id} failed: {(int)translated.StatusCode} {await translated.Content.ReadAsStringAsync(ct)}");
        return 2;
    }

    /// <summary>Titles repeat (thing × template × audience), and a slug must be unique per language.</summary>
    private static string Slug(int i) => "kb-" + i.ToString(CultureInfo.InvariantCulture);

    private static async Task<(long CategoryId, List<long> SectionIds)> EnsureSectionsAsync(HttpClient http, CancellationToken ct)
    {
        long? categoryId = null;
        var sections = new List<long>();
        for (string? cursor = null; ;)
        {
            using var doc = await GetJsonAsync(http, "/api/v1/kb/categories?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), ct);
            foreach (var category in doc.RootElement.GetProperty("items").EnumerateArray())
                if (category.GetProperty("name").GetString() == CategoryName)
                {
                    categoryId = category.GetProperty("id").GetInt64();
                    sections.AddRange(category.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
                }
            cursor = doc.RootElement.GetProperty("nextCursor").GetString();
            if (categoryId is not null || cursor is null) break;
        }
        if (categoryId is null)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/kb/categories",
                new { name = CategoryName, description = "Generated by bench/Okno.Bench articles", position = 100 }, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"Creating the bench category failed: {(int)response.StatusCode} {text}");
            categoryId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
        }
        for (var n = sections.Count; n < Sections; n++)
        {
            using var response = await http.PostAsJsonAsync($"/api/v1/kb/categories/{categoryId}/sections",
                new { name = ArticleText.SectionName(n), position = n }, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"Creating a bench section failed: {(int)response.StatusCode} {text}");
            sections.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64());
        }
        return (categoryId.Value, sections);
    }

    /// <summary>Articles of the bench category, counted by their Russian translation (every article has one).</summary>
    private static async Task<int> CountArticlesAsync(HttpClient http, long categoryId, CancellationToken ct)
    {
        var count = 0;
        for (string? cursor = null; ;)
        {
            using var doc = await GetJsonAsync(http, $"/api/v1/kb/articles?category={categoryId}&language=ru&limit=100" +
                (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), ct);
            count += doc.RootElement.GetProperty("items").GetArrayLength();
            cursor = doc.RootElement.GetProperty("nextCursor").GetString();
            if (cursor is null) return count;
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    /// <summary>A loopback-only client; measured clients pass an infinite timeout (each request has its own, see
    /// <see cref="ApiBench.MeasureAsync"/>).</summary>
    private static HttpClient Client(string url, TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64, ConnectTimeout = TimeSpan.FromSeconds(5), AllowAutoRedirect = false, UseCookies = false,
    }) { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = timeout ?? TimeSpan.FromSeconds(60) };

    /// <summary>The search scenarios, one client each (latency, not throughput): knowledge base, tickets as an admin and
    /// as an ordinary agent, and the public help-center search page; rare, common and very common words, word forms,
    /// several words, a typo, and a word found nowhere.</summary>
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var seconds = args.Int("seconds", 10, min: 1, max: 600);
        var warmUp = args.Int("warmup", 2, min: 0, max: 60);
        var output = args.Optional("out");
        var label = args.Optional("label");
        var agentEmail = args.Optional("agent") ?? "auto";
        args.EnsureAllUsed();

        using var http = Client(url, Timeout.InfiniteTimeSpan);
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var provider = await ApiBench.ProviderAsync(http, ct);
        var (categoryId, _) = await EnsureSectionsAsync(http, ct);
        var articles = await CountArticlesAsync(http, categoryId, ct);
        using var newest = await GetJsonAsync(http, "/api/v1/tickets?limit=1", ct);
        var items = newest.RootElement.GetProperty("items");
        var newestTicket = items.GetArrayLength() == 0 ? 0 : items[0].GetProperty("id").GetInt64();
        var newestNumber = items.GetArrayLength() == 0 ? 0 : items[0].GetProperty("number").GetInt64();
        using var anonymous = Client(url, Timeout.InfiniteTimeSpan);

        if (agentEmail == "auto") agentEmail = await ApiBench.PickAgentAsync(http, ct);
        using var agentHttp = Client(url, Timeout.InfiniteTimeSpan);
        if (agentEmail is not (null or "none"))
        {
            var agentToken = await ApiBench.SignInAsync(agentHttp, agentEmail, password, ct);
            agentHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentToken.Token);
        }
        Console.Error.WriteLine($"search: {provider} at {url}, {articles:N0} bench articles, newest ticket id {newestTicket:N0}");

        static string Q(string s) => Uri.EscapeDataString(s);
        var scenarios = new List<ApiBench.Scenario>();
        void Add(string name, HttpClient? client, string path) =>
            scenarios.Add(new ApiBench.Scenario(name, 1, (c, t) => ApiBench.GetAsync(c, path, t), Http: client));
        foreach (var (what, q, lang) in new[]
        {
            ("rare code", "E042", ""), ("one word", "принтер", "ru"), ("word form", "принтеры", "ru"), ("two words", "настроить принтер", "ru"),
            ("English word form", "printers", "en"), ("very common word", "работает", ""), ("typo", "принтр", "ru"), ("no match", "xyzzy", ""),
        })
            Add($"Knowledge base: {what} `{q}`", null, $"/api/v1/kb/search?q={Q(q)}&limit=10" + (lang == "" ? "" : "&lang=" + lang));
        foreach (var (what, q) in new[]
        {
            ("one word", "принтер"), ("word form", "принтеры"), ("two words", "принтер ошибка"), ("English", "refund"),
            ("very common word", "работает"), ("ticket number", "#" + Math.Max(10001, newestNumber / 2)), ("typo", "принтр"), ("no match", "xyzzy"),
        })
            Add($"Tickets, admin: {what} `{q}`", null, $"/api/v1/search?q={Q(q)}&limit=25");
        if (agentEmail is not (null or "none"))
            foreach (var (what, q) in new[] { ("one word", "принтер"), ("very common word", "работает"), ("no match", "xyzzy") })
                Add($"Tickets, agent: {what} `{q}`", agentHttp, $"/api/v1/search?q={Q(q)}&limit=25");
        foreach (var (what, q) in new[] { ("one word", "принтер"), ("two words", "не работает принтер") })
            Add($"Help center page: {what} `{q}`", anonymous, $"/help/ru/search?q={Q(q)}");

        var results = new List<(ApiBench.Scenario Scenario, Summary Summary, string Codes)>();
        foreach (var scenario in scenarios)
        {
            ct.ThrowIfCancellationRequested();
            Console.Error.WriteLine($"  {scenario.Name}: warm-up {warmUp}s, measure {seconds}s…");
            var (summary, codes) = await ApiBench.MeasureAsync(scenario.Http ?? http, scenario, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), ct);
            results.Add((scenario, summary, codes));
        }

        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {provider} — search{(label is null ? "" : " — " + label)}");
        s.AppendLine();
        s.AppendLine(inv, $"Okno at {url} on {provider}: {articles:N0} generated articles (+ their English translations), newest ticket id " +
            $"{newestTicket:N0}. One client per row: {warmUp} s warm-up, then {seconds} s; the latencies are every request's. Tickets as " +
            $"{email} ({token.Role}) and as {agentEmail ?? "—"} (agent). Knowledge base: `GET /api/v1/kb/search?q=&lang=&limit=10`; tickets: " +
            $"`GET /api/v1/search?q=&limit=25`; help center: `GET /help/ru/search?q=` (server-rendered page, logs the search). " +
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; client and server share it.");
        s.AppendLine();
        s.AppendLine("| Scenario | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, r, _) in results)
            s.AppendLine(inv, $"| {scenario.Name} | {r.Count:N0} | {r.Errors:N0} | {r.PerSecond:N1} | {Summary.Ms(r.P50)} | {Summary.Ms(r.P95)} | {Summary.Ms(r.P99)} | {Summary.Ms(r.Max)} |");
        s.AppendLine();
        foreach (var (scenario, r, codes) in results.Where(r => r.Summary.Errors > 0))
            s.AppendLine(inv, $"- {scenario.Name}: status codes {codes}");
        var report = s.ToString();
        Console.WriteLine(report);
        var path = output ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-{provider}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.AppendAllTextAsync(path, report + "\n", ct);
        Console.Error.WriteLine($"written to {path}");
        return results.Any(r => r.Summary.Count == 0 || r.Summary.Errors > 0) ? 1 : 0;
    }
}
