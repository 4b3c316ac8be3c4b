using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using MimeKit;
using Npgsql;
using Okno.Bench.Api;

namespace Okno.Bench.Email;

/// <summary>The email channel under load (issue 13), against a running Okno and the bench's own Dovecot + SMTP sink
/// (bench/email.sh starts all three):
/// <list type="number">
/// <item>import from one mailbox: <c>--mails</c> mails APPENDed to one user's INBOX first, then the mailbox is added
/// through the API; the rate is mails turned into tickets (or ignored) per second from the first item stored to the
/// last one processed;</item>
/// <item>import from <c>--mailboxes</c> mailboxes at once (one Dovecot user each, bench1…benchN@example.test), the same
/// number of mails spread over them;</item>
/// <item>during both imports, one client reads the inbox's first page (<c>GET /api/v1/tickets?limit=25</c>) every
/// <c>--inbox-every-ms</c> (0: without pause, a stress of ~100 reads/s that takes a good part of the 2 cores from the
/// import): p50/p95/p99/max, compared with the same reader on an idle Okno just before;</item>
/// <item>sending: <c>--replies</c> agent replies posted on imported tickets (8 clients), time until the SMTP sink has
/// taken all of them;</item>
/// <item>memory: Okno's resident set (VmRSS sampled every 20 ms, and VmHWM after resetting it) while it imports one
/// mail of <c>--big-mb</c> MB.</item>
/// </list>
/// Progress is read from the database (the inbound items' and deliveries' states), polled every 250 ms (the count
/// costs PostgreSQL ~4 ms; polled every 50 ms it took ~8 % of a core from the import).
/// Targets (reported, not asserted): ≥ 200 mails/s into tickets on PostgreSQL, inbox p95 ≤ 30 ms during the import,
/// sending ≥ 200 mails/s.</summary>
public static class EmailBench
{
    private const int Poll = 25;

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = new Uri(args.Required("url"));
        if (url.Host is not ("127.0.0.1" or "localhost" or "[::1]")) throw new UsageException("--url must be on 127.0.0.1.");
        var email = args.Required("email");
        var password = args.Required("password");
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var pid = args.Int("pid", 0, 1);
        var (imapHost, imapPort) = Endpoint(args.Optional("imap") ?? "127.0.0.1:10243");
        var (smtpHost, smtpPort) = Endpoint(args.Optional("smtp") ?? "127.0.0.1:10125");
        var mailPassword = args.Optional("mail-password") ?? "secret";
        var mails = args.Int("mails", 5000, 1);
        var mailboxes = args.Int("mailboxes", 20, 1, 100);
        var replies = args.Int("replies", 1000, 0);
        var bigMb = args.Int("big-mb", 25, 0, 90);
        var inboxEvery = TimeSpan.FromMilliseconds(args.Int("inbox-every-ms", 0, 0, 60_000));
        var only = (args.Optional("only") ?? "one,many,send,big").Split(',', StringSplitOptions.TrimEntries);
        var label = args.Optional("label") ?? provider;
        var outPath = args.Optional("out") ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-email.md");
        args.EnsureAllUsed();

        var report = new StringBuilder();
        void Line(string text = "") { Console.WriteLine(text); report.AppendLine(text); }
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var db = new Db(provider, connection);
        var mail = new Mail(imapHost, imapPort, mailPassword);
        var run = $"{DateTime.UtcNow:HHmmss}";

