using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Web;

namespace Okno.Tickets.CustomFields;

/// <summary>Tells whether linked entities exist, for one link type. Contacts and companies are registered here; the
/// service objects' section registers its own (one line) and link fields to objects start to accept values.</summary>
public interface ICustomFieldLinkTarget
{
    CustomFieldType LinkType { get; }
    Task<HashSet<long>> ExistingAsync(OknoDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}

/// <summary>The values a request sets: per field, the rows it will have (empty: the value is cleared).</summary>
public sealed record CustomFieldInput(IReadOnlyList<(CustomFieldDefinition Field, IReadOnlyList<CustomFieldValue> Rows)> Fields)
{
    public static readonly CustomFieldInput None = new([]);
    public bool IsEmpty => Fields.Count == 0;
}

/// <summary>A change of one field's value, as the history shows it (<see cref="CustomFieldValues.Display"/>).</summary>
public sealed record CustomFieldChange(CustomFieldDefinition Field, string? From, string? To);

/// <summary>Reads, checks and writes the custom field values of any entity (<see cref="CustomFieldEntity"/>): the one
/// place that knows how a JSON value maps to the typed columns, so a new entity kind only calls these.</summary>
public sealed class CustomFieldValues(OknoDb db, IEnumerable<ICustomFieldLinkTarget> linkTargets, CustomFieldDefinitionCache? definitions = null)
{
    /// <summary>Search entries of the text values of a ticket's fields: one per ticket (owner = ticket id).</summary>
    public const string TicketSearchKind = "ticket_fields";

    /// <summary>The kind's definitions in display order (shared from the cache: read them, never change them).</summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> DefinitionsAsync(CustomFieldEntity entity, CancellationToken cancellationToken) =>
        definitions is not null ? await definitions.GetAsync(db, entity, cancellationToken)
            : await CustomFieldDefinitionCache.ReadAsync(db, entity, cancellationToken);

    /// <summary>Checks a request's <c>customFields</c> ({ key: value }, null clears) against the active fields of
    /// <paramref name="entity"/>; every problem goes to <paramref name="errors"/> under "customFields.&lt;key&gt;".</summary>
    public async Task<CustomFieldInput> ParseAsync(CustomFieldEntity entity, IReadOnlyDictionary<string, JsonElement>? input,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        if (input is null || input.Count == 0) return CustomFieldInput.None;
        if (input.Count > CustomFieldDefinition.MaxPerEntity)
        {
            errors.TooMany("customFields", CustomFieldDefinition.MaxPerEntity, "fields");
            return CustomFieldInput.None;
        }
        var fields = (await DefinitionsAsync(entity, cancellationToken)).Where(f => f.IsActive).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var parsed = new List<(CustomFieldDefinition, IReadOnlyList<CustomFieldValue>)>();
        var links = new List<(string Name, CustomFieldDefinition Field, long Id)>();
        foreach (var (key, value) in input)
        {
            var name = "customFields." + key;
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add(name, CustomFieldErrorCodes.UnknownField, $"There is no field '{key}'.", ("name", Shorten(key)));
                continue;
            }
            var rows = Parse(field, value, name, errors);
            if (rows is null) continue;
            foreach (var row in rows.Where(r => r.LinkedId is not null)) links.Add((name, field, row.LinkedId!.Value));
            parsed.Add((field, rows));
        }
        foreach (var group in links.GroupBy(l => l.Field.Type))
        {
            var target = linkTargets.FirstOrDefault(t => t.LinkType == group.Key);
            var existing = target is null ? [] : await target.ExistingAsync(db, group.Select(l => l.Id).Distinct().ToList(), cancellationToken);
            foreach (var (name, field, id) in group.Where(l => !existing.Contains(l.Id)))
                errors.Add(name, CustomFieldErrorCodes.LinkNotFound, $"Nothing with id {id} to link to.", ("name", field.Key), ("id", id));
        }
        return new CustomFieldInput(parsed);
    }

