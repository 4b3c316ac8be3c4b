using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets.CustomFields;

public sealed record CustomFieldOptionInput(string? Key, string? LabelRu, string? LabelEn);

/// <summary>A field definition as written. On an existing field <see cref="Entity"/>, <see cref="Key"/> and
/// <see cref="Type"/> may be repeated but not changed; an option left out of <see cref="Options"/> is retired (no longer
/// offered, old values stay readable), and given again it comes back.</summary>
public sealed record CustomFieldRequest(
    CustomFieldEntity? Entity, string? Key, string? LabelRu, string? LabelEn, CustomFieldType? Type,
    List<CustomFieldOptionInput?>? Options, int? Position, bool? Active, List<TicketType>? RequiredFor);

public sealed record CustomFieldView(
    long Id, CustomFieldEntity Entity, string Key, string LabelRu, string LabelEn, CustomFieldType Type,
    IReadOnlyList<CustomFieldOption> Options, int Position, bool Active, IReadOnlyList<TicketType> RequiredFor)
{
    public static CustomFieldView Of(CustomFieldDefinition f) =>
        new(f.Id, f.Entity, f.Key, f.LabelRu, f.LabelEn, f.Type, f.Options, f.Position, f.IsActive, f.RequiredForTypes);
}

/// <summary>Creates or rewrites a custom field definition (admins).</summary>
public sealed partial class SaveCustomField(OknoDb db, TimeProvider clock, CustomFieldDefinitionCache definitions)
{
    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex KeyPattern();

    public async Task<CustomFieldView> ExecuteAsync(long? id, CustomFieldRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Entity is null) errors.Required("entity");
        if (request.Type is null) errors.Required("type");
        errors.Text("key", request.Key, CustomFieldDefinition.KeyMaxLength);
        if (!string.IsNullOrWhiteSpace(request.Key) && request.Key.Length <= CustomFieldDefinition.KeyMaxLength && !KeyPattern().IsMatch(request.Key))
            errors.Add("key", ErrorCodes.InvalidValue, "A key is lowercase latin letters, digits and _.", ("value", request.Key));
        errors.Text("labelRu", request.LabelRu, CustomFieldDefinition.LabelMaxLength);
        errors.Text("labelEn", request.LabelEn, CustomFieldDefinition.LabelMaxLength);
        var isList = request.Type is CustomFieldType.OneOf or CustomFieldType.SeveralOf;
        var options = new List<CustomFieldOption>();
        if (isList)
        {
            if (request.Options is not { Count: > 0 }) errors.Add("options", CustomFieldErrorCodes.OptionsRequired, "A list field needs options.");
            else if (request.Options.Count > CustomFieldDefinition.MaxOptions) errors.TooMany("options", CustomFieldDefinition.MaxOptions, "options");
            else
                for (var i = 0; i < request.Options.Count; i++)
                {
                    var o = request.Options[i];
                    var at = $"options[{i}].";
                    if (o is null) { errors.Required($"options[{i}]"); continue; }
                    errors.Text(at + "key", o.Key, CustomFieldDefinition.KeyMaxLength);
                    if (!string.IsNullOrWhiteSpace(o.Key) && !KeyPattern().IsMatch(o.Key))
                        errors.Add(at + "key", ErrorCodes.InvalidValue, "An option key is lowercase latin letters, digits and _.", ("value", o.Key));
                    else if (options.Any(x => x.Key == o.Key))
                        errors.Add(at + "key", ErrorCodes.InvalidValue, "Option keys are unique.", ("value", o.Key));
                    errors.Text(at + "labelRu", o.LabelRu, CustomFieldDefinition.LabelMaxLength);
                    errors.Text(at + "labelEn", o.LabelEn, CustomFieldDefinition.LabelMaxLength);
                    if (!errors.Any) options.Add(new CustomFieldOption(o.Key!, o.LabelRu!.Trim(), o.LabelEn!.Trim()));
                }
        }
        else if (request.Options is { Count: > 0 }) errors.Add("options", ErrorCodes.InvalidValue, "Only list fields have options.");
        if (request.RequiredFor is { Count: > 0 } && request.Entity is not CustomFieldEntity.Ticket)
            errors.Add("requiredFor", ErrorCodes.InvalidValue, "Only ticket fields are required per ticket type.");
        if (request.Position is < 0 or > 100_000)
            errors.Add("position", ErrorCodes.OutOfRange, "Position is 0 to 100000.", ("min", 0), ("max", 100_000));
        errors.ThrowIfAny();

        var saved = await db.WriteAsync(async ct =>
        {
            CustomFieldDefinition field;
            if (id is null)
            {
                if (await db.CustomFields.CountAsync(f => f.Entity == request.Entity, ct) >= CustomFieldDefinition.MaxPerEntity)
                    throw new OknoException(new StateConflict(CustomFieldErrorCodes.LimitReached,
                        $"At most {CustomFieldDefinition.MaxPerEntity} fields per kind.", ("max", CustomFieldDefinition.MaxPerEntity)));
                if (await db.CustomFields.AnyAsync(f => f.Entity == request.Entity && f.Key == request.Key, ct))
                    throw new OknoException(new Duplicate(CustomFieldErrorCodes.KeyTaken, "key", $"A field '{request.Key}' exists.", ("name", request.Key)));
                field = new CustomFieldDefinition
                {
                    Entity = request.Entity!.Value, Key = request.Key!, Type = request.Type!.Value, CreatedAt = clock.GetUtcNow(),
                    Position = request.Position ?? await db.CustomFields.Where(f => f.Entity == request.Entity).Select(f => (int?)f.Position).MaxAsync(ct) + 1 ?? 0,
                };
                db.CustomFields.Add(field);
            }
            else
            {
                field = await db.CustomFields.SingleOrDefaultAsync(f => f.Id == id, ct)
                    ?? throw new OknoException(new NotFound(CustomFieldErrorCodes.NotFound, "Custom field", id));
                if (field.Entity != request.Entity || field.Key != request.Key || field.Type != request.Type)
                    throw new OknoException(new StateConflict(CustomFieldErrorCodes.Immutable,
                        "A field's entity, key and type cannot change; make a new field."));
                if (request.Position is { } position) field.Position = position;
            }
            field.LabelRu = request.LabelRu!.Trim();
            field.LabelEn = request.LabelEn!.Trim();
            if (isList)
            {
                // Options left out stay as retired, so values chosen before still show their labels.
                var retired = field.Options.Where(old => options.All(o => o.Key != old.Key)).Select(old => old with { Retired = true });
                field.Options = [.. options, .. retired];
            }
            field.RequiredForTypes = request.RequiredFor ?? [];
            field.IsActive = request.Active ?? true;
            await db.SaveChangesAsync(ct);
            return field;
        }, cancellationToken);
        definitions.Changed();
        return CustomFieldView.Of(saved);
    }
}
