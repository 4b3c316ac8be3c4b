using System.Net;
using Okno.Platform.Web;

namespace Okno.Automation.Webhooks;

/// <summary>What a webhook URL and an allow-listed host may be. Where the URL leads is checked again at each connection
/// (<see cref="PublicNetwork"/>): a name may resolve elsewhere later.</summary>
public static class WebhookUrls
{
    /// <summary>Adds the URL's errors to <paramref name="errors"/>: required, at most 2000 characters, absolute http or
    /// https with a host, no user name or password, no fragment, no control characters or blanks.</summary>
    public static void Check(FieldErrors errors, string field, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Required(field);
            return;
        }
        url = url.Trim();
        if (url.Length > WebhookSubscription.UrlMaxLength)
        {
            errors.TooLong(field, WebhookSubscription.UrlMaxLength);
            return;
        }
        if (!IsValid(url)) errors.Add(field, WebhookErrorCodes.InvalidUrl, "An absolute http or https URL with a host, and no user name or password.");
    }

    public static bool IsValid(string url) =>
        !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.Host.Length > 0 && uri.Fragment.Length == 0;

    /// <summary>A host as the allow-list stores and compares it: lower case, no brackets around an IPv6 address, no
    /// trailing dot; null when it is neither a host name nor an IP address.</summary>
    public static string? NormalHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return null;
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (h.StartsWith('[') && h.EndsWith(']')) h = h[1..^1];
        if (h.Length is 0 or > WebhookAllowedHost.HostMaxLength) return null;
        // An IPv4 address only in its usual dotted form ("127.1" and "0x7f.0.0.1" are refused rather than guessed at).
        if (IPAddress.TryParse(h, out var ip))
            return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && ip.ToString() != h ? null : ip.ToString().ToLowerInvariant();
        return Uri.CheckHostName(h) == UriHostNameType.Dns && h.Split('.').All(l => l.Length is > 0 and <= 63) ? h : null;
    }
}
