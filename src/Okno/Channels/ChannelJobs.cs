using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Quartz;

namespace Okno.Channels;

/// <summary>Sends due replies (<see cref="DeliverMessages"/>). One run at a time in the cluster; the claims inside make
/// a second runner (a wake-up on another node) harmless anyway.</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelDeliveryJob(DeliverMessages deliveries) : IJob
{
    public static readonly JobKey Key = new("channel-deliveries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await deliveries.RunDueAsync(cancellationToken);
}

/// <summary>Asks polling accounts for news and stores it, then processes stored items (<see cref="InboundProcessor"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelInboundJob(ChannelPolling polling, InboundProcessor processor) : IJob
{
    public static readonly JobKey Key = new("channel-inbound");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await polling.PollAsync(cancellationToken);
        await processor.RunDueAsync(cancellationToken);
    }
}

/// <summary>Fetches new items of every enabled polling account since its cursor; the cursor moves only after the items
/// are stored, so a crash in between fetches them again (and the unique key drops the repeats).</summary>
public sealed class ChannelPolling(IServiceScopeFactory scopes, ChannelAdapters adapters, InboundStore store, TimeProvider clock, ILogger<ChannelPolling> logger)
{
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var pollingKinds = adapters.All.Where(a => a.Polls).Select(a => a.Kind).ToList();
        if (pollingKinds.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var accounts = await db.Set<ChannelAccount>().Where(a => a.IsEnabled && pollingKinds.Contains(a.Kind)).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            try
            {
                var batch = await adapters.Of(account.Kind).FetchAsync(scope.ServiceProvider, account, account.Cursor, cancellationToken);
                await store.StoreAsync(account.Id, batch.Items, cancellationToken);
                account.Cursor = batch.NextCursor;
                account.Succeeded(clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Fetching from channel account {Account} ({Kind}) failed", account.Id, account.Kind);
                account.Failed($"{e.GetType().Name}: {e.Message}", clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

public static class ChannelJobs
{
    /// <summary>Schedules the delivery and inbound jobs, unless Okno:Channels:RunJobs is false.</summary>
    public static void Schedule(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
        if (!options.RunJobs) return;
        // A run missed while every node was down is not made up: the next one does the same work.
        var first = DateTimeOffset.UtcNow + options.JobInterval;
        quartz.ScheduleJob<ChannelDeliveryJob>(
            trigger => trigger.WithIdentity(ChannelDeliveryJob.Key.Name).StartAt(first).WithSimpleSchedule(s =>
                s.WithInterval(options.JobInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(ChannelDeliveryJob.Key));
        quartz.ScheduleJob<ChannelInboundJob>(
            trigger => trigger.WithIdentity(ChannelInboundJob.Key.Name).StartAt(first).WithSimpleSchedule(s =>
                s.WithInterval(options.JobInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(ChannelInboundJob.Key));
    }
}
