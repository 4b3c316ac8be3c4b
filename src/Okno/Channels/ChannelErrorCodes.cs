namespace Okno.Channels;

/// <summary>The codes of the errors of channel accounts, inbound items and deliveries (see
/// <see cref="Platform.Web.ErrorCodes"/> for the general ones).</summary>
public static class ChannelErrorCodes
{
    /// <summary>{id}</summary>
    public const string AccountNotFound = "channel.account_not_found";
    /// <summary>{kind}, {installed}</summary>
    public const string NoAdapter = "channel.no_adapter";
    public const string KindCannotChange = "channel.kind_cannot_change";
    /// <summary>{name}</summary>
    public const string NameTaken = "channel.name_taken";
    /// <summary>{name}</summary>
    public const string AccountCarriedMessages = "channel.account_carried_messages";
    /// <summary>{kind}</summary>
    public const string InvalidSettings = "channel.invalid_settings";
    /// <summary>{id}</summary>
    public const string DeliveryNotFound = "channel.delivery_not_found";
    /// <summary>{status}</summary>
    public const string DeliveryNotFailed = "channel.delivery_not_failed";
    /// <summary>{id}</summary>
    public const string InboundItemNotFound = "channel.inbound_item_not_found";
    /// <summary>{status}: only a quarantined or ignored item goes through the pipeline again.</summary>
    public const string InboundItemNotRetryable = "channel.inbound_item_not_retryable";
    /// <summary>{status}: only a held item can be released.</summary>
    public const string InboundItemNotHeld = "channel.inbound_item_not_held";
    /// <summary>{id}: a mail over the size limit was never downloaded; it stayed on the mail server.</summary>
    public const string RawMailLeftOnServer = "channel.inbound_raw_left_on_server";
    /// <summary>A settings field that must be a host name or an IP address.</summary>
    public const string InvalidHost = "channel.invalid_host";
    /// <summary>{kind}</summary>
    public const string NoConnectionTest = "channel.no_connection_test";
    /// <summary>{kind}</summary>
    public const string NotPolling = "channel.not_polling";
    /// <summary>{server} (IMAP, SMTP), {host}: the server refused the user name or password.</summary>
    public const string AuthenticationFailed = "channel.connection.authentication_failed";
    /// <summary>{server}, {host}: the server's TLS certificate is not trusted, or TLS could not be agreed.</summary>
    public const string CertificateRejected = "channel.connection.certificate_rejected";
    /// <summary>{server}, {host}</summary>
    public const string HostNotFound = "channel.connection.host_not_found";
    /// <summary>{server}, {host}, {port}: refused, or no answer in time.</summary>
    public const string ConnectionRefused = "channel.connection.refused";
    /// <summary>{folder}</summary>
    public const string FolderNotFound = "channel.connection.folder_not_found";
    /// <summary>{server}, {host}, {port}: an answer that is not what the protocol expects (often the wrong security for the port).</summary>
    public const string ProtocolError = "channel.connection.protocol_error";
    /// <summary>No enabled mailbox to send a forward from.</summary>
    public const string ForwardNoMailbox = "forward.no_mailbox";
    /// <summary>{id}: the chosen account is not an enabled mailbox (field accountId).</summary>
    public const string ForwardMailboxNotUsable = "forward.mailbox_not_usable";
    /// <summary>{id}: not a public message of this ticket (field messageId); internal notes are never forwarded.</summary>
    public const string ForwardMessageNotForwardable = "forward.message_not_forwardable";
    /// <summary>{email}: one of the desk's own mailbox addresses (the forward would come back to the desk).</summary>
    public const string ForwardToOwnAddress = "forward.own_address";
    /// <summary>{email}: an address at an IP address or a local name rather than a mail domain.</summary>
    public const string ForwardAddressNotPublic = "forward.address_not_public";
    /// <summary>{max}: more recipients (To and Cc together) than a forward takes.</summary>
    public const string ForwardTooManyRecipients = "forward.too_many_recipients";
    /// <summary>{max} files, {limit} bytes: the files would make the mail too large; forward without them.</summary>
    public const string ForwardAttachmentsTooLarge = "forward.attachments_too_large";
}
