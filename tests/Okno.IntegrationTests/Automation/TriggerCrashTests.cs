using Microsoft.EntityFrameworkCore;
using Okno.Automation.Triggers;
using Okno.Platform.Data;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Automation;

/// <summary>A trigger runs once per event even when Okno is killed (SIGKILL) after tickets were committed and before,
/// or while, its rules ran: the rule's writes and the handler's progress commit together, so a restarted node runs
/// exactly the rules that had not run.</summary>
public sealed class TriggerCrashTests
{
    [Theory]
    [BothDatabases]
    public async Task After_a_kill_9_between_commit_and_rule_run_each_ticket_gets_the_rule_once(string provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "okno-crash-triggers", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Okno__DataDirectory"] = dataDirectory,
            ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
            ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
        };
        string? postgres = null;
        if (provider == "postgres")
        {
            postgres = TestPostgres.NewDatabaseConnectionString();
            settings["Okno__Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Okno"] = postgres;
        }
        OknoDb Open() => postgres is not null
            ? new PostgresOknoDb(new DbContextOptionsBuilder<PostgresOknoDb>().UseNpgsql(postgres).Options)
            : new SqliteOknoDb(new DbContextOptionsBuilder<SqliteOknoDb>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "okno.db")}").Options);
        try
        {
            long ruleId;
            var ids = new List<long>();
            using (var okno = await Platform.OknoProcess.StartAsync(settings, withTestHandlers: true))
            {
                var client = await okno.ClientAsync();
                ruleId = (await client.PostJsonAsync("/api/v1/triggers", new
                {
                    name = "Note", events = new[] { "ticket_created" },
                    // The test assembly's slow action (SlowTestAction): rules run behind the creations, so the kill finds
                    // tickets committed with their rule not yet run, and a batch of runs mid-transaction.
                    actions = new object[]
                    {
                        new { type = "add_note", body = "Seen once" }, new { type = "add_tags", values = new[] { "seen" } }, new { type = SlowTestAction.Name },
                    },
                })).Id();
                ids.AddRange(await Task.WhenAll(Enumerable.Range(0, 15).Select(async i => (await client.CreateTicketAsync($"Before the crash {i}")).Id())));
                await using (var db = Open())
                    Assert.True(await db.Set<AutomationRun>().CountAsync() < ids.Count, "Every rule ran before the kill; the test proves nothing.");
                okno.Kill();
            }

            using (var okno = await Platform.OknoProcess.StartAsync(settings, withTestHandlers: true))
            {
                await using var db = Open();
                await JobHelpers.UntilAsync(async () => await db.Set<AutomationRun>().CountAsync() >= ids.Count, seconds: 60);
                await Task.Delay(1000);   // a second run would show by now
                var runs = await db.Set<AutomationRun>().AsNoTracking().Where(r => r.RuleId == ruleId).Select(r => r.TicketId).ToListAsync();
                Assert.Equal(ids.Order(), runs.Order());
                var notes = await db.Messages.Where(m => ids.Contains(m.TicketId) && m.IsInternal && m.AuthorKind == ActorKind.Automation)
                    .GroupBy(m => m.TicketId).Select(g => g.Count()).ToListAsync();
                Assert.Equal(ids.Count, notes.Count);
                Assert.All(notes, n => Assert.Equal(1, n));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            if (postgres is not null) await Platform.CrashSafetyTests.DropDatabaseAsync(postgres);
        }
    }
}

/// <summary>A trigger action that only takes time (700 ms), registered by the test assembly's hosting startup in Okno
/// processes the crash tests start: it makes the trigger handler lag behind the writes.</summary>
public sealed class SlowTestAction : Okno.Automation.Triggers.ITriggerAction
{
    public const string Name = "test_slow";
    public string Type => Name;
    public Okno.Automation.Triggers.ActionValueKind ValueKind => Okno.Automation.Triggers.ActionValueKind.Note;

    public Task ValidateAsync(Okno.Automation.Triggers.ActionSpec spec, string at, Okno.Platform.Web.FieldErrors errors, OknoDb db, CancellationToken ct) =>
        Task.CompletedTask;

    public Task ApplyAsync(Okno.Automation.Triggers.ActionContext context, Okno.Automation.Triggers.ActionSpec spec, CancellationToken ct) =>
        Task.Delay(700, ct);
}
