using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers;

/// <summary>Creates or rewrites a client company: its name, email domain and the agents' notes about it. Renaming it
/// re-indexes its name in the same transaction (<see cref="Company"/> is searchable), so ticket search by company name
/// follows at once.</summary>
public sealed class SaveCompany(OknoDb db, TimeProvider clock, Tickets.CustomFields.CustomFieldValues fieldValues)
{
    public async Task<long> ExecuteAsync(long? id, CompanyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, Company.NameMaxLength);
        errors.Text("domain", request.Domain, 253, required: false);
        errors.Text("notes", request.Notes, Contact.NotesMaxLength, required: false);
        var domain = string.IsNullOrWhiteSpace(request.Domain) ? null : NormalizeDomain(request.Domain);
        if (domain is not null && (!domain.Contains('.') || domain.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-'))))
            errors.Add("domain", ErrorCodes.InvalidDomain, "Not a domain name (like example.com).");
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
                company = await db.Companies.SingleOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", id));
            }
            company.Name = request.Name!.Trim();
            company.Domain = domain;
            if (request.Notes is not null) company.Notes = SaveContact.NotesOf(request.Notes);
            await db.SaveChangesAsync(ct);
            if (!fields.IsEmpty)
            {
                await fieldValues.WriteAsync(Tickets.CustomFields.CustomFieldEntity.Company, company.Id, fields, ct);
                await db.SaveChangesAsync(ct);
            }
            return company.Id;
        }, cancellationToken);
    }

    internal static string NormalizeDomain(string domain) => domain.Trim().TrimStart('@').ToLowerInvariant();
}
