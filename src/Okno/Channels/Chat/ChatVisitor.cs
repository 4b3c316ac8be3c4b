namespace Okno.Channels.Chat;

/// <summary>One browser of one visitor on a chat channel. It knows the visitor by a token only that browser holds (≥ 128
/// random bits, stored hashed, so a database leak gives nobody a way into a conversation). <see cref="SenderId"/> is who
/// they are to the inbound pipeline: the visitor itself (<c>v_…</c>), or the site's signed-in user (<c>u:…</c>) whom
/// several browsers share, so their conversation follows them across devices.</summary>
public sealed class ChatVisitor
{
    public const int SenderIdMaxLength = 200;
    public const int UserIdMaxLength = 150;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 50;
    public const int UrlMaxLength = 2000;
    public const int TitleMaxLength = 300;
    /// <summary>Pages remembered per visitor (newest kept).</summary>
    public const int PagesKept = 20;

    public long Id { get; set; }
    public long AccountId { get; set; }
    /// <summary>SHA-256 of the token, hex; unique.</summary>
    public string TokenHash { get; set; } = "";
    public string SenderId { get; set; } = "";
    /// <summary>The site's own id of its signed-in user, when the site signed it.</summary>
    public string? UserId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last call from this browser.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>While the widget holds its live stream open, the node serving it keeps this a minute ahead; closing the
    /// stream sets it to now. "On the site" is this being in the future.</summary>
    public DateTimeOffset? ConnectedUntil { get; set; }
    public string? PageUrl { get; set; }
    public string? PageTitle { get; set; }
    /// <summary>The last <see cref="PagesKept"/> pages, newest last, as JSON [{url,title,at}].</summary>
    public string Pages { get; set; } = "[]";

    public bool IsConnected(DateTimeOffset now) => ConnectedUntil is { } until && until > now;
}

/// <summary>The chat side of a ticket that started in a chat: which visitor it is with, what each side has read, the
/// email that carries answers on once the visitor left, and the visitor's rating.</summary>
public sealed class ChatConversation
{
    public const int CommentMaxLength = 2000;

    public long TicketId { get; set; }
    public long AccountId { get; set; }
    /// <summary>The browser that wrote last (its pages and presence are shown to agents).</summary>
    public long VisitorId { get; set; }
    /// <summary>The newest visitor message an agent has read (the visitor's "read" marks).</summary>
    public long AgentReadUpTo { get; set; }
    /// <summary>The newest agent message the visitor saw in an open widget.</summary>
    public long VisitorSeenUpTo { get; set; }
    /// <summary>The newest agent message sent to this conversation.</summary>
    public long LastAgentMessageId { get; set; }
    /// <summary>When answers the visitor has not seen are due to go by email (they may still come back and see them);
    /// null: nothing waiting.</summary>
    public DateTimeOffset? MailDueAt { get; set; }
    /// <summary>The newest agent message already carried by email.</summary>
    public long MailedUpTo { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
