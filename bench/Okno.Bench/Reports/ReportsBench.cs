using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Okno.Bench.Api;
using Okno.Bench.Generate;
using Okno.Reports.Kpi;
using Okno.Tickets;

namespace Okno.Bench.Reports;

/// <summary>The KPI reports at scale (issue 19), against a running Okno on a generated database: the rebuild of the
/// aggregates from the tickets' history (the bulk load writes no events), every standard report of the catalog for one
/// year in several shapes, and a drill-down of about 100,000 tickets exported as xlsx and CSV with Okno's memory.
/// Creation with the aggregates on and off is <see cref="CreateAsync"/> (run.sh restarts Okno between the rounds).</summary>
public static class ReportsBench
{
    private const double TargetMs = 300;

    /// <summary>A report shape; <paramref name="AllPages"/>: every page of groups is fetched (following nextCursor) and timed as one.</summary>
    private sealed record Variant(string Name, string Query, bool Sliced, bool Tag, bool AllPages = false);

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var pid = args.Int("pid", 0, min: 0);
        var oknoLog = args.Optional("okno-log");
        var runs = args.Int("runs", 20, min: 1, max: 1000);
        var warmUp = args.Int("warmup", 2, min: 0, max: 100);
        var exportRows = args.Int("export-rows", 100_000, min: 1, max: 10_000_000);
        var parts = (args.Optional("parts") ?? "rebuild,reports,export").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var only = args.Optional("reports")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var variantNames = args.Optional("variants")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dir = args.Optional("dir") ?? Path.GetTempPath();
        var output = args.Optional("out");
        var label = args.Optional("label");
        var maxWait = TimeSpan.FromMinutes(args.Int("max-minutes", 90, min: 1, max: 600));
        args.EnsureAllUsed();
        if (parts.Any(p => p is not ("rebuild" or "reports" or "export"))) throw new UsageException("--parts is a list of rebuild, reports, export.");

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromMinutes(10) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        await using var db = Generator.OpenDb(provider, connection);
        var memory = new Memory(pid);
        var lines = new List<string>();
        void Line(string text)
        {
            Console.Error.WriteLine("reports: " + text);
            lines.Add(text);
        }
        var loadAtStart = LoadAverage();
        var tickets = await db.Tickets.LongCountAsync(ct);
        Line($"{tickets:N0} tickets; load average {loadAtStart}; Okno pid {pid}, {memory.Describe()}");

        if (parts.Contains("rebuild")) await RebuildAsync(http, db, memory, oknoLog, maxWait, Line, ct);
        var facts = await db.Set<ReportDailyFact>().LongCountAsync(ct);
        var groupRows = await db.Set<ReportDailyGroupFact>().LongCountAsync(ct);
        var agentRows = await db.Set<ReportDailyAssigneeFact>().LongCountAsync(ct);
        var tagFacts = await db.Set<ReportDailyTagFact>().LongCountAsync(ct);
        var states = await db.Set<ReportTicketState>().LongCountAsync(ct);
        Line($"aggregates: {facts:N0} daily fact rows (rollups: {groupRows:N0} day × group, {agentRows:N0} day × agent), {tagFacts:N0} tag rows, {states:N0} ticket states");

