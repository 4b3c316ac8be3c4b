using Microsoft.AspNetCore.Components;
using Okno.Platform.Web;

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
        PageStatus.Set(HttpContext, StatusCodes.Status404NotFound);
    }

    /// <summary>A 429 with Retry-After for a page that says itself, kindly, that the visitor should wait; the whole
    /// minutes to show.</summary>
    protected int TooManyRequests(TimeSpan retryAfter) => PageStatus.TooManyRequests(HttpContext, retryAfter);

    protected void MovedPermanently(string url)
    {
        IsRedirect = true;
        HttpContext.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        HttpContext.Response.Headers.Location = url;
    }
}
