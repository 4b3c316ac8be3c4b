using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Automation.Triggers;
using Okno.Bench.Api;
using Okno.Bench.Generate;
using Okno.Bench.Sla;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Bench.Automation;

/// <summary>Time rules at scale (issue 16), for bench/run.sh … timerules. <c>timerules-prepare</c> runs before Okno starts
/// and gives the generated desk the state a time rule reads; <c>timerules</c> then creates two rules through the API and
/// times Okno's own job (every minute): the first pass over every due ticket, and the idle passes after it.
/// <para>Durations come from the rules' watermarks: a pass writes <c>ScannedUpTo</c> = its start minus the rule's wait
/// when it has judged everything, so start = watermark + wait exactly (Okno's clock), and the end is when the new
/// watermark is seen (polled). The rules run one after another in one pass, so each one's start is the end of the one
/// before; a third rule (C) that finds nothing (waiting a year for an answer: the generator leaves AwaitingReplySince
/// empty, and tickets made during the run wait minutes) marks the end of the second exactly.</para></summary>
public static class TimeRulesBench
{
    public const string Prefix = "bench-timerule-";

    private static readonly TimeSpan OpenWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan UnassignedWait = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan MarkerWait = TimeSpan.FromDays(365);

    /// <summary>Before Okno starts (nothing else writes): the bulk load bypasses the issue-16 columns, so every generated
    /// ticket has StatusSince = AssigneeSince = year 1; they are set as Okno's migration sets them for tickets from before
    /// (their last change), and the newest resolved or closed tickets are reopened (status open since their last change)
    /// until <c>--open</c> tickets are open, in one UPDATE; then the view counters are recounted (Okno's own rebuild).</summary>
    public static async Task<int> PrepareAsync(Args args, CancellationToken ct)
    {
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var target = args.Int("open", 100_000, min: 0);
        args.EnsureAllUsed();

        await using var db = Generator.OpenDb(provider, connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var watch = Stopwatch.StartNew();
        var yearTwo = new DateTimeOffset(2, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var backfilled = await db.Tickets.Where(t => t.StatusSince < yearTwo)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.StatusSince, t => t.UpdatedAt).SetProperty(t => t.AssigneeSince, t => t.UpdatedAt), ct);

        var all = await db.Tickets.CountAsync(ct);
        target = Math.Min(target, all);
        var open = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Open, ct);
        var reopened = 0;
        if (open < target)
        {
            // The newest resolved or closed tickets are reopened; when they are too few (every ticket asked to be open),
            // the newest of every status but open.
            var closed = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed, ct);
            var candidates = closed >= target - open
                ? db.Tickets.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed)
                : db.Tickets.Where(t => t.Status != TicketStatus.Open);
            var from = await candidates.OrderByDescending(t => t.Id).Skip(target - open - 1).Select(t => t.Id).FirstAsync(ct);
            reopened = await candidates.Where(t => t.Id >= from)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Open).SetProperty(t => t.StatusSince, t => t.UpdatedAt)
                    .SetProperty(t => t.ResolvedAt, (DateTimeOffset?)null).SetProperty(t => t.ClosedAt, (DateTimeOffset?)null), ct);
        }
        if (reopened > 0 || backfilled > 0) await TicketCounts.RebuildAsync(db, ct);
        if (provider == "postgres") await db.Database.ExecuteSqlRawAsync("ANALYZE \"Tickets\"", ct);
        else await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        open = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Open, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timerules-prepare: {all:N0} tickets; StatusSince/AssigneeSince set from UpdatedAt on {backfilled:N0} generated tickets; " +
            $"{reopened:N0} of the newest resolved/closed (or, when too few, not open) tickets made open in one UPDATE (status open since their last change); " +
            $"{open:N0} tickets now open; view counters recounted; {watch.Elapsed.TotalSeconds:N1} s"));
        return 0;
    }

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var pid = args.Int("pid", 0, min: 0);
        var idlePasses = args.Int("idle-passes", 2, min: 0, max: 10);
        // Rule B judges every unassigned ticket: on a slow machine it may be left out to keep the run short.
        var withB = (args.Optional("judge-rule") ?? "yes") switch { "yes" => true, "no" => false, _ => throw new UsageException("--judge-rule is yes or no.") };
        var maxWait = TimeSpan.FromMinutes(args.Int("max-minutes", 60, min: 1, max: 600));
        var output = args.Optional("out");
        var label = args.Optional("label");
        args.EnsureAllUsed();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromSeconds(120) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        await using var db = Generator.OpenDb(provider, connection);
        var memory = pid > 0 ? new SlaBench.MemoryWatch(pid) : null;
        var lines = new List<string>();
        void Line(string text)
        {
            Console.Error.WriteLine("timerules: " + text);
            lines.Add(text);
        }

        // Rules of an earlier run (a kept database) go first: they would act too.
        var earlier = (await http.GetFromJsonAsync<JsonElement>("/api/v1/time-rules", ct)).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString()!.StartsWith(Prefix, StringComparison.Ordinal)).Select(r => r.GetProperty("id").GetInt64()).ToList();
        foreach (var id in earlier) (await http.DeleteAsync($"/api/v1/time-rules/{id}", ct)).EnsureSuccessStatusCode();
        var others = await db.Set<AutomationRule>().CountAsync(r => r.Kind == AutomationRule.TimeRuleKind && r.IsEnabled, ct);

        var now = DateTimeOffset.UtcNow;
        var all = await db.Tickets.LongCountAsync(ct);
        var openThreshold = now - OpenWait;
        var dueOpen = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Open && t.StatusSince <= openThreshold, ct);
        var unassignedThreshold = now - UnassignedWait;
        TicketStatus[] openStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];
        var dueUnassigned = await db.Tickets.CountAsync(t => t.AssigneeId == null && openStatuses.Contains(t.Status) && t.AssigneeSince <= unassignedThreshold, ct);
        var dueUrgent = await db.Tickets.CountAsync(t => t.AssigneeId == null && openStatuses.Contains(t.Status) && t.AssigneeSince <= unassignedThreshold
            && t.Priority == TicketPriority.Urgent, ct);
        Line($"{all:N0} tickets; {dueOpen:N0} open for an hour or more (rule A's due tickets); {dueUnassigned:N0} not closed and unassigned for 30 minutes " +
             $"or more, {dueUrgent:N0} of them urgent (rule B's candidates and due tickets); other enabled time rules: {others}" +
             (memory is null ? "" : $"; {memory.Describe()}"));

        // The actions add tags the desk already has (the two least used): a tag that does not exist yet makes Okno's pass
        // fail as soon as a batch holds two due tickets (each adds the new tag: UNIQUE constraint failed on Tags.Name;
        // seen on 2026-12-05, reported with issue 16), so the rule would never act.
        var tagUse = await db.Set<TicketTag>().GroupBy(t => t.TagId).Select(g => new { TagId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var tags = (await db.Tags.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .OrderBy(t => tagUse.FirstOrDefault(u => u.TagId == t.Id)?.Count ?? 0).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name).Take(3).ToList();
        if (tags.Count < 3) throw new BenchException("The desk needs three tags (a generated desk has 40).");
        var (openTag, urgentTag) = (tags[0], tags[1]);
        var taggedBefore = await TaggedAsync(db, openTag, ct);

        // A: the common "open for an hour → tag it" (acts on every due ticket). B: "unassigned for 30 minutes and urgent → tag
        // it": reads every unassigned ticket, acts on few (the condition is judged on each under its lock).
        var ruleA = await CreateAsync(http, new
        {
            name = Prefix + "A-open-1h", measure = "status_for", status = "open", amount = 1, unit = "hours",
            actions = new[] { new { type = "add_tags", values = new[] { openTag } } },
        }, ct);
        var ruleB = !withB ? 0 : await CreateAsync(http, new
        {
            name = Prefix + "B-unassigned-urgent-30m", measure = "unassigned_for", amount = 30, unit = "minutes",
            conditions = new[] { new { field = "priority", @operator = "equals", values = new[] { "urgent" } } },
            actions = new[] { new { type = "add_tags", values = new[] { urgentTag } } },
        }, ct);
        var ruleC = await CreateAsync(http, new
        {
            name = Prefix + "C-end-marker", measure = "awaiting_reply_for", amount = 365, unit = "days",
            actions = new[] { new { type = "add_tags", values = new[] { tags[2] } } },
        }, ct);
        var created = DateTimeOffset.UtcNow;
        Line($"rules created through the API at {created:HH:mm:ss} UTC: A #{ruleA} (status open for 1 hour → add tag {openTag}), " +
             (withB ? $"B #{ruleB} (unassigned for 30 minutes, priority urgent → add tag {urgentTag}), " : "no rule B (--judge-rule no), ") +
             $"C #{ruleC} (awaiting an answer for 365 days: none, it marks the end of the rule before it); " +
             "Okno's job runs every minute");

        // The first pass: until both watermarks are written (B runs after A in the same pass).
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        Marks marks;
        while (true)
        {
            marks = await MarksAsync(db, ruleA, ruleB, ruleC, ct);
            if (marks.A is not null && marks.B is not null && marks.C is not null) break;
            memory?.Sample();
            if (watch.Elapsed - lastProgress >= TimeSpan.FromSeconds(15))
            {
                lastProgress = watch.Elapsed;
                var (soFarA, soFarB) = (await RunsAsync(db, ruleA, ct), await RunsAsync(db, ruleB, ct));
                Console.Error.WriteLine($"timerules: {watch.Elapsed.TotalSeconds:N0} s: runs A {soFarA:N0}, B {soFarB:N0}");
            }
            if (watch.Elapsed > maxWait) throw new BenchException($"The first pass did not finish within {maxWait}; see the rules' runs.");
            await Task.Delay(100, ct);
        }
        var seenEnd = DateTimeOffset.UtcNow;
        var aStart = marks.A!.Value + OpenWait;
        var bEnd = marks.C!.Value + MarkerWait;
        var bStart = withB ? marks.B!.Value + UnassignedWait : bEnd;
        var runsA = await RunsAsync(db, ruleA, ct);
        var runsB = await RunsAsync(db, ruleB, ct);
        var taggedA = await TaggedAsync(db, openTag, ct);
        var aTook = bStart - aStart;
        var bTook = bEnd - bStart;
        Line($"first pass started {(aStart - created).TotalSeconds:N1} s after the rules were made (the job's minute); A and B took {(bEnd - aStart).TotalSeconds:N1} s " +
             $"(from Okno's watermarks; the whole pass with C seen done {(seenEnd - aStart).TotalSeconds:N1} s after its start, polled every 0.1 s)");
        Line($"  A: {runsA:N0} tickets acted on (runs) of {dueOpen:N0} due, {taggedA:N0} tickets carry {openTag} ({taggedBefore:N0} before); {aTook.TotalSeconds:N1} s, " +
             $"{runsA / Math.Max(aTook.TotalSeconds, 0.001):N0} tickets acted on per second");
        if (withB) Line($"  B: {runsB:N0} tickets acted on of {dueUrgent:N0} due, {dueUnassigned:N0} candidates judged; {bTook.TotalSeconds:N1} s, " +
             $"{dueUnassigned / Math.Max(bTook.TotalSeconds, 0.001):N0} candidates judged per second" + (memory is null ? "" : $"; {memory.Describe()}"));
        if (runsA < dueOpen) Line($"  WARNING: A acted on {dueOpen - runsA:N0} fewer tickets than were due");

        // Idle passes: everything due was judged, so a pass reads only what crossed its wait since the watermark.
        var idle = new List<double>();
        for (var i = 1; i <= idlePasses; i++)
        {
            var before = marks;
            var runsBefore = await RunsAsync(db, ruleA, ct) + await RunsAsync(db, ruleB, ct);
            watch.Restart();
            while (true)
            {
                marks = await MarksAsync(db, ruleA, ruleB, ruleC, ct);
                if (marks.A != before.A && marks.B != before.B && marks.C != before.C) break;
                if (watch.Elapsed > TimeSpan.FromMinutes(3)) throw new BenchException("No idle pass within 3 minutes.");
                await Task.Delay(1000, ct);
            }
            aStart = marks.A!.Value + OpenWait;
            bEnd = marks.C!.Value + MarkerWait;
            bStart = withB ? marks.B!.Value + UnassignedWait : bEnd;
            var runs = await RunsAsync(db, ruleA, ct) + await RunsAsync(db, ruleB, ct) - runsBefore;
            idle.Add((bEnd - aStart).TotalMilliseconds);
            Line($"idle pass {i} at {aStart:HH:mm:ss}: A and B took {(bEnd - aStart).TotalMilliseconds:N1} ms (A {(bStart - aStart).TotalMilliseconds:N1} ms, " +
                 $"B {(bEnd - bStart).TotalMilliseconds:N1} ms); {runs:N0} tickets acted on (those that crossed a wait since the pass before)");
        }

        // The idle pass's query, Okno's own shape (status, StatusSince after the watermark, up to the threshold, a batch), timed alone.
        var watermark = marks.A!.Value;
        var timings = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var threshold = DateTimeOffset.UtcNow - OpenWait;
            var w = Stopwatch.StartNew();
            await db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Open && t.StatusSince <= threshold && t.StatusSince > watermark)
                .OrderBy(t => t.StatusSince).ThenBy(t => t.Id).Select(t => new { t.Id, t.StatusSince }).Take(200).ToListAsync(ct);
            timings.Add(w.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        Line($"rule A's candidate query after the watermark (nothing due), from the bench: p50 {timings[100]:N2} ms, p95 {timings[190]:N2} ms over 200 runs");
        if (memory is not null) Line($"memory at the end: {memory.Describe()}");

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — time rules at scale — {label}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; Okno, the database and the bench share it.")
            .AppendLine()
            .AppendLine("```text");
        foreach (var l in lines) report.AppendLine(l);
        report.AppendLine("```");
        Console.WriteLine(report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT timerules acted={runsA} first_pass_s={aTook.TotalSeconds:0.0} per_s={runsA / Math.Max(aTook.TotalSeconds, 0.001):0} idle_ms={(idle.Count > 0 ? idle.Average() : double.NaN):0}"));
        if (output is not null) await File.AppendAllTextAsync(output, report + "\n", ct);
        return runsA < dueOpen ? 1 : 0;
    }

    private sealed record Marks(DateTimeOffset? A, DateTimeOffset? B, DateTimeOffset? C);

    private static async Task<Marks> MarksAsync(OknoDb db, long a, long b, long c, CancellationToken ct)
    {
        var rows = await db.Set<AutomationRule>().AsNoTracking().Where(r => r.Id == a || r.Id == b || r.Id == c)
            .Select(r => new { r.Id, r.ScannedUpTo }).ToListAsync(ct);
        var markC = rows.FirstOrDefault(r => r.Id == c)?.ScannedUpTo;
        // Without rule B (id 0) its mark is C's, so "B is done" means "the pass is done".
        return new Marks(rows.FirstOrDefault(r => r.Id == a)?.ScannedUpTo, b == 0 ? markC : rows.FirstOrDefault(r => r.Id == b)?.ScannedUpTo, markC);
    }

    private static Task<int> RunsAsync(OknoDb db, long rule, CancellationToken ct) => db.Set<AutomationRun>().CountAsync(r => r.RuleId == rule, ct);

    private static Task<int> TaggedAsync(OknoDb db, string tag, CancellationToken ct) =>
        db.Set<TicketTag>().CountAsync(t => t.Tag.Name == tag, ct);

    private static async Task<long> CreateAsync(HttpClient http, object rule, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/time-rules", rule, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"Creating a time rule: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }
}
