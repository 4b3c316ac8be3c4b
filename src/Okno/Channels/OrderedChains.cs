namespace Okno.Channels;

/// <summary>Work on a batch of items that may run side by side except where order matters: the items come as chains,
/// chains run <c>parallelism</c> at once, the items of one chain one after another (the inbound processor's mail and its
/// answers, the delivery queue's replies of one ticket).</summary>
internal static class OrderedChains
{
    /// <summary>Runs <paramref name="take"/> on every item; returns how many it took (answered true).</summary>
    public static async Task<int> RunAsync(IEnumerable<IReadOnlyList<long>> chains, int parallelism, Func<long, CancellationToken, Task<bool>> take,
        CancellationToken cancellationToken)
    {
        var taken = 0;
        await Parallel.ForEachAsync(chains, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (chain, ct) =>
            {
                foreach (var id in chain)
                    if (await take(id, ct)) Interlocked.Increment(ref taken);
            });
        return taken;
    }
}
