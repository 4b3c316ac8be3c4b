using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Quartz;

namespace Okno.Platform.Outbox;

/// <summary>Deletes events that every registered handler of their topic has handled and that are older than
/// <see cref="OutboxOptions.KeepHandledFor"/>, in chunks, so the outbox stays the size of the recent past. A handler
/// that is behind (or failing) keeps its events. On PostgreSQL the job is clustered: one node runs it.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxRetention(OknoDb db, IServiceProvider services, IEnumerable<OutboxHandlerRegistration> registrations,
    TimeProvider clock, IOptions<OknoOptions> options) : IJob
{
    public static readonly JobKey Key = new("outbox-retention");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private const int Chunk = 5_000;

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<OutboxRetention>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + Every)
                .WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await DeleteHandledAsync(cancellationToken);

    /// <summary>Returns how many events were deleted.</summary>
    public async Task<int> DeleteHandledAsync(CancellationToken cancellationToken)
    {
        var handlers = OutboxDispatcher.Describe(services, registrations);
        var progress = await db.OutboxProgress.AsNoTracking().ToDictionaryAsync(p => p.Handler, cancellationToken);
        var cutoff = clock.GetUtcNow() - options.Value.Outbox.KeepHandledFor;
        var deleted = 0;
        foreach (var topic in handlers.GroupBy(h => h.Topic))
        {
            // The least advanced handler of the topic decides; one without a row yet has handled nothing.
            var cursors = topic.Select(h => progress.TryGetValue(h.Name, out var p) ? (p.LastTxId, p.LastEventId) : (0L, 0L)).ToList();
            var (txId, id) = cursors.Min();
            if (id == 0) continue;
            int chunk;
            do
            {
                chunk = await OutboxQueries.DeleteHandledAsync(db, topic.Key, txId, id, cutoff, Chunk, cancellationToken);
                deleted += chunk;
            } while (chunk == Chunk);
        }
        return deleted;
    }
}
