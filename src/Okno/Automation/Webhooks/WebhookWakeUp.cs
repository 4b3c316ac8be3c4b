using Microsoft.Extensions.Options;
using Quartz;

namespace Okno.Automation.Webhooks;

/// <summary>Runs the delivery job now instead of at its next interval, once deliveries were committed. Fire and forget:
/// the job's interval is the safety net when the nudge is lost.</summary>
public sealed class WebhookWakeUp(ISchedulerFactory schedulers, IOptions<WebhooksOptions> options, ILogger<WebhookWakeUp> logger)
{
    public void Now()
    {
        if (!options.Value.RunJobs) return;
        _ = Task.Run(async () =>
        {
            try
            {
                var scheduler = await schedulers.GetScheduler();
                await scheduler.TriggerJob(WebhookDeliveryJob.Key);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Waking the webhook deliveries failed; they go at the job's next run");
            }
        });
    }
}
