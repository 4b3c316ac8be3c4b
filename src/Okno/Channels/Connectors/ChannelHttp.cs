using Microsoft.EntityFrameworkCore;
using Okno.Automation.Webhooks;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Channels.Connectors;

/// <summary>Outgoing HTTP of the messenger channels (VK's API and files, connectors' callbacks and attachment URLs),
/// behind the webhooks' SSRF guard: only public addresses, or hosts on the admin's webhook allow-list
/// (<see cref="WebhookAllowList"/>, the one list for every address someone else chose), checked at each connection.</summary>
public sealed class ChannelHttp : IDisposable
{
    /// <summary>The most of one file downloaded (a VK photo or document, a connector's attachment by URL).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private readonly WebhookAllowList _allowList;

    public ChannelHttp(WebhookAllowList allowList)
    {
        _allowList = allowList;
        // Each call has its own time limit (the delivery's, or a linked token), so the clients' own stay off.
        Fetch = new HttpClient(PublicNetwork.CreateHandler(allowAutoRedirect: true, maxRedirects: 3, isAllowedHost: allowList.IsAllowed))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Post = new HttpClient(PublicNetwork.CreateHandler(allowAutoRedirect: false, isAllowedHost: allowList.IsAllowed))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>For downloads (files behind a CDN redirect): redirects followed, each hop checked again.</summary>
    public HttpClient Fetch { get; }

    /// <summary>For calls whose answer matters (an API, a callback): redirects are not followed.</summary>
    public HttpClient Post { get; }

    /// <summary>Reads the allow-list again: it changes on another node too, and only the webhook sender refreshes it.</summary>
    public Task RefreshAsync(OknoDb db, CancellationToken ct) => _allowList.RefreshAsync(db, ct);

    /// <summary>Downloads a file, at most <paramref name="maxBytes"/>: null when it is larger (the caller says so in the
    /// message instead of failing the whole item); throws <see cref="HttpRequestException"/> when it cannot be had.</summary>
    public async Task<(byte[] Content, string? ContentType)?> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await Fetch.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode} for a file.", null, response.StatusCode);
        if (response.Content.Headers.ContentLength > maxBytes) return null;
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            if (copy.Length + read > maxBytes) return null;
            copy.Write(buffer, 0, read);
        }
        return (copy.ToArray(), response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        Fetch.Dispose();
        Post.Dispose();
    }
}
