using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ganss.Xss;
using Markdig;
using Okno.Bench.Api;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Testing;

namespace Okno.Bench.Hostile;

/// <summary>`hostile`: (1) every pathological Markdown and HTML input of <see cref="HostileText"/> at the size limit,
/// through the real gate (<see cref="MessageBodies"/>: Markdown as articles use it, HTML as ticket bodies and mail use
/// it), time and outcome of each and the worst; a few through the old code path (Markdig's pipeline without the gate,
/// HtmlSanitizer without the pre-scan) so the difference shows; (2) with <c>--url</c>: concurrent ticket creation
/// through the API for a few seconds alone, then as long again while one client keeps posting hostile article bodies
/// and ticket bodies, and compares the two.</summary>
public static class HostileBench
{
    private const int Limit = 200_000;

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var size = args.Int("size", Limit, 1000, 2_000_000);
        var beforeSize = args.Int("before-size", 100_000, 0, 2_000_000);
        var url = args.Optional("url");
        var email = args.Optional("email");
        var password = args.Optional("password");
        var seconds = args.Int("seconds", 10, 1, 600);
        var clients = args.Int("clients", 4, 1, 64);
        var label = args.Optional("label");
        var outPath = args.Optional("out") ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-hostile.md");
        args.EnsureAllUsed();

        var report = new StringBuilder();
        void Line(string text = "") { Console.WriteLine(text); report.AppendLine(text); }

        Line($"## hostile {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(label is null ? "" : " — " + label)}");
        Line();
        Line($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}. Inputs of {size:N0} characters (the body limit is {Limit:N0}).");
        Line();
        Line("```text");
        var bodies = new MessageBodies();
        Warm(bodies);
        var worst = ("", 0.0);
        Line("gate: markdown (article bodies)");
        foreach (var (name, text) in HostileText.Markdown(size))
        {
            var sw = Stopwatch.StartNew();
            var (_, error) = bodies.TryMarkdown(text);
            var ms = sw.Elapsed.TotalMilliseconds;
            if (ms > worst.Item2) worst = ("markdown " + name, ms);
            Line($"  {name,-26} {ms,8:F1} ms  {(error is null ? "rendered" : "refused " + error.Code)}");
        }
        Line("gate: html (ticket bodies, mail)");
        foreach (var (name, text) in HostileText.Html(size))
        {
            var sw = Stopwatch.StartNew();
            string outcome;
            try { bodies.FromHtml(text, "bodyHtml"); outcome = "sanitized"; }
            catch (OknoException e) when (e.Error is InvalidInput invalid) { outcome = "refused " + invalid.Fields.Values.First()[0].Code; }
            var ms = sw.Elapsed.TotalMilliseconds;
            if (ms > worst.Item2) worst = ("html " + name, ms);
            Line($"  {name,-30} {ms,8:F1} ms  {outcome}");
        }
        Line($"WORST through the gate: {worst.Item1} {worst.Item2:F1} ms (target < 1000 ms each)");
        Line("real mail (must pass; linear, not a pathological input):");
        foreach (var kb in new[] { 200, 600 })
        {
            var newsletter = HostileText.Newsletter(kb * 1000);
            var sw = Stopwatch.StartNew();
            var body = bodies.FromHtml(newsletter, "bodyHtml");
            Line($"  newsletter {kb} KB of nested tables {sw.Elapsed.TotalMilliseconds,8:F1} ms  sanitized ({body.Text.Length:N0} characters of text)");
        }
        Line($"load average after the gate runs: {LoadAverage()}");
        Line("```");
        Line();

        if (beforeSize > 0)
        {
            Line($"The old code path (no gate), {beforeSize:N0} characters:");
            Line();
            Line("```text");
            var oldPipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseTaskLists().Build();
            var oldSanitizer = new HtmlSanitizer();
            foreach (var name in new[] { "link-open [a](", "empty-link-open [](" })
            {
                var text = HostileText.Markdown(beforeSize).Single(c => c.Name == name).Text;
                Line($"  old markdown {name,-22} {Time(() => oldSanitizer.Sanitize(Markdown.ToHtml(text, oldPipeline))),8:F0} ms");
            }
            foreach (var name in new[] { "b-i unclosed", "b-i misnested x</b>", "div deep" })
            {
                var text = HostileText.Html(beforeSize).Single(c => c.Name == name).Text;
                Line($"  old html     {name,-22} {Time(() => oldSanitizer.Sanitize(text)),8:F0} ms");
            }
            Line("```");
            Line();
        }

