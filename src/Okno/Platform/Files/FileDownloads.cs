using Okno.Platform.Web;

namespace Okno.Platform.Files;

/// <summary>How every stored file leaves Okno: from the content-addressed store, under a CSP sandbox so that nothing in
/// it runs in the desk's origin (nosniff is on every answer, see SecurityHeaders), as a download unless it is an image
/// shown in place. A file row without its content on disk is a 404, like an unknown id.</summary>
public static class FileDownloads
{
    public static IResult Serve(AttachmentStore store, HttpContext http, string what, long id, string? sha256, string contentType,
        string fileName, bool inline = false)
    {
        var content = sha256 is null ? null : store.Open(sha256);
        if (content is null) return ProblemMapping.ToResult(new NotFound(ErrorCodes.FileNotFound, what, id));
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return inline
            ? TypedResults.File(content, contentType, enableRangeProcessing: true)
            : TypedResults.File(content, contentType, fileName, enableRangeProcessing: true);
    }
}
