using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Channels;

/// <summary>Keeps a watch on every enabled polling account whose transport can say when something arrives (IMAP IDLE):
/// on news the account is fetched at once, so mail becomes a ticket within a second or two instead of at the next poll.
/// Polling goes on underneath as the safety net (a dropped connection, a server without IDLE). Each account is watched
/// on a task of its own, so a dead server only delays itself; watches follow accounts being added, changed, disabled
/// or deleted within <see cref="ReconcileEvery"/>. Every node watches (the fetch's per-account lock keeps two nodes
/// from fetching one account at once).</summary>
internal sealed class ChannelNewsWatcher(
    IServiceScopeFactory scopes, ChannelAdapters adapters, ChannelPolling polling, IOptions<ChannelsOptions> options,
    ILogger<ChannelNewsWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(10);
    /// <summary>IDLE is renewed well inside the 29 minutes RFC 2177 allows and the NAT timeouts of most networks.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs) return;
        var watching = new Dictionary<long, (string Settings, CancellationTokenSource Stop)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var accounts = await WatchableAsync(stoppingToken);
                    foreach (var (id, watch) in watching.ToList())
                    {
                        if (accounts.TryGetValue(id, out var settings) && settings == watch.Settings) continue;
                        await watch.Stop.CancelAsync();
                        watch.Stop.Dispose();
                        watching.Remove(id);
                    }
                    foreach (var (id, settings) in accounts)
                    {
                        if (watching.ContainsKey(id)) continue;
                        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        watching[id] = (settings, stop);
                        _ = Task.Run(() => WatchAsync(id, stop.Token), CancellationToken.None);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Reading the channel accounts to watch failed");
                }
                await Task.Delay(ReconcileEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var watch in watching.Values) watch.Stop.Cancel();
        }
    }

    /// <summary>Enabled accounts of kinds that poll, with their settings (a change restarts the watch).</summary>
    private async Task<Dictionary<long, string>> WatchableAsync(CancellationToken cancellationToken)
    {
        var kinds = adapters.All.Where(a => a.Polls).Select(a => a.Kind).ToList();
        if (kinds.Count == 0) return [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        return await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.IsEnabled && kinds.Contains(a.Kind))
            .ToDictionaryAsync(a => a.Id, a => a.Settings, cancellationToken);
    }

    private async Task WatchAsync(long accountId, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            bool? news;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                var account = await db.Set<ChannelAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId && a.IsEnabled, stop);
                if (account is null) return;
                news = await adapters.Of(account.Kind).WaitForNewsAsync(scope.ServiceProvider, account, LongestWait, stop);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The poll records the account's health; the watch only waits and tries again, longer each time.
                failures++;
                logger.LogDebug(e, "Watching channel account {Account} failed ({Failures} in a row)", accountId, failures);
                var wait = TimeSpan.FromSeconds(Math.Min(MaxRetryWait.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures, 10))));
                try { await Task.Delay(wait, stop); } catch (OperationCanceledException) { return; }
                continue;
            }
            if (news is null) return;
            if (news is not true) continue;
            try
            {
                await polling.FetchNowAsync(accountId, stop);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                logger.LogDebug(e, "Fetching channel account {Account} on news failed; its poll tries again", accountId);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stop); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
