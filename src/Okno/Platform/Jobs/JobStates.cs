using Quartz;
using Quartz.Extensibility;

namespace Okno.Platform.Jobs;

/// <summary>How one background job is doing. <see cref="LagSeconds"/> is how late its most overdue trigger is (now minus
/// the fire time it is still waiting for; 0 when nothing is overdue): it grows while no node runs the job.</summary>
public sealed record JobState(
    string Name,
    double LagSeconds,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    bool LastRunFailed);

/// <summary>Reads every job's state from Quartz: triggers from the job store, runs from the execution history. With the
/// clustered store both are the database's tables, so any node reports the whole cluster.</summary>
public sealed class JobStates(ISchedulerFactory schedulers, IExecutionHistoryStore history, TimeProvider clock)
{
    // Far more than Okno has; one query each, so the read stays cheap.
    private const int MaxListed = 200;

    public async Task<IReadOnlyList<JobState>> ReadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = clock.GetUtcNow();
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = MaxListed }, cancellationToken);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = MaxListed }, cancellationToken);
        var states = new List<JobState>(jobs.Items.Count);
        foreach (var job in jobs.Items)
        {
            var nextRuns = triggers.Items
                .Where(t => t.JobKey.Equals(job.Key) && t.State is not (TriggerState.Paused or TriggerState.Complete))
                .Select(t => t.NextFireTimeUtc).OfType<DateTimeOffset>().ToList();
            DateTimeOffset? due = nextRuns.Count > 0 ? nextRuns.Min() : null;
            var lag = due is { } d && d < now ? (now - d).TotalSeconds : 0;
            var runs = await history.GetJobRunStatus(scheduler.SchedulerName, job.Key, cancellationToken);
            states.Add(new JobState(
                job.Key.Name,
                Math.Round(lag, 3),
                due,
                runs?.LastFiredAtUtc,
                runs?.LastSucceededAtUtc,
                runs?.LastFailedAtUtc,
                runs?.LastFailedAtUtc is null ? null : runs.LastFailureMessage,
                runs?.LastResult == JobRunResult.Failed));
        }
        return states;
    }
}
