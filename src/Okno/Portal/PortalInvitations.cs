using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Portal;

public static class PortalErrorCodes
{
    /// <summary>The contact has no email address to send the invitation to.</summary>
    public const string NoEmail = "portal.no_email";
    /// <summary>The contact belongs to no company: the portal is for clients' staff.</summary>
    public const string NoCompany = "portal.no_company";
    /// <summary>No enabled mailbox or no public address of the desk (Okno:Notifications:BaseUrl): the link cannot be sent.</summary>
    public const string MailUnavailable = "portal.mail_unavailable";
}

/// <summary>A contact's portal access as agents see it (<c>GET /api/v1/contacts/{id}/portal</c>).</summary>
public sealed record PortalAccessView(long ContactId, bool HasAccess, bool HasPassword, DateTimeOffset? InvitedAt, DateTimeOffset? LastSignInAt,
    DateTimeOffset? RevokedAt);

/// <summary>Agents invite a contact to the portal (access granted, a set-password link mailed) and revoke it (every
/// session and link ends at once).</summary>
public sealed class PortalInvitations(OknoDb db, PortalMail mail, PortalSessions sessions, TimeProvider clock)
{
    public async Task<PortalAccessView> GetAsync(long contactId, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
            throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
        var account = await db.PortalAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.ContactId == contactId, ct);
        return account is null ? new PortalAccessView(contactId, false, false, null, null, null)
            : new PortalAccessView(contactId, account.RevokedAt is null, account.PasswordHash is not null, account.InvitedAt, account.LastSignInAt, account.RevokedAt);
    }

    public async Task<PortalAccessView> InviteAsync(long contactId, long agentId, string language, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { Email = c.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(), InCompany = c.Memberships.Any() })
            .SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
        if (contact.Email is null)
            throw new OknoException(InvalidInput.Field("contact", PortalErrorCodes.NoEmail, "The contact has no email address to invite."));
        if (!contact.InCompany)
            throw new OknoException(InvalidInput.Field("contact", PortalErrorCodes.NoCompany, "The contact belongs to no company; the portal is for clients' staff."));
        var now = clock.GetUtcNow();
        await db.WriteAsync(async c =>
        {
            var account = await db.PortalAccounts.SingleOrDefaultAsync(a => a.ContactId == contactId, c);
            if (account is null) db.PortalAccounts.Add(account = new PortalAccount { ContactId = contactId });
            account.RevokedAt = null;
            account.InvitedAt = now;
            account.InvitedById = agentId;
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        if (!await mail.SendAsync(contactId, contact.Email, PortalTokenPurpose.SetPassword, language, ct))
            throw new OknoException(InvalidInput.Field("contact", PortalErrorCodes.MailUnavailable,
                "Access is granted, but no link could be mailed: add an enabled mailbox and set Okno:Notifications:BaseUrl."));
        return await GetAsync(contactId, ct);
    }

    public async Task<PortalAccessView> RevokeAsync(long contactId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.WriteAsync(async c =>
        {
            await db.PortalAccounts.Where(a => a.ContactId == contactId && a.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.RevokedAt, now), c);
            await db.PortalTokens.Where(t => t.ContactId == contactId && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), c);
            await sessions.RevokeAllAsync(db, contactId, null, c);
            return 0;
        }, ct);
        return await GetAsync(contactId, ct);
    }
}
