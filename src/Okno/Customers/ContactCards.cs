using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers;

/// <summary>A contact as the customer card shows it: every address they wrote from and their company.</summary>
public sealed record ContactCard(long Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<ExternalIdView> ExternalIds, CompanyView? Company);

/// <summary>Reads contacts for the agent workspace (the customer card beside a ticket).</summary>
public sealed class ContactCards(OknoDb db)
{
    /// <summary>One query for the contact with its addresses and company; NotFound if there is no such contact.</summary>
    public async Task<ContactCard> GetAsync(long contactId, CancellationToken cancellationToken) =>
        await db.Contacts.Where(c => c.Id == contactId)
            .Select(c => new ContactCard(
                c.Id, c.Name,
                c.Emails.OrderBy(e => e.Id).Select(e => e.Address).ToList(),
                c.Phones.OrderBy(p => p.Id).Select(p => p.Number).ToList(),
                c.ExternalIds.OrderBy(x => x.Id).Select(x => new ExternalIdView(x.Channel.Value, x.ExternalId)).ToList(),
                c.CompanyId == null ? null : new CompanyView(c.Company!.Id, c.Company.Name, c.Company.Domain, c.Company.CreatedAt)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new OknoException(new NotFound("Contact", contactId));
}
