namespace Okno.Platform.Security;

public enum ApiTokenKind { Session, Personal }

/// <summary>A bearer token. Only its SHA-256 is stored; the token itself is shown once, when made.</summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    public long Id { get; set; }
    public long AgentId { get; set; }
    public ApiTokenKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
