using Okno.Tickets;

namespace Okno.Channels;

/// <summary>How an account is doing, as agents and admins see it: not tried yet, working, failing (its last attempt
/// to send or fetch failed), or switched off by an admin.</summary>
public enum ChannelHealth { Unknown, Ok, Failing, Disabled }

/// <summary>One way customers reach the desk: a mailbox, a Telegram bot, the web form, a connector. Its kind picks
/// the adapter that speaks the transport; its settings are that adapter's typed settings, stored as JSON with every
/// secret field protected (<see cref="ChannelSettingsCodec"/>).</summary>
public sealed class ChannelAccount
{
    public const int NameMaxLength = 200;
    public const int ErrorMaxLength = 1000;

    public long Id { get; set; }
    public ChannelKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The adapter's settings as JSON; secret fields hold Data Protection ciphertext, never clear text.</summary>
    public string Settings { get; set; } = "{}";
    /// <summary>New tickets from this account land in this group (support line); none: unrouted.</summary>
    public long? GroupId { get; set; }
    public bool IsEnabled { get; set; } = true;
    /// <summary>What the last attempt to send or fetch said; <see cref="ChannelHealth.Disabled"/> is never stored
    /// (<see cref="Health"/> derives it from <see cref="IsEnabled"/>).</summary>
    public ChannelHealth LastHealth { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    /// <summary>Where a polling adapter stopped reading (its own opaque cursor).</summary>
    public string? Cursor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ChannelHealth Health => IsEnabled ? LastHealth : ChannelHealth.Disabled;

    public void Succeeded(DateTimeOffset now)
    {
        LastHealth = ChannelHealth.Ok;
        LastSuccessAt = now;
    }

    public void Failed(string error, DateTimeOffset now)
    {
        LastHealth = ChannelHealth.Failing;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        LastErrorAt = now;
    }
}
