using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers;

/// <summary>A contact as a picker lists it.</summary>
public sealed record ContactChoice(long Id, string Name, string? Email, string? Phone, string? CompanyName);

/// <summary>Finds contacts by what an agent types into a customer picker: an email (by its start, over the unique
/// address index), a phone number (its digits' start, over the number index) or a part of a name or address.</summary>
public sealed class ContactSearch(OknoDb db)
{
    public const int MaxResults = 20;
    public const int MinLength = 2;

    public async Task<IReadOnlyList<ContactChoice>> FindAsync(string? text, int limit, CancellationToken cancellationToken)
    {
        var query = (text ?? "").Trim();
        if (query.Length < MinLength || query.Length > ContactEmail.MaxLength) return [];
        limit = Math.Clamp(limit, 1, MaxResults);

        var ids = new List<long>();
        var digits = ContactPhone.Normalize(query);
        if (query.Contains('@'))
        {
            var address = ContactEmail.Normalize(query);
            ids.AddRange(await db.ContactEmails.Where(e => e.Address.StartsWith(address)).OrderBy(e => e.Address)
                .Select(e => e.ContactId).Take(limit).ToListAsync(cancellationToken));
        }
        else if (digits.Count(char.IsAsciiDigit) >= 3 && query.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            ids.AddRange(await db.ContactPhones.Where(p => p.Number.StartsWith(digits)).OrderBy(p => p.Number)
                .Select(p => p.ContactId).Take(limit).ToListAsync(cancellationToken));
        }
        else
        {
            // A part of a name has no index to use: newest contacts first, stopping at the limit, which is what a
            // picker needs (the customer on the phone is usually a recent one).
            var pattern = "%" + Escape(query.ToLowerInvariant()) + "%";
            ids.AddRange(await db.Contacts.Where(c => EF.Functions.Like(OknoDb.Fold(c.Name), pattern, "\\")
                    || c.Emails.Any(e => EF.Functions.Like(e.Address, pattern, "\\")))
                .OrderByDescending(c => c.Id).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken));
        }
        ids = ids.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.Contacts.Where(c => ids.Contains(c.Id)).Select(c => new ContactChoice(c.Id, c.Name,
                c.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault() ?? c.UnverifiedEmail,
                c.Phones.OrderBy(p => p.Id).Select(p => p.Number).FirstOrDefault(),
                c.CompanyId == null ? null : c.Company!.Name))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        // In the order found; a contact merged away between the two reads is left out.
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
