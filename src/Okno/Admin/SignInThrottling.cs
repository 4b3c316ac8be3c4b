using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Data;

namespace Okno.Admin;

/// <summary>Counts failed sign-ins per key (<see cref="SignInThrottle"/>) in the database, so that the count is exact
/// under a concurrent burst and shared by every node: each failure is one atomic upsert that returns the new count
/// (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same statement on SQLite and PostgreSQL). The database rather than
/// Redis because it is always there (a single node has no Redis), and a sign-in already reads it.</summary>
public sealed class SignInThrottling(OknoDb db, TimeProvider clock, IOptions<OknoOptions> options)
{
    private SignInOptions Settings => options.Value.SignIn;

    /// <summary>The stored key of what is counted (its parts joined): a SHA-256, so no email or address is kept.</summary>
    public static string Key(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    /// <summary>How long the longest block among <paramref name="keys"/> still lasts; null when none is blocked.</summary>
    public async Task<TimeSpan?> BlockedForAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = await db.SignInThrottles.AsNoTracking().Where(t => keys.Contains(t.Key) && t.BlockedUntil > now)
            .Select(t => (long?)t.BlockedUntil).MaxAsync(cancellationToken);
        return until is { } u ? TimeSpan.FromMilliseconds(u - now) : null;
    }

    /// <summary>Counts one failure under <paramref name="key"/> and, from the <paramref name="delayFrom"/>-th failure on,
    /// blocks the key for 1 s, 2 s, 4 s … (capped). Returns the new count.</summary>
    public async Task<int> FailAsync(string key, int delayFrom, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var forgetBefore = now - (long)TimeSpan.FromMinutes(Settings.ForgetAfterMinutes).TotalMilliseconds;
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInThrottles" ("Key", "Failures", "LastFailureAt", "BlockedUntil") VALUES ({key}, 1, {now}, 0)
            ON CONFLICT ("Key") DO UPDATE SET
                "Failures" = CASE WHEN "SignInThrottles"."LastFailureAt" < {forgetBefore} THEN 1 ELSE "SignInThrottles"."Failures" + 1 END,
                "LastFailureAt" = {now}
            RETURNING "Failures" AS "Value"
            """).ToListAsync(cancellationToken);
        var failures = counted[0];
        if (Delay(failures, delayFrom) is { } delay)
        {
            var until = now + (long)delay.TotalMilliseconds;
            // Only the failure that is still the latest sets the block, so a slower, earlier one cannot shorten it.
            await db.SignInThrottles.Where(t => t.Key == key && t.Failures == failures && t.BlockedUntil < until)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until), cancellationToken);
        }
        return failures;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure: none before <paramref name="delayFrom"/>, then
    /// 1 s doubling each time, at most MaxDelaySeconds.</summary>
    public TimeSpan? Delay(int failures, int delayFrom)
    {
        if (failures < delayFrom || delayFrom <= 0) return null;
        var seconds = Math.Min(Math.Pow(2, Math.Min(failures - delayFrom, 30)), Math.Max(1, Settings.MaxDelaySeconds));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>After a successful sign-in: the key starts from zero; counts nobody has added to for the forget window
    /// are removed on the way.</summary>
    public async Task ResetAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var forgetBefore = now - (long)TimeSpan.FromMinutes(Settings.ForgetAfterMinutes).TotalMilliseconds;
        await db.SignInThrottles.Where(t => t.Key == key || (t.LastFailureAt < forgetBefore && t.BlockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    public Task<int> FailuresAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.Key == key).Select(t => t.Failures).SingleOrDefaultAsync(cancellationToken);
}
