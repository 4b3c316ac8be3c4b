namespace Okno.Channels.Chat;

/// <summary>The stable codes of the chat's errors (ProblemDetails <c>code</c>); their texts are in ErrorStrings.</summary>
public static class ChatErrorCodes
{
    public const string InvalidKey = "chat.invalid_key";
    /// <summary>{value}</summary>
    public const string InvalidOrigin = "chat.invalid_origin";
    /// <summary>{value}</summary>
    public const string InvalidColour = "chat.invalid_colour";
    public const string ChannelUnknown = "chat.channel_unknown";
    /// <summary>{value}</summary>
    public const string OriginNotAllowed = "chat.origin_not_allowed";
    public const string VisitorUnknown = "chat.visitor_unknown";
    public const string IdentityInvalid = "chat.identity_invalid";
    /// <summary>{retryAfter}</summary>
    public const string RateLimited = "chat.rate_limited";
    public const string MessageEmpty = "chat.message_empty";
    /// <summary>{max}</summary>
    public const string MessageTooLong = "chat.message_too_long";
    /// <summary>{max}</summary>
    public const string FileTooLarge = "chat.file_too_large";
    /// <summary>{value}</summary>
    public const string FileTypeNotAllowed = "chat.file_type_not_allowed";
    public const string PrechatRequired = "chat.prechat_required";
    public const string InvalidClientId = "chat.invalid_client_id";
    public const string EmailRequired = "chat.email_required";
    public const string NoMailbox = "chat.no_mailbox";
    public const string NothingToRate = "chat.nothing_to_rate";
    public const string AlreadyRated = "chat.already_rated";
    public const string FileNotFound = "chat.file_not_found";
    /// <summary>{max}: a pressed button's payload is not 1 to max printable ASCII characters.</summary>
    public const string InvalidButtonPayload = "chat.invalid_button_payload";
}
