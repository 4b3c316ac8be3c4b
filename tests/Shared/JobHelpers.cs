using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Jobs;

namespace Okno.Testing;

/// <summary>Waiting for Okno's background jobs in tests.</summary>
public static class JobHelpers
{
    /// <summary>Waits until the job has succeeded at least once (the search backfill, say, which runs at start).</summary>
    public static async Task<JobState> JobSucceededAsync(this OknoFactory app, string job, int seconds = 60) =>
        await EventuallyAsync(async () =>
            (await app.Services.GetRequiredService<JobStates>().ReadAsync(CancellationToken.None))
            .SingleOrDefault(j => j.Name == job && j.LastSuccessAt is not null), seconds);

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read, int seconds = 60) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not reached within {seconds} s.");
            await Task.Delay(100);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> reached, int seconds = 60) =>
        await EventuallyAsync(async () => await reached() ? "" : null, seconds);
}
