using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

/// <summary>Confirms that an unverified sender (<see cref="Contact.UnverifiedEmail"/>) owns the address they typed — an
/// agent by hand today, a confirmation link by email once the email channel sends one (call it with no agent). If a
/// contact already owns the address, the sender is merged into it through <see cref="MergeContacts"/> (its tickets
/// move there and take that customer's company); otherwise the address becomes the sender's own and the company of
/// its domain applies to the contact and its tickets, as for any new customer (<see cref="ContactDirectory"/>). One
/// transaction, audited as <c>contact.confirmed</c>. A contact that is already verified is left as it is.</summary>
public sealed class ConfirmContact(OknoDb db, ContactDirectory directory, MergeContacts merge, Audit audit)
{
    /// <summary>The id of the contact the sender is now: the owner of the address, or the same contact.</summary>
    public async Task<long> ExecuteAsync(long contactId, long? agentId, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).SingleOrDefaultAsync(c => c.Id == contactId, ct)
                ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
            if (contact.UnverifiedEmail is not { } email) return contact.Id;
            var owner = await db.ContactEmails.Where(e => e.Address == email).Select(e => (long?)e.ContactId).FirstOrDefaultAsync(ct);
            if (owner is { } into && into != contact.Id)
            {
                audit.Add(agentId, "contact.confirmed", $"contact:{into}", $"unverified sender {contact.Id} confirmed as {email}, merged into {into}");
                await merge.ExecuteAsync(contact.Id, into, agentId, ct);
                return into;
            }
            contact.UnverifiedEmail = null;
            if (owner is null) contact.Emails.Add(new ContactEmail { Address = email });
            if (contact.CompanyId is null && await directory.CompanyOfAsync(email, ct) is { } company)
            {
                contact.CompanyId = company.Id;
                if (!await db.ContactCompanies.AnyAsync(m => m.ContactId == contact.Id && m.CompanyId == company.Id, ct))
                    db.ContactCompanies.Add(new Requisites.ContactCompany { ContactId = contact.Id, CompanyId = company.Id });
                await db.Tickets.Where(t => t.ContactId == contact.Id && t.CompanyId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.CompanyId, company.Id), ct);
            }
            audit.Add(agentId, "contact.confirmed", $"contact:{contact.Id}", $"unverified sender {contact.Id} confirmed as {email}");
            await db.SaveChangesAsync(ct);
            return contact.Id;
        }, cancellationToken);
}
