namespace Okno.Tickets;

/// <summary>A file on a message. The bytes live on disk under their SHA-256 (see
/// <see cref="Platform.Files.AttachmentStore"/>); the row keeps the cleaned name and the type.</summary>
public sealed class Attachment
{
    private Attachment() { }

    public Attachment(string fileName, string contentType, long size, string sha256)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
    }

    public long Id { get; private set; }
    public long MessageId { get; private set; }
    public Message Message { get; private set; } = null!;
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>Shown inside the message (a mail's <c>cid:</c> image) rather than listed under it.</summary>
    public bool IsInline { get; private set; }
    /// <summary>A mail part's Content-ID, without angle brackets: what the HTML's <c>cid:</c> links name.</summary>
    public string? ContentId { get; private set; }

    public const int ContentIdMaxLength = 255;

    public Attachment Inline(string? contentId, bool isInline)
    {
        ContentId = contentId is { Length: > ContentIdMaxLength } ? contentId[..ContentIdMaxLength] : contentId;
        IsInline = isInline;
        return this;
    }
}
