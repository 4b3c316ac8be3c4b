using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Web;

namespace Okno.Tickets.CustomFields;

/// <summary>What a custom field belongs to. ServiceObject and Equipment are named already so their section plugs in
/// without a migration of this enum (stored by member name): it registers an <see cref="ICustomFieldEntities"/>.</summary>
public enum CustomFieldEntity { Ticket, Contact, Company, ServiceObject, Equipment }

/// <summary>The type of a field's values. Links hold the id of a contact, a company or a service object.</summary>
public enum CustomFieldType { Text, Number, Date, YesNo, OneOf, SeveralOf, ContactLink, CompanyLink, ServiceObjectLink }

/// <summary>A choice of a list field. <see cref="Retired"/>: taken off the list (no longer offered or accepted), kept so
/// values chosen before stay readable.</summary>
public sealed record CustomFieldOption(string Key, string LabelRu, string LabelEn, bool Retired = false);

/// <summary>A field an admin defined for tickets, contacts, companies (later service objects and equipment).
/// <see cref="Key"/>, <see cref="Entity"/> and <see cref="Type"/> never change once created: stored values and API
/// clients depend on them.</summary>
public sealed class CustomFieldDefinition
{
    public const int KeyMaxLength = 64;
    public const int LabelMaxLength = 100;
    public const int MaxOptions = 200;
    /// <summary>Fields per entity kind: every form and card shows them all.</summary>
    public const int MaxPerEntity = 100;

    public long Id { get; set; }
    public CustomFieldEntity Entity { get; set; }
    public string Key { get; set; } = "";
    public string LabelRu { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public CustomFieldType Type { get; set; }
    /// <summary>List options as JSON (<see cref="CustomFieldOption"/>[]); "[]" for other types.</summary>
    public string OptionsJson { get; set; } = "[]";
    /// <summary>Ticket types (snake_case names, comma-separated) for which a ticket field is required; "" none.</summary>
    public string RequiredFor { get; set; } = "";
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<CustomFieldOption> Options
    {
        get => JsonSerializer.Deserialize<List<CustomFieldOption>>(OptionsJson, Json) ?? [];
        set => OptionsJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<TicketType> RequiredForTypes
    {
        get => RequiredFor.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => Enum.GetValues<TicketType>().Cast<TicketType?>().FirstOrDefault(t => t!.Value.ToSnakeCase() == n))
            .OfType<TicketType>().ToList();
        set => RequiredFor = string.Join(",", value.Distinct().Order().Select(t => t.ToSnakeCase()));
    }

    public bool IsList => Type is CustomFieldType.OneOf or CustomFieldType.SeveralOf;
    public bool IsLink => Type is CustomFieldType.ContactLink or CustomFieldType.CompanyLink or CustomFieldType.ServiceObjectLink;
    public string Label(bool russian) => russian ? LabelRu : LabelEn;
}

/// <summary>One value of a field on one entity, in the column of its type. A several-from-a-list value is one row per
/// chosen option (its key in <see cref="Text"/>), so "tickets with option X" is a range of the (field, text) index.</summary>
public sealed class CustomFieldValue
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }
    public CustomFieldEntity Entity { get; set; }
    public long EntityId { get; set; }
    public long FieldId { get; set; }
    /// <summary>Text, or the option key of a list field.</summary>
    public string? Text { get; set; }
    public double? Number { get; set; }
    public DateOnly? Date { get; set; }
    public bool? Bool { get; set; }
    /// <summary>The linked contact's, company's or service object's id.</summary>
    public long? LinkedId { get; set; }
}

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> b)
    {
        b.ToTable("CustomFields");
        b.Property(f => f.Key).HasMaxLength(CustomFieldDefinition.KeyMaxLength);
        b.Property(f => f.LabelRu).HasMaxLength(CustomFieldDefinition.LabelMaxLength);
        b.Property(f => f.LabelEn).HasMaxLength(CustomFieldDefinition.LabelMaxLength);
        b.Property(f => f.RequiredFor).HasMaxLength(200);
        b.Ignore(f => f.Options);
        b.Ignore(f => f.RequiredForTypes);
        b.HasIndex(f => new { f.Entity, f.Key }).IsUnique();
        b.HasIndex(f => new { f.Entity, f.Position, f.Id });
    }
}

internal sealed class CustomFieldValueConfiguration : IEntityTypeConfiguration<CustomFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomFieldValue> b)
    {
        b.ToTable("CustomFieldValues");
        b.Property(v => v.Text).HasMaxLength(CustomFieldValue.TextMaxLength);
        b.HasOne<CustomFieldDefinition>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        // An entity's values are read together; filters are ranges of (field, value) ending in the entity id.
        b.HasIndex(v => new { v.Entity, v.EntityId, v.FieldId });
        b.HasIndex(v => new { v.FieldId, v.Text, v.EntityId });
        b.HasIndex(v => new { v.FieldId, v.Number, v.EntityId });
        b.HasIndex(v => new { v.FieldId, v.Date, v.EntityId });
        b.HasIndex(v => new { v.FieldId, v.Bool, v.EntityId });
        b.HasIndex(v => new { v.FieldId, v.LinkedId, v.EntityId });
    }
}

public static class CustomFieldsData
{
    extension(Platform.Data.OknoDb db)
    {
        public DbSet<CustomFieldDefinition> CustomFields => db.Set<CustomFieldDefinition>();
        public DbSet<CustomFieldValue> CustomFieldValues => db.Set<CustomFieldValue>();
    }
}
