namespace Okno.Platform.Web;

/// <summary>The status of a statically rendered public page (help center, portal) that says itself what happened.</summary>
public static class PageStatus
{
    /// <summary>Sets <paramref name="status"/> as the headers go out (the page renderer writes no body for a response that
    /// is already a 404), with the generic status-code page off so it does not replace the page.</summary>
    public static void Set(HttpContext http, int status)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        if (http.Response.HasStarted) return;
        http.Response.OnStarting(state =>
        {
            ((HttpResponse)state).StatusCode = status;
            return Task.CompletedTask;
        }, http.Response);
    }

    /// <summary>A 429 with Retry-After; returns the whole minutes to show.</summary>
    public static int TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        if (!http.Response.HasStarted) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Set(http, StatusCodes.Status429TooManyRequests);
        return (seconds + 59) / 60;
    }
}
