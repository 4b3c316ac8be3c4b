using Microsoft.AspNetCore.Components;

namespace Okno.Knowledge.HelpCenter;

/// <summary>Common part of the help-center pages: the language from the address (an unknown one is a 404), the visit
/// id, strings in that language, and status codes for a static server-rendered page.</summary>
public abstract class HelpPageBase : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Parameter] public string? Lang { get; set; }

    protected string Language => HelpVisit.Normalize(Lang) is { } l && l == Lang ? l : "en";
    protected bool IsNotFound { get; private set; }
    protected bool IsRedirect { get; private set; }
    protected string VisitId => HelpVisit.Of(HttpContext);
    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected string T(string name) => HelpCenterStrings.Get(name, Language);
    protected string F(string name, params object[] args) => HelpCenterStrings.Format(name, Language, args);

    /// <summary>False (and a 404) when the address's language is not a help-center language.</summary>
    protected bool KnownLanguage()
    {
        if (Lang is not null && HelpCenterSite.Languages.Contains(Lang))
        {
            _ = VisitId;
            return true;
        }
        NotFound();
        return false;
    }

    protected void NotFound()
    {
        IsNotFound = true;
        // The page itself says what is missing; the generic status-code page must not replace it.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        // Set as the headers go out: the page renderer writes no body for a response that is already a 404.
        if (!HttpContext.Response.HasStarted)
            HttpContext.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }, HttpContext.Response);
    }

    /// <summary>A 429 with Retry-After for a page that says itself, kindly, that the visitor should wait; the whole
    /// minutes to show.</summary>
    protected int TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        if (!HttpContext.Response.HasStarted)
        {
            HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            HttpContext.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).StatusCode = StatusCodes.Status429TooManyRequests;
                return Task.CompletedTask;
            }, HttpContext.Response);
        }
        return (seconds + 59) / 60;
    }

    protected void MovedPermanently(string url)
    {
        IsRedirect = true;
        HttpContext.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        HttpContext.Response.Headers.Location = url;
    }
}
