using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>A Blazor circuit keeps the principal it started with for as long as the tab stays open, without another
/// request for the cookie check to see. Two things end it: a revocation of one of the agent's sessions (sign-out,
/// password change, deactivation — announced at once on every node by <see cref="SessionRevocations"/>), after which
/// the circuit re-checks its own session at once; and the periodic check every half minute of the session, the agent's
/// role and groups. Either way the router sends the tab to the sign-in page, and the cookie check there signs them back
/// in with fresh rights (or not at all).</summary>
internal sealed class CircuitRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly IDbContextFactory<OknoDb> _dbs;
    private readonly IAgentAccounts _accounts;
    private readonly AgentSessions _sessions;
    private readonly IDisposable _subscription;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private int _disposed;

    public CircuitRevalidation(ILoggerFactory loggers, IDbContextFactory<OknoDb> dbs, IAgentAccounts accounts, AgentSessions sessions,
        SessionRevocations revocations) : base(loggers)
    {
        _dbs = dbs;
        _accounts = accounts;
        _sessions = sessions;
        AuthenticationStateChanged += async task =>
        {
            try { _user = (await task).User; }
            catch (Exception) { _user = new ClaimsPrincipal(new ClaimsIdentity()); }
        };
        _subscription = revocations.Subscribe(OnRevoked);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        StillValidAsync(state.User, cancellationToken);

    internal async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        var signedIn = CurrentAgent.From(user);
        await using var db = await _dbs.CreateDbContextAsync(cancellationToken);
        if (user.FindFirstValue(AgentSessions.Claim) is not { } sessionId || !await _sessions.IsLiveAsync(db, sessionId, signedIn.Id, cancellationToken))
            return false;
        var now = await _accounts.ActiveAsync(db, signedIn.Id, cancellationToken);
        return now is not null && now.Role == signedIn.Role && now.GroupIds.Order().SequenceEqual(signedIn.GroupIds.Order());
    }

    private void OnRevoked(long agentId)
    {
        var user = _user;
        if (Volatile.Read(ref _disposed) == 1 || user.Identity?.IsAuthenticated != true || CurrentAgent.From(user).Id != agentId) return;
        _ = RecheckAsync(user);
    }

    private async Task RecheckAsync(ClaimsPrincipal user)
    {
        try
        {
            if (await StillValidAsync(user, CancellationToken.None) || Volatile.Read(ref _disposed) == 1) return;
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception)
        {
            // The periodic check tries again within half a minute.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0) _subscription.Dispose();
        base.Dispose(disposing);
    }
}
