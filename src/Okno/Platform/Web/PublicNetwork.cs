using System.Net;
using System.Net.Sockets;

namespace Okno.Platform.Web;

/// <summary>Outgoing HTTP that only reaches the public internet, for every request Okno makes to an address someone else
/// chose (remote images in mail, webhook URLs): each connection resolves the host itself and connects to a checked
/// address, so a name that resolves to a public address when saved and to 127.0.0.1 later (DNS rebinding) gets nothing;
/// loopback, private, link-local (cloud metadata at 169.254.169.254), shared, multicast and reserved ranges are refused,
/// in IPv4 and IPv6, also written as IPv4-mapped IPv6. A host the admin allow-listed on purpose (an internal system a
/// company wants to reach) connects to whatever it resolves to.</summary>
public static class PublicNetwork
{
    /// <summary>The message of the connection error when a host resolves to no public address; callers show it.</summary>
    public const string RefusedMessage = "is not a public address";

    /// <summary>A handler for an HttpClient that connects only to public addresses, or to any address of a host
    /// <paramref name="isAllowedHost"/> says yes to (asked at each connection, so an allow-list edited at run time takes
    /// effect at once). <paramref name="allowPrivate"/> lets everything through (tests only).</summary>
    public static SocketsHttpHandler CreateHandler(bool allowAutoRedirect, int maxRedirects = 3, Func<string, bool>? isAllowedHost = null,
        bool allowPrivate = false) => new()
    {
        AllowAutoRedirect = allowAutoRedirect,
        MaxAutomaticRedirections = Math.Max(1, maxRedirects),
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate || isAllowedHost?.Invoke(context.DnsEndPoint.Host) == true, ct),
    };

    /// <summary>Connects to a public address of the endpoint (any address when <paramref name="anyAddress"/>); an
    /// <see cref="HttpRequestException"/> when it has none.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool anyAddress, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => anyAddress || IsPublic(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"Refused: {endpoint.Host} {RefusedMessage}.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for an address on the public internet; false for loopback, "this network" (0.0.0.0/8), private,
    /// link-local (cloud metadata), shared (CGNAT), documentation, benchmarking, multicast and reserved ranges, in IPv4
    /// and IPv6 (including IPv4 addresses written as IPv6 and the NAT64, 6to4 and Teredo prefixes that embed one).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 192 && b[1] == 88 && b[2] == 99)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        if ((b[0] & 0xFE) == 0xFC) return false;                                  // fc00::/7 unique local
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return false;                  // fe80::/10 link-local (any scope)
        if (b[0] == 0xFF) return false;                                           // ff00::/8 multicast
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // 2001:db8::/32 documentation
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return false;       // 2001::/32 Teredo
        if (b[0] == 0x20 && b[1] == 0x02) return false;                                 // 2002::/16 6to4
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) return false;    // 64:ff9b::/96 and 64:ff9b:1::/48 NAT64
        if (b[0] == 0x01 && b[1] == 0 && b.Skip(2).Take(6).All(x => x == 0)) return false; // 100::/64 discard
        if (b.Take(10).All(x => x == 0)) return false;                                  // ::/80: unspecified, ::1, IPv4-compatible
        return true;
    }
}
