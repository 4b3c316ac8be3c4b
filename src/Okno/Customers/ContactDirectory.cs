using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers;

/// <summary>Recognises a customer by an address they wrote from, or records them as new.</summary>
public sealed class ContactDirectory(OknoDb db, TimeProvider clock)
{
    /// <summary>The contact who owns <paramref name="email"/>, or a new one (saved, so it has an id). A new
    /// contact joins the company whose domain matches the address. Call inside <see cref="OknoDb.WriteAsync"/>:
    /// a concurrent creation of the same address is then retried and finds the other one's contact.</summary>
    public async Task<Contact> FindOrCreateByEmailAsync(string email, string? name, CancellationToken cancellationToken)
    {
        var address = ContactEmail.Normalize(email);
        var contactId = await db.ContactEmails.Where(e => e.Address == address).Select(e => (long?)e.ContactId)
            .SingleOrDefaultAsync(cancellationToken);
        if (contactId is not null) return await db.Contacts.SingleAsync(c => c.Id == contactId, cancellationToken);

        var domain = address[(address.LastIndexOf('@') + 1)..];
        var companyId = await db.Companies.Where(c => c.Domain == domain).OrderBy(c => c.Id).Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var contact = new Contact
        {
            Name = string.IsNullOrWhiteSpace(name) ? address[..address.IndexOf('@')] : name.Trim(),
            CompanyId = companyId,
            CreatedAt = clock.GetUtcNow(),
            Emails = [new ContactEmail { Address = address }],
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }
}
