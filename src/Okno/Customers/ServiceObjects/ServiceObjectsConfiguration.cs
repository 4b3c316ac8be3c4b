using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Tickets;

namespace Okno.Customers.ServiceObjects;

internal sealed class ServiceObjectConfiguration : IEntityTypeConfiguration<ServiceObject>
{
    public void Configure(EntityTypeBuilder<ServiceObject> b)
    {
        b.ToTable("ServiceObjects");
        b.Property(o => o.Name).HasMaxLength(ServiceObject.NameMaxLength);
        b.Property(o => o.Address).HasMaxLength(ServiceObject.AddressMaxLength);
        b.Property(o => o.WorkingHours).HasMaxLength(ServiceObject.WorkingHoursMaxLength);
        b.Property(o => o.AccessNotes).HasMaxLength(ServiceObject.AccessNotesMaxLength);
        b.Property(o => o.Notes).HasMaxLength(Contact.NotesMaxLength);
        // A company's objects, paged by id; a company with objects cannot be deleted from under them.
        b.HasIndex(o => new { o.CompanyId, o.Id });
        b.HasOne(o => o.Company).WithMany().HasForeignKey(o => o.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.ServiceObjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceObjectContactConfiguration : IEntityTypeConfiguration<ServiceObjectContact>
{
    public void Configure(EntityTypeBuilder<ServiceObjectContact> b)
    {
        b.ToTable("ServiceObjectContacts");
        b.HasKey(c => new { c.ServiceObjectId, c.ContactId });
        // A deleted contact simply stops being named on site.
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ContactId);
    }
}

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Equipment> b)
    {
        b.ToTable("Equipment");
        b.Property(e => e.Type).HasMaxLength(Equipment.FieldMaxLength);
        b.Property(e => e.Manufacturer).HasMaxLength(Equipment.FieldMaxLength);
        b.Property(e => e.Model).HasMaxLength(Equipment.FieldMaxLength);
        b.Property(e => e.SerialNumber).HasMaxLength(Equipment.SerialMaxLength);
        b.Property(e => e.SerialKey).HasMaxLength(Equipment.SerialMaxLength);
        b.Property(e => e.InventoryNumber).HasMaxLength(Equipment.SerialMaxLength);
        b.Property(e => e.Notes).HasMaxLength(Equipment.NotesMaxLength);
        b.Property(e => e.Parameters)
            .HasConversion(v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<EquipmentParameter>>(v, Json) ?? new List<EquipmentParameter>(),
                new ValueComparer<List<EquipmentParameter>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode())),
                    v => v.ToList()));
        // Exact and prefix search by serial ("starts with" is a range of this index on both databases, ordinal keys).
        b.HasIndex(e => new { e.SerialKey, e.Id });
        b.HasIndex(e => new { e.InventoryNumber, e.Id });
        b.HasIndex(e => new { e.ServiceObjectId, e.Id });
        b.HasIndex(e => new { e.CompanyId, e.Id });
        b.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.ServiceObject).WithMany().HasForeignKey(e => e.ServiceObjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EquipmentMoveConfiguration : IEntityTypeConfiguration<EquipmentMove>
{
    public void Configure(EntityTypeBuilder<EquipmentMove> b)
    {
        b.ToTable("EquipmentMoves");
        b.Property(m => m.Comment).HasMaxLength(EquipmentMove.CommentMaxLength);
        b.HasIndex(m => new { m.EquipmentId, m.Id });
        b.HasOne<Equipment>().WithMany().HasForeignKey(m => m.EquipmentId).OnDelete(DeleteBehavior.Cascade);
        // The history keeps the ids of objects deleted since (no foreign keys to them).
    }
}

/// <summary>Issue 20 "objects": the ticket's service object and equipment, indexed for "every ticket about it". Here and
/// not in TicketsConfiguration so the part's model stays in one file.</summary>
internal sealed class TicketServiceObjectConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.HasIndex(t => new { t.ServiceObjectId, t.Id });
        b.HasIndex(t => new { t.EquipmentId, t.Id });
        // No foreign keys: on SQLite adding one to Tickets rebuilds the whole table. Deleting an object or equipment
        // checks that no ticket names it instead.
    }
}
