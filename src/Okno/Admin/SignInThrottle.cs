namespace Okno.Admin;

/// <summary>Failed sign-ins counted under one key: an account, an account from one address (or one known device), or
/// one address for any account. The key is a SHA-256 of what it counts (no email or address in clear). Times are Unix
/// milliseconds so that one SQL statement can compare and update them on both databases.</summary>
public sealed class SignInThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    /// <summary>Unix ms of the last counted failure; a count older than the forget window starts again at 1.</summary>
    public long LastFailureAt { get; set; }
    /// <summary>Unix ms until which sign-ins under this key are refused without checking the password.</summary>
    public long BlockedUntil { get; set; }
}
