using Microsoft.EntityFrameworkCore;
using Okno.Customers.Requisites;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

public sealed record ExternalIdView(string Channel, string ExternalId);

/// <summary>A contact; <see cref="Verified"/> is false for an unverified sender, whose typed address is
/// <see cref="UnverifiedEmail"/> (not one of <see cref="Emails"/>) until it is confirmed.</summary>
public sealed record ContactView(long Id, string Name, CompanyRef? Company, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<ExternalIdView> ExternalIds, DateTimeOffset CreatedAt, bool Verified, string? UnverifiedEmail, string? Notes)
{
    /// <summary>Custom field values { key: value } (issue 20).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }
}

public static class ContactsEndpoints
{
    public static IEndpointRouteBuilder MapContactsEndpoints(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").RequireAuthorization().WithTags("Contacts").WithProblemResponses();

        contacts.MapGet("/", async (string? email, string? q, int? limit, string? cursor, SearchContacts search, CancellationToken ct) =>
            // ?email= is the older, exact form of ?q=someone@example.com.
            TypedResults.Ok(await search.ExecuteAsync(string.IsNullOrWhiteSpace(email) ? q : email, Paging.Limit(limit), cursor, ct)))
            .WithSummary("Find contacts, newest first: q is a name (any of its words), an email, a phone number or a company name; " +
                "none lists every contact");

        contacts.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => Results.Ok(await FindAsync(db, id, ct)));

        contacts.MapPost("/", async (ContactRequest request, SaveContact save, OknoDb db, CancellationToken ct) =>
        {
            var id = await save.ExecuteAsync(null, request, ct);
            return Results.Created($"/api/v1/contacts/{id}", await FindAsync(db, id, ct));
        }).WithSummary("Record a customer with their emails, phones and ids in channels");

        contacts.MapPut("/{id:long}", async (long id, ContactRequest request, SaveContact save, OknoDb db, CancellationToken ct) =>
        {
            await save.ExecuteAsync(id, request, ct);
            return Results.Ok(await FindAsync(db, id, ct));
        }).WithSummary("Rewrite a contact: name, company and the full lists of addresses");

        contacts.MapPost("/{id:long}/merge", async (long id, MergeContactsRequest request, MergeContacts merge, OknoDb db, CurrentAgent agent,
            CancellationToken ct) =>
        {
            if (request.IntoContactId is not { } into) throw new OknoException(InvalidInput.Required("intoContactId"));
            await merge.ExecuteAsync(id, into, agent.Id, ct);
            return Results.Ok(await FindAsync(db, into, ct));
        }).WithSummary("Merge this contact into another (the survivor, returned): its tickets, emails, phones and channel ids move " +
            "there and it is deleted");

        contacts.MapPost("/{id:long}/confirm", async (long id, ConfirmContact confirm, OknoDb db, CurrentAgent agent, CancellationToken ct) =>
        {
            var now = await confirm.ExecuteAsync(id, agent.Id, ct);
            return Results.Ok(await FindAsync(db, now, ct));
        }).WithSummary("Confirm that an unverified sender owns the address they typed: merged into the contact that has it (returned), " +
            "or the address becomes theirs and the company of its domain applies; a verified contact is returned as it is");

        contacts.MapGet("/{id:long}/tickets", async (long id, int? limit, string? cursor, OknoDb db, TicketQueries tickets,
            CurrentAgent agent, CancellationToken ct) =>
        {
            if (!await db.Contacts.AnyAsync(c => c.Id == id, ct)) return ProblemMapping.ToResult(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", id));
            return Results.Ok(await tickets.ListAsync(new TicketFilter(CustomerId: id), Paging.Limit(limit), cursor, agent, ct));
        }).WithSummary("The contact's tickets that you may see, newest first");

        contacts.MapGet("/{id:long}/companies", async (long id, ContactMemberships memberships, CancellationToken ct) =>
            TypedResults.Ok(await memberships.OfContactAsync(id, ct)))
            .WithSummary("The companies the contact belongs to, with their role and position in each (at most 200, by name)");

        contacts.MapPut("/{id:long}/companies/{companyId:long}", async (long id, long companyId, MembershipRequest request,
            ContactMemberships memberships, CancellationToken ct) => TypedResults.Ok(await memberships.SetAsync(id, companyId, request, ct)))
            .WithSummary("Add the contact to a company or change their role (member or manager) and position there; primary: true " +
                "makes it the company their new tickets take");

        contacts.MapDelete("/{id:long}/companies/{companyId:long}", async (long id, long companyId, ContactMemberships memberships,
            CancellationToken ct) =>
        {
            await memberships.RemoveAsync(id, companyId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove the contact from a company; if it was their primary company, they have none (earlier tickets keep it)");

        return app;
    }

    private static async Task<ContactView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        (await Project(db.Contacts.Where(c => c.Id == id)).SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", id)))
        with { CustomFields = await Tickets.CustomFields.CustomFieldValues.ReadAsync(db, Tickets.CustomFields.CustomFieldEntity.Contact, id, ct) };

    internal static IQueryable<ContactView> Project(IQueryable<Contact> contacts) => contacts.Select(c => new ContactView(
        c.Id, c.Name, c.CompanyId == null ? null : new CompanyRef(c.Company!.Id, c.Company.Name),
        c.Emails.OrderBy(e => e.Id).Select(e => e.Address).ToList(),
        c.Phones.OrderBy(p => p.Id).Select(p => p.Number).ToList(),
        c.ExternalIds.OrderBy(x => x.Id).Select(x => new ExternalIdView(x.Channel.Value, x.ExternalId)).ToList(),
        c.CreatedAt, c.UnverifiedEmail == null, c.UnverifiedEmail, c.Notes));
}
