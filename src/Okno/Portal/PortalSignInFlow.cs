using Microsoft.AspNetCore.Authentication;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Portal;

/// <summary>The end of every portal sign-in (password, link, new password): a server-side session and the portal cookie.</summary>
public static class PortalSignInFlow
{
    public static async Task<bool> SignInAsync(HttpContext http, OknoDb db, PortalSessions sessions, long contactId, CancellationToken ct)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        var sessionId = await sessions.StartAsync(db, contactId, http.Request.Headers.UserAgent.ToString(), address, ct);
        var principal = await sessions.PrincipalAsync(db, sessionId, contactId, ct);
        if (principal is null) return false;
        await http.SignInAsync(SecurityModule.PortalScheme, principal);
        return true;
    }

    /// <summary>Where to go after signing in: a portal address given, else the ticket list.</summary>
    public static string Back(string? returnUrl)
    {
        var url = LocalUrl.OrHome(returnUrl);
        return url.StartsWith("/portal/", StringComparison.Ordinal) && !url.StartsWith("/portal/signin", StringComparison.Ordinal) ? url : "/portal/tickets";
    }
}
