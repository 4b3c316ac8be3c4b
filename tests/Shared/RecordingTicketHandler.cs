using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets.Events;

namespace Okno.Testing;

/// <summary>A ticket event handler that writes one row per (handler, event) into a table of its own, under a unique
/// index: handling an event twice fails (and shows as a failing handler), so the rows prove exactly once; their
/// sequence shows the order of handling.</summary>
public sealed class RecordingTicketHandler(OknoDb db) : ITicketEventHandler
{
    public const string HandlerName = "tests.recording";
    public const string Table = "test_handled_events";

    /// <summary>How long each event takes, to make a backlog (process-wide; the crash test's process sets it from
    /// OKNO_TEST_HANDLER_DELAY_MS).</summary>
    public static TimeSpan DelayPerEvent { get; set; } =
        TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable("OKNO_TEST_HANDLER_DELAY_MS"), out var ms) ? ms : 0);

    public string Name => HandlerName;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (DelayPerEvent > TimeSpan.Zero) await Task.Delay(DelayPerEvent, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {Table} (handler, event_id, ticket_id, ticket_version) VALUES ({{0}}, {{1}}, {{2}}, {{3}})",
            [HandlerName, ticketEvent.EventId, ticketEvent.TicketId, ticketEvent.TicketVersion], cancellationToken);
    }

    public static async Task CreateTableAsync(OknoDb db)
    {
        var key = db.Provider == DatabaseProvider.Postgres ? "seq bigserial PRIMARY KEY" : "seq INTEGER PRIMARY KEY AUTOINCREMENT";
        var create = "CREATE TABLE IF NOT EXISTS " + Table + " (" + key +
            ", handler text NOT NULL, event_id bigint NOT NULL, ticket_id bigint NOT NULL, ticket_version bigint NOT NULL)";
        await db.Database.ExecuteSqlRawAsync(create);
        await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX IF NOT EXISTS ux_" + Table + " ON " + Table + " (handler, event_id)");
    }

    public sealed record Row(long Seq, long EventId, long TicketId, long TicketVersion);

    public static async Task<List<Row>> RowsAsync(OknoDb db) =>
        await db.Database.SqlQueryRaw<Row>(
            $"SELECT seq AS \"Seq\", event_id AS \"EventId\", ticket_id AS \"TicketId\", ticket_version AS \"TicketVersion\" FROM {Table} ORDER BY seq")
            .ToListAsync();
}

/// <summary>Always fails: a poison handler.</summary>
public sealed class FailingTicketHandler : ITicketEventHandler
{
    public const string HandlerName = "tests.always-failing";
    public string Name => HandlerName;

    public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This handler always fails.");
}
