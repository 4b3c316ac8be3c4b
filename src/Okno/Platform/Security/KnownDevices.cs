using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Okno.Platform.Security;

/// <summary>A browser where an agent signed in successfully gets a signed, encrypted "known device" cookie (a random
/// device id and the agents who signed in on it). Sign-in throttling counts that device's failures apart from everyone
/// else's, so an attacker guessing the agent's password from elsewhere cannot keep the owner out of their own
/// browser. The keys are the data-protection keys every node shares (as for the auth cookie).</summary>
public sealed class KnownDevices(IDataProtectionProvider protection, IOptions<OknoOptions> options, TimeProvider clock)
{
    public const string CookieName = "okno.device";
    private const int MaxAgents = 10;
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Okno.KnownDevice.v1").ToTimeLimitedDataProtector();

    /// <summary>This browser's device id if <paramref name="agentId"/> signed in on it before; otherwise null.</summary>
    public string? DeviceOf(HttpRequest request, long agentId) =>
        Read(request) is { } device && device.Agents.Contains(agentId) ? device.Id : null;

    /// <summary>Adds the agent to this browser's device cookie (made at the first successful sign-in).</summary>
    public void Remember(HttpContext http, long agentId)
    {
        var device = Read(http.Request) ?? new Device(TokenCodec.NewToken()[5..], []);
        var agents = device.Agents.Where(a => a != agentId).Prepend(agentId).Take(MaxAgents).ToList();
        var lifetime = TimeSpan.FromDays(Math.Max(1, options.Value.SignIn.KnownDeviceDays));
        var payload = device.Id + "|" + string.Join(",", agents.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload, clock.GetUtcNow().Add(lifetime)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = lifetime, IsEssential = true,
        });
    }

    private Device? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 2000) return null;
        try
        {
            var parts = _protector.Unprotect(value, out var expires).Split('|');
            if (expires < clock.GetUtcNow() || parts.Length != 2) return null;
            var agents = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToList();
            return new Device(parts[0], agents);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private sealed record Device(string Id, IReadOnlyList<long> Agents);
}
