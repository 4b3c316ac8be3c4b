using Quartz;

namespace Okno.Platform.Jobs;

/// <summary>Background work runs as Quartz jobs. On SQLite (one node) the schedule lives in memory; on PostgreSQL it
/// lives in the qrtz_* tables (<see cref="QuartzSchema"/>) and every node joins one cluster, so each run of a job
/// happens on exactly one node and the work of a node that dies is taken over by the others.</summary>
public static class JobsModule
{
    /// <summary>The cluster's name in the qrtz_* tables: every node of one Okno must use the same one.</summary>
    public const string ClusterName = "Okno";

    public static IServiceCollection AddOknoJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OknoOptions.Section).Get<OknoOptions>() ?? new OknoOptions();
        var clustered = options.Database.Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = configuration.GetConnectionString("Okno");
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // An in-memory scheduler is this process's own, and its name must be unique within the process (tests
                // run several Okno hosts in one); clustered nodes share the name and tell themselves apart by an
                // instance id generated at start (UseClustering turns that on).
                s.InstanceName = clustered ? ClusterName : $"{ClusterName}-{Guid.NewGuid():N}";
                // A shutdown waits for running jobs and asks them to stop, so a long backfill ends between batches.
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            if (clustered)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Okno is not set."));
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.Jobs.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.Jobs.ClusterCheckinMisfireThreshold;
                    });
                    // Without the lock, a node delayed between picking a trigger and marking it acquired can take a
                    // firing another node has already run and run it again (Quartz's known ABA race; seen here as 1
                    // of 16 fires run twice by the two-node test on a loaded machine).
                    store.ConfigureStore(s => s.AcquireTriggersWithinLock = true);
                    // Runs, failures and per-job status go to qrtz_execution_history and qrtz_job_status, so any
                    // node's /health reports the whole cluster's jobs.
                    store.UseExecutionHistory();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            Tickets.TicketCountCompaction.Schedule(q);
            Tickets.TicketSearchBackfill.Schedule(q);
            Channels.ChannelJobs.Schedule(q, configuration);
        });
        // Runs and failures kept in memory for the one in-memory scheduler (the persistent store's UseExecutionHistory
        // registers its own, in the tables).
        if (!clustered) services.AddQuartzExecutionHistory();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<JobStates>();
        return services;
    }
}
