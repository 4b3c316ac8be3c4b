using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers.Requisites;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers;

/// <summary>Creates or rewrites a client company: its name, email domains, requisites, manager, custom fields and the
/// agents' notes about it. Renaming it re-indexes its name in the same transaction (<see cref="Company"/> is searchable),
/// so ticket search by company name follows at once. Requisites are checked by <see cref="RussianRequisites"/>; a domain
/// that another company has is a 409 naming it, never a silent move.</summary>
public sealed class SaveCompany(OknoDb db, TimeProvider clock, Tickets.CustomFields.CustomFieldValues fieldValues)
{
    public async Task<long> ExecuteAsync(long? id, CompanyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, Company.NameMaxLength);
        errors.Text("notes", request.Notes, Contact.NotesMaxLength, required: false);
        var domains = DomainsOf(request, errors);
        var requisites = request.Requisites?.Normalized();
        if (requisites is not null) RussianRequisites.Validate(requisites, errors, "requisites.");
        // managerId: left out keeps the manager, 0 removes it.
        if (request.ManagerId is { } managerId and not 0 && !await db.Agents.AnyAsync(a => a.Id == managerId && a.IsActive, cancellationToken))
            errors.Add("managerId", CustomerErrorCodes.ManagerNotFound, $"There is no active agent {managerId}.", ("id", managerId));
        var fields = await fieldValues.ParseAsync(Tickets.CustomFields.CustomFieldEntity.Company, request.CustomFields, errors, cancellationToken);
        errors.ThrowIfAny();

        return await db.WriteAsync(async ct =>
        {
            Company company;
            if (id is null)
            {
                company = new Company { CreatedAt = clock.GetUtcNow() };
                db.Companies.Add(company);
            }
            else
            {
                company = await db.Companies.Include(c => c.Domains).SingleOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", id));
            }
            var taken = await db.CompanyDomains.Where(d => domains.Contains(d.Domain) && d.CompanyId != company.Id)
                .Select(d => new { d.Domain, d.CompanyId }).FirstOrDefaultAsync(ct);
            if (taken is not null)
                throw new OknoException(new Duplicate(CustomerErrorCodes.DomainTaken, "domains", $"{taken.Domain} already belongs to company {taken.CompanyId}.",
                    ("domain", taken.Domain), ("companyId", taken.CompanyId)));
            company.Name = request.Name!.Trim();
            company.Domains.RemoveAll(d => !domains.Contains(d.Domain));
            company.Domains.AddRange(domains.Where(d => company.Domains.All(x => x.Domain != d)).Select(d => new CompanyDomain { Domain = d }));
            if (request.Notes is not null) company.Notes = SaveContact.NotesOf(request.Notes);
            if (requisites is not null) Apply(company, requisites);
            if (request.ManagerId is { } manager) company.ManagerId = manager == 0 ? null : manager;
            await db.SaveChangesAsync(ct);
            if (!fields.IsEmpty)
            {
                await fieldValues.WriteAsync(Tickets.CustomFields.CustomFieldEntity.Company, company.Id, fields, ct);
                await db.SaveChangesAsync(ct);
            }
            return company.Id;
        }, cancellationToken);
    }

    /// <summary>The company's domains: <c>domains</c> when given (with <c>domain</c> first if it is given too), else the
    /// older single <c>domain</c> (none clears them, as that field always did).</summary>
    private static List<string> DomainsOf(CompanyRequest request, FieldErrors errors)
    {
        var given = new List<(string Field, string? Value)>();
        if (request.Domain is not null) given.Add(("domain", request.Domain));
        for (var i = 0; i < (request.Domains?.Count ?? 0); i++) given.Add(($"domains[{i}]", request.Domains![i]));
        if (request.Domains?.Count > CompanyDomain.MaxPerCompany) errors.TooMany("domains", CompanyDomain.MaxPerCompany);
        var domains = new List<string>();
        foreach (var (field, value) in given)
        {
            errors.Text(field, value, CompanyDomain.MaxLength, required: false);
            if (string.IsNullOrWhiteSpace(value)) continue;
            var domain = NormalizeDomain(value);
            if (!domain.Contains('.') || domain.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-')))
                errors.Add(field, ErrorCodes.InvalidDomain, "Not a domain name (like example.com).");
            else if (!domains.Contains(domain)) domains.Add(domain);
        }
        return domains;
    }

    private static void Apply(Company company, CompanyRequisites r)
    {
        company.FullName = r.FullName;
        company.Inn = r.Inn;
        company.Kpp = r.Kpp;
        company.Ogrn = r.Ogrn;
        company.LegalAddress = r.LegalAddress;
        company.PostalAddress = r.PostalAddress;
        company.BankName = r.BankName;
        company.Bik = r.Bik;
        company.SettlementAccount = r.SettlementAccount;
        company.CorrespondentAccount = r.CorrespondentAccount;
    }

    internal static string NormalizeDomain(string domain) => domain.Trim().TrimStart('@').ToLowerInvariant();
}
