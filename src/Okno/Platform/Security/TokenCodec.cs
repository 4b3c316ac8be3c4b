using System.Security.Cryptography;
using System.Text;

namespace Okno.Platform.Security;

/// <summary>Makes bearer tokens and the hash under which they are stored.</summary>
public static class TokenCodec
{
    private const string Prefix = "okno_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 is enough here: the token has 256 random bits, so there is nothing to brute-force.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Preview(string token) => token[..Math.Min(token.Length, Prefix.Length + 6)];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
