using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Customers.Requisites;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Portal;

/// <summary>The signed-in portal user as a request sees it: the contact, the companies they belong to and those they
/// manage (whose every ticket they see). Companies and roles are re-read from the database on every request
/// (<see cref="PortalAuth.RefreshAsync"/>), so a membership removed by an agent applies at once.</summary>
public sealed record PortalUser(long ContactId, string Name, string SessionId, IReadOnlyList<long> CompanyIds, IReadOnlyList<long> ManagedCompanyIds)
{
    public bool IsManager => ManagedCompanyIds.Count > 0;

    public static ValueTask<PortalUser?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static PortalUser? From(ClaimsPrincipal user)
    {
        if (user.Identity?.AuthenticationType != SecurityModule.PortalScheme) return null;
        if (!long.TryParse(user.FindFirstValue(PortalAuth.ContactClaim), CultureInfo.InvariantCulture, out var id)) return null;
        return new PortalUser(id, user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(PortalAuth.SessionClaim) ?? "",
            Ids(user, PortalAuth.CompanyClaim), Ids(user, PortalAuth.ManagesClaim));
    }

    private static List<long> Ids(ClaimsPrincipal user, string type) =>
        user.FindAll(type).Select(c => long.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();
}

/// <summary>The portal's cookie scheme: its own cookie (<c>okno.portal</c>, path <c>/portal</c>), its own claims, a
/// server-side session checked on every request. The scheme selector in <see cref="SecurityModule"/> uses it for
/// /portal paths only, so the agents' cookie never opens a portal page and this cookie never opens an agent page or the
/// API.</summary>
public static class PortalAuth
{
    public const string Policy = "Portal";
    public const string ContactClaim = "okno:portal-contact";
    public const string SessionClaim = "okno:portal-sid";
    public const string CompanyClaim = "okno:portal-company";
    public const string ManagesClaim = "okno:portal-manages";
    public const string CookieName = "okno.portal";

    public static void AddPortalAuth(IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(SecurityModule.PortalScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = "/portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/portal/signin";
            o.AccessDeniedPath = "/portal/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = RefreshAsync;
            o.Events.OnRedirectToLogin = context =>
            {
                // JSON answers (the live updates) say 401 instead of sending a script to the sign-in page.
                if (context.Request.Path.StartsWithSegments("/portal/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(SecurityModule.PortalScheme)
            .RequireAuthenticatedUser().RequireClaim(ContactClaim));
    }

    /// <summary>Every request: the session must be open and the contact's access not revoked; the companies and the
    /// manager flag are read afresh (one small query each), so they are never older than the request.</summary>
    internal static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var sessionId = context.Principal?.FindFirstValue(SessionClaim);
        var contactId = long.TryParse(context.Principal?.FindFirstValue(ContactClaim), CultureInfo.InvariantCulture, out var id) ? id : 0;
        var dbs = services.GetRequiredService<IDbContextFactory<OknoDb>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var principal = sessionId is null ? null
            : await services.GetRequiredService<PortalSessions>().PrincipalAsync(db, sessionId, contactId, ct);
        if (principal is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SecurityModule.PortalScheme);
            return;
        }
        context.ReplacePrincipal(principal);
    }

    public static ClaimsPrincipal PrincipalOf(long contactId, string name, string sessionId, IEnumerable<ContactCompany> memberships)
    {
        var claims = new List<Claim>
        {
            new(ContactClaim, contactId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, name),
            new(SessionClaim, sessionId),
        };
        foreach (var m in memberships)
        {
            claims.Add(new Claim(CompanyClaim, m.CompanyId.ToString(CultureInfo.InvariantCulture)));
            if (m.Role == ContactCompanyRole.Manager) claims.Add(new Claim(ManagesClaim, m.CompanyId.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SecurityModule.PortalScheme));
    }
}
