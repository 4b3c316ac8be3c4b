using Microsoft.Extensions.Options;

namespace Okno.Platform.Security;

/// <summary>Refuses (403) a real-time connection — Blazor's /_blazor circuit hub and any SignalR hub under /hubs —
/// whose Origin header names another site. A WebSocket handshake is not bound by CORS and carries the agent's cookie,
/// so without this a foreign page could open the agent UI's connection in the agent's name (cross-site WebSocket
/// hijacking). A request without Origin (not from a browser page) passes: it carries no victim's cookie by accident.
/// This site is the request's own host and port (so a proxy that keeps the Host header needs no setting); other
/// origins may be allowed with Okno:AllowedOrigins.</summary>
public sealed class HubOriginCheck(RequestDelegate next, IOptionsMonitor<OknoOptions> options)
{
    public static readonly string[] Paths = ["/_blazor", "/hubs"];

    public Task InvokeAsync(HttpContext http)
    {
        if (!Paths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return next(http);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowed(origin, http.Request)) return next(http);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return false;
        // Authority leaves out the scheme's default port, as a Host header does.
        if (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return options.CurrentValue.AllowedOrigins.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed)
            && string.Equals(allowed.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }
}
