using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets.CustomFields;

namespace Okno.Reports.Kpi;

/// <summary>Which ticket custom fields the reports keep counters for, and the values a ticket is counted under. Only
/// fields with a handful of values are kept — one or several from a list (per option) and yes/no — as a filter or a
/// grouping of the reports (issue 20: custom fields "filterable in the reports"); text, numbers, dates and links have
/// as many values as tickets and are filters of the inbox and the drill-down lists instead.</summary>
public static partial class ReportFieldValues
{
    /// <summary>An option key or "true"/"false".</summary>
    public const int ValueMaxLength = CustomFieldDefinition.KeyMaxLength;

    public static bool IsReportable(CustomFieldType type) => type is CustomFieldType.OneOf or CustomFieldType.SeveralOf or CustomFieldType.YesNo;

    /// <summary>The values a field's history form (<see cref="CustomFieldValues.Display"/>: an option key, option keys
    /// joined by ", ", "true"/"false") counts under; none when empty.</summary>
    public static IReadOnlyList<string> ValuesOf(CustomFieldType type, string? display)
    {
        if (string.IsNullOrEmpty(display)) return [];
        return type == CustomFieldType.SeveralOf
            ? display.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
            : [display];
    }

    /// <summary>The values of every field, from { key: history form }, for the ticket's state.</summary>
    public static string Encode(IReadOnlyDictionary<string, CustomFieldType> types, IReadOnlyDictionary<string, string> displays) =>
        Encode(displays.Where(d => types.ContainsKey(d.Key)).SelectMany(d => ValuesOf(types[d.Key], d.Value).Select(v => (d.Key, v))));

    public static string Encode(IEnumerable<(string Field, string Value)> values) =>
        string.Join('\n', values.Select(v => v.Field + "=" + v.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlyList<(string Field, string Value)> Decode(string encoded) => encoded.Length == 0 ? [] : encoded.Split('\n')
        .Select(line => line.Split('=', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1])).ToList();

    /// <summary>The line a ticket state's <see cref="ReportTicketState.Fields"/> holds for one value (for a LIKE/contains
    /// filter framed by line breaks).</summary>
    public static string Line(string field, string value) => field + "=" + value;

    /// <summary>The reportable ticket fields (inactive ones too: their values stay on tickets): what the ledger and the
    /// readers of values need, read once per batch of events or tickets.</summary>
    public sealed record Fields(IReadOnlyDictionary<string, CustomFieldType> Types, IReadOnlyDictionary<long, CustomFieldDefinition> ById)
    {
        public static readonly Fields None = new(new Dictionary<string, CustomFieldType>(), new Dictionary<long, CustomFieldDefinition>());
    }

    public static async Task<Fields> FieldsAsync(OknoDb db, CancellationToken ct)
    {
        var kept = (await db.CustomFields.AsNoTracking().Where(f => f.Entity == CustomFieldEntity.Ticket).ToListAsync(ct))
            .Where(f => IsReportable(f.Type)).ToList();
        return kept.Count == 0 ? Fields.None
            : new Fields(kept.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal), kept.ToDictionary(f => f.Id));
    }

    /// <summary>The current history forms of the reportable fields of tickets <paramref name="first"/>..<paramref name="last"/>
    /// (ids), per ticket: { key: display }. No query when the desk has no such field.</summary>
    public static async Task<Dictionary<long, Dictionary<string, string>>> DisplaysAsync(OknoDb db, Fields fields, long first, long last,
        CancellationToken ct)
    {
        if (fields.ById.Count == 0) return [];
        var ids = fields.ById.Keys.ToList();
        return Displays(fields, await db.CustomFieldValues.AsNoTracking()
            .Where(v => v.Entity == CustomFieldEntity.Ticket && v.EntityId >= first && v.EntityId <= last && ids.Contains(v.FieldId))
            .ToListAsync(ct));
    }

    /// <summary>The same for the tickets with these ids.</summary>
    public static async Task<Dictionary<long, Dictionary<string, string>>> DisplaysAsync(OknoDb db, Fields fields, IReadOnlyCollection<long> tickets,
        CancellationToken ct)
    {
        if (fields.ById.Count == 0) return [];
        var ids = fields.ById.Keys.ToList();
        return Displays(fields, await db.CustomFieldValues.AsNoTracking()
            .Where(v => v.Entity == CustomFieldEntity.Ticket && tickets.Contains(v.EntityId) && ids.Contains(v.FieldId))
            .ToListAsync(ct));
    }

