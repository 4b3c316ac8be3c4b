using System.Net;
using System.Text;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Channels;
using Okno.Customers;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Portal;

public enum PortalSignInOutcome { SignedIn, Failed, Busy }

/// <summary>Who may use the portal: a contact with an email address, an access granted by an agent and not revoked, and
/// membership of at least one company.</summary>
internal static class PortalEligibility
{
    public static IQueryable<long> EligibleByEmail(OknoDb db, string normalizedEmail) =>
        db.ContactEmails.Where(e => e.Address == normalizedEmail).Select(e => e.ContactId)
            .Where(id => db.Set<PortalAccount>().Any(a => a.ContactId == id && a.RevokedAt == null)
                && db.Set<Customers.Requisites.ContactCompany>().Any(m => m.ContactId == id));

    public static Task<bool> IsEligibleAsync(OknoDb db, long contactId, CancellationToken ct) =>
        db.PortalAccounts.AnyAsync(a => a.ContactId == contactId && a.RevokedAt == null
            && db.Set<Customers.Requisites.ContactCompany>().Any(m => m.ContactId == contactId), ct);
}

/// <summary>Per typed email address limits of sign-in submissions (per client address the ASP.NET Core rate limiter
/// counts, <see cref="PortalModule"/>). In this node's memory, like the help center's limits: abuse limits, not quotas.</summary>
public sealed class PortalSignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perEmail;

    public PortalSignInLimits(IOptions<PortalOptions> options)
    {
        var permits = options.Value.SignInPerEmailPerHour;
        _perEmail = permits <= 0 ? PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetNoLimiter("all"))
            : PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetTokenBucketLimiter(email, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) / permits, QueueLimit = 0, AutoReplenishment = true,
            }));
    }

    /// <summary>Null when allowed (and counted); else how long to wait.</summary>
    public TimeSpan? TryAcquire(string email)
    {
        using var lease = _perEmail.AttemptAcquire(ContactEmail.Normalize(email));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _perEmail.Dispose();
}

/// <summary>Sign-in link requests waiting to be looked up and mailed. The page answers at once, the same for every
/// address, and the look-up happens here afterwards: an unknown address, a known one and one without portal access then
/// take the same time to answer (no account enumeration by timing). Lost on a restart, which only costs a user asking
/// again; what is mailed goes through the durable delivery queue.</summary>
public sealed class PortalLinkRequests
{
    private readonly Channel<(string Email, string Language)> _queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string email, string language) => _queue.Writer.TryWrite((ContactEmail.Normalize(email), language));

    internal ChannelReader<(string Email, string Language)> Reader => _queue.Reader;
}

internal sealed class PortalLinkWorker(PortalLinkRequests requests, IServiceScopeFactory scopes, ILogger<PortalLinkWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (email, language) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                var contactId = await PortalEligibility.EligibleByEmail(db, email).Select(id => (long?)id).FirstOrDefaultAsync(stoppingToken);
                if (contactId is null) continue;
                await scope.ServiceProvider.GetRequiredService<PortalMail>().SendAsync(contactId.Value, email, PortalTokenPurpose.SignIn, language, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending a portal sign-in link failed");
            }
        }
    }
}

