using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

public sealed record EquipmentParameterInput(string? Key, string? Value);

/// <summary>PUT rewrites every field but the place: <see cref="ServiceObjectId"/> is where new equipment stands (null: in
/// stock); once made it changes only by a move (<see cref="MoveEquipment"/>), which leaves a history row.</summary>
public sealed record EquipmentRequest(
    long? CompanyId, string? Type, string? Manufacturer, string? Model, string? SerialNumber, string? InventoryNumber,
    DateOnly? WarrantyEnd, long? ServiceObjectId, List<EquipmentParameterInput?>? Parameters, string? Notes)
{
    /// <summary>Custom field values { key: value } to set; null clears one, fields left out keep theirs.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }
}

/// <summary>Creates or rewrites a piece of equipment of a company.</summary>
public sealed class SaveEquipment(OknoDb db, TimeProvider clock, Tickets.CustomFields.CustomFieldValues fieldValues)
{
    public async Task<long> ExecuteAsync(long? id, EquipmentRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        await CompanySaves.CheckCompanyAsync(db, request.CompanyId, errors, cancellationToken);
        var fields = await fieldValues.ParseAsync(Tickets.CustomFields.CustomFieldEntity.Equipment, request.CustomFields, errors, cancellationToken);
        if (id is null && request.ServiceObjectId is { } objectId && request.CompanyId is not null)
            await CheckObjectAsync(db, objectId, request.CompanyId.Value, "serviceObjectId", errors, cancellationToken);
        errors.ThrowIfAny();

        return await db.WriteAsync(async ct =>
        {
            Equipment item;
            if (id is null)
            {
                item = new Equipment { CompanyId = request.CompanyId!.Value, ServiceObjectId = request.ServiceObjectId, CreatedAt = clock.GetUtcNow() };
                db.Equipment.Add(item);
            }
            else
            {
                item = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, ct)
                    ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.EquipmentNotFound, "Equipment", id));
                CompanySaves.EnsureSameCompany(item.CompanyId, request.CompanyId, "equipment");
            }
            Apply(item, request);
            return await CompanySaves.SaveWithFieldsAsync(db, fieldValues, Tickets.CustomFields.CustomFieldEntity.Equipment, item, i => i.Id, fields, ct);
        }, cancellationToken);
    }

    internal static async Task CheckObjectAsync(OknoDb db, long objectId, long companyId, string field, FieldErrors errors, CancellationToken ct)
    {
        var objectCompany = await db.ServiceObjects.Where(o => o.Id == objectId).Select(o => (long?)o.CompanyId).SingleOrDefaultAsync(ct);
        if (objectCompany is null)
            errors.Add(field, ServiceObjectErrorCodes.ObjectNotFound, $"There is no service object {objectId}.", ("id", objectId));
        else if (objectCompany != companyId)
            errors.Add(field, ServiceObjectErrorCodes.ObjectOfOtherCompany, $"Service object {objectId} belongs to another company.", ("id", objectId));
    }

    internal static FieldErrors Validate(EquipmentRequest request)
    {
        var errors = new FieldErrors();
        if (request.CompanyId is null) errors.Required("companyId");
        errors.Text("type", request.Type, Equipment.FieldMaxLength);
        errors.Text("manufacturer", request.Manufacturer, Equipment.FieldMaxLength, required: false);
        errors.Text("model", request.Model, Equipment.FieldMaxLength, required: false);
        errors.Text("serialNumber", request.SerialNumber, Equipment.SerialMaxLength, required: false);
        errors.Text("inventoryNumber", request.InventoryNumber, Equipment.SerialMaxLength, required: false);
        errors.Text("notes", request.Notes, Equipment.NotesMaxLength, required: false);
        if (request.WarrantyEnd is { Year: < 1900 or > 2200 })
            errors.Add("warrantyEnd", ErrorCodes.OutOfRange, "The year is between 1900 and 2200.", ("min", 1900), ("max", 2200));
        if (request.Parameters is { } parameters)
        {
            if (parameters.Count > Equipment.MaxParameters) errors.TooMany("parameters", Equipment.MaxParameters, "parameters");
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < parameters.Count && i < Equipment.MaxParameters; i++)
            {
                var p = parameters[i];
                errors.Text($"parameters[{i}].key", p?.Key, Equipment.ParameterKeyMaxLength);
                errors.Text($"parameters[{i}].value", p?.Value, Equipment.ParameterValueMaxLength, required: false);
                if (p?.Key is { } key && !string.IsNullOrWhiteSpace(key) && !keys.Add(key.Trim()))
                    errors.Add($"parameters[{i}].key", ServiceObjectErrorCodes.DuplicateParameter, "This key is given twice.");
            }
        }
        return errors;
    }

    internal static void Apply(Equipment item, EquipmentRequest request)
    {
        item.Type = request.Type!.Trim();
        item.Manufacturer = SaveServiceObject.Trimmed(request.Manufacturer);
        item.Model = SaveServiceObject.Trimmed(request.Model);
        item.SerialNumber = SaveServiceObject.Trimmed(request.SerialNumber);
        item.SerialKey = item.SerialNumber is null ? null : Equipment.NormalizeSerial(item.SerialNumber) is { Length: > 0 } key ? key : null;
        item.InventoryNumber = SaveServiceObject.Trimmed(request.InventoryNumber);
        item.WarrantyEnd = request.WarrantyEnd;
        item.Parameters = (request.Parameters ?? []).OfType<EquipmentParameterInput>()
            .Select(p => new EquipmentParameter(p.Key!.Trim(), p.Value?.Trim() ?? "")).ToList();
        item.Notes = SaveServiceObject.Trimmed(request.Notes);
    }
}
