using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Platform.Jobs;
using Okno.Testing;
using Okno.Tickets;
using Quartz;

namespace Okno.IntegrationTests.Platform;

/// <summary>Background jobs under Quartz: the real jobs on both databases, the clustered scheduler of two nodes on one
/// PostgreSQL, and what /health says about them.</summary>
public sealed class BackgroundJobsTests
{
    [Theory]
    [BothDatabases]
    public async Task Backfill_runs_at_start_and_compaction_runs_as_a_scheduled_job(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var backfill = await app.JobSucceededAsync(TicketSearchBackfill.Key.Name);
        Assert.False(backfill.LastRunFailed);

        for (var i = 0; i < 4; i++)
        {
            var ticket = await admin.CreateTicketAsync($"Counted {i}");
            await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "closed" });
        }
        var rowsBefore = await app.WithDbAsync(db => db.TicketCounts.CountAsync());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var history = app.Services.GetRequiredService<Quartz.Extensibility.IExecutionHistoryStore>();
        var runsBefore = (await history.GetJobRunStatus(scheduler.SchedulerName, TicketCountCompaction.Key, CancellationToken.None))?.RunCount ?? 0;
        await scheduler.TriggerJob(TicketCountCompaction.Key);

        await JobHelpers.UntilAsync(async () =>
            (await history.GetJobRunStatus(scheduler.SchedulerName, TicketCountCompaction.Key, CancellationToken.None))?.RunCount > runsBefore);
        var compaction = await app.JobSucceededAsync(TicketCountCompaction.Key.Name);
        Assert.False(compaction.LastRunFailed);
        var buckets = await app.WithDbAsync(db => db.TicketCounts.GroupBy(c => new { c.Status, c.GroupId, c.AssigneeId }).CountAsync());
        Assert.True(await app.WithDbAsync(db => db.TicketCounts.CountAsync()) <= buckets, $"not compacted: {rowsBefore} rows before");
        var counts = await admin.GetJsonAsync("/api/v1/tickets/counts");
        Assert.Equal(4, counts.GetProperty("closed").GetInt64());

        // Every 30 s, on a trigger that keeps repeating.
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(TicketCountCompaction.Key.Name), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(30), trigger.RepeatInterval);
        Assert.True(trigger.NextFireTimeUtc <= DateTimeOffset.UtcNow.AddSeconds(31));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_run_each_fire_of_a_job_once_and_the_survivor_carries_on()
    {
        await using var first = OknoFactory.Postgres(services: CountingJob.Register);
        _ = first.Services;
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(CountingJob.CreateTable));
        await using var second = first.SecondNode();
        _ = second.Services;

        var firstId = (await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;
        var secondScheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(firstId, secondScheduler.SchedulerInstanceId);
        Assert.Equal(2, (await secondScheduler.QueryClusterNodes(CancellationToken.None)).Count);

        await JobHelpers.UntilAsync(async () => (await RunsAsync(first)).Count >= 16);
        var runs = await RunsAsync(first);
        var twice = runs.GroupBy(r => r.Scheduled).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} of {runs.Count} fires ran on both nodes");
        // Either node reports the cluster's runs, whichever node ran them.
        foreach (var node in new[] { first, second })
            Assert.NotNull((await node.Services.GetRequiredService<JobStates>().ReadAsync(CancellationToken.None))
                .Single(j => j.Name == "test-counting").LastSuccessAt);

        // The second node leaves; the job goes on, on the first.
        await second.DisposeAsync();
        var left = runs.Count;
        await JobHelpers.UntilAsync(async () => (await RunsAsync(first)).Skip(left).Count(r => r.Node == firstId) >= 4);
        runs = await RunsAsync(first);
        Assert.Equal(runs.Count, runs.Select(r => r.Scheduled).Distinct().Count());
    }

    [Fact]
    public async Task A_backfill_cut_short_by_a_dead_node_is_run_again_by_a_live_one()
    {
        // Short check-ins, so that the dead node is found out soon.
        await using var app = OknoFactory.Postgres(new()
        {
            ["Okno:Jobs:ClusterCheckinInterval"] = "00:00:01",
            ["Okno:Jobs:ClusterCheckinMisfireThreshold"] = "00:00:01",
        });
        var admin = await app.AdminClientAsync();
        await app.JobSucceededAsync(TicketSearchBackfill.Key.Name);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var history = app.Services.GetRequiredService<Quartz.Extensibility.IExecutionHistoryStore>();
        var runsBefore = (await history.GetJobRunStatus(scheduler.SchedulerName, TicketSearchBackfill.Key, CancellationToken.None))!.RunCount;
        var ticket = await admin.CreateTicketAsync("Recovered");
        await app.WithDbAsync(async db =>
        {
            db.SearchBacklog.Add(new Okno.Platform.Search.SearchBacklogItem { Kind = Ticket.SearchKind, OwnerId = ticket.Id() });
            return await db.SaveChangesAsync();
        });

        // What a node that died in the middle of the backfill leaves behind: its last check-in long ago, and the
        // firing it had started two seconds ago, still marked executing (with the job's own recovery flag).
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var dead = new Npgsql.NpgsqlCommand(
                """
                INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
                VALUES (@cluster, 'dead-node', 0, 1000);
                INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                    sched_time, priority, state, job_name, job_group, is_nonconcurrent, requests_recovery)
                SELECT @cluster, 'dead-node-1', 'gone', 'DEFAULT', 'dead-node', @fired, @fired, 5, 'EXECUTING', job_name, job_group,
                    is_nonconcurrent, requests_recovery
                FROM qrtz_job_details WHERE sched_name = @cluster AND job_name = @job;
                """, connection);
            dead.Parameters.AddWithValue("cluster", JobsModule.ClusterName);
            dead.Parameters.AddWithValue("job", TicketSearchBackfill.Key.Name);
            dead.Parameters.AddWithValue("fired", DateTimeOffset.UtcNow.AddSeconds(-2).ToUnixTimeMilliseconds());
            await dead.ExecuteNonQueryAsync();
            await using var live = new Npgsql.NpgsqlCommand("SELECT checkin_interval FROM qrtz_scheduler_state WHERE instance_name <> 'dead-node'", connection);
            Assert.Equal(1000L, await live.ExecuteScalarAsync());
        }

        // Quartz gives a node that stopped checking in a grace period before it takes its running firings over, so
        // this takes about a minute.
        await JobHelpers.UntilAsync(async () => await app.WithDbAsync(db => db.SearchBacklog.CountAsync()) == 0, seconds: 150);
        await JobHelpers.UntilAsync(async () =>
            (await history.GetJobRunStatus(scheduler.SchedulerName, TicketSearchBackfill.Key, CancellationToken.None))!.RunCount > runsBefore);
    }

    [Theory]
    [BothDatabases]
    public async Task A_job_that_throws_shows_its_error_and_health_turns_degraded(string provider)
    {
        await using var app = OknoFactory.For(provider, services: FailingJob.Register);
        var client = await app.AdminClientAsync();
        var health = default(JsonElement);
        await JobHelpers.UntilAsync(async () =>
        {
            health = await client.GetJsonAsync("/health");
            return health.GetProperty("checks").GetProperty("jobs").Str("status") == "degraded";
        });
        Assert.Equal("degraded", health.Str("status"));
        var failing = health.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(FailingJob.Name);
        Assert.Contains(FailingJob.Message, failing.Str("lastError"));
        Assert.True(failing.GetProperty("lastRunFailed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, failing.GetProperty("lastSuccessAt").ValueKind);
        // The real jobs are still there and fine.
        Assert.False(health.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(TicketCountCompaction.Key.Name)
            .GetProperty("lastRunFailed").GetBoolean());

        var metrics = await client.GetStringAsync("/health/metrics");
        Assert.Contains("okno_health_status{check=\"jobs\"} 0.5\n", metrics);
        Assert.Contains("okno_job_last_run_failed{job=\"" + FailingJob.Name + "\"} 1\n", metrics);
    }

    [Theory]
    [BothDatabases]
    public async Task Health_reports_database_size_and_jobs_and_metrics_parse_as_prometheus_text(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var client = await app.AdminClientAsync();
        await app.JobSucceededAsync(TicketSearchBackfill.Key.Name);

        var health = await client.GetJsonAsync("/health");
        Assert.Equal("healthy", health.Str("status"));
        var checks = health.GetProperty("checks");
        Assert.True(checks.GetProperty("database").GetProperty("data").GetProperty("sizeBytes").GetInt64() > 0);
        Assert.True(checks.GetProperty("disk").GetProperty("data").GetProperty("totalBytes").GetInt64() > 0);
        var jobs = checks.GetProperty("jobs").GetProperty("data");
        foreach (var name in new[] { TicketCountCompaction.Key.Name, TicketSearchBackfill.Key.Name })
            Assert.True(jobs.GetProperty(name).GetProperty("lagSeconds").GetDouble() >= 0);
        Assert.NotEqual(JsonValueKind.Null, jobs.GetProperty(TicketSearchBackfill.Key.Name).GetProperty("lastSuccessAt").ValueKind);

        var response = await client.GetAsync("/health/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var samples = PrometheusSamples.Parse(await response.Content.ReadAsStringAsync());
        foreach (var name in new[]
                 {
                     "okno_health_status", "okno_database_size_bytes", "okno_database_latency_seconds", "okno_disk_free_bytes",
                     "okno_disk_total_bytes", "okno_job_lag_seconds", "okno_job_last_success_timestamp_seconds",
                     "okno_process_working_set_bytes", "okno_process_managed_heap_bytes",
                 })
            Assert.Contains(samples, s => s.Name == name);
        Assert.Equal(1, samples.Single(s => s.Name == "okno_health_status" && s.Labels == "{check=\"database\"}").Value);
        Assert.True(samples.Single(s => s.Name == "okno_database_size_bytes").Value > 0);
        Assert.Contains(samples, s => s.Name == "okno_job_lag_seconds" && s.Labels == $"{{job=\"{TicketCountCompaction.Key.Name}\"}}");
        var backfillSuccess = samples.Single(s => s.Name == "okno_job_last_success_timestamp_seconds" && s.Labels == $"{{job=\"{TicketSearchBackfill.Key.Name}\"}}");
        Assert.InRange(backfillSuccess.Value, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    private static async Task<List<(long Scheduled, string Node)>> RunsAsync(OknoFactory app)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT scheduled, node FROM test_job_runs ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(long, string)>();
        while (await reader.ReadAsync()) runs.Add((reader.GetInt64(0), reader.GetString(1)));
        return runs;
    }
}

/// <summary>A test-only job that records each run (its scheduled fire time and the node that ran it) in a table.</summary>
[DisallowConcurrentExecution]
public sealed class CountingJob(OknoDb db) : IJob
{
    public const string CreateTable = "CREATE TABLE test_job_runs (id bigserial PRIMARY KEY, scheduled bigint NOT NULL, node text NOT NULL)";

    public static void Register(IServiceCollection services) =>
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<CountingJob>(
            // Starts a little later, once the test has made the table, on a whole second: two schedulers that did
            // not share the trigger would then fire at the very same scheduled times, and the test would see it.
            t => t.WithIdentity("test-counting").StartAt(WholeSecond(DateTimeOffset.UtcNow.AddSeconds(3)))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(500)).RepeatForever())));

    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduled = context.ScheduledFireTimeUtc!.Value.ToUnixTimeMilliseconds();
        var node = context.Scheduler.SchedulerInstanceId;
        await db.Database.ExecuteSqlAsync($"INSERT INTO test_job_runs (scheduled, node) VALUES ({scheduled}, {node})", cancellationToken);
    }
}

/// <summary>A test-only job that always fails.</summary>
public sealed class FailingJob : IJob
{
    public const string Name = "test-failing";
    public const string Message = "The test job failed on purpose.";

    public static void Register(IServiceCollection services) =>
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<FailingJob>(
            t => t.WithIdentity(Name).StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).RepeatForever())));

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);
}

/// <summary>Reads Prometheus text exposition strictly: every line is a # HELP or # TYPE comment or one sample,
/// `name{labels} value`; anything else fails the test.</summary>
public static class PrometheusSamples
{
    public sealed record Sample(string Name, string Labels, double Value);

    private static readonly System.Text.RegularExpressions.Regex Comment =
        new(@"^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (gauge|counter|untyped|summary|histogram))$");

    private static readonly System.Text.RegularExpressions.Regex Line =
        new(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*""(?:,[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*"")*\})? (?<value>\S+)$");

    public static IReadOnlyList<Sample> Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var samples = new List<Sample>();
        foreach (var line in text[..^1].Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                Assert.Matches(Comment, line);
                continue;
            }
            var match = Line.Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample: '{line}'");
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, match.Groups["labels"].Value, value));
        }
        return samples;
    }
}
