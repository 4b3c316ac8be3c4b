using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Testing;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Platform;

/// <summary>On SQLite a request's write goes between an outbox handler's rounds instead of waiting for the handler's
/// whole backlog (which, after the demo data on a loaded machine, outlasted SQLite's 30-second lock timeout).</summary>
public sealed class SqliteWriteTurnsTests
{
    [Fact]
    public async Task An_agents_write_goes_before_the_next_round_of_a_handler_working_off_a_backlog()
    {
        var probe = new SlowRounds();
        await using var app = OknoFactory.Sqlite(new()
        {
            // Rounds of 10 events at 100 ms each: every round holds SQLite's write lock for about a second.
            ["Okno:Outbox:BatchSize"] = "10",
            ["Okno:Outbox:FirstRetryAfter"] = "00:00:00.100",
            ["Okno:Outbox:MaxRetryAfter"] = "00:00:00.200",
        }, s => s.AddSingleton(probe).AddTicketEventHandler<SlowRoundsHandler>());
        var admin = await app.AdminClientAsync();
        for (var i = 0; i < 60; i++) await admin.CreateTicketAsync($"Backlog {i}");
        var backlog = await app.WithDbAsync(db => db.OutboxEvents.CountAsync());

        probe.Open();
        await JobHelpers.UntilAsync(() => Task.FromResult(probe.Handled >= 5), seconds: 60);
        await admin.CreateTicketAsync("The agent's own");
        var handledMeanwhile = probe.Handled;

        // Waiting for the lock it polls, and the next round began microseconds after the last commit: before, the write
        // usually waited for the last round. Now it waits for the round in progress and the next one for it.
        Assert.True(handledMeanwhile < backlog / 2, $"the write waited while {handledMeanwhile} of {backlog} events were handled");
        await JobHelpers.UntilAsync(() => Task.FromResult(probe.Handled >= backlog + 1), seconds: 120);
        // No count is left behind (the app's jobs may be writing at any moment, so once they are done).
        var turns = SqliteWriteTurns.For(app.Service(sp => sp.GetRequiredService<OknoDb>().Database.GetConnectionString()!));
        await JobHelpers.UntilAsync(() => Task.FromResult(turns.Waiting == 0), seconds: 30);
    }

    [Theory]
    [InlineData("INSERT INTO \"Tickets\" VALUES (1)", true)]
    [InlineData("  \n-- tag\nUPDATE \"Tickets\" SET x = 1", true)]
    [InlineData("delete from t", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("-- only a comment", false)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", false)]
    public void A_write_is_told_by_its_first_statement(string text, bool write) =>
        Assert.Equal(write, SqliteWriteTurnsInterceptor.IsWrite(text));

    public sealed class SlowRounds
    {
        private volatile bool _open;
        private int _handled;
        public int Handled => Volatile.Read(ref _handled);
        public bool IsOpen => _open;
        public void Open() => _open = true;
        public void Count() => Interlocked.Increment(ref _handled);
    }

    /// <summary>Fails its rounds (retried 100 ms later) until opened, so a backlog builds; then takes 100 ms per event.</summary>
    public sealed class SlowRoundsHandler(SlowRounds probe) : ITicketEventHandler
    {
        public string Name => "tests.slow-rounds";

        public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
        {
            if (!probe.IsOpen) throw new InvalidOperationException("Not yet.");
            await Task.Delay(100, cancellationToken);
            probe.Count();
        }
    }
}
