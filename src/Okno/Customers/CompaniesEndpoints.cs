using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Customers.Requisites;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

/// <summary>A company. <see cref="Domain"/> is the first of <see cref="Domains"/> (the field clients read before a company
/// had several).</summary>
public sealed record CompanyView(long Id, string Name, string? Domain, DateTimeOffset CreatedAt, string? Notes = null)
{
    public IReadOnlyList<string> Domains { get; init; } = [];
    public CompanyRequisites Requisites { get; init; } = new();
    public long? ManagerId { get; init; }
    public string? ManagerName { get; init; }
    /// <summary>Custom field values { key: value } (issue 20).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }
}

/// <summary><see cref="Notes"/> and <see cref="Requisites"/> left out (null) keep what is stored; "" clears the notes, and
/// requisites given replace them all. <see cref="Domains"/> replaces the domains (with <see cref="Domain"/> first when both
/// are given); without it, <see cref="Domain"/> alone is the one domain, as before. <see cref="ManagerId"/> left out keeps
/// the manager, 0 removes it.</summary>
public sealed record CompanyRequest([property: Required] string? Name, string? Domain, string? Notes = null, List<string?>? Domains = null,
    CompanyRequisites? Requisites = null, long? ManagerId = null)
{
    /// <summary>Custom field values { key: value } to set (issue 20); null clears one, fields left out keep theirs.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }
}

/// <summary>Client companies. A new contact whose email is on a company's domain joins that company.</summary>
public static class CompaniesEndpoints
{
    public static IEndpointRouteBuilder MapCompaniesEndpoints(this IEndpointRouteBuilder app)
    {
        var companies = app.MapGroup("/api/v1/companies").RequireAuthorization().WithTags("Companies").WithProblemResponses();

        companies.MapGet("/", async (string? domain, string? inn, int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var query = db.Companies.AsQueryable();
            if (!string.IsNullOrWhiteSpace(domain))
            {
                var normalized = SaveCompany.NormalizeDomain(domain);
                var owners = db.CompanyDomains.Where(d => d.Domain == normalized).Select(d => d.CompanyId);
                query = query.Where(c => owners.Contains(c.Id));
            }
            if (!string.IsNullOrWhiteSpace(inn))
            {
                var normalized = inn.Trim();
                if (!RussianRequisites.IsDigits(normalized, 10) && !RussianRequisites.IsDigits(normalized, 12))
                    throw new OknoException(InvalidInput.Field("inn", RequisiteErrorCodes.InvalidInn, "An INN has 10 digits (a company) or 12 (an entrepreneur)."));
                query = query.Where(c => c.Inn == normalized);   // the (Inn, Id) index
            }
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id > lastId);
            var rows = await Project(db, query.OrderBy(c => c.Id).Take(take + 1)).ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, take, c => Paging.Encode(c.Id)));
        }).WithSummary("Companies (by email domain or INN), oldest first");

        companies.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => Results.Ok(await FindAsync(db, id, ct)));

        companies.MapPost("/", async (CompanyRequest request, SaveCompany save, OknoDb db, CancellationToken ct) =>
        {
            var id = await save.ExecuteAsync(null, request, ct);
            return Results.Created($"/api/v1/companies/{id}", await FindAsync(db, id, ct));
        }).WithSummary("Record a client company: name, email domains, requisites (checked: INN, KPP, OGRN/OGRNIP check digits, " +
            "bank accounts against the BIK), manager, notes");

        companies.MapPut("/{id:long}", async (long id, CompanyRequest request, SaveCompany save, OknoDb db, CancellationToken ct) =>
        {
            await save.ExecuteAsync(id, request, ct);
            return Results.Ok(await FindAsync(db, id, ct));
        }).WithSummary("Rewrite a company: name, domains and (when given) requisites, manager (0 removes it) and notes");

        companies.MapGet("/{id:long}/contacts", async (long id, int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            await FindAsync(db, id, ct);
            var take = Paging.Limit(limit);
            var query = db.Contacts.Where(c => c.CompanyId == id);
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id < lastId);
            var rows = await ContactsEndpoints.Project(query.OrderByDescending(c => c.Id).Take(take + 1)).ToListAsync(ct);
            return Results.Ok(Paging.ToPage(rows, take, c => Paging.Encode(c.Id)));
        }).WithSummary("The contacts whose primary company this is, newest first");

        companies.MapGet("/{id:long}/members", async (long id, int? limit, string? cursor, ContactMemberships memberships, CancellationToken ct) =>
            TypedResults.Ok(await memberships.OfCompanyAsync(id, Paging.Limit(limit), cursor, ct)))
            .WithSummary("Every contact belonging to the company, with their role and position, newest first");

        companies.MapGet("/{id:long}/tickets", async (long id, int? limit, string? cursor, OknoDb db, TicketQueries tickets,
            CurrentAgent agent, CancellationToken ct) =>
        {
            await FindAsync(db, id, ct);
            return Results.Ok(await tickets.ListAsync(new TicketFilter(CompanyId: id), Paging.Limit(limit), cursor, agent, ct));
        }).WithSummary("The company's tickets that you may see, newest first");
        return app;
    }

    private static async Task<CompanyView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        (await Project(db, db.Companies.Where(c => c.Id == id)).SingleOrDefaultAsync(ct)
        ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", id)))
        with { CustomFields = await Tickets.CustomFields.CustomFieldValues.ReadAsync(db, Tickets.CustomFields.CustomFieldEntity.Company, id, ct) };

    /// <summary>Companies as the API and the pages show them: one query with their domains and manager's name.</summary>
    internal static IQueryable<CompanyView> Project(OknoDb db, IQueryable<Company> companies) => companies.Select(c =>
        new CompanyView(c.Id, c.Name, c.Domains.OrderBy(d => d.Id).Select(d => d.Domain).FirstOrDefault(), c.CreatedAt, c.Notes)
        {
            Domains = c.Domains.OrderBy(d => d.Id).Select(d => d.Domain).ToList(),
            Requisites = new CompanyRequisites(c.FullName, c.Inn, c.Kpp, c.Ogrn, c.LegalAddress, c.PostalAddress, c.BankName, c.Bik,
                c.SettlementAccount, c.CorrespondentAccount),
            ManagerId = c.ManagerId,
            ManagerName = db.Set<Admin.Agent>().Where(a => a.Id == c.ManagerId).Select(a => a.Name).FirstOrDefault(),
        });
}
