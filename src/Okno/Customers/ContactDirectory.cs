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
    public async Task<Contact> FindOrCreateByEmailAsync(string email, string? name, CancellationToken cancellationToken) =>
        (await FindOrCreateByEmailsAsync([(email, name)], cancellationToken))[ContactEmail.Normalize(email)];

    /// <summary>The same for several customers at once, in at most three round trips whatever their number:
    /// found contacts, then the companies of the new ones, then the new ones saved together. Keyed by normalized
    /// address; an address given twice makes one contact (named by its first mention).</summary>
    public async Task<IReadOnlyDictionary<string, Contact>> FindOrCreateByEmailsAsync(
        IReadOnlyList<(string Email, string? Name)> customers, CancellationToken cancellationToken)
    {
        var wanted = customers.Select(c => (Address: ContactEmail.Normalize(c.Email), c.Name)).DistinctBy(c => c.Address).ToList();
        var addresses = wanted.Select(c => c.Address).ToList();
        var found = await db.Contacts.Include(c => c.Emails).Include(c => c.Company)
            .Where(c => db.Set<ContactEmail>().Any(e => addresses.Contains(e.Address) && e.ContactId == c.Id))
            .ToListAsync(cancellationToken);
        var byAddress = new Dictionary<string, Contact>(StringComparer.Ordinal);
        foreach (var contact in found)
            foreach (var email in contact.Emails)
                byAddress[email.Address] = contact;
        var missing = wanted.Where(c => !byAddress.ContainsKey(c.Address)).ToList();
        if (missing.Count == 0) return byAddress;

        var domains = missing.Select(c => DomainOf(c.Address)).Distinct().ToList();
        var companies = (await db.Companies.Where(c => domains.Contains(c.Domain!)).ToListAsync(cancellationToken))
            .GroupBy(c => c.Domain!).ToDictionary(g => g.Key, g => g.MinBy(c => c.Id)!, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var (address, name) in missing)
        {
            var contact = new Contact
            {
                Name = string.IsNullOrWhiteSpace(name) ? address[..address.IndexOf('@')] : name.Trim(),
                Company = companies.GetValueOrDefault(DomainOf(address)),
                CreatedAt = now,
                Emails = [new ContactEmail { Address = address }],
            };
            db.Contacts.Add(contact);
            byAddress[address] = contact;
        }
        await db.SaveChangesAsync(cancellationToken);
        return byAddress;
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];
}
