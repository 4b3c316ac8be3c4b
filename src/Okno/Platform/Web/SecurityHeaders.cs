using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Okno.Platform.Web;

/// <summary>Headers every answer carries: no MIME sniffing, no framing, no referrer leaks, a Content-Security-Policy
/// that lets only Okno's own files run, and <c>Cache-Control: no-store</c> on API data and pages (static files keep the
/// caching <c>MapStaticAssets</c> gives them).</summary>
/// <remarks>
/// The policy, directive by directive:
/// <list type="bullet">
/// <item><c>script-src 'self' 'nonce-…'</c>: Blazor interactive server needs only its own files (blazor.web.js,
/// MudBlazor.min.js, our js/*.js modules; no eval: <c>'wasm-unsafe-eval'</c> is for WebAssembly only). The one inline
/// script is the import map that maps module names to fingerprinted files; it carries the per-request nonce
/// (<see cref="NonceOf"/>, App.razor). Never <c>'unsafe-inline'</c>, so an injected <c>onerror=</c> or <c>&lt;script&gt;</c>
/// does not run.</item>
/// <item><c>style-src 'self' 'unsafe-inline'</c>: MudBlazor writes its theme as a <c>&lt;style&gt;</c> element and
/// positions popovers with <c>style</c> attributes; styles cannot run code, remote <c>url()</c> in them is still
/// stopped by img-src/font-src.</item>
/// <item><c>img-src 'self' data: blob:</c>: no remote image ever loads from a page. Remote images in customer
/// messages that an agent chose to see come through Okno's own image proxy (Tickets/Ui/RemoteImages).</item>
/// <item><c>connect-src 'self'</c>: CSP level 3 makes 'self' cover ws:/wss: to the same host, which is the circuit's
/// WebSocket.</item>
/// </list>
/// The API docs page (Scalar) has one inline module script of its own that takes no nonce: its SHA-256 is computed
/// from the page as sent and allowed for that page only.
/// </remarks>
internal sealed partial class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "Okno.CspNonce";
    private const string ApiDocsPath = "/api/docs";

    public static string Policy(string scriptSources) =>
        $"default-src 'self'; script-src 'self' {scriptSources}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>The nonce of this answer's policy, for the few inline scripts Okno itself writes.</summary>
    public static string NonceOf(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("SecurityHeaders has not run for this request.");

    public async Task InvokeAsync(HttpContext context)
    {
        // Hex: nothing in it that HTML encoding would change in the attribute.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // Set first, so that an endpoint with a stricter policy of its own (file downloads: a sandbox) replaces it.
        headers.ContentSecurityPolicy = Policy($"'nonce-{nonce}'");
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            if (NeedsNoStore(http)) http.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);

        if (IsApiDocsPage(context.Request.Path)) await ServeApiDocsAsync(context);
        else await next(context);
    }

    /// <summary>API answers (data, downloads, errors) and pages (they show signed-in people's data and carry
    /// antiforgery tokens) are never stored by a browser or proxy; anything that set its own caching (static assets,
    /// the docs page's scripts) keeps it.</summary>
    private static bool NeedsNoStore(HttpContext http)
    {
        if (!string.IsNullOrEmpty(http.Response.Headers.CacheControl)) return false;
        if (http.Request.Path.StartsWithSegments("/api")) return true;
        var type = http.Response.ContentType;
        return type is not null && (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsApiDocsPage(PathString path) =>
        path.Equals(ApiDocsPath, StringComparison.OrdinalIgnoreCase) || path.Equals(ApiDocsPath + "/", StringComparison.OrdinalIgnoreCase)
        || path.Equals(ApiDocsPath + "/index.html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Scalar's page (about 1 KB) is buffered, and the hashes of its inline scripts go into its policy. Only
    /// this page gets this: its text is Scalar's and Okno's configuration, nothing from a user.</summary>
    private async Task ServeApiDocsAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.ToArray());
            var hashes = InlineScripts().Matches(html)
                .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
            if (!context.Response.HasStarted)
                context.Response.Headers.ContentSecurityPolicy = Policy(string.Join(' ', hashes.DefaultIfEmpty("")));
        }
        context.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();
}
