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
    /// <summary>{status}</summary>
    public const string InboundItemNotQuarantined = "channel.inbound_item_not_quarantined";
}
