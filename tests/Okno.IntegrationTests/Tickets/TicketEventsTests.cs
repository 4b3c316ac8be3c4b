using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Ticket events in the outbox (derived from history in the change's own transaction) and their handlers
/// (after commit, exactly once, in order per ticket, retried with backoff), on SQLite and PostgreSQL.</summary>
public sealed class TicketEventsTests
{

    [Theory]
    [BothDatabases]
    public async Task Every_kind_of_change_writes_its_event_with_version_operation_cause_and_routing(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var adminId = (await admin.GetJsonAsync("/api/v1/agents?role=admin")).Items()[0].Id();
        var group = await admin.CreateGroupAsync();
        var other = await admin.CreateGroupAsync();

        var ticket = (await admin.CreateTicketAsync("Events", extra: new { groupId = group, tags = new[] { "vip" }, assigneeId = adminId })).Id();
        var reply = (await admin.PostJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "On it" })).Id();
        var note = (await admin.PostJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "Psst", @internal = true })).Id();
        await admin.PatchAsync($"/api/v1/tickets/{ticket}", new
        {
            subject = "Events, renamed", priority = "high", type = "incident", groupId = other, assigneeId = (long?)null,
            tags = new[] { "vip", "late" }, status = "pending",
        });
        var duplicate = (await admin.CreateTicketAsync("Duplicate")).Id();
        var related = (await admin.CreateTicketAsync("Related")).Id();
        (await admin.PostAsJsonAsync($"/api/v1/tickets/{ticket}/links", new { ticketId = related })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/v1/tickets/{ticket}/links/{related}")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { intoTicketId = ticket })).EnsureSuccessStatusCode();

        var events = await app.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
            .Select(TicketEventOutbox.Read).ToList());
        var mine = events.Where(e => e.TicketId == ticket).ToList();
        Assert.Equal(
        [
            // Created with a group, the customer's message, tags and an assignee: one request, one operation.
            typeof(TicketCreated), typeof(TicketGroupChanged), typeof(MessageReceived), typeof(TicketTagsChanged), typeof(TicketAssigneeChanged),
            typeof(ReplySent), typeof(TicketStatusChanged),   // the first public reply opens the ticket
            typeof(NoteAdded),
            typeof(TicketSubjectChanged), typeof(TicketPriorityChanged), typeof(TicketTypeChanged), typeof(TicketGroupChanged),
            typeof(TicketAssigneeChanged), typeof(TicketTagsChanged), typeof(TicketStatusChanged),
            typeof(TicketLinked), typeof(TicketUnlinked), typeof(TicketMerged),
        ], mine.Select(e => e.GetType()));
        // Versions follow the history one by one; each event is the ticket's history row of that version.
        Assert.Equal(Enumerable.Range(1, mine.Count).Select(v => (long)v), mine.Select(e => e.TicketVersion));
        var history = await app.WithDbAsync(db => db.TicketEvents.Where(h => h.TicketId == ticket).OrderBy(h => h.TicketVersion).Select(h => h.TicketVersion).ToListAsync());
        Assert.Equal(history, mine.Select(e => e.TicketVersion));
        // One operation per request.
        Assert.Equal(7, mine.Select(e => e.OperationId).Distinct().Count());
        Assert.Single(mine.Take(5).Select(e => e.OperationId).Distinct());
        Assert.Equal(mine[5].OperationId, mine[6].OperationId);
        Assert.NotEqual(mine[6].OperationId, mine[7].OperationId);
        // The cause: the admin, except the customer's own message.
        Assert.All(mine.Where(e => e is not MessageReceived), e => Assert.Equal(Actor.Agent(adminId), e.Cause));
        Assert.Equal(ActorKind.Contact, mine.OfType<MessageReceived>().Single().Cause.Kind);
        // Routing before and after, and the details.
        var created = Assert.IsType<TicketCreated>(mine[0]);
        Assert.Null(created.Before);
        Assert.Equal(new TicketRouting(TicketStatus.New, null, null), created.After);
        Assert.Equal("Events", created.Subject);
        Assert.Equal(new TicketRouting(TicketStatus.New, group, null), mine[1].After);
        Assert.Equal(new TicketRouting(TicketStatus.New, group, adminId), mine[4].After);
        Assert.Equal(reply, Assert.IsType<ReplySent>(mine[5]).MessageId);
        Assert.False(((ReplySent)mine[5]).Internal);
        var opened = Assert.IsType<TicketStatusChanged>(mine[6]);
        Assert.Equal((TicketStatus.New, TicketStatus.Open), (opened.From, opened.To));
        var noted = Assert.IsType<NoteAdded>(mine[7]);
        Assert.Equal(note, noted.MessageId);
        Assert.True(noted.Internal);
        Assert.Equal(["late", "vip"], Assert.IsType<TicketTagsChanged>(mine[13]).To.Order());
        var pending = Assert.IsType<TicketStatusChanged>(mine[14]);
        Assert.Equal(new TicketRouting(TicketStatus.Open, other, null), pending.Before);
        Assert.Equal(new TicketRouting(TicketStatus.Pending, other, null), pending.After);
        Assert.Equal(related, Assert.IsType<TicketLinked>(mine[15]).OtherTicketId);
        Assert.Equal(related, Assert.IsType<TicketUnlinked>(mine[16]).OtherTicketId);
        var survived = Assert.IsType<TicketMerged>(mine[17]);
        Assert.True(survived.IsSurvivor);
        Assert.Equal(duplicate, survived.OtherTicketId);
        var merged = events.Where(e => e.TicketId == duplicate).OfType<TicketMerged>().Single();
        Assert.False(merged.IsSurvivor);
        Assert.Equal(ticket, merged.OtherTicketId);
        Assert.Equal(TicketStatus.Closed, events.Where(e => e.TicketId == duplicate).Last().After.Status);
    }

    [Theory]
    [BothDatabases]
    public async Task Tickets_written_together_in_one_commit_keep_the_operation_of_their_own_request(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        // Concurrent creations share transactions (group commit); their events must not share an operation.
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            (await admin.CreateTicketAsync($"Together {i}", extra: new { tags = new[] { "together" } })).Id()));

        var events = await app.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().ToListAsync()).Select(TicketEventOutbox.Read).ToList());
        var operations = ids.Select(id => Assert.Single(events.Where(e => e.TicketId == id).Select(e => e.OperationId).Distinct())).ToList();
        Assert.Equal(ids.Length, operations.Distinct().Count());
    }

    [Theory]
    [BothDatabases]
    public async Task An_automation_cause_keeps_its_rule_and_depth_and_a_failed_write_leaves_no_event(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = (await admin.CreateTicketAsync("Automated")).Id();
        var before = await app.WithDbAsync(db => db.OutboxEvents.CountAsync());

        await app.WithDbAsync(async db => await db.WriteAsync(async ct =>
        {
            var t = await db.Tickets.SingleAsync(x => x.Id == ticket, ct);
            t.ChangePriority(TicketPriority.Urgent, Actor.Automation(ruleId: 42, depth: 2), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
            return 0;
        }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => app.WithDbAsync<int>(async db => await db.WriteAsync<int>(async ct =>
        {
            var t = await db.Tickets.SingleAsync(x => x.Id == ticket, ct);
            t.ChangePriority(TicketPriority.Low, Actor.System, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("The use case fails after saving: its transaction rolls back.");
        }, CancellationToken.None)));

        var events = await app.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().OrderBy(e => e.Id).Skip(before).ToListAsync())
            .Select(TicketEventOutbox.Read).ToList());
        var changed = Assert.IsType<TicketPriorityChanged>(Assert.Single(events));
        Assert.Equal(42L, changed.Cause.RuleId);
        Assert.Equal(2, changed.Cause.Depth);
        Assert.Equal(ActorKind.Automation, changed.Cause.Kind);
        Assert.Equal(TicketPriority.Urgent, changed.To);
    }

    [Theory]
    [BothDatabases]
    public async Task A_handler_gets_every_event_once_in_order_per_ticket_and_a_poison_handler_blocks_nobody(string provider)
    {
        await using var app = OknoFactory.For(provider, services: s => s
            .AddTicketEventHandler<RecordingTicketHandler>()
            .AddTicketEventHandler<FailingTicketHandler>());
        await app.WithDbAsync(async db => { await RecordingTicketHandler.CreateTableAsync(db); return 0; });
        var admin = await app.AdminClientAsync();

        var tickets = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var id = (await admin.CreateTicketAsync($"Ordered {i}")).Id();
            for (var m = 0; m < 3; m++) await admin.PostJsonAsync($"/api/v1/tickets/{id}/messages", new { body = $"Reply {m}", @internal = m % 2 == 1 });
            await admin.PatchAsync($"/api/v1/tickets/{id}", new { priority = "high" });
            return id;
        }));

        var total = await app.WithDbAsync(db => db.OutboxEvents.CountAsync());
        await JobHelpers.UntilAsync(async () => (await app.WithDbAsync(RecordingTicketHandler.RowsAsync)).Count == total, seconds: 30);
        var rows = await app.WithDbAsync(RecordingTicketHandler.RowsAsync);
        Assert.Equal(total, rows.Select(r => r.EventId).Distinct().Count());
        foreach (var id in tickets)
        {
            var versions = rows.Where(r => r.TicketId == id).Select(r => r.TicketVersion).ToList();
            Assert.Equal(versions.Order(), versions);
        }

        // The poison handler failed, is retried later and later, and /health says so with its backlog. Each handler
        // runs on its own, so on a busy machine the recording one may finish before the poison one first tries.
        IReadOnlyList<OutboxHandlerState> states = [];
        await JobHelpers.UntilAsync(async () =>
        {
            states = await app.Services.GetRequiredService<OutboxHealthCheck>().ReadAsync(CancellationToken.None);
            return states.Single(s => s.Name == FailingTicketHandler.HandlerName).Attempts >= 1;
        }, seconds: 30);
        var poison = states.Single(s => s.Name == FailingTicketHandler.HandlerName);
        Assert.Contains("always fails", poison.LastError);
        Assert.True(poison.Pending > 0);
        Assert.True(poison.NextAttemptAt > DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
        var recording = states.Single(s => s.Name == RecordingTicketHandler.HandlerName);
        Assert.Equal(0, recording.Attempts);
        Assert.Equal(0, recording.Pending);
        Assert.Equal(total, recording.Handled);

        var health = await admin.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);   // degraded still answers 200
        var body = await health.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var handlers = body.GetProperty("checks").GetProperty("eventHandlers");
        Assert.Contains("tests.always-failing is failing", handlers.GetProperty("description").GetString());
        Assert.True(handlers.GetProperty("data").GetProperty(FailingTicketHandler.HandlerName).GetProperty("pending").GetInt64() > 0);
        var metrics = await admin.GetStringAsync("/health/metrics");
        Assert.Contains($"okno_event_handler_attempts{{handler=\"{FailingTicketHandler.HandlerName}\"}}", metrics);
        Assert.Contains($"okno_event_handler_pending{{handler=\"{RecordingTicketHandler.HandlerName}\"}} 0", metrics);
    }

    [Theory]
    [BothDatabases]
    public async Task A_handler_woken_only_by_replies_still_gets_every_event_in_order(string provider)
    {
        var log = new RepliesOnlyProbe.Log();
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton(log).AddTicketEventHandler<RepliesOnlyProbe>());
        var admin = await app.AdminClientAsync();
        var id = (await admin.CreateTicketAsync("Woken by the reply")).Id();
        await admin.PatchAsync($"/api/v1/tickets/{id}", new { priority = "high" });
        await admin.PostJsonAsync($"/api/v1/tickets/{id}/messages", new { body = "A reply" });

        var written = await app.WithDbAsync(db => db.OutboxEvents.Where(e => e.StreamId == id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        await JobHelpers.UntilAsync(() => Task.FromResult(log.Seen().Count >= written.Count), seconds: 30);
        var seen = log.Seen();
        Assert.Equal(written, seen.Select(e => e.EventId));
        Assert.IsType<TicketCreated>(seen[0]);
        Assert.Contains(seen, e => e is TicketPriorityChanged);
        Assert.Contains(seen, e => e is ReplySent);
    }

    /// <summary>Acts on replies only; records every event it is given in its app's <see cref="Log"/>.</summary>
    public sealed class RepliesOnlyProbe(RepliesOnlyProbe.Log log) : ITicketEventHandler
    {
        public string Name => "tests.replies-only";
        public bool WakesFor(string eventType) => eventType == ReplySent.Type;

        public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
        {
            log.Add(ticketEvent);
            return Task.CompletedTask;
        }

        public sealed class Log
        {
            private readonly List<TicketDomainEvent> _events = [];
            public void Add(TicketDomainEvent e) { lock (_events) _events.Add(e); }
            public List<TicketDomainEvent> Seen() { lock (_events) return [.. _events]; }
        }
    }

    [Theory]
    [BothDatabases]
    public Task Under_a_stream_of_commits_a_woken_handler_takes_several_in_one_round_and_after_a_quiet_spell_reacts_at_once(string provider) =>
        // A long gap makes both halves unmistakable: ten commits inside it cannot each get a round, and a wake-up that
        // waited for it would take seconds.
        StreamThenQuietAsync<RoundProbe>(provider, new() { ["Okno:Outbox:WokenRoundGap"] = "00:00:03" });

    [Theory]
    [BothDatabases]
    public Task A_background_handler_takes_a_stream_of_commits_in_fewer_rounds_and_after_a_quiet_spell_reacts_at_once(string provider) =>
        // No gap at all for handlers someone waits for; a long one for background handlers.
        StreamThenQuietAsync<BackgroundRoundProbe>(provider,
            new() { ["Okno:Outbox:WokenRoundGap"] = "00:00:00", ["Okno:Outbox:BackgroundRoundGap"] = "00:00:03" });

    /// <summary>Ten commits in a row share at most three rounds of <typeparamref name="TProbe"/>; after a quiet spell
    /// longer than its 3 s gap, the next commit is handled at once, not a gap later.</summary>
    private static async Task StreamThenQuietAsync<TProbe>(string provider, Dictionary<string, string?> settings) where TProbe : class, ITicketEventHandler
    {
        var log = new RoundProbe.Log();
        await using var app = OknoFactory.For(provider, settings, s => s.AddSingleton(log).AddTicketEventHandler<TProbe>());
        var admin = await app.AdminClientAsync();
        var first = (await admin.CreateTicketAsync("Quiet, then a stream")).Id();
        await JobHelpers.UntilAsync(() => Task.FromResult(log.Seen().Any(s => s.TicketId == first)), seconds: 30);

        var ids = new List<long>();
        for (var i = 0; i < 10; i++) ids.Add((await admin.CreateTicketAsync($"Stream {i}")).Id());
        await JobHelpers.UntilAsync(() => Task.FromResult(ids.All(id => log.Seen().Any(s => s.TicketId == id))), seconds: 30);
        var rounds = log.Seen().Where(s => ids.Contains(s.TicketId)).Select(s => s.Round).Distinct().Count();
        Assert.InRange(rounds, 1, 3);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var alone = (await admin.CreateTicketAsync("Alone after a quiet spell")).Id();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await JobHelpers.UntilAsync(() => Task.FromResult(log.Seen().Any(s => s.TicketId == alone)), seconds: 30);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"handled {watch.Elapsed.TotalSeconds:0.0} s after its commit");
    }

    /// <summary><see cref="RoundProbe"/> as a background handler (same log).</summary>
    public sealed class BackgroundRoundProbe(RoundProbe.Log log) : ITicketEventHandler
    {
        private readonly Guid _round = Guid.NewGuid();
        public string Name => "tests.background-rounds";
        public bool InBackground => true;

        public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
        {
            log.Add((ticketEvent.TicketId, _round));
            return Task.CompletedTask;
        }
    }

    /// <summary>Records each event with the round (handler instance: one per round) that handled it.</summary>
    public sealed class RoundProbe(RoundProbe.Log log) : ITicketEventHandler
    {
        private readonly Guid _round = Guid.NewGuid();
        public string Name => "tests.rounds";

        public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
        {
            log.Add((ticketEvent.TicketId, _round));
            return Task.CompletedTask;
        }

        public sealed class Log
        {
            private readonly List<(long TicketId, Guid Round)> _seen = [];
            public void Add((long, Guid) seen) { lock (_seen) _seen.Add(seen); }
            public List<(long TicketId, Guid Round)> Seen() { lock (_seen) return [.. _seen]; }
        }
    }

    [Theory]
    [BothDatabases]
    public async Task A_handlers_round_commits_without_waiting_for_the_disk_while_every_other_write_still_waits(string provider)
    {
        DurabilityProbe.Seen.Clear();
        // The test cluster flushes nothing (synchronous_commit off for speed); this desk's sessions flush, as production's do.
        var settings = provider == "postgres"
            ? new Dictionary<string, string?> { ["ConnectionStrings:Okno"] = TestPostgres.NewDatabaseConnectionString() + ";Options=-c synchronous_commit=on" }
            : null;
        await using var app = OknoFactory.For(provider, settings, s => s.AddTicketEventHandler<DurabilityProbe>());
        var admin = await app.AdminClientAsync();
        await admin.CreateTicketAsync("Durability probe");
        await JobHelpers.UntilAsync(() => Task.FromResult(DurabilityProbe.Seen.Count > 0), seconds: 30);

        // Inside the handler's round: PostgreSQL's synchronous_commit off, SQLite's synchronous NORMAL (1).
        Assert.All(DurabilityProbe.Seen, seen => Assert.Equal(provider == "postgres" ? "off" : "1", seen));
        // Every other write (the pooled connections the rounds used included) still flushes before it is acknowledged.
        for (var i = 0; i < 5; i++)
            Assert.Equal(provider == "postgres" ? "on" : "2", await app.WithDbAsync(db => DurabilityProbe.SettingAsync(db)));
    }

    /// <summary>Records the commit durability its round runs with.</summary>
    public sealed class DurabilityProbe(OknoDb db) : ITicketEventHandler
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<string> Seen = [];
        public string Name => "tests.durability-probe";
        public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken) => Seen.Add(await SettingAsync(db));

        public static async Task<string> SettingAsync(OknoDb db) =>
            db.Provider == DatabaseProvider.Postgres
                ? (await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").ToListAsync()).Single()
                : (await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").ToListAsync()).Single().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_handle_each_event_exactly_once()
    {
        await using var a = OknoFactory.Postgres(services: s => s.AddTicketEventHandler<RecordingTicketHandler>());
        await a.WithDbAsync(async db => { await RecordingTicketHandler.CreateTableAsync(db); return 0; });
        await using var b = a.SecondNode();
        var onA = await a.AdminClientAsync();
        var onB = await b.AdminClientAsync();

        // Both nodes write and both wake their dispatchers at each commit: they compete for every batch.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var api = i % 2 == 0 ? onA : onB;
            var id = (await api.CreateTicketAsync($"Two nodes {i}")).Id();
            await (i % 2 == 0 ? onB : onA).PostJsonAsync($"/api/v1/tickets/{id}/messages", new { body = "From the other node" });
            await api.PatchAsync($"/api/v1/tickets/{id}", new { priority = "low" });
        }));

        var total = await a.WithDbAsync(db => db.OutboxEvents.CountAsync());
        await JobHelpers.UntilAsync(async () => (await a.WithDbAsync(RecordingTicketHandler.RowsAsync)).Count >= total, seconds: 30);
        await Task.Delay(500);   // a second handling would show by now
        var rows = await a.WithDbAsync(RecordingTicketHandler.RowsAsync);
        Assert.Equal(total, rows.Count);
        Assert.Equal(total, rows.Select(r => r.EventId).Distinct().Count());
        foreach (var ticket in rows.GroupBy(r => r.TicketId))
            Assert.Equal(ticket.Select(r => r.TicketVersion).Order(), ticket.Select(r => r.TicketVersion));
        var progress = await a.WithDbAsync(db => db.OutboxProgress.AsNoTracking().SingleAsync(p => p.Handler == RecordingTicketHandler.HandlerName));
        Assert.Equal(0, progress.Attempts);
        Assert.Null(progress.LastError);
        Assert.Equal(total, progress.Handled);
    }

    [Theory]
    [BothDatabases]
    public async Task After_a_kill_9_between_commit_and_handling_a_restarted_node_handles_every_event_exactly_once(string provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "okno-crash-events", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Okno__DataDirectory"] = dataDirectory,
            ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
            ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
            // Slow enough that events pile up committed but unhandled, and a batch is mid-transaction at the kill.
            ["OKNO_TEST_HANDLER_DELAY_MS"] = "150",
        };
        string? postgres = null;
        if (provider == "postgres")
        {
            postgres = TestPostgres.NewDatabaseConnectionString();
            settings["Okno__Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Okno"] = postgres;
        }
        Func<Task<OknoDb>> open = async () =>
        {
            var options = new DbContextOptionsBuilder<SqliteOknoDb>();
            if (postgres is not null)
                return new PostgresOknoDb(new DbContextOptionsBuilder<PostgresOknoDb>().UseNpgsql(postgres).Options);
            return await Task.FromResult<OknoDb>(new SqliteOknoDb(options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "okno.db")}").Options));
        };
        try
        {
            using (var okno = await Platform.OknoProcess.StartAsync(settings, withTestHandlers: true))
            {
                await using (var db = await open()) await RecordingTicketHandler.CreateTableAsync(db);
                var client = await okno.ClientAsync();
                for (var i = 0; i < 10; i++)
                {
                    var id = (await client.CreateTicketAsync($"Before the crash {i}")).Id();
                    await client.PostJsonAsync($"/api/v1/tickets/{id}/messages", new { body = "A reply" });
                }
                await using (var db = await open())
                {
                    var written = await db.OutboxEvents.CountAsync();
                    var handled = (await RecordingTicketHandler.RowsAsync(db)).Count;
                    Assert.True(handled < written, $"All {written} events were handled before the kill; the test proves nothing.");
                }
                okno.Kill();
            }

            using (var okno = await Platform.OknoProcess.StartAsync(settings, withTestHandlers: true))
            {
                var client = await okno.ClientAsync();
                await client.CreateTicketAsync("After the crash");
                await using var db = await open();
                var total = await db.OutboxEvents.CountAsync();
                await JobHelpers.UntilAsync(async () => (await RecordingTicketHandler.RowsAsync(db)).Count >= total, seconds: 60);
                await Task.Delay(500);
                var rows = await RecordingTicketHandler.RowsAsync(db);
                Assert.Equal(total, rows.Count);
                Assert.Equal(total, rows.Select(r => r.EventId).Distinct().Count());
                var progress = await db.OutboxProgress.AsNoTracking().SingleAsync(p => p.Handler == RecordingTicketHandler.HandlerName);
                Assert.Null(progress.LastError);   // a second handling would have hit the unique index
                foreach (var ticket in rows.GroupBy(r => r.TicketId))
                    Assert.Equal(ticket.Select(r => r.TicketVersion).Order(), ticket.Select(r => r.TicketVersion));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            if (postgres is not null) await Platform.CrashSafetyTests.DropDatabaseAsync(postgres);
        }
    }

    [Theory]
    [BothDatabases]
    public async Task A_failing_handler_is_retried_after_1_then_2_seconds_and_then_handles_the_event_once(string provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var plan = new FlakyTicketHandler.Plan { FailuresLeft = 2 };
        await using var app = OknoFactory.For(provider, services: s => s
            .AddSingleton<TimeProvider>(clock).AddSingleton(plan).AddTicketEventHandler<FlakyTicketHandler>());
        var admin = await app.AdminClientAsync();
        await admin.CreateTicketAsync("Flaky");
        async Task<OutboxProgress?> Progress() =>
            await app.WithDbAsync(db => db.OutboxProgress.AsNoTracking().SingleOrDefaultAsync(p => p.Handler == FlakyTicketHandler.HandlerName));

        await JobHelpers.UntilAsync(async () => (await Progress())?.Attempts == 1, seconds: 20);
        var first = (await Progress())!;
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(1), first.NextAttemptAt);
        Assert.Contains("flaky", first.LastError);
        Assert.Equal(0, first.Handled);

        clock.Advance(TimeSpan.FromMilliseconds(900));
        await Task.Delay(300);
        Assert.Equal(1, (await Progress())!.Attempts);   // not yet
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await JobHelpers.UntilAsync(async () => (await Progress())?.Attempts == 2, seconds: 20);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(2), (await Progress())!.NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(2));
        await JobHelpers.UntilAsync(async () => (await Progress())?.Handled > 0, seconds: 20);
        var done = (await Progress())!;
        Assert.Equal(0, done.Attempts);
        Assert.Null(done.NextAttemptAt);
        Assert.Equal(await app.WithDbAsync(db => db.OutboxEvents.CountAsync()), done.Handled);
        Assert.Equal(3, plan.Calls.Count(c => c == plan.Calls[0]));   // the first event: two failures and one success
    }

    public sealed class FlakyTicketHandler(FlakyTicketHandler.Plan plan) : ITicketEventHandler
    {
        public const string HandlerName = "tests.flaky";
        public string Name => HandlerName;

        public sealed class Plan
        {
            public int FailuresLeft;
            public List<long> Calls { get; } = [];
        }

        public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
        {
            lock (plan)
            {
                plan.Calls.Add(ticketEvent.EventId);
                if (plan.FailuresLeft-- > 0) throw new TimeoutException("The flaky service did not answer.");
            }
            return Task.CompletedTask;
        }
    }

    [Theory]
    [BothDatabases]
    public async Task Handled_events_are_deleted_once_every_handler_is_past_them(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Okno:Outbox:KeepHandledFor"] = "00:00:00" };
        await using (var app = OknoFactory.For(provider, settings))
        {
            await (await app.AdminClientAsync()).CreateTicketAsync("Handled and gone");
            var total = await HandlersCaughtUpAsync(app);
            Assert.Equal(total, await DeleteHandledAsync(app));
            Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEvents.CountAsync()));
        }
        await using (var app = OknoFactory.For(provider, settings, s => s.AddTicketEventHandler<FailingTicketHandler>()))
        {
            await (await app.AdminClientAsync()).CreateTicketAsync("Kept while a handler owes it");
            var total = await HandlersCaughtUpAsync(app);
            Assert.Equal(0, await DeleteHandledAsync(app));
            Assert.Equal(total, await app.WithDbAsync(db => db.OutboxEvents.CountAsync()));
        }
    }

    /// <summary>Waits until every handler but the failing one is past all events (a handler that is not woken by a
    /// creation gets there at its next poll).</summary>
    private static async Task<int> HandlersCaughtUpAsync(OknoFactory app)
    {
        var total = await app.WithDbAsync(db => db.OutboxEvents.CountAsync());
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(async db =>
        {
            var progress = await db.OutboxProgress.Where(p => p.Handler != FailingTicketHandler.HandlerName).ToListAsync();
            return progress.Count >= 2 && progress.All(p => p.Handled >= total);
        }), seconds: 20);
        return total;
    }

    private static async Task<int> DeleteHandledAsync(OknoFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<OutboxRetention>(scope.ServiceProvider).DeleteHandledAsync(CancellationToken.None);
    }
}