    private static Dictionary<long, Dictionary<string, string>> Displays(Fields fields, List<CustomFieldValue> rows) =>
        rows.GroupBy(r => r.EntityId).ToDictionary(t => t.Key, t => t.GroupBy(r => r.FieldId)
            .Select(f => (Field: fields.ById[f.Key], Display: CustomFieldValues.Display(fields.ById[f.Key], f.ToList())))
            .Where(f => f.Display is not null).ToDictionary(f => f.Field.Key, f => f.Display!, StringComparer.Ordinal));

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex KeyPattern();

    /// <summary>"cf.&lt;key&gt;" with a well-formed key (whether the field exists is <see cref="CheckAsync"/>'s).</summary>
    public static bool IsFieldName(string name) =>
        name.StartsWith(KpiQuery.FieldPrefix, StringComparison.Ordinal) && KeyPattern().IsMatch(name[KpiQuery.FieldPrefix.Length..]);

    /// <summary>A well-formed option key or true/false.</summary>
    public static bool IsValue(string value) => KeyPattern().IsMatch(value);

    /// <summary>The field a query filters or groups by, checked: a ticket field with few values, and the filter's value one
    /// of its options (retired ones too: tickets keep them) or true/false. Null when the query names no field.</summary>
    public static async Task<CustomFieldDefinition?> CheckAsync(OknoDb db, KpiQuery q, CancellationToken ct)
    {
        if (q.Field is not { } key) return null;
        var name = q.FieldGroupBy is not null && q.FieldKey is null ? "groupBy" : KpiQuery.FieldPrefix + key;
        var field = await db.CustomFields.AsNoTracking().SingleOrDefaultAsync(f => f.Entity == CustomFieldEntity.Ticket && f.Key == key, ct);
        if (field is null)
            throw new OknoException(InvalidInput.Field(name, CustomFieldErrorCodes.UnknownField, $"There is no field '{key}'.", ("name", key)));
        if (!IsReportable(field.Type))
            throw new OknoException(InvalidInput.Field(name, ReportErrorCodes.FieldNotReportable,
                $"The reports are kept per value of list and yes/no fields only; '{key}' is {field.Type.ToSnakeCase()}.", ("name", key),
                ("kind", field.Type.ToSnakeCase())));
        if (q.FieldValue is { } value)
        {
            var allowed = field.Type == CustomFieldType.YesNo ? ["true", "false"] : field.Options.Select(o => o.Key).ToList();
            if (!allowed.Contains(value, StringComparer.Ordinal))
                throw new OknoException(InvalidInput.Field(KpiQuery.FieldPrefix + key, ErrorCodes.NotOneOf, $"'{value}' is not one of: {string.Join(", ", allowed)}.",
                    ("value", value), ("allowed", string.Join(", ", allowed))));
        }
        return field;
    }

    /// <summary>The groups' names when grouped by a field: the options' labels in the request's language, yes/no in words.</summary>
    public static Dictionary<string, string> Names(CustomFieldDefinition field, IEnumerable<string> values, IStringLocalizer words)
    {
        var russian = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
        var options = field.Options.ToDictionary(o => o.Key, o => russian ? o.LabelRu : o.LabelEn, StringComparer.Ordinal);
        return values.Distinct().ToDictionary(v => v, v => field.Type == CustomFieldType.YesNo
            ? words[v == "true" ? "Yes" : "No"].Value
            : options.GetValueOrDefault(v, v));
    }

    /// <summary>A report grouping by a custom field, as the report pages offer it: "cf.&lt;key&gt;" and the field's labels.</summary>
    public sealed record Choice(string GroupBy, string LabelRu, string LabelEn)
    {
        public string Label(bool russian) => russian ? LabelRu : LabelEn;
    }

    /// <summary>The active reportable ticket fields, in their order (at most <see cref="CustomFieldDefinition.MaxPerEntity"/>).</summary>
    public static async Task<List<Choice>> ChoicesAsync(OknoDb db, CancellationToken ct) =>
        (await db.CustomFields.AsNoTracking().Where(f => f.Entity == CustomFieldEntity.Ticket && f.IsActive).OrderBy(f => f.Position).ThenBy(f => f.Id)
            .ToListAsync(ct))
        .Where(f => IsReportable(f.Type)).Select(f => new Choice(KpiQuery.FieldPrefix + f.Key, f.LabelRu, f.LabelEn)).ToList();
}
