using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers;

/// <summary>A contact as the customer card shows it: every address they wrote from and their company.</summary>
public sealed record ContactCard(long Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<ExternalIdView> ExternalIds, CompanyView? Company, string? UnverifiedEmail = null)
{
    /// <summary>False for an unverified sender (see <see cref="Contact.UnverifiedEmail"/>).</summary>
    public bool Verified => UnverifiedEmail is null;
}

/// <summary>Reads contacts for the agent workspace (the customer card beside a ticket).</summary>
public sealed class ContactCards(OknoDb db)
{
    /// <summary>One query for the contact with its addresses and company; NotFound if there is no such contact.</summary>
    public async Task<ContactCard> GetAsync(long contactId, CancellationToken cancellationToken) =>
        await ReadAsync(db.Contacts.Where(c => c.Id == contactId), cancellationToken) ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));

    /// <summary>The contact who owns <paramref name="email"/>, if any: the merge dialog's search.</summary>
    public async Task<ContactCard?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var address = ContactEmail.Normalize(email);
        var owners = db.ContactEmails.Where(e => e.Address == address).Select(e => e.ContactId);
        return await ReadAsync(db.Contacts.Where(c => owners.Contains(c.Id)), cancellationToken);
    }

    private async Task<ContactCard?> ReadAsync(IQueryable<Contact> contacts, CancellationToken cancellationToken) =>
        await contacts
            .Select(c => new ContactCard(
                c.Id, c.Name,
                c.Emails.OrderBy(e => e.Id).Select(e => e.Address).ToList(),
                c.Phones.OrderBy(p => p.Id).Select(p => p.Number).ToList(),
                c.ExternalIds.OrderBy(x => x.Id).Select(x => new ExternalIdView(x.Channel.Value, x.ExternalId)).ToList(),
                c.CompanyId == null ? null : new CompanyView(c.Company!.Id, c.Company.Name,
                    c.Company.Domains.OrderBy(d => d.Id).Select(d => d.Domain).FirstOrDefault(), c.Company.CreatedAt, c.Company.Notes)
                {
                    // What the card shows of the requisites: the INN, and who owns the account.
                    Requisites = new Requisites.CompanyRequisites(null, c.Company.Inn, c.Company.Kpp),
                    ManagerId = c.Company.ManagerId,
                    ManagerName = db.Set<Admin.Agent>().Where(a => a.Id == c.Company.ManagerId).Select(a => a.Name).FirstOrDefault(),
                },
                c.UnverifiedEmail))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
}