    private static string Shorten(string key) => key.Length > CustomFieldDefinition.KeyMaxLength ? key[..CustomFieldDefinition.KeyMaxLength] + "…" : key;

    /// <summary>The rows of one value; null when it is wrong (the error is added).</summary>
    private static List<CustomFieldValue>? Parse(CustomFieldDefinition field, JsonElement value, string name, FieldErrors errors)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return [];
        List<CustomFieldValue>? WrongType()
        {
            errors.Add(name, CustomFieldErrorCodes.WrongType, $"'{field.Key}' takes a value of type {field.Type.ToSnakeCase()}.",
                ("name", field.Key), ("kind", field.Type.ToSnakeCase()));
            return null;
        }
        CustomFieldValue Row() => new() { Entity = field.Entity, FieldId = field.Id };
        switch (field.Type)
        {
            case CustomFieldType.Text:
                if (value.ValueKind != JsonValueKind.String) return WrongType();
                var text = value.GetString()!.Trim();
                if (text.Length == 0) return [];
                if (text.Length > CustomFieldValue.TextMaxLength) { errors.TooLong(name, CustomFieldValue.TextMaxLength); return null; }
                if (FieldErrors.HasControlCharacters(text)) { errors.ControlCharacters(name); return null; }
                var row = Row();
                row.Text = text;
                return [row];
            case CustomFieldType.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)) return WrongType();
                var n = Row();
                n.Number = number;
                return [n];
            case CustomFieldType.Date:
                if (value.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(name, ErrorCodes.InvalidDate, "A date is written yyyy-MM-dd.", ("format", "yyyy-MM-dd"));
                    return null;
                }
                var d = Row();
                d.Date = date;
                return [d];
            case CustomFieldType.YesNo:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return WrongType();
                var b = Row();
                b.Bool = value.GetBoolean();
                return [b];
            case CustomFieldType.OneOf:
            case CustomFieldType.SeveralOf:
                List<string> keys;
                if (field.Type == CustomFieldType.OneOf && value.ValueKind == JsonValueKind.String) keys = [value.GetString()!];
                else if (field.Type == CustomFieldType.SeveralOf && value.ValueKind == JsonValueKind.Array
                         && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                    keys = value.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList();
                else return WrongType();
                if (keys.Count > CustomFieldDefinition.MaxOptions) { errors.TooMany(name, CustomFieldDefinition.MaxOptions); return null; }
                var offered = field.Options.Where(o => !o.Retired).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
                var bad = keys.FirstOrDefault(k => !offered.Contains(k));
                if (bad is not null)
                {
                    errors.Add(name, CustomFieldErrorCodes.UnknownOption, $"'{Shorten(bad)}' is not an option of '{field.Key}'.",
                        ("name", field.Key), ("value", Shorten(bad)));
                    return null;
                }
                return keys.Select(k => { var r = Row(); r.Text = k; return r; }).ToList();
            default:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id)) return WrongType();
                if (id <= 0)
                {
                    errors.Add(name, CustomFieldErrorCodes.LinkNotFound, $"Nothing with id {id} to link to.", ("name", field.Key), ("id", id));
                    return null;
                }
                var l = Row();
                l.LinkedId = id;
                return [l];
        }
    }

    /// <summary>Replaces the values of the given fields on one entity (in the caller's transaction; saved by the caller's
    /// SaveChanges) and tells which really changed.</summary>
    public async Task<IReadOnlyList<CustomFieldChange>> WriteAsync(CustomFieldEntity entity, long entityId, CustomFieldInput input,
        CancellationToken cancellationToken)
    {
        if (input.IsEmpty) return [];
        var fieldIds = input.Fields.Select(f => f.Field.Id).ToList();
        var existing = await db.CustomFieldValues.Where(v => v.Entity == entity && v.EntityId == entityId && fieldIds.Contains(v.FieldId))
            .ToListAsync(cancellationToken);
        var changes = new List<CustomFieldChange>();
        foreach (var (field, rows) in input.Fields)
        {
            var before = existing.Where(v => v.FieldId == field.Id).ToList();
            var from = Display(field, before);
            var to = Display(field, rows);
            if (from == to) continue;
            db.CustomFieldValues.RemoveRange(before);
            foreach (var row in rows)
            {
                row.Entity = entity;
                row.EntityId = entityId;
                db.CustomFieldValues.Add(row);
            }
            changes.Add(new CustomFieldChange(field, from, to));
        }
        return changes;
    }

    /// <summary>Checks and writes values of an entity that keeps no history of them (a contact, a company), in a
    /// transaction of its own; the entity must exist. Tickets go through <c>ChangeTicket</c> instead.</summary>
    /// <summary>Whether the entity whose values are saved exists: through the link target of its kind; equipment has no
    /// link type, so it is looked up directly.</summary>
    private async Task<bool> OwnerExistsAsync(CustomFieldEntity entity, long entityId, CancellationToken cancellationToken)
    {
        if (entity == CustomFieldEntity.Equipment) return await db.Set<Customers.ServiceObjects.Equipment>().AnyAsync(e => e.Id == entityId, cancellationToken);
        var owner = entity switch { CustomFieldEntity.Contact => CustomFieldType.ContactLink, CustomFieldEntity.Company => CustomFieldType.CompanyLink,
            CustomFieldEntity.ServiceObject => CustomFieldType.ServiceObjectLink, _ => (CustomFieldType?)null };
        return owner is not null && linkTargets.FirstOrDefault(t => t.LinkType == owner) is { } target
            && (await target.ExistingAsync(db, [entityId], cancellationToken)).Contains(entityId);
    }

    public async Task SaveAsync(CustomFieldEntity entity, long entityId, IReadOnlyDictionary<string, JsonElement> input,
        CancellationToken cancellationToken)
    {
        if (entity == CustomFieldEntity.Ticket) throw new InvalidOperationException("A ticket's fields change through ChangeTicket.");
        var errors = new FieldErrors();
        var parsed = await ParseAsync(entity, input, errors, cancellationToken);
        errors.ThrowIfAny();
        if (!await OwnerExistsAsync(entity, entityId, cancellationToken))
            throw new OknoException(new NotFound(ErrorCodes.NotFound, entity.ToString(), entityId));
        await db.WriteAsync(async ct =>
        {
            await WriteAsync(entity, entityId, parsed, ct);
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
    }

    /// <summary>The keys of the fields that have a value on the entity now (tracked changes included).</summary>
    public async Task<HashSet<long>> FilledAsync(CustomFieldEntity entity, long entityId, CancellationToken cancellationToken)
    {
        var stored = await db.CustomFieldValues.AsNoTracking().Where(v => v.Entity == entity && v.EntityId == entityId)
            .Select(v => new { v.Id, v.FieldId }).ToListAsync(cancellationToken);
        var deleted = db.ChangeTracker.Entries<CustomFieldValue>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet();
        var added = db.ChangeTracker.Entries<CustomFieldValue>()
            .Where(e => e.State == EntityState.Added && e.Entity.Entity == entity && e.Entity.EntityId == entityId).Select(e => e.Entity.FieldId);
        return stored.Where(s => !deleted.Contains(s.Id)).Select(s => s.FieldId).Concat(added).ToHashSet();
    }

    /// <summary>Adds an error for each active ticket field required for <paramref name="type"/> that has no value.</summary>
    public async Task CheckRequiredAsync(TicketType type, IReadOnlySet<long> filled, FieldErrors errors, CancellationToken cancellationToken)
    {
        foreach (var field in (await DefinitionsAsync(CustomFieldEntity.Ticket, cancellationToken))
                 .Where(f => f.IsActive && f.RequiredForTypes.Contains(type) && !filled.Contains(f.Id)))
            errors.Add("customFields." + field.Key, CustomFieldErrorCodes.RequiredForType,
                $"'{field.Key}' is required for tickets of type {type.ToSnakeCase()}.", ("name", field.Key), ("kind", type.ToSnakeCase()));
    }

    /// <summary>Puts the text values of a ticket's fields in its search entry (or removes it when there are none), in the
    /// current transaction: call after the values are saved.</summary>
    public async Task IndexTicketAsync(long ticketId, CancellationToken cancellationToken)
    {
        var definitions = db.CustomFields;
        var texts = await db.CustomFieldValues.AsNoTracking()
            .Where(v => v.Entity == CustomFieldEntity.Ticket && v.EntityId == ticketId && v.Text != null
                        && definitions.Any(f => f.Id == v.FieldId && f.Type == CustomFieldType.Text))
            .OrderBy(v => v.FieldId).Select(v => v.Text!).ToListAsync(cancellationToken);
        if (texts.Count == 0)
        {
            await SearchIndexing.RemoveAsync(db, TicketSearchKind, ticketId, cancellationToken);
            return;
        }
        var body = string.Join("\n", texts);
        await SearchIndexing.UpsertAsync(db, [new SearchDocument(TicketSearchKind, ticketId, ticketId, TextAnalyzer.DetectLanguage(body), "", body)],
            cancellationToken);
    }

    /// <summary>A value as the history and the search see it: text, an invariant number, yyyy-MM-dd, true/false, option
    /// keys (", "-joined), a linked id; null when empty.</summary>
    public static string? Display(CustomFieldDefinition field, IReadOnlyCollection<CustomFieldValue> rows)
    {
        if (rows.Count == 0) return null;
        var r = rows.First();
        return field.Type switch
        {
            CustomFieldType.Text or CustomFieldType.OneOf => r.Text,
            CustomFieldType.SeveralOf => string.Join(", ", rows.Select(x => x.Text).Order(StringComparer.Ordinal)),
            CustomFieldType.Number => r.Number?.ToString("R", CultureInfo.InvariantCulture),
            CustomFieldType.Date => r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CustomFieldType.YesNo => r.Bool is { } b ? (b ? "true" : "false") : null,
            _ => r.LinkedId?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An entity's values as the API shows them: { key: value } in field order (a several-from-a-list field as
    /// an array of option keys, a date as yyyy-MM-dd, a link as the id).</summary>
    public static async Task<Dictionary<string, JsonNode?>> ReadAsync(OknoDb db, CustomFieldEntity entity, long entityId,
        CancellationToken cancellationToken)
    {
        var rows = await db.CustomFieldValues.AsNoTracking().Where(v => v.Entity == entity && v.EntityId == entityId)
            .OrderBy(v => v.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0) return [];
        var fieldIds = rows.Select(r => r.FieldId).Distinct().ToList();
        var fields = await db.CustomFields.AsNoTracking().Where(f => fieldIds.Contains(f.Id)).OrderBy(f => f.Position).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var mine = rows.Where(r => r.FieldId == field.Id).ToList();
            var r = mine[0];
            result[field.Key] = field.Type switch
            {
                CustomFieldType.Text or CustomFieldType.OneOf => JsonValue.Create(r.Text),
                CustomFieldType.SeveralOf => new JsonArray([.. mine.Select(x => x.Text).Order(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t))]),
                CustomFieldType.Number => r.Number is { } n ? JsonValue.Create(n) : null,
                CustomFieldType.Date => r.Date is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
                CustomFieldType.YesNo => r.Bool is { } b ? JsonValue.Create(b) : null,
                _ => r.LinkedId is { } id ? JsonValue.Create(id) : null,
            };
        }
        return result;
    }
}

internal sealed class ContactLinkTarget : ICustomFieldLinkTarget
{
    public CustomFieldType LinkType => CustomFieldType.ContactLink;

    public async Task<HashSet<long>> ExistingAsync(OknoDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.Contacts.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
}

internal sealed class CompanyLinkTarget : ICustomFieldLinkTarget
{
    public CustomFieldType LinkType => CustomFieldType.CompanyLink;

    public async Task<HashSet<long>> ExistingAsync(OknoDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.Companies.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
}
