using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>A Blazor circuit keeps the principal it started with for as long as the tab stays open, without another
/// request for the cookie check to see. This re-reads the agent every half minute: a deactivated agent, or one whose
/// role or groups changed, loses the circuit's identity, the router sends the tab to the sign-in page, and the cookie
/// check there signs them back in with fresh rights (or not at all).</summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggers, IDbContextFactory<OknoDb> dbs, IAgentAccounts accounts)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        StillValidAsync(state.User, cancellationToken);

    internal async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        var signedIn = CurrentAgent.From(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var now = await accounts.ActiveAsync(db, signedIn.Id, cancellationToken);
        return now is not null && now.Role == signedIn.Role && now.GroupIds.Order().SequenceEqual(signedIn.GroupIds.Order());
    }
}