        if (url is not null)
        {
            if (email is null || password is null) throw new UsageException("--url needs --email and --password.");
            await ConcurrentAsync(new Uri(url), email, password, seconds, clients, Line, ct);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.AppendAllTextAsync(outPath, report + "\n", ct);
        Console.WriteLine($"appended to {outPath}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Warm(MessageBodies bodies)
    {
        for (var i = 0; i < 20; i++)
        {
            bodies.TryMarkdown("# a\n\n*b* [c](d) | e |\n|---|\n| f |\n\n- [x] g");
            bodies.FromHtml("<p><b>a</b><i>b</i><table><tr><td>c</td></tr></table></p>");
        }
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        try { action(); }
        catch (Exception) { /* the old path may throw on depth; the time is what counts */ }
        return sw.Elapsed.TotalMilliseconds;
    }

    private sealed record Phase(int Created, int Failed, double P50, double P95, double Max, double Seconds, Dictionary<string, int> Hostile, double HostileMax);

    private static async Task ConcurrentAsync(Uri url, string email, string password, int seconds, int clients, Action<string> line, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var provider = await ApiBench.ProviderAsync(http, ct);
        var section = await SectionAsync(http, ct);

        // What a hostile client posts: the heaviest inputs the gate accepts (rendered or sanitized: up to the most work a
        // body can cost) and ones it refuses, as article bodies
        // (Markdown, saved in a transaction) and ticket bodies (HTML, through the group commit).
        var markdown = HostileText.Markdown(Limit).Where(c => c.Name is "lt <<<" or "link-open [a](" or "backtick-runs" or "emphasis *a"
            or "autolink-www" or "ref-uses" or "wide-table").ToList();
        var html = HostileText.Html(Limit).Where(c => c.Name is "huge style attribute" or "b-i unclosed" or "lt <<<" or "p unclosed"
            or "attributes" or "b-i crossed </b></i>").ToList();

        line("```text");
        line($"concurrent ticket creation through POST /api/v1/tickets, {clients} clients, {seconds} s per phase, {provider}");
        await PhaseAsync(http, Math.Min(3, seconds), clients, null, ct); // warm-up (JIT, connection pool), not reported
        var alone = await PhaseAsync(http, seconds, clients, null, ct);
        line(Describe("alone", alone));
        var underAttack = await PhaseAsync(http, seconds, clients, async (n, token) =>
        {
            if (n % 2 == 0)
            {
                var (name, body) = markdown[n / 2 % markdown.Count];
                using var response = await http.PostAsJsonAsync("/api/v1/kb/articles",
                    new { sectionId = section, language = "en", title = $"Hostile {n}", body, visibility = "draft" }, token);
                return $"article {name} → {(int)response.StatusCode}";
            }
            else
            {
                var (name, body) = html[n / 2 % html.Count];
                using var response = await http.PostAsJsonAsync("/api/v1/tickets",
                    new { subject = $"Hostile {n}", bodyHtml = body, customer = new { email = "hostile@bench.example" } }, token);
                return $"ticket html {name} → {(int)response.StatusCode}";
            }
        }, ct);
        line(Describe("with hostile posts", underAttack));
        foreach (var (what, count) in underAttack.Hostile.OrderBy(h => h.Key, StringComparer.Ordinal)) line($"    hostile: {what} ×{count}");
        var ratio = alone.Created == 0 ? 0 : underAttack.Created / underAttack.Seconds / (alone.Created / alone.Seconds);
        line($"RESULT throughput with hostile posts = {ratio:P0} of alone; failed creations alone={alone.Failed} with={underAttack.Failed}; slowest hostile post {underAttack.HostileMax:F0} ms");
        line("```");
    }

    private static string Describe(string name, Phase p) =>
        $"  {name,-20} {p.Created / p.Seconds,7:F1} tickets/s  ({p.Created} created, {p.Failed} failed)  p50 {p.P50:F0} ms  p95 {p.P95:F0} ms  max {p.Max:F0} ms";

    private static async Task<Phase> PhaseAsync(HttpClient http, int seconds, int clients, Func<int, CancellationToken, Task<string>>? hostile, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        var latencies = new List<double>();
        var failed = 0;
        var hostileCounts = new Dictionary<string, int>();
        double hostileMax = 0;
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            for (var i = 0; until.Elapsed.TotalSeconds < seconds; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/v1/tickets",
                    new { subject = $"Printer {c}-{i}", body = "It does not print.", customer = new { email = $"bench{c}@bench.example" } }, ct);
                var ms = sw.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    if (response.StatusCode == HttpStatusCode.Created) latencies.Add(ms);
                    else failed++;
                }
            }
        }).ToList();
        if (hostile is not null)
            workers.Add(Task.Run(async () =>
            {
                for (var n = 0; until.Elapsed.TotalSeconds < seconds; n++)
                {
                    var sw = Stopwatch.StartNew();
                    var what = await hostile(n, ct);
                    lock (hostileCounts)
                    {
                        hostileCounts[what] = hostileCounts.GetValueOrDefault(what) + 1;
                        hostileMax = Math.Max(hostileMax, sw.Elapsed.TotalMilliseconds);
                    }
                }
            }, ct));
        await Task.WhenAll(workers);
        var elapsed = until.Elapsed.TotalSeconds;
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Phase(latencies.Count, failed, At(0.5), At(0.95), latencies.Count == 0 ? 0 : latencies[^1], elapsed, hostileCounts, hostileMax);
    }

    private static async Task<long> SectionAsync(HttpClient http, CancellationToken ct)
    {
        using var category = await http.PostAsJsonAsync("/api/v1/kb/categories", new { name = $"Hostile {DateTime.UtcNow.Ticks}" }, ct);
        category.EnsureSuccessStatusCode();
        var categoryId = JsonDocument.Parse(await category.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetInt64();
        using var section = await http.PostAsJsonAsync($"/api/v1/kb/categories/{categoryId}/sections", new { name = "Hostile" }, ct);
        section.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await section.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetInt64();
    }
}
