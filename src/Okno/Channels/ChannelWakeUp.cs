using Microsoft.Extensions.Options;
using Quartz;

namespace Okno.Channels;

/// <summary>Runs a channel job now instead of at its next interval: after an item was stored, or a delivery asked to
/// be retried. Fire and forget; the job's interval is the safety net if the nudge is lost.</summary>
public sealed class ChannelWakeUp(ISchedulerFactory schedulers, IOptions<ChannelsOptions> options, ILogger<ChannelWakeUp> logger)
{
    public void Deliveries() => Trigger(ChannelDeliveryJob.Key);
    public void Inbound() => Trigger(ChannelInboundJob.Key);

    private void Trigger(JobKey key)
    {
        if (!options.Value.RunJobs) return;
        _ = Task.Run(async () =>
        {
            try
            {
                var scheduler = await schedulers.GetScheduler();
                await scheduler.TriggerJob(key);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Waking {Job} failed; it runs at its next interval", key);
            }
        });
    }
}
