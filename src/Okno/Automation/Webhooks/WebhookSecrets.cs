using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Okno.Automation.Webhooks;

/// <summary>Makes subscriptions' secrets (32 random bytes, base64url) and keeps them protected at rest with ASP.NET Core
/// data protection, as Channels keeps mailbox passwords: a copy of the database alone does not give them away.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.Webhooks.Secret.v1");

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The signature receivers check: <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the secret's
/// UTF-8 bytes, of <c>"{timestamp}.{body}"</c> (timestamp: the <c>X-Okno-Timestamp</c> header, unix seconds; body: the
/// exact bytes received). Signing the timestamp with the body lets a receiver refuse an old delivery replayed.</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, string body)
    {
        var key = System.Text.Encoding.UTF8.GetBytes(secret);
        var data = System.Text.Encoding.UTF8.GetBytes($"{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }
}
