using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Tickets.CustomFields;

/// <summary>Custom fields' part of a contact merge (<see cref="Customers.MergeContacts"/>): the merged contact's values
/// move to the survivor where it has none of that field (the survivor's own value wins), the rest go with the merged
/// contact; links to the merged contact (from any entity's contact-link fields) point at the survivor.</summary>
internal sealed class CustomFieldsContactMerge(OknoDb db) : Customers.IContactMergeStep
{
    public async Task MoveAsync(long contactId, long intoContactId, CancellationToken ct)
    {
        var values = db.CustomFieldValues;
        var survivorFields = values.Where(v => v.Entity == CustomFieldEntity.Contact && v.EntityId == intoContactId).Select(v => v.FieldId);
        await values.Where(v => v.Entity == CustomFieldEntity.Contact && v.EntityId == contactId && !survivorFields.Contains(v.FieldId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.EntityId, intoContactId), ct);
        await values.Where(v => v.Entity == CustomFieldEntity.Contact && v.EntityId == contactId).ExecuteDeleteAsync(ct);
        var contactLinks = db.CustomFields.Where(f => f.Type == CustomFieldType.ContactLink).Select(f => f.Id);
        await values.Where(v => v.LinkedId == contactId && contactLinks.Contains(v.FieldId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.LinkedId, intoContactId), ct);
    }
}
