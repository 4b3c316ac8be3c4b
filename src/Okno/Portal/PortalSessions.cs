using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Portal;

/// <summary>Server-side sessions of the portal (<see cref="PortalSession"/>): started at sign-in, checked on every
/// request, revoked at sign-out and all at once when an agent revokes the contact's access.</summary>
public sealed class PortalSessions(TimeProvider clock)
{
    public async Task<string> StartAsync(OknoDb db, long contactId, string? userAgent, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new PortalSession
        {
            Id = TokenCodec.NewToken()[5..], ContactId = contactId, CreatedAt = now, LastSeenAt = now,
            UserAgent = Clip(userAgent, PortalSession.UserAgentMaxLength), IpAddress = Clip(address, PortalSession.AddressMaxLength),
        };
        db.PortalSessions.Add(session);
        await db.PortalAccounts.Where(a => a.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>The principal of an open session of a contact who still has access and still belongs to a company, with
    /// the companies read now; null otherwise. Notes the last use at most once a minute.</summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(OknoDb db, string sessionId, long contactId, CancellationToken cancellationToken)
    {
        var lastSeen = await db.PortalSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.ContactId == contactId && s.RevokedAt == null)
            .Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(cancellationToken);
        if (lastSeen is null) return null;
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId && db.Set<PortalAccount>().Any(a => a.ContactId == c.Id && a.RevokedAt == null))
            .Select(c => new { c.Name, Memberships = c.Memberships.ToList() }).SingleOrDefaultAsync(cancellationToken);
        if (contact is null || contact.Memberships.Count == 0) return null;
        var now = clock.GetUtcNow();
        if (lastSeen < now.AddMinutes(-1))
            await db.PortalSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        return PortalAuth.PrincipalOf(contactId, contact.Name, sessionId, contact.Memberships);
    }

    public async Task RevokeAsync(OknoDb db, string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.PortalSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }

    /// <summary>Ends every session of the contact and voids their unused links (access revoked, password set).</summary>
    public async Task RevokeAllAsync(OknoDb db, long contactId, string? keptSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.PortalSessions.Where(s => s.ContactId == contactId && s.RevokedAt == null && s.Id != keptSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
