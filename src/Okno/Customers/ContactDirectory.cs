using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers;

/// <summary>Recognises a customer by an address they wrote from, or records them as new.</summary>
public sealed class ContactDirectory(OknoDb db, TimeProvider clock)
{
    /// <summary>The contact who owns <paramref name="email"/>, or a new one (saved, so it has an id), with its
    /// addresses and company loaded (what a ticket's answer shows of its customer). A new contact joins the company
    /// whose domain matches the address. Call inside <see cref="OknoDb.WriteAsync"/>: a concurrent creation of the
    /// same address is then retried and finds the other one's contact.</summary>
    public async Task<Contact> FindOrCreateByEmailAsync(string email, string? name, CancellationToken cancellationToken)
    {
        var address = ContactEmail.Normalize(email);
        // One round trip: the contact, its addresses and its company.
        var found = await db.Contacts.Include(c => c.Emails).Include(c => c.Company)
            .Where(c => db.ContactEmails.Any(e => e.Address == address && e.ContactId == c.Id))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not null) return found;

        var domain = address[(address.LastIndexOf('@') + 1)..];
        var company = await db.Companies.Where(c => c.Domain == domain).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var contact = new Contact
        {
            Name = string.IsNullOrWhiteSpace(name) ? address[..address.IndexOf('@')] : name.Trim(),
            Company = company,
            CreatedAt = clock.GetUtcNow(),
            Emails = [new ContactEmail { Address = address }],
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }
}
