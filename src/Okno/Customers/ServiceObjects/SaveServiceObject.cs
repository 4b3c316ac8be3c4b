using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary>PUT rewrites every field; <see cref="ContactIds"/> null keeps the contacts on site as they are.</summary>
public sealed record ServiceObjectRequest(
    long? CompanyId, string? Name, ServiceObjectKind? Kind, string? Address, double? Latitude, double? Longitude,
    string? WorkingHours, string? AccessNotes, string? Notes, List<long>? ContactIds = null)
{
    /// <summary>Custom field values { key: value } to set; null clears one, fields left out keep theirs.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }
}

/// <summary>Creates or rewrites a service object. Its company is fixed once made: its equipment and tickets are that
/// company's.</summary>
public sealed class SaveServiceObject(OknoDb db, TimeProvider clock, Tickets.CustomFields.CustomFieldValues fieldValues)
{
    public async Task<long> ExecuteAsync(long? id, ServiceObjectRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        await CompanySaves.CheckCompanyAsync(db, request.CompanyId, errors, cancellationToken);
        var fields = await fieldValues.ParseAsync(Tickets.CustomFields.CustomFieldEntity.ServiceObject, request.CustomFields, errors, cancellationToken);
        var contactIds = request.ContactIds?.Distinct().ToList();
        if (contactIds is { Count: > 0 })
        {
            var known = await db.Contacts.Where(c => contactIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var missing in contactIds.Except(known))
                errors.Add("contactIds", CustomerErrorCodes.ContactNotFound, $"There is no contact {missing}.", ("id", missing));
        }
        errors.ThrowIfAny();

        return await db.WriteAsync(async ct =>
        {
            ServiceObject item;
            if (id is null)
            {
                item = new ServiceObject { CompanyId = request.CompanyId!.Value, CreatedAt = clock.GetUtcNow() };
                db.ServiceObjects.Add(item);
            }
            else
            {
                item = await db.ServiceObjects.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, ct)
                    ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.ObjectNotFound, "Service object", id));
                CompanySaves.EnsureSameCompany(item.CompanyId, request.CompanyId, "a service object");
            }
            Apply(item, request);
            if (contactIds is not null)
            {
                item.Contacts.RemoveAll(c => !contactIds.Contains(c.ContactId));
                foreach (var contactId in contactIds.Where(c => item.Contacts.All(x => x.ContactId != c)))
                    item.Contacts.Add(new ServiceObjectContact { ContactId = contactId });
            }
            return await CompanySaves.SaveWithFieldsAsync(db, fieldValues, Tickets.CustomFields.CustomFieldEntity.ServiceObject, item, i => i.Id, fields, ct);
        }, cancellationToken);
    }

    /// <summary>What needs no database: also what an import checks per row.</summary>
    internal static FieldErrors Validate(ServiceObjectRequest request)
    {
        var errors = new FieldErrors();
        if (request.CompanyId is null) errors.Required("companyId");
        errors.Text("name", request.Name, ServiceObject.NameMaxLength);
        errors.Text("address", request.Address, ServiceObject.AddressMaxLength, required: false);
        errors.Text("workingHours", request.WorkingHours, ServiceObject.WorkingHoursMaxLength, required: false);
        errors.Text("accessNotes", request.AccessNotes, ServiceObject.AccessNotesMaxLength, required: false);
        errors.Text("notes", request.Notes, Contact.NotesMaxLength, required: false);
        if (request.Latitude is { } lat && !(lat is >= -90 and <= 90))
            errors.Add("latitude", ErrorCodes.OutOfRange, "Latitude is between -90 and 90.", ("min", -90), ("max", 90));
        if (request.Longitude is { } lon && !(lon is >= -180 and <= 180))
            errors.Add("longitude", ErrorCodes.OutOfRange, "Longitude is between -180 and 180.", ("min", -180), ("max", 180));
        if (request.Latitude is null != request.Longitude is null)
            errors.Add(request.Latitude is null ? "latitude" : "longitude", ServiceObjectErrorCodes.CoordinatesPair, "Give both latitude and longitude, or neither.");
        if (request.ContactIds is { Count: > ServiceObject.MaxContacts }) errors.TooMany("contactIds", ServiceObject.MaxContacts, "contacts");
        return errors;
    }

    internal static void Apply(ServiceObject item, ServiceObjectRequest request)
    {
        item.Name = request.Name!.Trim();
        item.Kind = request.Kind ?? ServiceObjectKind.Other;
        item.Address = Trimmed(request.Address);
        item.Latitude = request.Latitude;
        item.Longitude = request.Longitude;
        item.WorkingHours = Trimmed(request.WorkingHours);
        item.AccessNotes = Trimmed(request.AccessNotes);
        item.Notes = Trimmed(request.Notes);
    }

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What saving a service object and saving a piece of equipment share: both belong to a company that must exist
/// and never changes, and both write their custom field values in the same transaction as themselves.</summary>
internal static class CompanySaves
{
    public static async Task CheckCompanyAsync(OknoDb db, long? companyId, FieldErrors errors, CancellationToken ct)
    {
        if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, ct))
            errors.Add("companyId", CustomerErrorCodes.CompanyNotFound, $"There is no company {id}.", ("id", id));
    }

    public static void EnsureSameCompany(long stored, long? requested, string what)
    {
        if (stored != requested)
            throw new OknoException(InvalidInput.Field("companyId", ErrorCodes.InvalidValue, $"The company of {what} cannot change."));
    }

    /// <summary>Saves the item, then (it has an id now) its field values; returns its id.</summary>
    public static async Task<long> SaveWithFieldsAsync<T>(OknoDb db, Tickets.CustomFields.CustomFieldValues fieldValues, Tickets.CustomFields.CustomFieldEntity entity,
        T item, Func<T, long> idOf, Tickets.CustomFields.CustomFieldInput fields, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (!fields.IsEmpty)
        {
            await fieldValues.WriteAsync(entity, idOf(item), fields, ct);
            await db.SaveChangesAsync(ct);
        }
        return idOf(item);
    }
}
