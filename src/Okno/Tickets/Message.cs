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

    public const int ExternalIdMaxLength = 255;
    public const int DeliveryErrorMaxLength = 1000;

    /// <summary>The channel account this message came in through, or goes out through; null when it never touched a
    /// channel (a note, a ticket an agent opened through the API for a customer). A plain id: Tickets does not know what
    /// an account is, Channels does.</summary>
    public long? ChannelAccountId { get; private set; }
    /// <summary>The message's id in its channel (the transport's message id), once known.</summary>
    public string? ExternalId { get; private set; }
    /// <summary>Only for outgoing messages that go through a channel; null for everything else.</summary>
    public DeliveryState? Delivery { get; private set; }
    /// <summary>Why the last attempt to deliver failed (kept while a retry waits, so agents see why it is late).</summary>
    public string? DeliveryError { get; private set; }

    public const int AddressesMaxLength = 2000;

    /// <summary>For mail, who it was from and to as its headers said (bare addresses; To and Cc comma-separated);
    /// null for a message that never was a mail.</summary>
    public string? FromAddress { get; private set; }
    public string? ToAddresses { get; private set; }
    public string? CcAddresses { get; private set; }
    /// <summary>The SHA-256 of the raw mail in the attachment store, for the ".eml" download of an incoming mail.</summary>
    public string? RawSha256 { get; private set; }

    /// <summary>Records a mail's addresses (each list cut to <see cref="AddressesMaxLength"/> at an address boundary).</summary>
    public void Addressed(string? from, IEnumerable<string> to, IEnumerable<string> cc)
    {
        FromAddress = from is { Length: > 320 } ? from[..320] : from;
        ToAddresses = Joined(to);
        CcAddresses = Joined(cc);
    }

    public void KeepRaw(string sha256) => RawSha256 = sha256;

    public const int ButtonsMaxLength = 4000;
    public const int ButtonPayloadMaxLength = 64;

    /// <summary>Choices offered with an outgoing message (a bot's buttons), as JSON <c>[{"payload","label"}]</c>; null for
    /// none. The channel shows them as buttons, or as a numbered menu where it has none.</summary>
    public string? Buttons { get; private set; }
    /// <summary>For an incoming message: the payload of the button the customer pressed (its text is the label).</summary>
    public string? ButtonPayload { get; private set; }

    public IReadOnlyList<MessageButton> OfferedButtons => MessageButton.Read(Buttons);

    public void Offer(IReadOnlyList<MessageButton> buttons)
    {
        if (Direction != MessageDirection.Out || IsInternal) throw new InvalidOperationException("Only a reply to the customer offers buttons.");
        Buttons = buttons.Count == 0 ? null : MessageButton.Write(buttons);
    }

    public void Pressed(string? payload)
    {
        if (Direction != MessageDirection.In) throw new InvalidOperationException("Only a customer's message presses a button.");
        ButtonPayload = payload is { Length: > ButtonPayloadMaxLength } ? payload[..ButtonPayloadMaxLength] : payload;
    }

    private static string? Joined(IEnumerable<string> addresses)
    {
        var joined = "";
        foreach (var address in addresses)
        {
            var next = joined.Length == 0 ? address : joined + ", " + address;
            if (next.Length > AddressesMaxLength) break;
            joined = next;
        }
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Records the channel an incoming message arrived through and its id there.</summary>
    public void ReceivedThrough(long channelAccountId, string externalId)
    {
        if (Direction != MessageDirection.In) throw new InvalidOperationException("Only an incoming message is received through a channel.");
        ChannelAccountId = channelAccountId;
        ExternalId = externalId;
    }

    /// <summary>An outgoing message that was written in the channel itself (e.g. an agent answering from their mail
    /// client, fetched back): it is already there, so it is never sent again.</summary>
    public void WrittenIn(long channelAccountId, string externalId)
    {
        if (Direction != MessageDirection.Out) throw new InvalidOperationException("Only an outgoing message is written in a channel.");
        ChannelAccountId = channelAccountId;
        ExternalId = externalId;
    }

    /// <summary>True for what may leave for the customer: a public reply that did not come from a channel already.
    /// Notes never leave; incoming messages never echo back.</summary>
    public bool IsDeliverable => Direction == MessageDirection.Out && !IsInternal && ChannelAccountId is null && Delivery is null;

    public void QueueDelivery(long channelAccountId)
    {
        if (!IsDeliverable) throw new InvalidOperationException("This message is not for delivery.");
        ChannelAccountId = channelAccountId;
        Delivery = DeliveryState.Queued;
    }

    /// <summary>A forward: an agent's internal record of a ticket's conversation (or one message of it) sent to outside
    /// addresses (<see cref="ToAddresses"/>, <see cref="CcAddresses"/>) through a mailbox. Internal, so it never goes to
    /// the customer; the only internal message that is delivered.</summary>
    public bool IsForward => IsInternal && Direction == MessageDirection.Out && Delivery is not null;

    /// <summary>Marks this internal record as a forward queued through <paramref name="channelAccountId"/>; its
    /// addresses must already be recorded (<see cref="Addressed"/>).</summary>
    public void QueueForward(long channelAccountId)
    {
        if (!IsInternal || Direction != MessageDirection.Out || ChannelAccountId is not null || Delivery is not null || ToAddresses is null)
            throw new InvalidOperationException("Only a new internal record with its recipients is forwarded.");
        ChannelAccountId = channelAccountId;
        Delivery = DeliveryState.Queued;
    }

    public void DeliveryDelayed(string reason)
    {
        Delivery = DeliveryState.Queued;
        DeliveryError = Trimmed(reason);
    }

    /// <summary>An agent asked to try a failed delivery again.</summary>
    public void DeliveryRequeued()
    {
        Delivery = DeliveryState.Queued;
        DeliveryError = null;
    }

    public void Delivered(string? externalId)
    {
        Delivery = DeliveryState.Sent;
        ExternalId = externalId is null ? null : Trimmed(externalId, ExternalIdMaxLength);
        DeliveryError = null;
    }

    public void DeliveryFailed(string reason)
    {
        Delivery = DeliveryState.Failed;
        DeliveryError = Trimmed(reason);
    }

    private static string Trimmed(string text, int max = DeliveryErrorMaxLength) => text.Length <= max ? text : text[..max];

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

/// <summary>A choice offered with a reply: <see cref="Payload"/> comes back when the customer picks it.</summary>
public sealed record MessageButton(string Payload, string Label)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<MessageButton> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<MessageButton>>(json, Json) ?? [];

    public static string Write(IReadOnlyList<MessageButton> buttons)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(buttons, Json);
        return json.Length <= Message.ButtonsMaxLength ? json : throw new ArgumentException("Too many buttons, or too long.", nameof(buttons));
    }
}
