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
    private const string PickScheme = "Okno";
    private const string CheckedAtClaim = "okno:checked";
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddOknoAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(PickScheme)
            .AddPolicyScheme(PickScheme, "Bearer for /api, cookie for pages", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? BearerTokenHandler.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "okno.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RefreshAsync;
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>The cookie carries role and groups; they are re-read every half minute so that a deactivated agent
    /// is out and a changed role or group applies without signing in again.</summary>
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var checkedAt = long.TryParse(context.Principal?.FindFirstValue(CheckedAtClaim), out var ticks) ? ticks : 0;
        if (now.UtcTicks - checkedAt < RecheckEvery.Ticks) return;

        var id = CurrentAgent.From(context.Principal!).Id;
        var dbs = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<OknoDb>>();
        await using var db = await dbs.CreateDbContextAsync(context.HttpContext.RequestAborted);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IAgentAccounts>();
        var fresh = await accounts.ActiveAsync(db, id, context.HttpContext.RequestAborted);
        if (fresh is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        context.ReplacePrincipal(PrincipalOf(fresh, now));
        context.ShouldRenew = true;
    }

    public static ClaimsPrincipal PrincipalOf(CurrentAgent agent, DateTimeOffset checkedAt)
    {
        var identity = agent.ToIdentity(CookieScheme);
        identity.AddClaim(new Claim(CheckedAtClaim, checkedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
    }
}
