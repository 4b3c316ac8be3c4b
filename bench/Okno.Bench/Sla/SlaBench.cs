using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Bench.Api;
using Okno.Bench.Generate;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Bench.Sla;

/// <summary>SLA at scale (issue 15), against a running Okno on a generated database: switching SLA on (four policies)
/// computes every open ticket; the scan then catches up on the crossings that are already in the past; a policy change
/// recomputes the open tickets again; the steady-state scan's query when nothing is due; Okno's memory throughout.
/// Durations come from Okno's own jobs, read through <c>GET /api/v1/sla/status</c>; counts from the database.</summary>
public static class SlaBench
{
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var pid = args.Int("pid", 0, min: 1);
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var output = args.Optional("out");
        var label = args.Optional("label");
        var maxWait = TimeSpan.FromMinutes(args.Int("max-minutes", 20, min: 1, max: 240));
        args.EnsureAllUsed();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromSeconds(120) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        await using var db = Generator.OpenDb(provider, connection);
        var memory = new MemoryWatch(pid);
        var lines = new List<string>();
        void Line(string text)
        {
            Console.Error.WriteLine("sla: " + text);
            lines.Add(text);
        }

        var open = await db.Tickets.CountAsync(t => t.Status != Okno.Tickets.TicketStatus.Resolved && t.Status != Okno.Tickets.TicketStatus.Closed, ct);
        var all = await db.Tickets.LongCountAsync(ct);
        Line($"{all:N0} tickets, {open:N0} open; Okno pid {pid}, {memory.Describe()} before SLA");

