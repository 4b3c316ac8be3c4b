namespace Okno.Tickets;

/// <summary>A message on a ticket: from the customer (in), to the customer (out) or an internal note
/// between agents. The text body is what was written; the HTML body is sanitized before it is stored.</summary>
public sealed class Message : Platform.Search.ISearchable
{
    public const int BodyMaxLength = 200_000;

    private Message() { }

    public Message(MessageDirection direction, bool isInternal, Actor author, string bodyText, string bodyHtml, DateTimeOffset createdAt)
    {
        if (isInternal && direction == MessageDirection.In)
            throw new ArgumentException("An internal note is never inbound.", nameof(isInternal));
        Direction = direction;
        IsInternal = isInternal;
        AuthorKind = author.Kind;
        AuthorId = author.Id;
        _writtenBy = author;
        BodyText = bodyText;
        BodyHtml = bodyHtml;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public Ticket Ticket { get; private set; } = null!;
    public MessageDirection Direction { get; private set; }
    public bool IsInternal { get; private set; }
    public ActorKind AuthorKind { get; private set; }
    public long? AuthorId { get; private set; }
    public string BodyText { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<Attachment> Attachments { get; private set; } = [];

    /// <summary>The author as given when written (an automation's depth included, which is not stored), else as stored.</summary>
    public Actor Author => _writtenBy ?? new(AuthorKind, AuthorId);

    private readonly Actor? _writtenBy;

    public const string SearchKind = "message";
    private static readonly string[] SearchedProperties = [nameof(BodyText), nameof(TicketId)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() =>
        new(SearchKind, Id, TicketId, Platform.Search.TextAnalyzer.DetectLanguage(BodyText), "", BodyText);

    internal void AttachTo(Ticket ticket) => Ticket = ticket;
}
