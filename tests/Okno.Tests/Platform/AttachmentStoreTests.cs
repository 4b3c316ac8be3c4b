using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Files;

namespace Okno.Tests.Platform;

public sealed class AttachmentStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("okno-attachments-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private AttachmentStore Store() => new(Options.Create(new OknoOptions { DataDirectory = _root }));

    [Fact]
    public async Task A_file_is_kept_once_under_its_sha256_with_no_temporary_file_left()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        var (sha, size) = await Store().SaveAsync(content, CancellationToken.None);
        var again = await Store().SaveAsync(content, CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), sha);
        Assert.Equal((sha, 100_000L), (again.Sha256, again.Size));
        Assert.Equal(100_000, size);
        await using (var stored = Store().Open(sha)!)
        using (var copy = new MemoryStream())
        {
            await stored.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
        Assert.Equal([Path.Combine(_root, "attachments", sha[..2], sha[2..4], sha)],
            Directory.GetFiles(Path.Combine(_root, "attachments"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Blocking_file_work_runs_off_the_thread_pool_and_passes_its_failure_on()
    {
        var onPool = await BlockingFileWork.RunAsync(() => Thread.CurrentThread.IsThreadPoolThread, CancellationToken.None);
        Assert.False(onPool);
        await Assert.ThrowsAsync<IOException>(() => BlockingFileWork.RunAsync<int>(() => throw new IOException("disk full"), CancellationToken.None));
        // Many at once (more than its threads) all finish.
        var all = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => BlockingFileWork.RunAsync(() => i, CancellationToken.None)));
        Assert.Equal(Enumerable.Range(0, 50), all);
    }
}
