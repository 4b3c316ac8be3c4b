namespace Okno.Platform.Security;

/// <summary>One signed-in browser of an agent. The auth cookie carries only <see cref="Id"/> (with the agent's claims);
/// every request checks the row, so revoking it (sign-out, password change, deactivation) ends the session on every
/// node at once, and a copied cookie stops working. Address and browser are kept for a future "your sessions" list
/// and to recognise an address the agent signed in from before (sign-in throttling).</summary>
public sealed class AgentSession
{
    public const int UserAgentMaxLength = 256;
    public const int AddressMaxLength = 64;

    /// <summary>256 random bits, base64url; the cookie is encrypted and signed besides.</summary>
    public string Id { get; set; } = "";
    public long AgentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Written at most once a minute, so reads stay reads.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
