using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Customers;
using Okno.Platform.Search;
using Quartz;

namespace Okno.Tickets;

/// <summary>Indexes the tickets, messages, contacts and companies that existed before the search index (or, for contacts
/// and companies, before their names were indexed) did: the SearchIndex migration
/// queued them in SearchBacklog, and this drains the queue after start-up in small transactions (the app serves
/// meanwhile; old tickets become searchable batch by batch, new changes are indexed as they commit). It runs once at
/// every start of a node; a crash or a shutdown resumes where it stopped; on a fresh database the queue is empty and
/// this ends at once.</summary>
[DisallowConcurrentExecution]
internal sealed class TicketSearchBackfill(IDbContextFactory<OknoDb> dbs, ILogger<TicketSearchBackfill> logger) : IJob
{
    public const int BatchSize = 500;
    public static readonly JobKey Key = new("ticket-search-backfill");

    public static void Schedule(IQuartzBuilder quartz)
    {
        // Durable: the job has no trigger of its own, only the one-shot run at each start. A run cut short by a node
        // dying is run again by another node of the cluster (recovery), which resumes from the queue.
        quartz.AddJob<TicketSearchBackfill>(j => j.WithIdentity(Key).StoreDurably().RequestRecovery());
        quartz.RunAtStartup(Key);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var total = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            var done = await DrainBatchAsync(db, cancellationToken);
            if (done == 0) break;
            total += done;
        }
        if (total > 0) logger.LogInformation("Search backfill indexed {Count} tickets and messages in {Seconds:F1} s", total, started.Elapsed.TotalSeconds);
    }

    /// <summary>Indexes one batch of the backlog and removes it from the queue, in one transaction; returns how many
    /// items it took (0 when the queue is empty).</summary>
    public static async Task<int> DrainBatchAsync(OknoDb db, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var items = await db.SearchBacklog.AsNoTracking().OrderBy(b => b.Id).Take(BatchSize).ToListAsync(ct);
            if (items.Count == 0) return 0;
            var ticketIds = items.Where(i => i.Kind == Ticket.SearchKind).Select(i => i.OwnerId).ToList();
            var messageIds = items.Where(i => i.Kind == Message.SearchKind).Select(i => i.OwnerId).ToList();
            var documents = new List<SearchDocument>();
            if (ticketIds.Count > 0)
                documents.AddRange((await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToListAsync(ct))
                    .Select(t => ((ISearchable)t).ToSearchDocument()));
            if (messageIds.Count > 0)
                documents.AddRange((await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToListAsync(ct))
                    .Select(m => ((ISearchable)m).ToSearchDocument()));
            // Contacts' and companies' names, queued by the migration that made them searchable (Issue14Profiles).
            var contactIds = items.Where(i => i.Kind == Contact.SearchKind).Select(i => i.OwnerId).ToList();
            var companyIds = items.Where(i => i.Kind == Company.SearchKind).Select(i => i.OwnerId).ToList();
            if (contactIds.Count > 0)
                documents.AddRange((await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToListAsync(ct))
                    .Select(c => ((ISearchable)c).ToSearchDocument()));
            if (companyIds.Count > 0)
                documents.AddRange((await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToListAsync(ct))
                    .Select(c => ((ISearchable)c).ToSearchDocument()));
            await SearchIndexing.UpsertAsync(db, documents, ct);
            var first = items[0].Id;
            var last = items[^1].Id;
            await db.SearchBacklog.Where(b => b.Id >= first && b.Id <= last).ExecuteDeleteAsync(ct);
            return items.Count;
        }, cancellationToken);
}