/// <summary>Makes one-time links (sign-in: minutes; set-password: days) and mails them through the one delivery queue
/// (<see cref="NotificationMail"/>), in one transaction with the token row.</summary>
public sealed class PortalMail(OknoDb db, NotificationMail mail, IOptions<PortalOptions> options, IOptions<NotificationsOptions> notifications,
    TimeProvider clock, ILogger<PortalMail> logger)
{
    /// <summary>False when nothing could be sent (no mailbox, no public address of the desk).</summary>
    public async Task<bool> SendAsync(long contactId, string address, PortalTokenPurpose purpose, string language, CancellationToken ct)
    {
        var baseUrl = notifications.Value.BaseUrl;
        var mailbox = await mail.DefaultMailboxAsync(ct);
        if (mailbox is null || string.IsNullOrWhiteSpace(baseUrl))
        {
            logger.LogWarning("A portal link was not sent: {Reason}", mailbox is null ? "no enabled mailbox" : "Okno:Notifications:BaseUrl is not set");
            return false;
        }
        var token = TokenCodec.NewToken();
        var now = clock.GetUtcNow();
        var expires = purpose == PortalTokenPurpose.SignIn ? now.AddMinutes(options.Value.LinkMinutes) : now.AddDays(options.Value.InvitationDays);
        var url = purpose == PortalTokenPurpose.SignIn ? $"{baseUrl.TrimEnd('/')}/portal/signin/link?token={token}"
            : $"{baseUrl.TrimEnd('/')}/portal/password?token={token}";
        var (subject, intro) = purpose == PortalTokenPurpose.SignIn
            ? (PortalStrings.Get("LinkMailSubject", language), PortalStrings.Format("LinkMailText", language, options.Value.LinkMinutes))
            : (PortalStrings.Get("InviteMailSubject", language), PortalStrings.Format("InviteMailText", language, options.Value.InvitationDays));
        var text = intro + "\n\n" + url + "\n\n" + PortalStrings.Get("MailIgnore", language);
        var html = new StringBuilder()
            .Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>")
            .Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(PortalStrings.Get(
                purpose == PortalTokenPurpose.SignIn ? "SignInButton" : "SetPasswordButton", language))).Append("</a></p>")
            .Append("<p>").Append(WebUtility.HtmlEncode(PortalStrings.Get("MailIgnore", language))).Append("</p>").ToString();
        var hash = TokenCodec.Hash(token);
        await db.WriteAsync(async c =>
        {
            db.PortalTokens.Add(new PortalToken { ContactId = contactId, Purpose = purpose, TokenHash = hash, CreatedAt = now, ExpiresAt = expires });
            var delivery = ChannelDelivery.Notification(mailbox.Value, 0, address, subject, text, html, "portal:" + hash[..32], now);
            // A mail about no ticket.
            delivery.TicketId = null;
            await mail.QueueAsync(delivery, c);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        mail.Wake();
        return true;
    }
}

/// <summary>Checks a portal user's password or one-time link. Passwords are hashed as agents' are; an unknown address,
/// a contact without access and a wrong password all cost the same hash work and get the same answer.</summary>
public sealed class PortalSignIn(OknoDb db, IPasswordHasher<PortalAccount> hasher, PasswordChecks checks, PortalSessions sessions, TimeProvider clock)
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 200;
    private static readonly string DecoyHash = new PasswordHasher<PortalAccount>().HashPassword(new PortalAccount(), Guid.NewGuid().ToString());

    public async Task<(PortalSignInOutcome Outcome, long ContactId)> PasswordAsync(string email, string password, CancellationToken ct)
    {
        if (checks.IsFull) return (PortalSignInOutcome.Busy, 0);
        var normalized = ContactEmail.Normalize(email);
        var account = await db.PortalAccounts.AsNoTracking()
            .Where(a => PortalEligibility.EligibleByEmail(db, normalized).Contains(a.ContactId) && a.PasswordHash != null)
            .Select(a => new { a.ContactId, a.PasswordHash }).FirstOrDefaultAsync(ct);
        var (ran, result) = await checks.TryRunAsync(() => account is null
            ? Decoy(password)
            : hasher.VerifyHashedPassword(new PortalAccount(), account.PasswordHash!, password), ct);
        if (!ran) return (PortalSignInOutcome.Busy, 0);
        if (account is null || result == PasswordVerificationResult.Failed) return (PortalSignInOutcome.Failed, 0);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await db.PortalAccounts.Where(a => a.ContactId == account.ContactId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, hasher.HashPassword(new PortalAccount(), password)), ct);
        return (PortalSignInOutcome.SignedIn, account.ContactId);
    }

    private PasswordVerificationResult Decoy(string password)
    {
        hasher.VerifyHashedPassword(new PortalAccount(), DecoyHash, password);
        return PasswordVerificationResult.Failed;
    }

    /// <summary>Whether a token looks like one of ours (cheap check before any database read).</summary>
    public static bool LooksValid(string? token) => token is { Length: > 20 and < 100 } && token.StartsWith("okno_", StringComparison.Ordinal);

    /// <summary>Uses a one-time link: the contact when it is unused, unexpired, of this purpose and the contact still has
    /// access; it is spent by a conditional update, so of two uses at once one wins.</summary>
    public async Task<long?> UseTokenAsync(string? token, PortalTokenPurpose purpose, CancellationToken ct)
    {
        if (!LooksValid(token)) return null;
        var hash = TokenCodec.Hash(token!);
        var now = clock.GetUtcNow();
        var row = await db.PortalTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.ContactId }).SingleOrDefaultAsync(ct);
        if (row is null || !await PortalEligibility.IsEligibleAsync(db, row.ContactId, ct)) return null;
        var spent = await db.PortalTokens.Where(t => t.Id == row.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return spent == 1 ? row.ContactId : null;
    }

    /// <summary>Whether a set-password link would work (the page shows the form only then); spends nothing.</summary>
    public async Task<bool> TokenWorksAsync(string? token, PortalTokenPurpose purpose, CancellationToken ct)
    {
        if (!LooksValid(token)) return false;
        var hash = TokenCodec.Hash(token!);
        var now = clock.GetUtcNow();
        return await db.PortalTokens.AnyAsync(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now, ct);
    }

    public static string? PasswordError(string? password, string? repeat) =>
        string.IsNullOrEmpty(password) || password.Length < PasswordMinLength ? "PasswordTooShort"
        : password.Length > PasswordMaxLength ? "PasswordTooLong"
        : password != repeat ? "PasswordsDiffer" : null;

    /// <summary>Spends a set-password link and stores the new password (every other session of the contact ends).</summary>
    public async Task<long?> SetPasswordAsync(string? token, string password, CancellationToken ct)
    {
        var contactId = await UseTokenAsync(token, PortalTokenPurpose.SetPassword, ct);
        if (contactId is not { } id) return null;
        var (ran, hash) = await checks.TryRunAsync(() => hasher.HashPassword(new PortalAccount(), password), ct);
        if (!ran) hash = hasher.HashPassword(new PortalAccount(), password);
        await db.PortalAccounts.Where(a => a.ContactId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, hash), ct);
        await sessions.RevokeAllAsync(db, id, null, ct);
        return id;
    }
}
