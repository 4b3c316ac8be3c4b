using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Okno.Platform.Security;

namespace Okno.Platform.Health;

/// <summary>Who may read the details of /health (data path, disk and database sizes, jobs and handlers with their last
/// errors) and /health/metrics: a signed-in admin (the UI's cookie, or an admin's bearer token), a request with the
/// monitoring token (<see cref="HealthOptions.Token"/>, compared in constant time) or one from a listed network
/// (<see cref="HealthOptions.Networks"/>). Everyone else gets the overall status only.</summary>
public sealed class HealthAccess
{
    public enum Caller { Anonymous, SignedInNotAdmin, Trusted }

    private readonly byte[]? _tokenHash;
    private readonly IReadOnlyList<IPNetwork> _networks;

    public HealthAccess(IOptions<OknoOptions> options)
    {
        var health = options.Value.Health;
        _tokenHash = string.IsNullOrEmpty(health.Token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(health.Token));
        _networks = health.Networks.Select(n => IPNetwork.TryParse(n.Trim(), out var network) ? network
            : throw new OptionsValidationException("Okno:Health:Networks", typeof(HealthOptions),
                [$"Okno:Health:Networks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8 or 2001:db8::/32)."])).ToList();
    }

    public async Task<Caller> CheckAsync(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is { } address && _networks.Count > 0)
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            if (_networks.Any(n => n.Contains(address))) return Caller.Trusted;
        }
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Hashes of equal length, compared in constant time: the time taken says nothing about the token.
            if (_tokenHash is not null && CryptographicOperations.FixedTimeEquals(_tokenHash,
                    SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim())))) return Caller.Trusted;
            // /health is not under /api, so the default scheme is the cookie: an agent's API token is checked here.
            var bearer = await http.AuthenticateAsync(BearerTokenHandler.SchemeName);
            if (bearer.Succeeded) return Of(bearer.Principal);
        }
        return http.User.Identity?.IsAuthenticated == true ? Of(http.User) : Caller.Anonymous;
    }

    private static Caller Of(System.Security.Claims.ClaimsPrincipal user) =>
        CurrentAgent.From(user).IsAdmin ? Caller.Trusted : Caller.SignedInNotAdmin;
}
