using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Okno.Platform.Files;

/// <summary>Stores attachment bytes on disk under their SHA-256, so the same file sent twice is kept once.
/// Files are flushed to disk before the database row that points at them commits.</summary>
public sealed class AttachmentStore(IOptions<OknoOptions> options)
{
    private string Root => Path.Combine(options.Value.DataPath, "attachments");

    public async Task<(string Sha256, long Size)> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (File.Exists(path)) return (sha, content.Length);
        // Written, flushed to disk and renamed off the thread pool: the fsync blocks its thread (BlockingFileWork).
        return await BlockingFileWork.RunAsync(() =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            return (sha, (long)content.Length);
        }, cancellationToken);
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("Not a SHA-256.", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }
}
