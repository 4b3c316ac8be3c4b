namespace Okno.Platform.Web;

/// <summary>Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer leaks.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }
}
