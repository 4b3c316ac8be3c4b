using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets.CustomFields;

/// <summary>Custom fields of tickets, contacts and companies (S2/S7): definitions, values, filters.</summary>
public static class CustomFieldsModule
{
    public static IServiceCollection AddCustomFields(this IServiceCollection services) => services
        .AddScoped<SaveCustomField>()
        .AddScoped<CustomFieldValues>()
        .AddSingleton<CustomFieldDefinitionCache>()
        .AddSingleton<ICustomFieldLinkTarget, ContactLinkTarget>()
        .AddSingleton<ICustomFieldLinkTarget, CompanyLinkTarget>()
        .AddScoped<Customers.IContactMergeStep, CustomFieldsContactMerge>()
        .AddScoped<Platform.Search.ISearchTextSource, TicketFieldsSearchText>();

    public static IEndpointRouteBuilder MapCustomFields(this IEndpointRouteBuilder app)
    {
        var fields = app.MapGroup("/api/v1/custom-fields").RequireAuthorization().WithTags("Custom fields").WithProblemResponses();

        fields.MapGet("/", async (string? entity, int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var query = db.CustomFields.AsNoTracking();
            if (QueryValues.Enum<CustomFieldEntity>(entity, "entity") is { } kind) query = query.Where(f => f.Entity == kind);
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(f => f.Id > lastId);
            var rows = (await query.OrderBy(f => f.Id).Take(take + 1).ToListAsync(ct)).Select(CustomFieldView.Of).ToList();
            return TypedResults.Ok(Paging.ToPage(rows, take, f => Paging.Encode(f.Id)));
        }).WithSummary("Custom field definitions (entity=ticket, contact, company, service_object, equipment), by id");

        fields.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) =>
            TypedResults.Ok(CustomFieldView.Of(await db.CustomFields.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct)
                ?? throw new OknoException(new NotFound(CustomFieldErrorCodes.NotFound, "Custom field", id)))));

        fields.MapPost("/", async (CustomFieldRequest request, SaveCustomField save, CancellationToken ct) =>
        {
            var field = await save.ExecuteAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/custom-fields/{field.Id}", field);
        }).RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary($"Define a field: entity, key ([a-z0-9_], stable), labelRu/labelEn, type (text, number, date, yes_no, one_of, " +
                $"several_of, contact_link, company_link, service_object_link), options (list types: key + labels), position, active, " +
                $"requiredFor (ticket types, ticket fields only). At most {CustomFieldDefinition.MaxPerEntity} per entity");

        fields.MapPut("/{id:long}", async (long id, CustomFieldRequest request, SaveCustomField save, CancellationToken ct) =>
            TypedResults.Ok(await save.ExecuteAsync(id, request, ct))).RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Rewrite a field's labels, options (one left out is retired: no longer offered, old values keep it), position, " +
                "active and requiredFor; entity, key and type cannot change");
        return app;
    }
}

/// <summary>Original text of a ticket's text fields, for search snippets.</summary>
internal sealed class TicketFieldsSearchText : Platform.Search.ISearchTextSource
{
    public string Kind => CustomFieldValues.TicketSearchKind;

    public async Task<IReadOnlyDictionary<long, (string Title, string Body)>> TextsAsync(OknoDb db, IReadOnlyCollection<long> ownerIds,
        CancellationToken cancellationToken)
    {
        var definitions = db.CustomFields;
        var rows = await db.CustomFieldValues.AsNoTracking()
            .Where(v => v.Entity == CustomFieldEntity.Ticket && ownerIds.Contains(v.EntityId) && v.Text != null
                        && definitions.Any(f => f.Id == v.FieldId && f.Type == CustomFieldType.Text))
            .OrderBy(v => v.FieldId).Select(v => new { v.EntityId, v.Text }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.EntityId).ToDictionary(g => g.Key, g => ("", string.Join("\n", g.Select(r => r.Text))));
    }
}