        // The year: the last 365 days in the report time zone (the generator spreads its tickets over the two years before now).
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddDays(-364);
        var period = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var table = new StringBuilder();
        if (parts.Contains("reports"))
        {
            var tag = await db.Set<ReportDailyTagFact>().GroupBy(t => t.Tag).Select(g => new { g.Key, Created = g.Sum(x => x.Created) })
                .OrderByDescending(g => g.Created).Select(g => g.Key).FirstOrDefaultAsync(ct) ?? "bench";
            var variants = new List<Variant>
            {
                new("month", "interval=month", false, false),
                new("day", "interval=day", false, false),
                new("month × group", "interval=month&groupBy=group", true, false),
                new("month × agent", "interval=month&groupBy=agent", true, false),
                new("day × group", "interval=day&groupBy=group", true, false),
                new("day × agent", "interval=day&groupBy=agent", true, false),
                // Every agent, as the answer was before a grouped report was paged: the same rows in pages of 100 agents.
                new("day × agent, every page of 100", "interval=day&groupBy=agent&limit=100", true, false, AllPages: true),
                new($"month, tag={tag}", "interval=month&tag=" + Uri.EscapeDataString(tag), true, true),
            };
            if (variantNames is not null) variants = variants.Where(v => variantNames.Any(n => v.Name.StartsWith(n, StringComparison.Ordinal))).ToList();
            await TimeReportsAsync(http, period, variants, only, runs, warmUp, table, Line, ct);
        }
        if (parts.Contains("export"))
        {
            await ExportAsync(http, memory, from, to, exportRows, dir, "xlsx", Line, ct);
            await ExportAsync(http, memory, from, to, exportRows, dir, "csv", Line, ct);
        }
        Line($"load average at the end {LoadAverage()}; {memory.Describe()}");