        Line($"### email · {label} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · load {Load()}");
        Line();
        Line($"Okno {url} ({provider}, {await db.ScalarAsync("""SELECT COUNT(*) FROM "Tickets" """):N0} tickets at start); Dovecot {imapHost}:{imapPort}, " +
             $"SMTP sink {smtpHost}:{smtpPort}. Inbox reader: {(inboxEvery > TimeSpan.Zero ? $"one read every {inboxEvery.TotalMilliseconds:0} ms" : "back to back")}.");
        Line();
        Line("| Scenario | Mails | Import s (first stored → last processed) | Mails/s | Wall s (mailbox added → done) | Inbox p50 / p95 / p99 / max ms (reads) | Load before → after |");
        Line("|---|---:|---:|---:|---:|---|---|");
        var created = new List<long>();

        async Task ImportAsync(string name, int count, int boxes)
        {
            var users = Enumerable.Range(1, boxes).Select(i => $"bench{i}@example.test").ToList();
            // Earlier mailboxes of this Okno on the same users are disabled, so no mail is fetched twice by two accounts.
            await DisableAsync(http, created, ct);
            Console.Error.WriteLine($"[email] {name}: appending {count} mails to {boxes} mailbox(es)…");
            var append = Stopwatch.StartNew();
            await Task.WhenAll(users.Select((user, u) => mail.RefillAsync(user, Enumerable.Range(0, count / boxes + (u < count % boxes ? 1 : 0))
                .Select(i => ImportMail($"{run}{name}{u}n{i}", i)), ct)));
            Console.Error.WriteLine($"[email] {name}: appended in {append.Elapsed.TotalSeconds:0.0} s; idle inbox reads…");
            var idle = await InboxAsync(http, inboxEvery, until: Task.Delay(3000, ct), ct);
            var loadBefore = Load();
            var wall = Stopwatch.StartNew();
            foreach (var (user, u) in users.Select((x, i) => (x, i)))
                created.Add(await AddMailboxAsync(http, $"Bench {run} {name} {boxes}.{u}", user, mailPassword, imapHost, imapPort, smtpHost, smtpPort, 25, ct));
            var done = new TaskCompletionSource<(TimeSpan First, TimeSpan Last)>();
            var reading = InboxAsync(http, inboxEvery, until: done.Task, ct);
            TimeSpan? first = null;
            var lastProgress = Stopwatch.StartNew();
            var seen = 0;
            while (true)
            {
                var (items, processed) = await db.ItemsAsync(created, ct);
                first ??= items > 0 ? wall.Elapsed : null;
                if (processed >= count)
                {
                    done.TrySetResult((first!.Value, wall.Elapsed));
                    break;
                }
                if (processed != seen) (seen, lastProgress) = ((int)processed, Stopwatch.StartNew());
                if (lastProgress.Elapsed > TimeSpan.FromMinutes(3)) throw new BenchException($"{name}: no progress for 3 minutes at {processed}/{count}.");
                await Task.Delay(Poll * 10, ct);
            }
            var (firstAt, lastAt) = await done.Task;
            var busy = await reading;
            var seconds = (lastAt - firstAt).TotalSeconds;
            Line($"| {name} ({boxes} mailbox{(boxes == 1 ? "" : "es")}) | {count:N0} | {seconds:0.0} | {count / seconds:0} | {lastAt.TotalSeconds:0.0} | " +
                 $"{Ms(busy)} (idle before: {Ms(idle)}) | {loadBefore} → {Load()} |");
        }

        // "warm": a first import of a fifth of the mails (at most 1,000) from one mailbox, its own row, before the measured
        // ones. Okno is started just before the bench, and during a cold import 14 % of its CPU went to the JIT (perf,
        // 2026-12-07): the row after it is the steady rate of a node that has been running, the warm-up row the rate
        // of one started on a backlog (a restart after downtime).
        // The warm-up imports from one mailbox and then from as many as "many": the first 20-mailbox import after it still
        // had the JIT tiering up the code of concurrent fetches (0.4-0.9 s of JIT a second over its first 5 s, the inbox's
        // server-side p95 at 40-80 ms meanwhile; dotnet-counters, 2026-12-07), which a node does once after it starts.
        if (only.Contains("warm"))
        {
            await ImportAsync("warm-up", Math.Clamp(mails / 5, 1, 1000), 1);
            if (mailboxes > 1) await ImportAsync("warm-up", Math.Max(mailboxes, Math.Min(mails / 5, 1000)), mailboxes);
        }
        if (only.Contains("one")) await ImportAsync("one", mails, 1);
        if (only.Contains("many")) await ImportAsync("many", mails, mailboxes);
        Line();

        if (only.Contains("send") && replies > 0)
        {
            if (created.Count == 0) throw new UsageException("send needs an import first (--only one,send or many,send).");
            var tickets = await db.ColumnAsync("""SELECT "TicketId" FROM "ChannelInboundItems" WHERE "Status" = 'Done' AND "TicketId" IS NOT NULL ORDER BY "Id" DESC""", ct);
            if (tickets.Count == 0) throw new BenchException("No imported tickets to reply on.");
            var sentBefore = await db.ScalarAsync("""SELECT COUNT(*) FROM "ChannelDeliveries" WHERE "Status" = 'Sent' """);
            var loadBefore = Load();
            var clock = Stopwatch.StartNew();
            var next = -1;
            var failures = 0;
            var posting = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < replies)
                {
                    var response = await http.PostAsJsonAsync($"/api/v1/tickets/{tickets[n % tickets.Count]}/messages",
                        new { body = $"Ответ номер {n}: принтер починили, проверьте, пожалуйста." }, ct);
                    if (response.StatusCode != HttpStatusCode.Created) Interlocked.Increment(ref failures);
                }
            }, ct)));
            TimeSpan? posted = null;
            long sentAtPosted = 0, sent;
            while (true)
            {
                sent = await db.ScalarAsync("""SELECT COUNT(*) FROM "ChannelDeliveries" WHERE "Status" = 'Sent' """) - sentBefore;
                if (posted is null && posting.IsCompleted) (posted, sentAtPosted) = (clock.Elapsed, sent);
                if (posted is not null && sent >= replies - failures) break;
                if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new BenchException($"send: only {sent} of {replies} sent in 10 minutes.");
                await Task.Delay(Poll * 10, ct);
            }
            var total = clock.Elapsed.TotalSeconds;
            var drain = (clock.Elapsed - posted!.Value).TotalSeconds;
            Line($"**Sending** {replies:N0} replies (8 clients posting, {failures} refused): all posted in {posted.Value.TotalSeconds:0.0} s " +
                 $"({replies / posted.Value.TotalSeconds:0}/s), all sent {total:0.0} s after the first post: **{sent / total:0} mails/s** end to end; " +
                 $"{replies - failures - sentAtPosted:N0} were still queued when the last was posted and went out in {drain:0.0} s " +
                 $"({(replies - failures - sentAtPosted) / Math.Max(drain, 1e-3):0}/s). Load {loadBefore} → {Load()}.");
            Line();
        }

        if (only.Contains("big") && bigMb > 0)
        {
            if (pid == 0) throw new UsageException("big needs --pid (Okno's process id) to read its memory.");
            await DisableAsync(http, created, ct);
            var big = BigMail($"{run}big", bigMb);
            await mail.RefillAsync("bench1@example.test", [big], ct);
            var size = big.ToString().Length;
            await Task.Delay(2000, ct);
            var baseline = Rss(pid, "VmRSS");
            // Resets VmHWM (the peak) to the current resident set (Linux ≥ 4.0).
            await File.WriteAllTextAsync($"/proc/{pid}/clear_refs", "5", ct);
            var peak = baseline;
            var account = await AddMailboxAsync(http, $"Bench {run} big", "bench1@example.test", mailPassword, imapHost, imapPort, smtpHost, smtpPort,
                bigMb + 5, ct);
            created.Add(account);
            var heapBefore = await HeapAsync(http, ct);
            var heapPeak = heapBefore;
            var clock = Stopwatch.StartNew();
            for (var n = 0; (await db.ItemsAsync([account], ct)).Processed < 1; n++)
            {
                peak = Math.Max(peak, Rss(pid, "VmRSS"));
                if (n % 5 == 0) heapPeak = Math.Max(heapPeak, await HeapAsync(http, ct));
                if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new BenchException("big: the mail was not processed in 5 minutes.");
                await Task.Delay(20, ct);
            }
            var took = clock.Elapsed.TotalSeconds;
            var hwm = Rss(pid, "VmHWM");
            var done = await db.ScalarAsync($"""SELECT COUNT(*) FROM "ChannelInboundItems" WHERE "AccountId" = {account} AND "Status" = 'Done'""");
            Line($"**Memory** importing one mail of {size / 1048576.0:0.0} MB (a {bigMb} MB attachment's worth, base64): Okno's RSS {baseline / 1024:0} MB before, " +
                 $"peak {Math.Max(peak, hwm) / 1024:0} MB (VmHWM {hwm / 1024:0} MB, sampled peak {peak / 1024:0} MB): **+{(Math.Max(peak, hwm) - baseline) / 1024:0} MB**; " +
                 $"managed heap (GC.GetTotalMemory from /health/metrics, every ~100 ms) {heapBefore / 1048576.0:0} MB before, peak {heapPeak / 1048576.0:0} MB; " +
                 $"stored and processed in {took:0.0} s ({(done == 1 ? "done" : "NOT done: quarantined")}).");
            Line();
        }

        await DisableAsync(http, created, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.AppendAllTextAsync(outPath, report + "\n", ct);
        Console.Error.WriteLine($"[email] appended to {outPath}");
        return 0;
    }

    private static (string, int) Endpoint(string value) =>
        value.Split(':') is [var host, var port] && int.TryParse(port, out var p) ? (host, p) : throw new UsageException($"Not host:port: {value}");

    public static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static long Rss(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new BenchException($"No {field} for process {pid}.");
    }

    /// <summary>okno_process_managed_heap_bytes from /health/metrics (admins may read it).</summary>
    private static async Task<long> HeapAsync(HttpClient http, CancellationToken ct)
    {
        var text = await http.GetStringAsync("/health/metrics", ct);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("okno_process_managed_heap_bytes", StringComparison.Ordinal));
        return line is null ? 0 : (long)double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    private static string Ms(Summary s) =>
        $"{Summary.Ms(s.P50)} / {Summary.Ms(s.P95)} / {Summary.Ms(s.P99)} / {Summary.Ms(s.Max)} ({s.Count:N0}{(s.Errors > 0 ? $", {s.Errors} errors" : "")})";

    /// <summary>One client reading the inbox's first page without pause until <paramref name="until"/> completes.</summary>
    private static async Task<Summary> InboxAsync(HttpClient http, TimeSpan every, Task until, CancellationToken ct)
    {
        var ms = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        while (!until.IsCompleted)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync("/api/v1/tickets?limit=25", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode) errors++;
            var rest = every - Stopwatch.GetElapsedTime(start);
            if (rest > TimeSpan.Zero) await Task.WhenAny(Task.Delay(rest, ct), until);
        }
        var latencies = new Latencies();
        latencies.AddRange(ms);
        return latencies.Summarize(clock.Elapsed, errors);
    }

    /// <summary>Disables the mailboxes a scenario added and forgets them. They cannot be deleted once they carried a mail
    /// (409; until 2026-12-07 the bench ignored that answer, so a scenario's mailbox went on fetching bench1 beside the
    /// next scenario's and its mails were read twice). A fetch already running may end its round: a moment is left for it.</summary>
    private static async Task DisableAsync(HttpClient http, List<long> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0) return;
        foreach (var id in accounts)
        {
            var account = await http.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{id}", ct);
            var response = await http.PutAsJsonAsync($"/api/v1/channels/{id}", new { name = account.GetProperty("name").GetString(), enabled = false }, ct);
            if (!response.IsSuccessStatusCode)
                throw new BenchException($"Disabling the mailbox {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        accounts.Clear();
        await Task.Delay(2000, ct);
    }

    private static async Task<long> AddMailboxAsync(HttpClient http, string name, string user, string password, string imapHost, int imapPort,
        string smtpHost, int smtpPort, int maxMegabytes, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/api/v1/channels/email", new
        {
            name,
            settings = new
            {
                imapHost, imapPort, imapSecurity = "none", imapUser = user, imapPassword = password, imapFolder = "INBOX",
                smtpHost, smtpPort, smtpSecurity = "none", fromName = "Bench support", fromAddress = user, pollSeconds = 5,
                maxMessageMegabytes = maxMegabytes,
            },
        }, ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new BenchException($"Adding the mailbox {user} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }

    /// <summary>A customer's mail as they come: plain text with a Russian body, a few senders writing again; one in 25
    /// has no Message-ID, one in 100 is an auto-reply (ignored, no ticket).</summary>
    private static MimeMessage ImportMail(string key, int i)
    {
        var message = new MimeMessage { Subject = $"Не работает принтер {key}", MessageId = $"{key}@customer.bench", Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress($"Клиент {i % 500}", $"c{i % 500}@customers.bench"));
        message.To.Add(MailboxAddress.Parse("support@example.test"));
        message.Body = new TextPart("plain")
        {
            Text = $"Здравствуйте!\n\nПринтер в кабинете {i % 40} снова не печатает, горит ошибка E-{i % 90:D2}. Перезагрузка не помогла.\n" +
                   "Подскажите, пожалуйста, что делать.\n\n--\nС уважением,\nКлиент\nТел. +7 900 000-00-00\n",
        };
        if (i % 25 == 7) message.Headers.Remove(HeaderId.MessageId);
        if (i % 100 == 42) message.Headers.Add("Auto-Submitted", "auto-replied");
        return message;
    }

    private static MimeMessage BigMail(string key, int megabytes)
    {
        var message = new MimeMessage { Subject = $"Большое вложение {key}", MessageId = $"{key}@customer.bench" };
        message.From.Add(new MailboxAddress("Большой", "big@customers.bench"));
        message.To.Add(MailboxAddress.Parse("support@example.test"));
        var bytes = new byte[megabytes * 1024 * 1024 * 3 / 4];
        new Random(25).NextBytes(bytes);
        var builder = new BodyBuilder { TextBody = "Во вложении снимок экрана." };
        builder.Attachments.Add("scan.bin", bytes, new ContentType("application", "octet-stream"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The bench's Dovecot: each user's INBOX emptied and filled again.</summary>
    private sealed class Mail(string host, int port, string password)
    {
        public async Task RefillAsync(string user, IEnumerable<MimeMessage> mails, CancellationToken ct)
        {
            using var client = new ImapClient();
            await client.ConnectAsync(host, port, SecureSocketOptions.None, ct);
            await client.AuthenticateAsync(user, password, ct);
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite, ct);
            if (client.Inbox.Count > 0)
            {
                await client.Inbox.AddFlagsAsync(UniqueIdRange.All, MessageFlags.Deleted, true, ct);
                await client.Inbox.ExpungeAsync(ct);
            }
            foreach (var chunk in mails.Chunk(100))
                await client.Inbox.AppendAsync(chunk.Select(m => (IAppendRequest)new AppendRequest(m, MessageFlags.None)).ToList(), ct);
            await client.DisconnectAsync(true, ct);
        }
    }

    /// <summary>Reads progress straight from Okno's database (SQLite file or PostgreSQL).</summary>
    private sealed class Db(string provider, string connection)
    {
        private DbConnection Open() => provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);

        public async Task<long> ScalarAsync(string sql)
        {
            await using var c = Open();
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        public async Task<List<long>> ColumnAsync(string sql, CancellationToken ct)
        {
            await using var c = Open();
            await c.OpenAsync(ct);
            await using var command = c.CreateCommand();
            command.CommandText = sql;
            var values = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) values.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            return values;
        }

        /// <summary>Items stored, and processed (done or ignored; a quarantined one counts too, so a run ends).</summary>
        public async Task<(long Items, long Processed)> ItemsAsync(IReadOnlyList<long> accounts, CancellationToken ct)
        {
            if (accounts.Count == 0) return (0, 0);
            var rows = await ColumnAsync($"""
                SELECT COUNT(*) FROM "ChannelInboundItems" WHERE "AccountId" IN ({string.Join(',', accounts)})
                UNION ALL SELECT COUNT(*) FROM "ChannelInboundItems" WHERE "AccountId" IN ({string.Join(',', accounts)}) AND "Status" IN ('Done', 'Ignored', 'Quarantined')
                """, ct);
            return (rows[0], rows[1]);
        }
    }
}
