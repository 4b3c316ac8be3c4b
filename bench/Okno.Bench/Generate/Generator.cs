using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;

namespace Okno.Bench.Generate;

/// <summary>`generate`: schema by Okno's own migrations, then reference data once, then tickets in chunks of one
/// transaction each. A second run with the same arguments continues after the last committed chunk.</summary>
public static class Generator
{
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var provider = args.Required("provider").ToLowerInvariant();
        var connection = args.Required("connection");
        var sizes = new Sizes(
            args.Int("tickets", 1_000_000), args.Int("messages-per-ticket", 5, min: 1, max: 100), args.Int("contacts", 200_000, min: 1),
            args.Int("companies", 5_000), args.Int("groups", 50), args.Int("agents", 300, min: 1));
        var chunkSize = args.Int("chunk", 10_000, min: 1);
        var seed = (ulong)args.Int("seed", 20261123);
        // Indexing 6M subjects and messages for search takes longer than generating them; benchmarks of other things
        // can skip it (search then finds only what is written through Okno afterwards).
        var searchIndex = args.Optional("search-index") is not ("no" or "false" or "0");
        args.EnsureAllUsed();
        if (provider is not ("sqlite" or "postgres")) throw new UsageException("--provider must be sqlite or postgres.");

        var started = Stopwatch.StartNew();
        await MigrateAsync(provider, connection, ct);
        Console.Error.WriteLine($"schema migrated in {started.Elapsed.TotalSeconds:0.0}s");

        await using Sink sink = provider == "sqlite" ? new SqliteSink(connection) : new PostgresSink(connection);
        await sink.OpenAsync(ct);

        var referenceWatch = Stopwatch.StartNew();
        var (reference, created) = await EnsureReferenceAsync(sink, sizes, seed, ct);
        var tagIds = await sink.EnsureTagsAsync(Phrases.Tags, ct);
        var referenceTime = referenceWatch.Elapsed;
        var referenceRows = reference.Groups.Length + reference.Agents.Length + reference.Memberships.Length + reference.Companies.Length +
            reference.Contacts.Length + reference.Emails.Length + reference.Phones.Length;
        Console.Error.WriteLine(created
            ? $"reference data: {referenceRows:N0} rows (groups, agents, memberships, companies, contacts, emails, phones) in {referenceTime.TotalSeconds:0.0}s"
            : "reference data: already there, reused");

        var resume = await sink.ResumePointAsync(ct);
        if (resume.TicketsDone > 0)
            Console.Error.WriteLine($"resuming after ticket #{10000 + resume.TicketsDone} ({resume.TicketsDone:N0} of {sizes.Tickets:N0} done)");
        if (resume.TicketsDone % chunkSize != 0 && resume.TicketsDone < sizes.Tickets)
            Console.Error.WriteLine("warning: the tickets so far do not end on a chunk boundary (other writers, or another --chunk); continuing anyway");

        var loadWatch = Stopwatch.StartNew();
        var totals = await LoadTicketsAsync(sink, reference, tagIds, sizes, chunkSize, seed, resume, ct);
        var loadTime = loadWatch.Elapsed;

        var finishWatch = Stopwatch.StartNew();
        Console.Error.WriteLine("finishing: priority ranks, view counters, sequences, ANALYZE…");
        var counters = await FixDerivedDataAsync(sink, provider, connection, ct);
        await sink.FinishAsync(ct);
        var finishTime = finishWatch.Elapsed;

        var searchWatch = Stopwatch.StartNew();
        var indexed = searchIndex ? await IndexForSearchAsync(provider, connection, ct) : 0;
        var searchTime = searchWatch.Elapsed;

