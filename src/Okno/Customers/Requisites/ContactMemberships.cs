using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.Requisites;

/// <summary>A contact's membership as the API and the pages show it; <see cref="Primary"/> marks the company new tickets
/// take (<see cref="Contact.CompanyId"/>).</summary>
public sealed record MembershipView(long ContactId, string ContactName, long CompanyId, string CompanyName, ContactCompanyRole Role,
    string? Position, bool Primary);

/// <summary><see cref="Role"/> left out is <see cref="ContactCompanyRole.Member"/> for a new membership and keeps an
/// existing one's; <see cref="Primary"/> true makes the company the contact's primary one.</summary>
public sealed record MembershipRequest(ContactCompanyRole? Role = null, string? Position = null, bool? Primary = null);

/// <summary>Adds, changes and removes a contact's memberships of companies, keeping <see cref="Contact.CompanyId"/> one
/// of them: removing the primary company's membership clears it (the contact's earlier tickets keep their company).</summary>
public sealed class ContactMemberships(OknoDb db)
{
    public const int MaxListed = 200;

    public async Task<IReadOnlyList<MembershipView>> OfContactAsync(long contactId, CancellationToken cancellationToken)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
            throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
        // A person works for a handful of companies: bounded, not paged.
        return await Project(db.ContactCompanies.Where(m => m.ContactId == contactId).OrderBy(m => m.Company!.Name).ThenBy(m => m.CompanyId)
            .Take(MaxListed)).ToListAsync(cancellationToken);
    }

    /// <summary>The company's members, newest contact first, by the (CompanyId, ContactId) index.</summary>
    public async Task<Page<MembershipView>> OfCompanyAsync(long companyId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
            throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", companyId));
        var query = db.ContactCompanies.Where(m => m.CompanyId == companyId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(m => m.ContactId < lastId);
        var rows = await Project(query.OrderByDescending(m => m.ContactId).Take(limit + 1)).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, m => Paging.Encode(m.ContactId));
    }

    public async Task<MembershipView> SetAsync(long contactId, long companyId, MembershipRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("position", request.Position, ContactCompany.PositionMaxLength, required: false);
        errors.ThrowIfAny();
        await db.WriteAsync(async ct =>
        {
            var contact = await db.Contacts.Include(c => c.Memberships).SingleOrDefaultAsync(c => c.Id == contactId, ct)
                ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
            if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
                throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", companyId));
            var membership = contact.Memberships.SingleOrDefault(m => m.CompanyId == companyId);
            if (membership is null) contact.Memberships.Add(membership = new ContactCompany { CompanyId = companyId });
            if (request.Role is { } role) membership.Role = role;
            if (request.Position is not null) membership.Position = string.IsNullOrWhiteSpace(request.Position) ? null : request.Position.Trim();
            if (request.Primary == true) contact.CompanyId = companyId;
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        return await Project(db.ContactCompanies.Where(m => m.ContactId == contactId && m.CompanyId == companyId)).SingleAsync(cancellationToken);
    }

    public async Task RemoveAsync(long contactId, long companyId, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var contact = await db.Contacts.Include(c => c.Memberships).SingleOrDefaultAsync(c => c.Id == contactId, ct)
                ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
            var membership = contact.Memberships.SingleOrDefault(m => m.CompanyId == companyId)
                ?? throw new OknoException(new NotFound(CustomerErrorCodes.MembershipNotFound, "Membership", companyId));
            contact.Memberships.Remove(membership);
            if (contact.CompanyId == companyId) contact.CompanyId = null;
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);

    private static IQueryable<MembershipView> Project(IQueryable<ContactCompany> memberships) =>
        memberships.Select(m => new MembershipView(
            m.ContactId, m.Contact!.Name, m.CompanyId, m.Company!.Name, m.Role, m.Position, m.Contact.CompanyId == m.CompanyId));
}
