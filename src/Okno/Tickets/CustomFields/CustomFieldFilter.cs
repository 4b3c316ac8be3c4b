using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets.CustomFields;

/// <summary>"The entity's field has this value" (a list field: has this option among its choices): an EXISTS over the
/// (field, value, entity) index of the values.</summary>
public sealed record CustomFieldCondition(long FieldId, string? Text = null, double? Number = null, DateOnly? Date = null, bool? Bool = null,
    long? LinkedId = null)
{
    public const string QueryPrefix = "cf.";
    public const int MaxConditions = 10;

    /// <summary>The conditions a query string names: <c>cf.&lt;key&gt;=value</c>, each an exact value of the field
    /// (a number, yyyy-MM-dd, true/false, an option key, a linked id). A bad key or value is a ProblemDetails error.</summary>
    public static async Task<IReadOnlyList<CustomFieldCondition>> FromQueryAsync(IQueryCollection query, CustomFieldEntity entity, OknoDb db,
        CancellationToken cancellationToken)
    {
        var asked = query.Where(q => q.Key.StartsWith(QueryPrefix, StringComparison.Ordinal)).ToList();
        if (asked.Count == 0) return [];
        var errors = new FieldErrors();
        if (asked.Count > MaxConditions)
        {
            errors.TooMany("cf", MaxConditions, "custom field filters");
            errors.ThrowIfAny();
        }
        var keys = asked.Select(q => q.Key[QueryPrefix.Length..]).ToList();
        var fields = await db.CustomFields.AsNoTracking().Where(f => f.Entity == entity && keys.Contains(f.Key)).ToDictionaryAsync(f => f.Key, cancellationToken);
        var conditions = new List<CustomFieldCondition>();
        foreach (var (name, values) in asked)
        {
            var key = name[QueryPrefix.Length..];
            var value = values.ToString().Trim();
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add(name, CustomFieldErrorCodes.UnknownField, $"There is no field '{key}'.", ("name", key.Length > 64 ? key[..64] : key));
                continue;
            }
            CustomFieldCondition? condition = field.Type switch
            {
                CustomFieldType.Text or CustomFieldType.OneOf or CustomFieldType.SeveralOf when value.Length is > 0 and <= CustomFieldValue.TextMaxLength
                    => new(field.Id, Text: value),
                CustomFieldType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                    => new(field.Id, Number: n),
                CustomFieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    => new(field.Id, Date: d),
                CustomFieldType.YesNo when bool.TryParse(value, out var b) => new(field.Id, Bool: b),
                CustomFieldType.ContactLink or CustomFieldType.CompanyLink or CustomFieldType.ServiceObjectLink
                    when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => new(field.Id, LinkedId: id),
                _ => null,
            };
            if (condition is null)
                errors.Add(name, CustomFieldErrorCodes.WrongType, $"'{key}' takes a value of type {field.Type.ToSnakeCase()}.",
                    ("name", key), ("kind", field.Type.ToSnakeCase()));
            else conditions.Add(condition);
        }
        errors.ThrowIfAny();
        return conditions;
    }

    /// <summary>The values that match, as a query to test with Any(v =&gt; v.EntityId == id).</summary>
    public IQueryable<CustomFieldValue> Matches(OknoDb db, CustomFieldEntity entity)
    {
        var values = db.CustomFieldValues.Where(v => v.FieldId == FieldId && v.Entity == entity);
        if (Text is { } text) return values.Where(v => v.Text == text);
        if (Number is { } number) return values.Where(v => v.Number == number);
        if (Date is { } date) return values.Where(v => v.Date == date);
        if (Bool is { } b) return values.Where(v => v.Bool == b);
        var linked = LinkedId;
        return values.Where(v => v.LinkedId == linked);
    }
}
