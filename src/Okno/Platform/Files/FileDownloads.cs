using Okno.Platform.Web;

namespace Okno.Platform.Files;

/// <summary>How every stored file leaves Okno: from the content-addressed store, under a CSP sandbox so that nothing in
/// it runs in the desk's origin (nosniff is on every answer, see SecurityHeaders), as a download unless it is an image
/// shown in place. A file that a browser would run or render as a page (see <see cref="ActiveContent"/>: by declared
/// type, by name, or by its first bytes) always goes out as <c>application/octet-stream</c> and as a download, whatever
/// type it was stored with. A file row without its content on disk is a 404, like an unknown id.</summary>
public static class FileDownloads
{
    public static IResult Serve(AttachmentStore store, HttpContext http, string what, long id, string? sha256, string contentType,
        string fileName, bool inline = false)
    {
        var content = sha256 is null ? null : store.Open(sha256);
        if (content is null) return ProblemMapping.ToResult(new NotFound(ErrorCodes.FileNotFound, what, id));
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        if (IsActive(content, contentType, fileName))
        {
            contentType = ActiveContent.SafeType;
            inline = false;
        }
        return inline
            ? TypedResults.File(content, contentType, enableRangeProcessing: true)
            : TypedResults.File(content, contentType, fileName, enableRangeProcessing: true);
    }

    private static bool IsActive(Stream content, string contentType, string fileName)
    {
        Span<byte> head = stackalloc byte[ActiveContent.SniffLength];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return ActiveContent.IsActive(contentType, fileName, head[..read]);
    }
}
