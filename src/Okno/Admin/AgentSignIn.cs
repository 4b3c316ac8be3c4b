using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Admin;

public enum SignInOutcome { SignedIn, Failed, Throttled, Busy }

/// <summary>The answer of a sign-in: the agent, or why not (and for 429 answers, how many seconds to wait).</summary>
public sealed record SignInResult(SignInOutcome Outcome, Agent? Agent = null, int RetryAfterSeconds = 0);

/// <summary>Checks an email and password, throttled instead of locked (the owner is never locked out by an attacker):
/// failures are counted per account and address (or known device), per account, and per address, each with its own
/// free allowance and then doubling waits (<see cref="SignInOptions"/>). A known device (<see cref="KnownDevices"/>) or
/// an address the agent signed in from before is not held back by the account's count, so guesses from elsewhere
/// cannot keep the owner out; a known device is not held back by its address's count either. A blocked attempt is
/// refused before the password hash is computed. The answer never tells whether the account exists: counts are kept
/// by email, and an unknown email costs the same hash work as a wrong password.</summary>
public sealed class AgentSignIn(OknoDb db, IPasswordHasher<Agent> hasher, IOptions<OknoOptions> options, Audit audit,
    SignInThrottling throttling, PasswordChecks checks, KnownDevices devices, AgentSessions sessions)
{
    // A real hash of a random password, so unknown emails take as long as known ones.
    private static readonly string DecoyHash = new PasswordHasher<Agent>().HashPassword(new Agent(), Guid.NewGuid().ToString());

    public async Task<SignInResult> VerifyAsync(string email, string password, HttpContext http, CancellationToken cancellationToken)
    {
        // A flood already fills every password check: refuse before spending even a database read on it.
        if (checks.IsFull) return new SignInResult(SignInOutcome.Busy, RetryAfterSeconds: 1);
        var settings = options.Value.SignIn;
        var normalized = email.Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Email == normalized && a.IsActive, cancellationToken);

        var device = agent is null ? null : devices.DeviceOf(http.Request, agent.Id);
        var knownAddress = agent is not null && device is null && await sessions.KnownAddressAsync(db, agent.Id, address, cancellationToken);
        var counts = new List<(string Key, int DelayFrom)>
        {
            device is null
                ? (SignInThrottling.Key("pair", normalized, address), settings.PairFreeFailures)
                : (SignInThrottling.Key("device", normalized, device), settings.PairFreeFailures),
        };
        if (device is null && !knownAddress) counts.Add((SignInThrottling.Key("account", normalized), settings.AccountFreeFailures));
        if (device is null) counts.Add((SignInThrottling.Key("address", address), settings.AddressFreeFailures));

        if (await throttling.BlockedForAsync(counts.Select(c => c.Key).ToList(), cancellationToken) is { } wait)
            return new SignInResult(SignInOutcome.Throttled, RetryAfterSeconds: Seconds(wait));

        var (ran, result) = await checks.TryRunAsync(
            () =>
            {
                if (agent is not null) return hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
                hasher.VerifyHashedPassword(new Agent(), DecoyHash, password);
                return PasswordVerificationResult.Failed;
            },
            cancellationToken);
        if (!ran) return new SignInResult(SignInOutcome.Busy, RetryAfterSeconds: 1);

        if (result == PasswordVerificationResult.Failed)
        {
            // Counted whatever the request does next: a client that gives up must not get a free guess.
            foreach (var (key, delayFrom) in counts) await throttling.FailAsync(key, delayFrom, CancellationToken.None);
            if (agent is not null)
            {
                audit.Add(agent.Id, "sign_in.failed", $"agent:{agent.Id}", device is null ? null : "known device", address);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            return new SignInResult(SignInOutcome.Failed);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent!.PasswordHash = hasher.HashPassword(agent, password);
            await db.SaveChangesAsync(cancellationToken);
        }
        await throttling.ResetAsync(counts[0].Key, cancellationToken);
        return new SignInResult(SignInOutcome.SignedIn, agent);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
