using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Web;

namespace Okno.Customers;

/// <summary>Finds contacts by what an agent remembers of them: a name (any of its words, Russian and English word forms,
/// through the full-text index), an email or a phone number (exact, through their unique/plain indexes), or their
/// company's name (full-text over companies, then the company's contacts by the (CompanyId, Id) index). Every branch
/// walks an index in key order and stops at the page size, so a list over a million contacts costs the same as over a
/// hundred. No query: every contact, newest first.</summary>
public sealed class SearchContacts(OknoDb db)
{
    public const int MaxQueryLength = 200;
    /// <summary>How many companies a query's words may name at once: enough for any real query, bounded for the IN list.</summary>
    public const int MaxCompanies = 50;

    // A text query's results are two lists one after the other: contacts whose name matches (by index entry, newest
    // first), then contacts of matching companies (by contact id). The cursor says which list and where in it.
    private const long NamePhase = 0, CompanyPhase = 1;

    public async Task<Page<ContactView>> ExecuteAsync(string? q, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = Platform.Text.SingleLine.Of(q ?? "");
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        if (query.Length == 0) return await ByIdAsync(db.Contacts, limit, cursor, cancellationToken);
        if (query.Contains('@'))
        {
            var address = ContactEmail.Normalize(query);
            var owners = db.ContactEmails.Where(e => e.Address == address).Select(e => e.ContactId)
                .Concat(db.Contacts.Where(c => c.UnverifiedEmail == address).Select(c => c.Id));
            return await ByIdAsync(db.Contacts.Where(c => owners.Contains(c.Id)), limit, cursor, cancellationToken);
        }
        if (PhoneVariants(query) is { } numbers)
        {
            var phones = db.ContactPhones.Where(p => numbers.Contains(p.Number));
            // Digits may also be part of a name or a company: words are tried when no number matches.
            if (await phones.AnyAsync(cancellationToken))
                return await ByIdAsync(db.Contacts.Where(c => phones.Select(p => p.ContactId).Contains(c.Id)), limit, cursor, cancellationToken);
        }
        return await ByWordsAsync(query, limit, cursor, cancellationToken);
    }

    /// <summary>The stored forms a typed phone number may have: normalized, with and without a leading '+'; null when the
    /// text is not a phone number (letters, or too few or too many digits).</summary>
    public static IReadOnlyList<string>? PhoneVariants(string text)
    {
        if (!text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.') || !ContactPhone.IsValid(text)) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return [digits, "+" + digits];
    }

    private async Task<Page<ContactView>> ByIdAsync(IQueryable<Contact> contacts, int limit, string? cursor, CancellationToken ct)
    {
        if (Paging.Decode(cursor, 1) is [var lastId]) contacts = contacts.Where(c => c.Id < lastId);
        var rows = await ContactsEndpoints.Project(contacts.OrderByDescending(c => c.Id).Take(limit + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, limit, c => Paging.Encode(c.Id));
    }

    private async Task<Page<ContactView>> ByWordsAsync(string query, int limit, string? cursor, CancellationToken ct)
    {
        var terms = SearchIndex.Analyze(query);
        if (terms.Count == 0) return new Page<ContactView>([], null);
        var (phase, last) = Paging.Decode(cursor, 2) is [var p, var l] ? (p, l) : (NamePhase, long.MaxValue);
        var result = new List<ContactView>();
        if (phase == NamePhase)
        {
            var matches = await db.SearchMatches(terms, [Contact.SearchKind]).Where(m => m.EntryId < last)
                .OrderByDescending(m => m.EntryId).Select(m => new { m.EntryId, m.OwnerId }).Take(limit + 1).ToListAsync(ct);
            var ids = matches.Take(limit).Select(m => m.OwnerId).ToList();
            var views = (await ContactsEndpoints.Project(db.Contacts.Where(c => ids.Contains(c.Id))).ToListAsync(ct)).ToDictionary(c => c.Id);
            result.AddRange(ids.Where(views.ContainsKey).Select(id => views[id]));
            if (matches.Count > limit) return new Page<ContactView>(result, Paging.Encode(NamePhase, matches[limit - 1].EntryId));
            last = long.MaxValue;
        }
        var companies = await db.SearchMatches(terms, [Company.SearchKind]).OrderByDescending(m => m.EntryId)
            .Select(m => m.OwnerId).Take(MaxCompanies).ToListAsync(ct);
        if (companies.Count == 0) return new Page<ContactView>(result, null);
        var shown = result.Select(c => c.Id).ToList();
        var take = limit - result.Count;
        // One range per company over the (CompanyId, Id) index, newest first.
        var staff = await ContactsEndpoints.Project(db.Contacts
            .Where(c => c.CompanyId != null && companies.Contains(c.CompanyId.Value) && c.Id < last)
            .OrderByDescending(c => c.Id).Take(take + 1)).ToListAsync(ct);
        // A contact found by both their name and their company is listed once, with the name matches.
        result.AddRange(staff.Take(take).Where(c => !shown.Contains(c.Id)));
        if (staff.Count <= take) return new Page<ContactView>(result, null);
        // The names filled this page exactly: the company's contacts start on the next one.
        return new Page<ContactView>(result, Paging.Encode(CompanyPhase, take == 0 ? long.MaxValue : staff[take - 1].Id));
    }
}
