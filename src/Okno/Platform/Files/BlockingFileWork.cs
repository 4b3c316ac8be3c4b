using System.Collections.Concurrent;

namespace Okno.Platform.Files;

/// <summary>Runs file work that blocks its thread (an fsync) on a few threads of its own instead of the thread pool.
/// The pool keeps as many workers as cores (2 here) and adds more slowly; with 20 mailboxes fetched at once, each
/// stored mail's fsync held a pool worker and inbox reads waited behind them up to 1.5 s (p99 236–957 ms). Raising the
/// pool's minimum instead fixed that but cost ticket creation 5–8 % (bench/results/2026-12-07-email.md).</summary>
public static class BlockingFileWork
{
    /// <summary>Several at once: a journaling file system folds concurrent fsyncs into one commit. On this machine's
    /// ext4 without a journal, 1 thread and 4 gave the same import rate and inbox p95 (bench/results/2026-12-07-email.md).</summary>
    private const int Threads = 4;
    private static readonly BlockingCollection<Action> Queue = Start();

    private static BlockingCollection<Action> Start()
    {
        var queue = new BlockingCollection<Action>();
        for (var i = 0; i < Threads; i++)
            new Thread(() => { foreach (var work in queue.GetConsumingEnumerable()) work(); })
            {
                IsBackground = true, Name = $"okno-file-{i}",
            }.Start();
        return queue;
    }

    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Continuations run on the pool, never on these threads.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }, cancellationToken);
        return done.Task;
    }
}
