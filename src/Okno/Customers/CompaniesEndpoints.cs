using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

public sealed record CompanyView(long Id, string Name, string? Domain, DateTimeOffset CreatedAt, string? Notes = null)
{
    /// <summary>Custom field values { key: value } (issue 20).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }
}

/// <summary><see cref="Notes"/> left out (null) keeps the notes as they are; "" clears them.</summary>
public sealed record CompanyRequest([property: Required] string? Name, string? Domain, string? Notes = null)
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

        companies.MapGet("/", async (string? domain, int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var query = db.Companies.AsQueryable();
            if (!string.IsNullOrWhiteSpace(domain)) query = query.Where(c => c.Domain == SaveCompany.NormalizeDomain(domain));
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id > lastId);
            var rows = await query.OrderBy(c => c.Id).Take(take + 1).Select(c => new CompanyView(c.Id, c.Name, c.Domain, c.CreatedAt, c.Notes))
                .ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, take, c => Paging.Encode(c.Id)));
        }).WithSummary("Companies (by email domain), oldest first");

        companies.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => Results.Ok(await FindAsync(db, id, ct)));

        companies.MapPost("/", async (CompanyRequest request, SaveCompany save, OknoDb db, CancellationToken ct) =>
        {
            var id = await save.ExecuteAsync(null, request, ct);
            return Results.Created($"/api/v1/companies/{id}", await FindAsync(db, id, ct));
        }).WithSummary("Record a client company: name, email domain, notes");

        companies.MapPut("/{id:long}", async (long id, CompanyRequest request, SaveCompany save, OknoDb db, CancellationToken ct) =>
        {
            await save.ExecuteAsync(id, request, ct);
            return Results.Ok(await FindAsync(db, id, ct));
        }).WithSummary("Rewrite a company: name, domain and (when given) notes");

        companies.MapGet("/{id:long}/contacts", async (long id, int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            await FindAsync(db, id, ct);
            var take = Paging.Limit(limit);
            var query = db.Contacts.Where(c => c.CompanyId == id);
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id < lastId);
            var rows = await ContactsEndpoints.Project(query.OrderByDescending(c => c.Id).Take(take + 1)).ToListAsync(ct);
            return Results.Ok(Paging.ToPage(rows, take, c => Paging.Encode(c.Id)));
        }).WithSummary("The company's contacts, newest first");

        companies.MapGet("/{id:long}/tickets", async (long id, int? limit, string? cursor, OknoDb db, TicketQueries tickets,
            CurrentAgent agent, CancellationToken ct) =>
        {
            await FindAsync(db, id, ct);
            return Results.Ok(await tickets.ListAsync(new TicketFilter(CompanyId: id), Paging.Limit(limit), cursor, agent, ct));
        }).WithSummary("The company's tickets that you may see, newest first");
        return app;
    }

    private static async Task<CompanyView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        (await db.Companies.Where(c => c.Id == id).Select(c => new CompanyView(c.Id, c.Name, c.Domain, c.CreatedAt, c.Notes)).SingleOrDefaultAsync(ct)
        ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", id)))
        with { CustomFields = await Tickets.CustomFields.CustomFieldValues.ReadAsync(db, Tickets.CustomFields.CustomFieldEntity.Company, id, ct) };
}