        var calendars = (await http.GetFromJsonAsync<JsonElement>("/api/v1/calendars", ct)).GetProperty("items").EnumerateArray().ToList();
        var russia = calendars.First(c => c.GetProperty("timeZone").GetString() == "Europe/Moscow").GetProperty("id").GetInt64();
        var groups = (await http.GetFromJsonAsync<JsonElement>("/api/v1/groups", ct)).GetProperty("items").EnumerateArray()
            .Select(g => g.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).Take(10).ToList();
        var existing = (await http.GetFromJsonAsync<JsonElement>("/api/v1/sla/policies", ct)).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("id").GetInt64());

        // Switching SLA on: four policies in one go, as an admin would set them up (the recompute starts after the first).
        var started = Stopwatch.StartNew();
        var standardId = 0L;
        foreach (var (name, policy) in Policies(russia, groups))
        {
            if (existing.TryGetValue(name, out var id)) { if (name == "Standard") standardId = id; continue; }
            using var response = await http.PostAsJsonAsync("/api/v1/sla/policies", policy, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"Creating policy {name}: {(int)response.StatusCode} {text}");
            if (name == "Standard") standardId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
        }
        var first = await UntilRecomputedAsync(http, memory, maxWait, ct);
        var under = await db.TicketSlas.CountAsync(ct);
        Line($"switch-on: {under:N0} open tickets computed in {first.TotalSeconds:N1} s ({under / Math.Max(first.TotalSeconds, 0.001):N0} tickets/s); {memory.Describe()}");

        var catchUp = await UntilCaughtUpAsync(http, db, memory, maxWait, ct);
        Line($"catch-up scan: {catchUp.Alerts:N0} crossings already in the past noted in {catchUp.Took.TotalSeconds:N1} s " +
             $"({catchUp.Alerts / Math.Max(catchUp.Took.TotalSeconds, 0.001):N0}/s); {memory.Describe()}");

        // A policy change: the default policy's targets halved — every open ticket it takes is recomputed from its history.
        started.Restart();
        using (var response = await http.PutAsJsonAsync($"/api/v1/sla/policies/{standardId}", Standard(russia, 0.5), ct))
            if (!response.IsSuccessStatusCode) throw new BenchException($"Changing Standard: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var change = await UntilRecomputedAsync(http, memory, maxWait, ct);
        Line($"policy change: {open:N0} open tickets recomputed in {change.TotalSeconds:N1} s ({open / Math.Max(change.TotalSeconds, 0.001):N0} tickets/s); {memory.Describe()}");
        var afterChange = await UntilCaughtUpAsync(http, db, memory, maxWait, ct);
        Line($"scan after the change: {afterChange.Alerts:N0} more crossings noted in {afterChange.Took.TotalSeconds:N1} s");

        // The steady state: the scan's query (Okno's own, on the NextCheckAt index) when nothing new is due, every 20 s.
        var timings = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            await db.TicketSlas.Where(s => s.NextCheckAt != null && s.NextCheckAt <= now).OrderBy(s => s.NextCheckAt).ThenBy(s => s.TicketId)
                .Select(s => s.TicketId).Take(SlaScan.BatchSize).ToListAsync(ct);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        var status = await http.GetFromJsonAsync<JsonElement>("/api/v1/sla/status", ct);
        var upcoming = await db.TicketSlas.CountAsync(s => s.NextCheckAt != null, ct);
        Line($"steady-state scan query (nothing due): p50 {timings[timings.Count / 2]:N2} ms, p95 {timings[(int)(timings.Count * 0.95)]:N2} ms over 200 runs; " +
             $"{upcoming:N0} tickets have a warning or due time ahead (the index the scan reads); last scan with work: {Describe(status)}");
        Line($"memory at the end: {memory.Describe()}");

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — SLA at scale — {label}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; Okno, PostgreSQL and the bench share it.")
            .AppendLine()
            .AppendLine("```text");
        foreach (var l in lines) report.AppendLine(l);
        report.AppendLine("```");
        Console.WriteLine(report);
        if (output is not null) await File.AppendAllTextAsync(output, report + "\n", ct);
        return 0;
    }

    private static string Describe(JsonElement status) =>
        status.GetProperty("lastScan") is { ValueKind: JsonValueKind.Object } s
            ? $"{s.GetProperty("tickets").GetInt32()} tickets, {s.GetProperty("alerts").GetInt32()} alerts in {s.GetProperty("milliseconds").GetInt64()} ms"
            : "none";

    private static async Task<TimeSpan> UntilRecomputedAsync(HttpClient http, MemoryWatch memory, TimeSpan maxWait, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            memory.Sample();
            var status = await http.GetFromJsonAsync<JsonElement>("/api/v1/sla/status", ct);
            if (!status.GetProperty("recomputing").GetBoolean())
                return status.GetProperty("recomputedAt").GetDateTimeOffset() - status.GetProperty("changedAt").GetDateTimeOffset();
            if (watch.Elapsed > maxWait) throw new BenchException($"The recompute did not finish within {maxWait}.");
            await Task.Delay(250, ct);
        }
    }

    private static async Task<(TimeSpan Took, int Alerts)> UntilCaughtUpAsync(HttpClient http, Okno.Platform.Data.OknoDb db, MemoryWatch memory,
        TimeSpan maxWait, CancellationToken ct)
    {
        var before = await db.SlaAlerts.CountAsync(ct);
        var watch = Stopwatch.StartNew();
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/sla/status", ct)).GetProperty("dueNow").GetInt32() > 0)
        {
            memory.Sample();
            if (watch.Elapsed > maxWait) throw new BenchException($"The scan did not catch up within {maxWait}.");
            await Task.Delay(500, ct);
        }
        return (watch.Elapsed, await db.SlaAlerts.CountAsync(ct) - before);
    }

    private static IEnumerable<(string Name, object Policy)> Policies(long calendar, IReadOnlyList<string> groups)
    {
        yield return ("VIP urgent", new
        {
            name = "VIP urgent", calendarId = calendar, warnAtPercent = 75,
            targets = new { urgent = new { firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 240 } },
            conditions = new[] { new { field = "priority", values = new[] { "urgent" } } },
        });
        yield return ("Second line", new
        {
            name = "Second line", calendarId = calendar,
            targets = Targets(1.5),
            conditions = new[] { new { field = "group", values = groups.Take(5).ToArray() } },
        });
        yield return ("Email", new
        {
            name = "Email", calendarId = calendar,
            targets = Targets(1.2),
            conditions = new[] { new { field = "channel", values = new[] { "email" } } },
        });
        yield return ("Standard", Standard(calendar, 1));
    }

    private static object Standard(long calendar, double scale) => new { name = "Standard", calendarId = calendar, isDefault = true, targets = Targets(scale) };

    private static Dictionary<string, object> Targets(double scale)
    {
        int M(int minutes) => Math.Max(1, (int)(minutes * scale));
        return new()
        {
            ["low"] = new { firstResponseMinutes = M(960), nextResponseMinutes = M(960), resolutionMinutes = M(4800) },
            ["normal"] = new { firstResponseMinutes = M(480), nextResponseMinutes = M(480), resolutionMinutes = M(2400) },
            ["high"] = new { firstResponseMinutes = M(120), nextResponseMinutes = M(240), resolutionMinutes = M(960) },
            ["urgent"] = new { firstResponseMinutes = M(60), nextResponseMinutes = M(120), resolutionMinutes = M(480) },
        };
    }

    /// <summary>Okno's resident memory from /proc: now, and the highest seen while sampling.</summary>
    internal sealed class MemoryWatch(int pid)
    {
        private long _maxRss;

        public void Sample()
        {
            var rss = Read("VmRSS");
            if (rss > _maxRss) _maxRss = rss;
        }

        public string Describe()
        {
            Sample();
            return $"Okno resident {Read("VmRSS") / 1024} MB (highest sampled {_maxRss / 1024} MB, process peak {Read("VmHWM") / 1024} MB)";
        }

        private long Read(string key)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
