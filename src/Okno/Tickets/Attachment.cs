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
}
