using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Outbox;

/// <summary>The outbox's reads and deletes, which differ by database in one respect: on PostgreSQL, ids do not commit
/// in id order. Two writers take ids 5 and 6; 6 commits first; a reader that handled 6 and moved its cursor there
/// would never see 5. Waiting a grace time would delay every event (the live inbox too) and still guess; tracking gaps
/// cannot tell an id in flight from one rolled back. Instead each row records its writer's transaction id, and the
/// reader takes only rows whose transaction is older than every transaction still running (the snapshot's xmin), in
/// (TxId, Id) order: no row can later appear before one already handled, because a transaction that has not written
/// yet will get a larger id than any finished one. The cost: a long transaction that holds a transaction id holds
/// back dispatch until it ends (Okno's writes last milliseconds; the dispatcher itself takes no transaction id while
/// it reads, only when it records progress). SQLite has one writer at a time, so ids commit in order and TxId is 0.</summary>
public static class OutboxQueries
{
    /// <summary>The topic's events after the cursor, oldest first, that can be handled now (their writers finished).</summary>
    public static IQueryable<OutboxEvent> Ready(OknoDb db, string topic, long afterTxId, long afterId) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.OutboxEvents.FromSqlRaw(
                """
                SELECT * FROM "OutboxEvents"
                WHERE "Topic" = {0} AND ("TxId", "Id") > ({1}, {2})
                  AND "TxId" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                """, topic, afterTxId, afterId).OrderBy(e => e.TxId).ThenBy(e => e.Id)
            : db.OutboxEvents.Where(e => e.Topic == topic && e.TxId == 0 && e.Id > afterId).OrderBy(e => e.Id);

    /// <summary>Every event of the topic after the cursor, committed and ready or not: what a handler still owes.</summary>
    public static IQueryable<OutboxEvent> After(OknoDb db, string topic, long afterTxId, long afterId) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.OutboxEvents.FromSqlRaw(
                """SELECT * FROM "OutboxEvents" WHERE "Topic" = {0} AND ("TxId", "Id") > ({1}, {2})""", topic, afterTxId, afterId)
            : db.OutboxEvents.Where(e => e.Topic == topic && e.TxId == 0 && e.Id > afterId);

    /// <summary>Of the topic's oldest <paramref name="limit"/> events at or before the cursor, deletes those written before
    /// <paramref name="writtenBefore"/>; returns how many. Looking at a bounded window, not at every handled event: when
    /// nothing was old enough the unbounded form read the whole handled range (646 ms at 273,000 events) on every run.
    /// Events are written in (TxId, Id) order give or take a transaction's length, so the window's front is the oldest;
    /// a younger event at the front only holds the rest back until it is old enough itself.</summary>
    public static Task<int> DeleteHandledAsync(OknoDb db, string topic, long upToTxId, long upToId, DateTimeOffset writtenBefore, int limit,
        CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlRawAsync(
                """
                DELETE FROM "OutboxEvents" WHERE "Id" IN (
                    SELECT "Id" FROM (
                        SELECT "Id", "CreatedAt" FROM "OutboxEvents"
                        WHERE "Topic" = {0} AND ("TxId", "Id") <= ({1}, {2})
                        ORDER BY "TxId", "Id" LIMIT {4}) AS oldest
                    WHERE "CreatedAt" < {3})
                """, [topic, upToTxId, upToId, writtenBefore, limit], cancellationToken)
            : db.OutboxEvents.Where(e => e.Topic == topic && e.TxId == 0 && e.Id <= upToId)
                .OrderBy(e => e.Id).Take(limit).Where(e => e.CreatedAt < writtenBefore).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Makes this transaction the only one (on any node) working for <paramref name="handler"/> until it ends
    /// and reads the handler's progress, in one round trip; null when another transaction holds it (or the handler has
    /// no progress row yet). A PostgreSQL advisory lock, not a row lock: a row lock would give the transaction an id at
    /// once and so hold back every other handler's reads (see above) while this one works. SQLite serves one node,
    /// which runs one loop per handler, so there is nobody to exclude.</summary>
    public static Task<OutboxProgress?> TakeHandlerAsync(OknoDb db, string handler, CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.OutboxProgress.FromSqlRaw(
                """SELECT * FROM "OutboxProgress" WHERE "Handler" = {0} AND pg_try_advisory_xact_lock({1}, {2})""",
                handler, LockClass, LockKey(handler)).AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            : db.OutboxProgress.AsNoTracking().SingleOrDefaultAsync(p => p.Handler == handler, cancellationToken);

    /// <summary>Creates the handler's progress row if it is missing (two nodes may try at once).</summary>
    public static Task EnsureProgressAsync(OknoDb db, string handler, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "OutboxProgress" ("Handler", "LastTxId", "LastEventId", "Handled", "Attempts") VALUES ({0}, 0, 0, 0, 0)
            ON CONFLICT ("Handler") DO NOTHING
            """, [handler], cancellationToken);

    /// <summary>The two-number advisory lock space is separate from the one-number space of the start-up lock.</summary>
    private const int LockClass = 0x4F42; // "OB"

    private static int LockKey(string handler) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(handler)), 0);
}