        var rowsPerSecond = totals.Rows / Math.Max(loadTime.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            generate {provider}: done in {Progress.Format(started.Elapsed)}
              this run:   {totals.Tickets:N0} tickets, {totals.Messages:N0} messages, {totals.Events:N0} events, {totals.Tags:N0} ticket tags
                          = {totals.Rows:N0} rows in {Progress.Format(loadTime)} ({rowsPerSecond:N0} rows/s, {totals.Tickets / Math.Max(loadTime.TotalSeconds, 0.001):N0} tickets/s)
              reference:  {(created ? $"{referenceRows:N0} rows in {Progress.Format(referenceTime)}" : "reused")}
              finish:     {Progress.Format(finishTime)} (priority ranks, view counters, sequences, ANALYZE{(provider == "sqlite" ? ", WAL checkpoint" : "")})
              counters:   {counters}
              search:     {indexed:N0} subjects and messages indexed in {Progress.Format(searchTime)} ({indexed / Math.Max(searchTime.TotalSeconds, 0.001):N0}/s, Okno's own backfill)
              database:   tickets #10001…#{10000 + resume.TicketsDone + totals.Tickets}, {sizes.Contacts:N0} contacts, {sizes.Companies:N0} companies, {sizes.Groups} groups, {sizes.Agents} agents
              sign in:    {Reference.AgentEmail(1)} (admin), {Reference.AgentEmail(2)} (supervisor), {Reference.AgentEmail(5)} (agent); password: {Reference.Password}
            """));
        return 0;
    }

    /// <summary>The generated rows bypass Okno, so they are queued and indexed the way the SearchIndex migration does for
    /// existing data (SearchBacklog drained by <see cref="Okno.Tickets.TicketSearchBackfill"/>), which also measures it.</summary>
    private static async Task<long> IndexForSearchAsync(string provider, string connection, CancellationToken ct)
    {
        await using var db = OpenDb(provider, connection);
        Console.Error.WriteLine("search index: queueing tickets and messages not indexed yet…");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "SearchBacklog" ("Kind", "OwnerId")
            SELECT 'ticket_subject', t."Id" FROM "Tickets" AS t
            WHERE t."Id" > COALESCE((SELECT MAX("OwnerId") FROM "SearchEntries" WHERE "Kind" = 'ticket_subject'), 0)
              AND t."Id" > COALESCE((SELECT MAX("OwnerId") FROM "SearchBacklog" WHERE "Kind" = 'ticket_subject'), 0)
            ORDER BY t."Id";
            INSERT INTO "SearchBacklog" ("Kind", "OwnerId")
            SELECT 'message', m."Id" FROM "Messages" AS m
            WHERE m."Id" > COALESCE((SELECT MAX("OwnerId") FROM "SearchEntries" WHERE "Kind" = 'message'), 0)
              AND m."Id" > COALESCE((SELECT MAX("OwnerId") FROM "SearchBacklog" WHERE "Kind" = 'message'), 0)
            ORDER BY m."Id";
            """, ct);
        var total = await db.SearchBacklog.LongCountAsync(ct);
        long done = 0;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            db.ChangeTracker.Clear();
            var n = await Okno.Tickets.TicketSearchBackfill.DrainBatchAsync(db, ct);
            if (n == 0) break;
            done += n;
            if (done % 20_000 < Okno.Tickets.TicketSearchBackfill.BatchSize)
                Console.Error.WriteLine($"search index: {done:N0} of {total:N0} ({done / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0}/s)");
        }
        return done;
    }

    /// <summary>The schema exactly as Okno makes it: the same migrations, through a host-free context.</summary>
    private static async Task MigrateAsync(string provider, string connection, CancellationToken ct)
    {
        await using var db = OpenDb(provider, connection);
        // As Okno's own startup: a migration's data step on a million-ticket database runs for minutes, not 30 s.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.MigrateAsync(ct); // on PostgreSQL also creates the database when the role may (CREATEDB)
    }

    /// <summary>A host-free OknoDb configured as Okno configures its own (DataModule.ConfigureSqlite/ConfigurePostgres).</summary>
    internal static OknoDb OpenDb(string provider, string connection)
    {
        if (provider == "sqlite")
        {
            var o = new DbContextOptionsBuilder<SqliteOknoDb>();
            DataModule.ConfigureSqlite(o, connection);
            return new SqliteOknoDb(o.Options);
        }
        var p = new DbContextOptionsBuilder<PostgresOknoDb>();
        DataModule.ConfigurePostgres(p, connection);
        return new PostgresOknoDb(p.Options);
    }

    /// <summary>What Okno keeps beside the tickets and the bulk load bypasses, made right on every run (also one that
    /// found all tickets there, or resumed a database an older generator began):
    /// <c>PriorityRank</c> must equal <c>Priority</c> (new rows are written with it; this fixes rows written without), and
    /// the view counters (<c>TicketCounts</c>, normally +1/-1 rows per save) are recounted from the tickets by Okno's own
    /// <see cref="TicketCounts.RebuildAsync"/>. Runs while Okno is not writing (before it starts), like the whole generator.</summary>
    private static async Task<string> FixDerivedDataAsync(Sink sink, string provider, string connection, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var rank = "CASE \"Priority\" WHEN 'Low' THEN 0 WHEN 'Normal' THEN 1 WHEN 'High' THEN 2 WHEN 'Urgent' THEN 3 END";
        var wrongRanks = await sink.ScalarLongAsync($"SELECT COUNT(*) FROM \"Tickets\" WHERE \"PriorityRank\" <> {rank}", ct) ?? 0;
        if (wrongRanks > 0)
        {
            Console.Error.WriteLine($"fixing PriorityRank of {wrongRanks:N0} tickets (written by an older generator)");
            await sink.ExecuteAsync($"UPDATE \"Tickets\" SET \"PriorityRank\" = {rank} WHERE \"PriorityRank\" <> {rank}", ct);
        }
        await using (var db = OpenDb(provider, connection))
            await Okno.Tickets.TicketCounts.RebuildAsync(db, ct);
        // Self-check: the counters add up to the tickets.
        var buckets = await sink.ScalarLongAsync("SELECT COUNT(*) FROM \"TicketCounts\"", ct) ?? 0;
        var counted = await sink.ScalarLongAsync("SELECT COALESCE(SUM(\"Delta\"), 0) FROM \"TicketCounts\"", ct) ?? 0;
        var tickets = await sink.ScalarLongAsync("SELECT COUNT(*) FROM \"Tickets\"", ct) ?? 0;
        if (counted != tickets)
            throw new BenchException($"The rebuilt view counters hold {counted:N0} tickets, the table {tickets:N0}.");
        return string.Create(CultureInfo.InvariantCulture,
            $"{buckets:N0} buckets = {counted:N0} tickets, rebuilt in {watch.Elapsed.TotalSeconds:0.0}s; PriorityRank fixed on {wrongRanks:N0} rows");
    }

    /// <summary>Finds the reference data of an earlier run (by agent1@bench.example) or makes it.</summary>
    private static async Task<(Reference Reference, bool Created)> EnsureReferenceAsync(Sink sink, Sizes sizes, ulong seed, CancellationToken ct)
    {
        var agent1 = await sink.ScalarLongAsync("SELECT \"Id\" FROM \"Agents\" WHERE \"Email\" = @e", ct, null, ("e", Reference.AgentEmail(1)));
        if (agent1 is { } agentBase)
        {
            var anchor = await sink.ScalarLongAsync("SELECT \"CreatedAt\" FROM \"Agents\" WHERE \"Id\" = @id", ct, null, ("id", agentBase))
                ?? throw new InvalidOperationException("agent1 has no CreatedAt.");
            // Rebuild in memory with zero bases to learn the keys, then find where each table's rows start.
            var shape = Reference.Build(sizes, seed, new IdBases(0, 0, 0, 0), anchor);
            var bases = new IdBases(
                sizes.Groups == 0 ? 0 : await IdOfAsync(sink, "SELECT \"Id\" FROM \"Groups\" WHERE \"Name\" = @k", shape.Groups[0].Name, ct),
                agentBase,
                sizes.Companies == 0 ? 0 : await IdOfAsync(sink, "SELECT \"CompanyId\" FROM \"CompanyDomains\" WHERE \"Domain\" = @k", shape.Companies[0].Domain, ct),
                await IdOfAsync(sink, "SELECT \"ContactId\" FROM \"ContactEmails\" WHERE \"Address\" = @k", shape.Emails[0].Address, ct));
            var reference = Reference.Build(sizes, seed, bases, anchor);
            // The same arguments give the same last rows at the same ids; other sizes would mix two data sets.
            var lastContact = reference.Contacts[^1];
            var lastEmail = reference.Emails.First(e => e.ContactId == lastContact.Id).Address;
            var lastAgent = reference.Agents[^1];
            var checks = new[]
            {
                (await sink.ScalarLongAsync("SELECT \"ContactId\" FROM \"ContactEmails\" WHERE \"Address\" = @k", ct, null, ("k", lastEmail)), lastContact.Id),
                (await sink.ScalarLongAsync("SELECT \"Id\" FROM \"Agents\" WHERE \"Email\" = @k", ct, null, ("k", lastAgent.Email)), lastAgent.Id),
                (await sink.ScalarLongAsync("SELECT COUNT(*) FROM \"Agents\" WHERE \"Email\" LIKE @k", ct, null, ("k", "%@" + Reference.AgentDomain)),
                    (long)sizes.Agents),
            };
            if (checks.Any(c => c.Item1 != c.Item2))
                throw new BenchException("This database holds generated data made with other sizes (--contacts/--companies/--groups/--agents) " +
                    "or another --seed: use the same ones, or a fresh database.");
            return (reference, false);
        }

        if (await sink.ScalarLongAsync("SELECT COUNT(*) FROM \"Tickets\"", ct) > 0)
            throw new BenchException("The database already has tickets that the generator did not make: use an empty database.");
        var nextBases = new IdBases(
            await NextIdAsync(sink, "Groups", ct), await NextIdAsync(sink, "Agents", ct),
            await NextIdAsync(sink, "Companies", ct), await NextIdAsync(sink, "Contacts", ct));
        var now = DateTime.UtcNow;
        var end = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        var fresh = Reference.Build(sizes, seed, nextBases, end.Ticks - Reference.AnchorBeforeEnd.Ticks);
        // One real hash for every agent: PBKDF2 is slow on purpose, and 300 different hashes would take half a minute.
        var hash = new PasswordHasher<Agent>().HashPassword(new Agent(), Reference.Password);
        await sink.WriteReferenceAsync(fresh, hash, ct);
        return (fresh, true);
    }

    private static async Task<long> IdOfAsync(Sink sink, string sql, string key, CancellationToken ct) =>
        await sink.ScalarLongAsync(sql, ct, null, ("k", key))
        ?? throw new BenchException($"The generated reference data is incomplete ('{key}' is missing): use a fresh database.");

    private static async Task<long> NextIdAsync(Sink sink, string table, CancellationToken ct) =>
        (await sink.ScalarLongAsync($"SELECT MAX(\"Id\") FROM \"{table}\"", ct) ?? 0) + 1;

    private sealed record Totals(long Tickets, long Messages, long Events, long Tags)
    {
        public long Rows => Tickets + Messages + Events + Tags;
    }

    /// <summary>A producer thread makes chunk n+1 while this one writes chunk n: on two cores, generating text and
    /// inserting it then overlap instead of taking turns.</summary>
    private static async Task<Totals> LoadTicketsAsync(Sink sink, Reference reference, long[] tagIds, Sizes sizes, int chunkSize, ulong seed,
        ResumePoint resume, CancellationToken ct)
    {
        var remaining = Math.Max(0, sizes.Tickets - resume.TicketsDone);
        if (remaining == 0)
        {
            Console.Error.WriteLine($"all {sizes.Tickets:N0} tickets are already there");
            return new Totals(0, 0, 0, 0);
        }
        long makeTicks = 0, writeTicks = 0;
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                var factory = new TicketFactory(reference, tagIds, Phrases.Tags, seed);
                var after = resume;
                for (var from = resume.TicketsDone; from < sizes.Tickets; from += chunkSize)
                {
                    var to = Math.Min(sizes.Tickets, from + chunkSize);
                    var t0 = Stopwatch.GetTimestamp();
                    var chunk = factory.Make((int)(from / chunkSize), from, to, sizes.Tickets, sizes.MessagesPerTicket, after);
                    Interlocked.Add(ref makeTicks, Stopwatch.GetTimestamp() - t0);
                    after = TicketFactory.After(chunk, after);
                    await chunks.Writer.WriteAsync(chunk, stopProducer.Token);
                }
                chunks.Writer.Complete();
            }
            catch (Exception e)
            {
                chunks.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        var progress = new Progress("tickets", remaining);
        long tickets = 0, messages = 0, events = 0, tags = 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
            {
                var t0 = Stopwatch.GetTimestamp();
                await sink.WriteChunkAsync(chunk, ct);
                writeTicks += Stopwatch.GetTimestamp() - t0;
                tickets += chunk.Tickets.Count;
                messages += chunk.Messages.Count;
                events += chunk.Events.Count;
                tags += chunk.Tags.Count;
                progress.Add(chunk.Tickets.Count, chunk.RowCount, force: tickets == remaining);
            }
        }
        finally
        {
            await stopProducer.CancelAsync();
            await producer;
        }
        // Where the time went: if writing is close to the total, the database is the limit, not the generator.
        Console.Error.WriteLine($"time spent: making rows {Progress.Format(Stopwatch.GetElapsedTime(0, makeTicks))} (producer thread), " +
            $"writing them {Progress.Format(Stopwatch.GetElapsedTime(0, writeTicks))} (database), wall {Progress.Format(progress.Elapsed)}");
        return new Totals(tickets, messages, events, tags);
    }
}
