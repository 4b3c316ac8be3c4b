using Quartz;

namespace Okno.Platform.Jobs;

/// <summary>Background work runs as Quartz jobs. On SQLite (one node) the schedule lives in memory; on PostgreSQL it
/// lives in the qrtz_* tables (<see cref="QuartzSchema"/>) and every node joins one cluster, so each run of a job
/// happens on exactly one node and the work of a node that dies is taken over by the others.</summary>
public static class JobsModule
{
    /// <summary>The cluster's name in the qrtz_* tables: every node of one Okno must use the same one.</summary>
    public const string ClusterName = "Okno";

    /// <summary>Adds a section's job to the scheduler. Sections call it from their module; <see cref="AddOknoJobs"/>
    /// runs after every module (OknoModules) and schedules them all.</summary>
    public static IServiceCollection AddJob(this IServiceCollection services, Action<IQuartzBuilder> schedule)
    {
        JobSchedules.Of(services).Add(schedule);
        return services;
    }

    /// <summary>Adds a job that runs every <paramref name="every"/> (first after one interval); a run missed while no node was
    /// up is not repeated, the next one simply comes.</summary>
    public static IServiceCollection AddRepeatingJob<T>(this IServiceCollection services, JobKey key, TimeSpan every) where T : IJob =>
        services.AddJob(quartz => quartz.ScheduleJob<T>(
            trigger => trigger.WithIdentity(key.Name).StartAt(DateTimeOffset.UtcNow + every)
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(key)));

    /// <summary>The jobs the sections added, kept in the service collection itself until the scheduler is built.</summary>
    private sealed class JobSchedules : List<Action<IQuartzBuilder>>
    {
        public static JobSchedules Of(IServiceCollection services)
        {
            if (services.FirstOrDefault(d => d.ServiceType == typeof(JobSchedules))?.ImplementationInstance is JobSchedules found) return found;
            var made = new JobSchedules();
            services.AddSingleton(made);
            return made;
        }
    }

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
            foreach (var schedule in JobSchedules.Of(services)) schedule(q);
        });
        // Runs and failures kept in memory for the one in-memory scheduler (the persistent store's UseExecutionHistory
        // registers its own, in the tables).
        if (!clustered) services.AddQuartzExecutionHistory();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<JobStates>();
        return services;
    }
}
