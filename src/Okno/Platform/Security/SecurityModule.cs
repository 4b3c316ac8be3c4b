using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>Two ways in: the REST API takes bearer tokens only, the agent UI a cookie only. One policy scheme
/// picks by path, so a browser's cookie never authorizes an API call and a token never opens a page.</summary>
public static class SecurityModule
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    /// <summary>The customer portal's own cookie (registered by the Portal section): the one scheme of /portal paths.</summary>
    public const string PortalScheme = "Portal";
    private const string PickScheme = "Okno";
    private const string CheckedAtClaim = "okno:checked";
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddOknoAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(PickScheme)
            .AddPolicyScheme(PickScheme, "Bearer for /api, the portal's cookie for /portal, the agents' cookie for pages", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? BearerTokenHandler.SchemeName
                : http.Request.Path.StartsWithSegments("/portal") ? PortalScheme : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "okno.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/no-access";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RefreshAsync;
            });
        services.AddAuthorization();
        services.AddSingleton<PasswordChecks>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<AgentSessions>();
        return services;
    }

    /// <summary>Every request: the cookie's server-side session must still be open (sign-out, a password change or a
    /// deactivation revoke it; a copied cookie dies with it). The cookie also carries role and groups; they are
    /// re-read every half minute so that a changed role or group applies without signing in again.</summary>
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var sessionId = context.Principal?.FindFirstValue(AgentSessions.Claim);
        var id = CurrentAgent.From(context.Principal!).Id;
        var dbs = services.GetRequiredService<IDbContextFactory<OknoDb>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (sessionId is null || !await services.GetRequiredService<AgentSessions>().IsLiveAsync(db, sessionId, id, ct))
        {
            await RejectAsync(context);
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var checkedAt = long.TryParse(context.Principal?.FindFirstValue(CheckedAtClaim), out var ticks) ? ticks : 0;
        if (now.UtcTicks - checkedAt < RecheckEvery.Ticks) return;
        var fresh = await services.GetRequiredService<IAgentAccounts>().ActiveAsync(db, id, ct);
        if (fresh is null)
        {
            await RejectAsync(context);
            return;
        }
        context.ReplacePrincipal(PrincipalOf(fresh, now, sessionId));
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieScheme);
    }

    public static ClaimsPrincipal PrincipalOf(CurrentAgent agent, DateTimeOffset checkedAt, string sessionId)
    {
        var identity = agent.ToIdentity(CookieScheme);
        identity.AddClaim(new Claim(CheckedAtClaim, checkedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AgentSessions.Claim, sessionId));
        return new ClaimsPrincipal(identity);
    }
}
