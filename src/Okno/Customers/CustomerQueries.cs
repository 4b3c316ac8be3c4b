using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

/// <summary>Reads of contacts and companies for their pages and the API: one query each, over indexes.</summary>
public sealed class CustomerQueries(OknoDb db)
{
    public const int CompanyChoices = 20;
    /// <summary>At most this many companies are named at once (100 policies × 20 conditions × 100 values would be more).</summary>
    public const int MaxNamed = 2000;

    public async Task<ContactView> ContactAsync(long id, CancellationToken cancellationToken) =>
        await ContactsEndpoints.Project(db.Contacts.Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", id));

    public async Task<CompanyView> CompanyAsync(long id, CancellationToken cancellationToken) =>
        await CompaniesEndpoints.Project(db, db.Companies.Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", id));

    /// <summary>The company's contacts, newest first, by the (CompanyId, Id) index.</summary>
    public async Task<Page<ContactView>> CompanyContactsAsync(long companyId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        await CompanyAsync(companyId, cancellationToken);
        var query = db.Contacts.Where(c => c.CompanyId == companyId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id < lastId);
        var rows = await ContactsEndpoints.Project(query.OrderByDescending(c => c.Id).Take(limit + 1)).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, c => Paging.Encode(c.Id));
    }

    public const int ManagerChoices = 500;

    /// <summary>The active agents by name, for choosing a company's manager (capped: a desk has tens, not thousands).</summary>
    public async Task<IReadOnlyList<CompanyRef>> ManagerChoicesAsync(CancellationToken cancellationToken) =>
        await db.Set<Admin.Agent>().Where(a => a.IsActive).OrderBy(a => a.Name).Take(ManagerChoices).Select(a => new CompanyRef(a.Id, a.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The names of these companies (by primary key), for showing ids stored elsewhere (an SLA policy's
    /// conditions); ids of companies that no longer exist are left out.</summary>
    public async Task<IReadOnlyList<CompanyRef>> CompaniesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().Take(MaxNamed).ToList();
        return await db.Companies.Where(c => wanted.Contains(c.Id)).Select(c => new CompanyRef(c.Id, c.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Companies whose name holds every word typed (newest first), for choosing a contact's company; the newest
    /// ones when nothing is typed.</summary>
    public async Task<IReadOnlyList<CompanyRef>> FindCompaniesAsync(string? text, CancellationToken cancellationToken)
    {
        var terms = SearchIndex.Analyze(Platform.Text.SingleLine.Of(text ?? ""));
        var companies = db.Companies.AsQueryable();
        if (terms.Count > 0)
        {
            var ids = db.SearchMatches(terms, [Company.SearchKind]).OrderByDescending(m => m.EntryId).Select(m => m.OwnerId).Take(CompanyChoices);
            companies = companies.Where(c => ids.Contains(c.Id));
        }
        return await companies.OrderByDescending(c => c.Id).Take(CompanyChoices).Select(c => new CompanyRef(c.Id, c.Name)).ToListAsync(cancellationToken);
    }
}