        await BenchReport.WriteAsync("KPI reports at scale", provider, label,
            $"Load average at the start: {loadAtStart}. Period {from:yyyy-MM-dd}…{to:yyyy-MM-dd} (365 days; each report also reads the year before for `previous`). " +
            $"Each row: {warmUp} unmeasured requests, then {runs} timed one after another (whole response read); target p95 ≤ {TargetMs:N0} ms.",
            lines, table, output, ct);
        return 0;
    }

    /// <summary>POST /reports/rebuild, then waits for the job's run to succeed in /health (the jobs check: lastSuccessAt
    /// after the request); the exact duration and row count come from Okno's own log line when its path is given.</summary>
    private static async Task RebuildAsync(HttpClient http, Okno.Platform.Data.OknoDb db, Memory memory, string? oknoLog, TimeSpan maxWait,
        Action<string> line, CancellationToken ct)
    {
        var history = await db.TicketEvents.LongCountAsync(ct);
        var logStart = oknoLog is not null && File.Exists(oknoLog) ? new FileInfo(oknoLog).Length : 0;
        var requested = DateTimeOffset.UtcNow.AddSeconds(-1);
        var watch = Stopwatch.StartNew();
        using (var response = await http.PostAsync("/api/v1/reports/rebuild", null, ct))
            if ((int)response.StatusCode != 202) throw new BenchException($"POST /api/v1/reports/rebuild: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var samples = 0;
        while (true)
        {
            memory.Sample();
            await Task.Delay(500, ct);
            if (++samples % 4 != 0) continue;
            var job = await JobAsync(http, "reports-rebuild", ct);
            if (job is { } j && Time(j, "lastErrorAt") is { } failed && failed > requested)
                throw new BenchException($"The rebuild failed: {(j.TryGetProperty("lastError", out var e) ? e.GetString() : "?")}");
            if (job is { } k && Time(k, "lastSuccessAt") is { } done && done > requested) break;
            if (watch.Elapsed > maxWait) throw new BenchException($"The rebuild did not finish within {maxWait}.");
            if (samples % 120 == 0) Console.Error.WriteLine($"reports: rebuild running for {watch.Elapsed.TotalMinutes:N1} min; {memory.Describe()}");
        }
        var wall = watch.Elapsed;
        // Okno's own figures: "Report aggregates rebuilt from {Tickets} tickets in {Seconds} s: {Facts} daily rows".
        string? logged = null;
        if (oknoLog is not null && File.Exists(oknoLog))
        {
            await using var stream = new FileStream(oknoLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(logStart, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            logged = (await reader.ReadToEndAsync(ct)).Split('\n').LastOrDefault(l => l.Contains("Report aggregates rebuilt", StringComparison.Ordinal))?.Trim();
        }
        var seconds = wall.TotalSeconds;
        if (logged is not null && System.Text.RegularExpressions.Regex.Match(logged, @"in ([0-9.,]+) s") is { Success: true } m
            && double.TryParse(m.Groups[1].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) seconds = s;
        var tickets = await db.Set<ReportTicketState>().LongCountAsync(ct);
        line($"rebuild: {tickets:N0} tickets with {history:N0} history rows replayed in {seconds:N1} s (Okno's log; {wall.TotalSeconds:N1} s from the request " +
             $"to the job's success in /health) = {history / seconds:N0} history rows/s, {tickets / seconds:N0} tickets/s; {memory.Describe()}");
        if (logged is not null) line("Okno: " + logged[(logged.IndexOf("Report aggregates", StringComparison.Ordinal))..]);
    }

    private static DateTimeOffset? Time(JsonElement job, string name) =>
        Property(job, name) is { ValueKind: JsonValueKind.String } v ? v.GetDateTimeOffset() : null;

    private static JsonElement? Property(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static async Task<JsonElement?> JobAsync(HttpClient http, string name, CancellationToken ct)
    {
        try
        {
            using var request = ApiBench.HealthRequest();
            using var response = await http.SendAsync(request, ct);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            if (Property(doc.RootElement, "checks") is { } checks && Property(checks, "jobs") is { } jobs && Property(jobs, "data") is { } data
                && Property(data, name) is { } job) return job.Clone();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null; // Okno busy: the next poll
        }
    }

    private static async Task TimeReportsAsync(HttpClient http, string period, List<Variant> variants, string[]? only, int runs, int warmUp,
        StringBuilder table, Action<string> line, CancellationToken ct)
    {
        var catalog = (await http.GetFromJsonAsync<JsonElement>("/api/v1/reports", ct)).EnumerateArray()
            .Select(k => (Key: k.GetProperty("key").GetString()!, Available: k.GetProperty("available").GetBoolean(),
                HelpCenter: k.GetProperty("source").GetString() == "help_center", ByTag: k.GetProperty("byTag").GetBoolean()))
            .Where(k => k.Available).ToList();
        catalog.Add((KpiCatalog.Overview, true, false, true));
        if (only is not null) catalog = catalog.Where(k => only.Contains(k.Key)).ToList();
        table.AppendLine("| Report | Shape | Rows | p50 ms | p95 ms | max ms | ≤ 300 ms |").AppendLine("|---|---|---:|---:|---:|---:|:---:|");
        var all = new List<(string Report, string Shape, double P95)>();
        foreach (var (key, _, helpCenter, byTag) in catalog)
            foreach (var v in variants)
            {
                // The help center's reports have no ticket dimension; NPS is kept per day and company only.
                if ((helpCenter || key == "nps") && v.Sliced) continue;
                if (v.Tag && !byTag) continue;
                var path = $"/api/v1/reports/{key}?{period}&{v.Query}";
                var rows = 0;
                for (var i = 0; i < warmUp; i++) rows = await GetReportAsync(http, path, v.AllPages, ct);
                var ms = new List<double>(runs);
                for (var i = 0; i < runs; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    rows = await GetReportAsync(http, path, v.AllPages, ct);
                    ms.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                ms.Sort();
                double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
                var (p50, p95, max) = (At(0.5), At(0.95), ms[^1]);
                all.Add((key, v.Name, p95));
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{key}` | {v.Name} | {rows:N0} | {Summary.Ms(p50)} | {Summary.Ms(p95)} | {Summary.Ms(max)} | {(p95 <= TargetMs ? "yes" : "**no**")} |");
                Console.Error.WriteLine($"reports: {key} {v.Name}: {rows} rows, p50 {p50:N1} ms, p95 {p95:N1} ms, max {max:N1} ms");
            }
        var over = all.Where(r => r.P95 > TargetMs).ToList();
        var worst = all.OrderByDescending(r => r.P95).FirstOrDefault();
        line($"reports: {all.Count} report × shape rows, {over.Count} over {TargetMs:N0} ms at p95; worst p95 {worst.P95:N1} ms ({worst.Report}, {worst.Shape})" +
             (over.Count == 0 ? "" : "; over: " + string.Join(", ", over.Select(o => $"{o.Report} {o.Shape} {o.P95:N0} ms"))));
    }

    private static async Task<int> GetReportAsync(HttpClient http, string path, bool allPages, CancellationToken ct)
    {
        var rows = 0;
        string? cursor = null;
        do
        {
            var page = cursor is null ? path : path + "&cursor=" + Uri.EscapeDataString(cursor);
            using var response = await http.GetAsync(page, HttpCompletionOption.ResponseContentRead, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"GET {page}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            using var doc = JsonDocument.Parse(bytes);
            rows += doc.RootElement.GetProperty("rows").GetArrayLength();
            cursor = allPages && doc.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        } while (cursor is not null);
        return rows;
    }

    /// <summary>The drill-down of `created` over the last days of the year that add up to at least <paramref name="wanted"/>
    /// tickets, streamed to a file: time to the first and the last byte, Okno's resident memory sampled every 20 ms and its
    /// peak (VmHWM reset first), then the file checked (a valid xlsx whose sheet has one data row per ticket the report counts).</summary>
    private static async Task ExportAsync(HttpClient http, Memory memory, DateOnly from, DateOnly to, int wanted, string dir, string format,
        Action<string> line, CancellationToken ct)
    {
        var days = await http.GetFromJsonAsync<JsonElement>($"/api/v1/reports/created?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&interval=day", ct);
        var start = to;
        long expected = 0;
        foreach (var row in days.GetProperty("rows").EnumerateArray().Reverse())
        {
            expected += (long)(row.GetProperty("values")[0].GetDouble());
            start = DateOnly.ParseExact(row.GetProperty("period").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (expected >= wanted) break;
        }
        var path = $"/api/v1/reports/created/tickets?from={start:yyyy-MM-dd}&to={to:yyyy-MM-dd}&format={format}";
        var file = Path.Combine(dir, $"okno-reports-export.{format}");
        memory.ResetPeak();
        var before = memory.Rss();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                memory.Sample();
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { break; }
            }
        }, CancellationToken.None);
        memory.ResetSampled();
        var watch = Stopwatch.StartNew();
        double firstByte;
        long bytes;
        using (var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct))
        {
            if (!response.IsSuccessStatusCode) throw new BenchException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var target = File.Create(file);
            var buffer = new byte[81920];
            var n = await body.ReadAsync(buffer, ct);
            firstByte = watch.Elapsed.TotalMilliseconds;
            while (n > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, n), ct);
                n = await body.ReadAsync(buffer, ct);
            }
            bytes = target.Length;
        }
        var lastByte = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        var peak = memory.Peak();
        var sampledMax = memory.SampledMax();
        var rows = format == "xlsx" ? XlsxDataRows(file) : CsvDataRows(file);
        var ok = rows == expected;
        line($"export {format}: created, {start:yyyy-MM-dd}…{to:yyyy-MM-dd}: {rows:N0} data rows ({(ok ? "=" : "≠")} the report's {expected:N0} created), " +
             $"{bytes / 1024.0 / 1024.0:N1} MB; first byte {firstByte:N0} ms, last byte {lastByte:N1} s ({rows / lastByte:N0} rows/s); " +
             $"Okno resident before {before / 1024} MB, highest sampled during {sampledMax / 1024} MB (+{(sampledMax - before) / 1024} MB), " +
             $"peak (VmHWM, reset before) {peak / 1024} MB{(format == "xlsx" ? "; valid xlsx (zip, [Content_Types].xml, workbook, sheet)" : "")}");
        File.Delete(file);
        if (!ok) throw new BenchException($"The {format} export has {rows:N0} data rows, the report counts {expected:N0}.");
    }

    /// <summary>Opens the file as an xlsx package and counts the sheet's rows after the header, reading the XML as a stream.</summary>
    private static long XlsxDataRows(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
            throw new BenchException("The xlsx export is not an Office Open XML package ([Content_Types].xml or xl/workbook.xml missing).");
        var sheet = zip.Entries.FirstOrDefault(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            ?? throw new BenchException("The xlsx export has no worksheet.");
        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        long rows = 0;
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row") rows++;
        return rows - 1;
    }

    /// <summary>Records of the CSV after the header (a quoted field may hold a line break).</summary>
    private static long CsvDataRows(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        long records = 0;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) { records++; any = false; continue; }
            any = true;
        }
        if (any) records++;
        return records - 1;
    }

    /// <summary>One round of ticket creation through the API (the `api` scenario's requests, 1 and `--clients` clients) on
    /// an Okno started with Okno:Reports:Maintain on or off; prints `RESULT create …` lines for run.sh, which interleaves
    /// rounds on Okno processes started each way and reports the ratio. The reports handler's catch-up after the load is
    /// read from /health when it runs.</summary>
    public static async Task<int> CreateAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var seconds = args.Int("seconds", 10, min: 1, max: 600);
        var warmUp = args.Int("warmup", 5, min: 0, max: 60);
        var clients = args.Int("clients", 32, min: 1, max: 256);
        var label = args.Optional("label") ?? "";
        args.EnsureAllUsed();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = Timeout.InfiniteTimeSpan };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var runTag = "r" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        foreach (var n in new[] { 1, clients }.Distinct())
        {
            var scenario = new ApiBench.Scenario($"create × {n}", n, (c, t) => ApiBench.CreateAsync(c, runTag, t), IsCreate: true);
            var ((summary, codes), figures) = await OutboxWatch.WatchAsync(http,
                () => ApiBench.MeasureAsync(http, scenario, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), ct), ct, "reports");
            var outbox = figures is null ? "reports handler: off or not reported"
                : FormattableString.Invariant($"reports handler {figures.Handled:N0} events ({figures.EventsPerSecond:N0}/s), worst backlog {figures.MaxPending:N0}, ") +
                    (figures.CatchUpSeconds is { } c ? FormattableString.Invariant($"caught up {c:N1} s after") : "not caught up within 60 s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT create label={label} clients={n} tickets_per_s={summary.PerSecond:0.0} p50_ms={summary.P50:0.0} p95_ms={summary.P95:0.0} errors={summary.Errors} load={LoadAverage().Split(' ')[0]} | {outbox}{(summary.Errors > 0 ? " | codes " + codes : "")}"));
        }
        return 0;
    }

    internal static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    /// <summary>Okno's resident set from /proc/&lt;pid&gt;/status (kB); the peak can be reset through clear_refs (root or the owner).</summary>
    private sealed class Memory(int pid)
    {
        private long _sampledMax;

        public void Sample()
        {
            var rss = Rss();
            if (rss > Interlocked.Read(ref _sampledMax)) Interlocked.Exchange(ref _sampledMax, rss);
        }

        public void ResetSampled() => Interlocked.Exchange(ref _sampledMax, Rss());
        public long SampledMax() => Interlocked.Read(ref _sampledMax);
        public long Rss() => Read("VmRSS");
        public long Peak() => Read("VmHWM");

        public void ResetPeak()
        {
            if (pid == 0) return;
            try { File.WriteAllText($"/proc/{pid}/clear_refs", "5"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Console.Error.WriteLine("reports: cannot reset VmHWM: " + e.Message); }
        }

        public string Describe() => pid == 0 ? "memory not read (no --pid)" : $"Okno resident {Rss() / 1024} MB (peak {Peak() / 1024} MB)";

        private long Read(string key)
        {
            if (pid == 0) return 0;
            try
            {
                var text = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
                return text is null ? 0 : long.Parse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
