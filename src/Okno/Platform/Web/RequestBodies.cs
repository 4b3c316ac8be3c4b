namespace Okno.Platform.Web;

/// <summary>Reading a raw request body (an upload, an imported file) without holding more than its limit.</summary>
public static class RequestBodies
{
    /// <summary>At most <paramref name="max"/> bytes of <paramref name="body"/>; ask for one byte past a limit to tell
    /// a body over it, which is then refused without being held in memory.</summary>
    public static async Task<byte[]> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
    {
        var buffer = new byte[max];
        var total = 0;
        while (total < max)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, max - total), ct);
            if (read == 0) break;
            total += read;
        }
        return buffer[..total];
    }
}
