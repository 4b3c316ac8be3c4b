using Microsoft.AspNetCore.Components;
using Okno.Platform.Web;

namespace Okno.Portal.Ui;

/// <summary>Common part of the portal's pages (static server-rendered, as the help center's): the language, the signed-in
/// user, strings, and status codes for a page (404 for anything the user may not see: the portal never says "forbidden").</summary>
public abstract class PortalPageBase : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    protected string Language => PortalLanguage.Of(HttpContext);
    protected PortalUser User => PortalUser.From(HttpContext.User) ?? throw new InvalidOperationException("Not signed in to the portal.");
    protected bool IsNotFound { get; private set; }
    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected string T(string name) => PortalStrings.Get(name, Language);
    protected string F(string name, params object[] args) => PortalStrings.Format(name, Language, args);

    protected string StatusText(Tickets.TicketStatus status) => T("Status" + status);
    protected string TypeText(Tickets.TicketType type) => T("Type" + type);

    /// <summary>The text of a form's error code in the portal's language (the portal's own few; anything else is "invalid").</summary>
    protected string ErrorText(string code) =>
        PortalStrings.Get("Err." + code, Language) is var text && text != "Err." + code ? text : T("ErrInvalid");

    protected void NotFound()
    {
        IsNotFound = true;
        PageStatus.Set(HttpContext, StatusCodes.Status404NotFound);
    }

    protected void Status(int status) => PageStatus.Set(HttpContext, status);

    /// <summary>A 429 with Retry-After; the whole minutes to show.</summary>
    protected int TooManyRequests(TimeSpan retryAfter) => PageStatus.TooManyRequests(HttpContext, retryAfter);

    /// <summary>The files of a multipart form post, read whole (each within the attachment limit, checked by the intake).</summary>
    protected async Task<List<PortalFile>> FilesAsync(string field)
    {
        var files = new List<PortalFile>();
        if (!HttpContext.Request.HasFormContentType) return files;
        var form = await HttpContext.Request.ReadFormAsync(Aborted);
        foreach (var file in form.Files.GetFiles(field))
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName)) continue;
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, Aborted);
            files.Add(new PortalFile(file.FileName, file.ContentType, stream.ToArray()));
        }
        return files;
    }

    /// <summary>The field codes of a refused form, field by field.</summary>
    protected static Dictionary<string, string> FieldCodes(OknoException e) => e.Error switch
    {
        InvalidInput invalid => invalid.Fields.GroupBy(f => f.Key.StartsWith("customFields.", StringComparison.Ordinal) ? f.Key : f.Key.Split('[')[0])
            .ToDictionary(g => g.Key, g => g.First().Value[0].Code),
        PayloadTooLarge => new Dictionary<string, string> { ["attachments"] = ErrorCodes.PayloadTooLarge },
        _ => new Dictionary<string, string> { [""] = e.Error.Code },
    };
}
