using Microsoft.AspNetCore.Authentication.Cookies;
using Okno.Platform.Security;

namespace Okno.Routing.Distribution;

/// <summary>Signing out makes the agent offline at once instead of after <see cref="DistributionOptions.OfflineAfterSeconds"/>
/// of silence, so distribution stops giving them tickets right away. Hooked into the cookie's sign-out event from here,
/// so the sign-out endpoint (Admin) and the cookie setup (Platform) need not know of distribution.</summary>
internal static class PresenceOnSignOut
{
    public static IServiceCollection AddPresenceOnSignOut(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(SecurityModule.CookieScheme, o =>
        {
            var before = o.Events.OnSigningOut;
            o.Events.OnSigningOut = async context =>
            {
                await before(context);
                // Only an agent's own sign-out: a cookie refused while being read (a revoked session) has no signed-in user yet.
                var user = context.HttpContext.User;
                if (user.Identity?.IsAuthenticated != true) return;
                // Not the request's token: the sign-out closes the agent's open tabs, and the browser may drop this very
                // request while it leaves the page; one short delete must still happen.
                await context.HttpContext.RequestServices.GetRequiredService<AgentPresences>()
                    .LeaveAsync(CurrentAgent.From(user).Id, CancellationToken.None);
            };
        });
}
