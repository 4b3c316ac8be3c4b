using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary>PUT rewrites every field; <see cref="ContactIds"/> null keeps the contacts on site as they are.</summary>
public sealed record ServiceObjectRequest(
    long? CompanyId, string? Name, ServiceObjectKind? Kind, string? Address, double? Latitude, double? Longitude,
    string? WorkingHours, string? AccessNotes, string? Notes, List<long>? ContactIds = null);

/// <summary>Creates or rewrites a service object. Its company is fixed once made: its equipment and tickets are that
/// company's.</summary>
public sealed class SaveServiceObject(OknoDb db, TimeProvider clock)
{
    public async Task<long> ExecuteAsync(long? id, ServiceObjectRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (request.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
            errors.Add("companyId", CustomerErrorCodes.CompanyNotFound, $"There is no company {companyId}.", ("id", companyId));
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
                if (item.CompanyId != request.CompanyId)
                    throw new OknoException(InvalidInput.Field("companyId", ErrorCodes.InvalidValue, "The company of a service object cannot change."));
            }
            Apply(item, request);
            if (contactIds is not null)
            {
                item.Contacts.RemoveAll(c => !contactIds.Contains(c.ContactId));
                foreach (var contactId in contactIds.Where(c => item.Contacts.All(x => x.ContactId != c)))
                    item.Contacts.Add(new ServiceObjectContact { ContactId = contactId });
            }
            await db.SaveChangesAsync(ct);
            return item.Id;
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
