using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary>What a ticket names: an object and a piece of equipment, checked to exist and to agree (equipment that stands
/// somewhere implies that object) and the company they belong to (null: neither named).</summary>
public sealed record ObjectLink(long? ServiceObjectId, long? EquipmentId, long? CompanyId)
{
    public static readonly ObjectLink None = new(null, null, null);

    /// <summary>Refuses a link to another company's object or equipment than <paramref name="ticketCompanyId"/> (the
    /// company of the ticket's contact).</summary>
    public void EnsureCompany(long? ticketCompanyId, string prefix = "")
    {
        if (CompanyId is null || CompanyId == ticketCompanyId) return;
        throw new OknoException(EquipmentId is { } equipmentId
            ? InvalidInput.Field(prefix + "equipmentId", ServiceObjectErrorCodes.EquipmentOfOtherCompany,
                $"Equipment {equipmentId} belongs to another company than the ticket's customer.", ("id", equipmentId))
            : InvalidInput.Field(prefix + "serviceObjectId", ServiceObjectErrorCodes.ObjectOfOtherCompany,
                $"Service object {ServiceObjectId} belongs to another company than the ticket's customer.", ("id", ServiceObjectId)));
    }
}

/// <summary>Resolves the object and equipment a ticket names (on creation and on a change).</summary>
public static class TicketObjectLink
{
    /// <summary><paramref name="equipmentId"/> given alone takes its object; both given must agree unless the equipment is
    /// in stock.</summary>
    public static async Task<ObjectLink> ResolveAsync(OknoDb db, long? serviceObjectId, long? equipmentId, string prefix,
        CancellationToken cancellationToken)
    {
        if (serviceObjectId is null && equipmentId is null) return ObjectLink.None;
        var errors = new FieldErrors();
        long? companyId = null;
        if (equipmentId is { } eid)
        {
            var equipment = await db.Equipment.Where(e => e.Id == eid).Select(e => new { e.CompanyId, e.ServiceObjectId }).SingleOrDefaultAsync(cancellationToken);
            if (equipment is null)
                errors.Add(prefix + "equipmentId", ServiceObjectErrorCodes.EquipmentNotFound, $"There is no equipment {eid}.", ("id", eid));
            else
            {
                companyId = equipment.CompanyId;
                if (equipment.ServiceObjectId is { } standsAt)
                {
                    if (serviceObjectId is { } named && named != standsAt)
                        errors.Add(prefix + "equipmentId", ServiceObjectErrorCodes.EquipmentNotAtObject,
                            $"Equipment {eid} stands at another object than {named}.", ("id", eid));
                    serviceObjectId = standsAt;
                }
            }
        }
        if (serviceObjectId is { } oid && !errors.Any)
        {
            var objectCompany = await db.ServiceObjects.Where(o => o.Id == oid).Select(o => (long?)o.CompanyId).SingleOrDefaultAsync(cancellationToken);
            if (objectCompany is null)
                errors.Add(prefix + "serviceObjectId", ServiceObjectErrorCodes.ObjectNotFound, $"There is no service object {oid}.", ("id", oid));
            else if (companyId is not null && companyId != objectCompany)
                errors.Add(prefix + "serviceObjectId", ServiceObjectErrorCodes.ObjectOfOtherCompany,
                    $"Service object {oid} belongs to another company than the equipment.", ("id", oid));
            else companyId = objectCompany;
        }
        errors.ThrowIfAny();
        return new ObjectLink(serviceObjectId, equipmentId, companyId);
    }
}
