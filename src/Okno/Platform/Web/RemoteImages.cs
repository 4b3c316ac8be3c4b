using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Okno.Platform.Files;

namespace Okno.Platform.Web;

public sealed class RemoteImagesOptions
{
    /// <summary>Largest remote image the proxy passes on.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>For tests only: lets the proxy fetch from loopback and private addresses. Never set it in production:
    /// anyone who can send a message could then make Okno fetch from inside its own network.</summary>
    public bool AllowPrivateNetworks { get; set; }
}

/// <summary>Okno's image proxy: when an agent allows the images of one message, its remote images are shown through
/// <c>/images/remote?u=…</c> on Okno's own origin. Chosen over relaxing the page's Content-Security-Policy because the
/// policy stays the same for every page (img-src 'self' data: blob:), the agent's address never reaches the sender
/// even after "show images", and the switch happens inside the live page without a reload.
/// The proxy is not an open one and cannot be turned against Okno's own network:
/// <list type="bullet">
/// <item>only addresses Okno wrote into a page can be fetched: <c>u</c> is the address sealed with ASP.NET Core data
/// protection, and only signed-in people may use it;</item>
/// <item>every connection (also after a redirect) goes to an IP address checked after DNS resolution: loopback,
/// private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and their IPv6
/// counterparts are refused, and the socket connects to the checked address itself, so DNS rebinding gains nothing;</item>
/// <item>http and https only, at most 3 redirects, a time limit, a size limit, no cookies, no referrer;</item>
/// <item>only raster image types are passed on (no SVG), and content that looks like markup is refused, under a
/// sandbox policy.</item>
/// </list></summary>
public sealed class RemoteImages
{
    public const string Path = "/images/remote";
    public const string ClientName = "Okno.RemoteImages";

    private static readonly HashSet<string> PassedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon",
    };

    private readonly IDataProtector _protector;
    private readonly IHttpClientFactory _clients;
    private readonly IOptions<OknoOptions> _options;

    public RemoteImages(IDataProtectionProvider protection, IHttpClientFactory clients, IOptions<OknoOptions> options)
    {
        _protector = protection.CreateProtector("Okno.RemoteImages.v1");
        _clients = clients;
        _options = options;
    }

    /// <summary>The same-origin address that shows <paramref name="remote"/> through the proxy.</summary>
    public string UrlFor(Uri remote) => $"{Path}?u={Uri.EscapeDataString(_protector.Protect(remote.AbsoluteUri))}";

    public static IServiceCollection AddRemoteImages(IServiceCollection services)
    {
        services.AddSingleton<RemoteImages>();
        services.AddHttpClient(ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<OknoOptions>>().Value.RemoteImages.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Okno-ImageProxy/1.0");
                client.DefaultRequestHeaders.Accept.ParseAdd("image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<OknoOptions>>().Value.RemoteImages.AllowPrivateNetworks;
                return PublicNetwork.CreateHandler(allowAutoRedirect: true, maxRedirects: 3, allowPrivate: allowPrivate);
            });
        return services;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, (string? u, RemoteImages images, HttpContext http, CancellationToken ct) => images.ServeAsync(u, http, ct))
            .RequireAuthorization().ExcludeFromDescription();

    private async Task<IResult> ServeAsync(string? sealedUrl, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        if (string.IsNullOrEmpty(sealedUrl)) return TypedResults.NotFound();
        Uri? url;
        try { url = new Uri(_protector.Unprotect(sealedUrl), UriKind.Absolute); }
        catch (System.Security.Cryptography.CryptographicException) { return TypedResults.NotFound(); }
        catch (UriFormatException) { return TypedResults.NotFound(); }
        var image = await FetchAsync(url, cancellationToken);
        if (image is null) return TypedResults.StatusCode(StatusCodes.Status502BadGateway);
        // The agent's browser may keep an image it was allowed to see; nobody else's (private).
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(image.Value.Bytes, image.Value.ContentType);
    }

    /// <summary>The image at <paramref name="url"/>, or null when it is refused, missing, too big, too slow or not a
    /// raster image.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return null;
        var limits = _options.Value.RemoteImages;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) return null;
            // A redirect may only lead to http(s) (SocketsHttpHandler never follows others) and to a checked address.
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is null || !PassedTypes.Contains(type)) return null;
            if (response.Content.Headers.ContentLength > limits.MaxBytes) return null;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limits.MaxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            var bytes = buffer.ToArray();
            if (ActiveContent.Looks(bytes.AsSpan(0, Math.Min(bytes.Length, ActiveContent.SniffLength)))) return null;
            return (bytes, type.ToLowerInvariant());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
